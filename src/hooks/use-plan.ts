import { useQuery } from '@tanstack/react-query';
import { useServices } from '../lib/services';

export const planQueryKey = (teamId: string) => ['plan', teamId] as const;

export function usePlan(teamId: string) {
  const { planRepository } = useServices();
  return useQuery({
    queryKey: planQueryKey(teamId),
    queryFn: () => planRepository(teamId).load(),
  });
}
