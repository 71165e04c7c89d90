import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PlanRepository } from '../domain/ports';
import { useServices } from '../lib/services';

export const planQueryKey = (teamId: string) => ['plan', teamId] as const;

/** The team's plan as one query: used by the views, and prefetched when the tab opens (app/app.tsx). */
export function planQuery(planRepository: (teamId: string) => Pick<PlanRepository, 'load'>, teamId: string) {
  return queryOptions({ queryKey: planQueryKey(teamId), queryFn: () => planRepository(teamId).load() });
}

export function usePlan(teamId: string) {
  const { planRepository } = useServices();
  return useQuery(planQuery(planRepository, teamId));
}
