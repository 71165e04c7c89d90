/** The signed-in user's role in a team, read from Graph team membership (owners are the board). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Directory, TeamRole } from '../domain/ports';
import { useServices } from '../lib/services';
import { meQuery } from './use-me';

export const teamMembersKey = (teamId: string) => ['team-members', teamId] as const;

/** The team's members and owners (the board), for the role, the owner pickers and Planner: one query everywhere. */
export function teamMembersQuery(directory: Pick<Directory, 'teamMembers'>, teamId: string) {
  return queryOptions({ queryKey: teamMembersKey(teamId), queryFn: () => directory.teamMembers(teamId), staleTime: 5 * 60_000 });
}

export function useTeamRole(teamId: string | null): { role: TeamRole | null; isLoading: boolean; error: unknown } {
  const { directory } = useServices();
  const me = useQuery(meQuery(directory));
  const members = useQuery({ ...teamMembersQuery(directory, teamId ?? ''), enabled: teamId !== null });
  let role: TeamRole | null = null;
  if (me.data && members.data) {
    // Matched on the Entra object id only: e-mail and sign-in name differ too often to be keys.
    const member = members.data.find((m) => m.id === me.data.id);
    role = member?.role ?? null;
  }
  // Loading until both answers (or an error) are in: not only while a request is under way. While
  // the persisted cache is being restored no request has started, and a role not known yet must
  // never show as "no access".
  const pending = (me.isPending && !me.error) || (teamId !== null && members.isPending && !members.error);
  return { role, isLoading: pending, error: me.error ?? members.error };
}
