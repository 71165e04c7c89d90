/** The signed-in user's role in a team, read from Graph team membership (owners are the board). */
import { useQuery } from '@tanstack/react-query';
import type { TeamRole } from '../domain/ports';
import { useServices } from '../lib/services';
import { meKey } from './use-me';

export const teamMembersKey = (teamId: string) => ['team-members', teamId] as const;

export function useTeamRole(teamId: string | null): { role: TeamRole | null; isLoading: boolean; error: unknown } {
  const { directory } = useServices();
  const me = useQuery({ queryKey: meKey, queryFn: () => directory.me(), staleTime: Infinity });
  const members = useQuery({
    queryKey: teamMembersKey(teamId ?? ''),
    queryFn: () => directory.teamMembers(teamId as string),
    enabled: teamId !== null,
    staleTime: 5 * 60_000,
  });
  let role: TeamRole | null = null;
  if (me.data && members.data) {
    // Matched on the Entra object id only: e-mail and sign-in name differ too often to be keys.
    const member = members.data.find((m) => m.id === me.data.id);
    role = member?.role ?? null;
  }
  return { role, isLoading: me.isLoading || members.isLoading, error: me.error ?? members.error };
}
