/**
 * The first screen's Graph reads, started the moment sign-in can give a token (main.tsx): the plan,
 * the user's directory entry and the team's members (which make the role), in parallel with the
 * view's code, the theme, the language and the persisted cache — not after them (issue 16).
 *
 * Safe alongside the persisted cache: restoring never replaces data newer than what was stored,
 * and a restored query already being fetched is not fetched again (app.tsx, `refreshRestored`).
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Directory, PlanRepository } from '../domain/ports';
import { planQuery } from '../hooks/use-plan';
import { meQuery } from '../hooks/use-me';
import { teamMembersQuery } from '../hooks/use-team-role';
import { parseRoute } from '../lib/navigation';

/** What the first screen reads through (the app's services, narrowed to these reads). */
export interface FirstScreenReads {
  planRepository(teamId: string): Pick<PlanRepository, 'load'>;
  readonly directory: Pick<Directory, 'me' | 'teamMembers'>;
}

export function startFirstScreen(queryClient: QueryClient, services: FirstScreenReads, teamId: string | null, hash: string): void {
  // The configuration page and the personal views read other things.
  if (!teamId || parseRoute(hash) !== 'tab') return;
  void queryClient.prefetchQuery(planQuery(services.planRepository, teamId));
  void queryClient.prefetchQuery(meQuery(services.directory));
  void queryClient.prefetchQuery(teamMembersQuery(services.directory, teamId));
}
