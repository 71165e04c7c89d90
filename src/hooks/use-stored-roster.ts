/**
 * The team's roster as stored, without asking the tenant (one request): for a representative's own
 * checklist and the goal editor's list of rollout steps. The rollout view reads the full roster
 * (['roster', teamId]); both keys are under ['roster', teamId], so invalidating it refreshes both, and
 * lib/persisted-cache.ts never persists either (union membership data).
 */
import { useQuery } from '@tanstack/react-query';
import type { RosterSnapshot } from '../domain/roster-port';
import { useServices } from '../lib/services';

export const storedRosterKey = (teamId: string) => ['roster', teamId, 'stored'] as const;

export function useStoredRoster(teamId: string, options: { readonly enabled?: boolean } = {}) {
  const { roster, session } = useServices();
  return useQuery({
    queryKey: storedRosterKey(teamId),
    queryFn: (): Promise<RosterSnapshot> => roster(teamId).refresh(session.today(), { directory: false }),
    enabled: options.enabled ?? true,
    refetchOnWindowFocus: false,
    staleTime: 60_000,
    retry: false,
  });
}
