/**
 * The plan's sync with the team's Planner board (issue 11), as the tab runs it: once per team per
 * session when a view that shows goals opens (only when the plan has a Planner binding), and again
 * whenever someone asks. Board members and stewards both run it; the port brings a steward's sync
 * in as check-ins only. Afterwards the plan is read again, so new check-ins and goal changes show.
 *
 * The sync is a query of its own (never persisted: its root is not in PERSISTED_QUERY_ROOTS), so
 * every view shares one result and one run: TanStack Query never runs a query's function twice at
 * once, and `sync()` joins a run that is already going. A failed sync is a state, never a thrown
 * error: the page works on without it.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { PlanSnapshot } from '../domain/plan';
import type { SyncConflict, SyncReport } from '../domain/planner-port';
import type { TeamMember, TeamRole } from '../domain/ports';
import { useServices } from '../lib/services';
import { planQueryKey, usePlan } from './use-plan';
import { teamMembersQuery, useTeamRole } from './use-team-role';

export const plannerSyncKey = (teamId: string) => ['planner-sync', teamId] as const;
/** The goal page's Planner tasks of a team (read again after every sync). */
export const plannerTasksKey = (teamId: string) => ['planner-tasks', teamId] as const;

export interface PlannerSyncState {
  /** Whether the plan has a Planner binding (the only case where there is anything to sync). */
  readonly bound: boolean;
  /** The signed-in user's role in the team, once known. */
  readonly role: TeamRole | null;
  /** The team's members (names for the people Planner names), empty until read. */
  readonly members: readonly TeamMember[];
  /** The last sync's report in this session, or null before the first. */
  readonly report: SyncReport | null;
  /** Why the last sync failed, or null. */
  readonly error: unknown;
  /** When the last sync finished (ms since the epoch), or null. */
  readonly syncedAt: number | null;
  readonly syncing: boolean;
  /** Syncs now (joins a sync that is already running); resolves to the report, or null when it failed. */
  readonly sync: () => Promise<SyncReport | null>;
  /** Settles a conflict (the goal's or the task's value is kept on both sides), then syncs again. Throws when the choice could not be saved. */
  readonly resolve: (conflict: SyncConflict, keep: 'plan' | 'planner') => Promise<void>;
}

const NOT_CONNECTED: SyncReport = { state: 'notConnected', checkIns: 0, tasksUpdated: 0, goalsUpdated: 0, unlinked: 0, adopted: 0, conflicts: [], deferred: 0, failures: [] };
const NO_MEMBERS: readonly TeamMember[] = [];

/** Whether a sync wrote to the plan (or found it changed meanwhile), so that the plan must be read again. */
export function changedPlan(report: SyncReport): boolean {
  return report.state === 'synced' && report.checkIns + report.goalsUpdated + report.deferred > 0;
}

export function usePlannerSync(teamId: string): PlannerSyncState {
  const services = useServices();
  const queryClient = useQueryClient();
  const plan = usePlan(teamId);
  const { role } = useTeamRole(teamId);
  const members = useQuery(teamMembersQuery(services.directory, teamId));
  const memberList = members.data ?? NO_MEMBERS;
  const bound = Boolean(plan.data?.plan.planner);

  /**
   * One sync. `fresh`: read the plan first (on demand, when someone may have changed it since it
   * was read; a goal written with an old eTag would only be deferred); otherwise the plan as it is
   * in the cache, which the first sync waits to be fresh.
   */
  const run = useCallback(
    async (fresh: boolean): Promise<SyncReport> => {
      const snapshot = fresh
        ? await queryClient.fetchQuery({ queryKey: planQueryKey(teamId), queryFn: () => services.planRepository(teamId).load(), staleTime: 0 })
        : queryClient.getQueryData<PlanSnapshot | null>(planQueryKey(teamId));
      if (!snapshot?.plan.planner || role === null) return NOT_CONNECTED;
      const report = await services.planner(teamId, { role, members: memberList }).sync(snapshot);
      void queryClient.invalidateQueries({ queryKey: plannerTasksKey(teamId) });
      if (changedPlan(report)) await queryClient.invalidateQueries({ queryKey: planQueryKey(teamId) });
      return report;
    },
    [queryClient, services, teamId, role, memberList],
  );

  const options = useMemo(() => ({ queryKey: plannerSyncKey(teamId), queryFn: () => run(false), retry: false, staleTime: Infinity, gcTime: Infinity }) as const, [teamId, run]);
  // Once per session: the first view that finds the plan bound (read fresh, the role and members
  // known) runs it; after that, only `sync()` does, also after a failure.
  const state = queryClient.getQueryState(options.queryKey);
  const attempted = (state?.dataUpdatedAt ?? 0) > 0 || (state?.errorUpdatedAt ?? 0) > 0;
  const ready = bound && role !== null && members.data !== undefined && !plan.isFetching;
  const query = useQuery({
    ...options,
    enabled: ready && !attempted,
    refetchOnMount: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retryOnMount: false,
  });

  const sync = useCallback(async (): Promise<SyncReport | null> => {
    try {
      // staleTime 0: always a new run (from the plan as stored), unless one is going, which this joins.
      return await queryClient.fetchQuery({ ...options, queryFn: () => run(true), staleTime: 0 });
    } catch {
      return null;
    }
  }, [queryClient, options, run]);

  const resolve = useCallback(
    async (conflict: SyncConflict, keep: 'plan' | 'planner'): Promise<void> => {
      const snapshot = queryClient.getQueryData<PlanSnapshot | null>(planQueryKey(teamId));
      const goal = snapshot?.goals.find((g) => g.id === conflict.goalId);
      if (!goal || role === null) return;
      await services.planner(teamId, { role, members: memberList }).resolve(goal, conflict.taskId, conflict.field, keep);
      // The goal has a new eTag: the sync after the choice reads the plan as stored first.
      await sync();
    },
    [queryClient, services, teamId, role, memberList, sync],
  );

  return {
    bound,
    role,
    members: memberList,
    report: query.data ?? null,
    error: query.error ?? null,
    syncedAt: query.dataUpdatedAt > 0 ? query.dataUpdatedAt : null,
    syncing: query.isFetching,
    sync,
    resolve,
  };
}
