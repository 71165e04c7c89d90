/**
 * The team's roster as the rollout view reads it, and the board's writes. The query key is
 * ['roster', teamId]: union membership data, which lib/persisted-cache.ts never persists (only the
 * plan and team roots are kept). The board's read stores what the tenant says (Entra ids found, the
 * days tenant steps were first seen); after it, the plan's goals measured by a rollout step are
 * brought in line with the roster, so that such a goal follows the rollout by itself.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { TeamRole } from '../../domain/ports';
import type { NewRepresentative, RepresentativePatch, RosterSnapshot } from '../../domain/roster-port';
import { measuredGoalUpdates, type Representative, type RolloutStep, type StepMark } from '../../domain/roster';
import { planQueryKey, usePlan } from '../../hooks/use-plan';
import { teamMembersKey } from '../../hooks/use-team-role';
import { useServices } from '../../lib/services';
import { withRep } from './rollout-model';

export const rosterKey = (teamId: string) => ['roster', teamId] as const;

export function useRoster(teamId: string, role: TeamRole) {
  const { roster, session } = useServices();
  return useQuery({
    queryKey: rosterKey(teamId),
    queryFn: () => roster(teamId).refresh(session.today(), { write: role === 'board' }),
    // Reading the roster asks the directory about every representative: not on every focus.
    refetchOnWindowFocus: false,
    staleTime: 60_000,
  });
}

/**
 * For the board: once per roster read (or board write), the goals measured by a rollout step get
 * the roster's percentage as their current value (If-Match on each goal), then the plan is read
 * again. Waits until the plan is loaded and not being fetched, so the goals' eTags are fresh.
 */
export function useMeasuredGoalSync(teamId: string, role: TeamRole, snapshot: RosterSnapshot | undefined, rosterUpdatedAt: number): void {
  const { planRepository } = useServices();
  const queryClient = useQueryClient();
  const plan = usePlan(teamId);
  const done = useRef<number>(0);
  const goals = plan.data?.goals;
  const planReady = plan.isSuccess && !plan.isFetching;
  useEffect(() => {
    if (role !== 'board' || !snapshot || !goals || !planReady || done.current === rosterUpdatedAt) return;
    done.current = rosterUpdatedAt;
    const updates = measuredGoalUpdates(goals, snapshot.reps, snapshot.steps, snapshot.facts);
    if (updates.length === 0) return;
    void planRepository(teamId)
      .updateGoals(updates)
      .catch(() => undefined)
      .finally(() => void queryClient.invalidateQueries({ queryKey: planQueryKey(teamId) }));
  }, [goals, planReady, planRepository, queryClient, role, rosterUpdatedAt, snapshot, teamId]);
}

/** The board's writes to the roster; each keeps the cached snapshot in step with what was stored. */
export function useRosterActions(teamId: string) {
  const { roster, session } = useServices();
  const queryClient = useQueryClient();
  const port = useCallback(() => roster(teamId), [roster, teamId]);
  const put = useCallback(
    (rep: Representative) => queryClient.setQueryData<RosterSnapshot>(rosterKey(teamId), (old) => (old ? withRep(old, rep) : old)),
    [queryClient, teamId],
  );
  const reload = useCallback(() => queryClient.invalidateQueries({ queryKey: rosterKey(teamId) }), [queryClient, teamId]);

  const add = useCallback(
    async (rep: NewRepresentative, clientId: string) => {
      const added = await port().add({ ...rep, clientId });
      // The new person's account and membership are looked up in the tenant by the next read.
      await reload();
      return added;
    },
    [port, reload],
  );

  const update = useCallback(
    async (rep: Representative, patch: RepresentativePatch, ifMatch: string | null) => {
      const saved = await port().update(rep.id, patch, { ifMatch });
      // A changed address may find another account: read the tenant again.
      if (patch.email !== undefined && patch.email !== rep.email) await reload();
      else put(saved);
      return saved;
    },
    [port, put, reload],
  );

  const setMark = useCallback(
    async (rep: Representative, stepId: string, on: boolean) => {
      const mark: StepMark | null = on ? { on: session.today(), by: 'board' } : null;
      const saved = await port().setMark(rep, stepId, mark);
      // A withdrawn confirmation lives in another list: read the roster again to show it gone.
      if (!on && rep.marks[stepId]?.by === 'self') await reload();
      else put(saved);
      return saved;
    },
    [port, put, reload, session],
  );

  const invite = useCallback(
    async (rep: Representative) => {
      const member = await port().invite(rep);
      await Promise.all([reload(), queryClient.invalidateQueries({ queryKey: teamMembersKey(teamId) })]);
      return member;
    },
    [port, queryClient, reload, teamId],
  );

  const saveSteps = useCallback(
    async (steps: readonly RolloutStep[], plan: { readonly id: string; readonly etag: string | null }) => {
      const saved = await port().saveSteps(steps, plan);
      queryClient.setQueryData<RosterSnapshot>(rosterKey(teamId), (old) => (old ? { ...old, steps: [...steps], stepProblems: [], plan: { id: plan.id, etag: saved.etag } } : old));
      // The plan item changed (its eTag and its steps): the plan's cache follows.
      void queryClient.invalidateQueries({ queryKey: planQueryKey(teamId) });
      return saved;
    },
    [port, queryClient, teamId],
  );

  /** Reads the roster again and returns it (after a conflict: the stored version). */
  const latest = useCallback(async (): Promise<RosterSnapshot | null> => {
    await reload();
    return queryClient.getQueryData<RosterSnapshot>(rosterKey(teamId)) ?? null;
  }, [queryClient, reload, teamId]);

  return { add, update, setMark, invite, saveSteps, reload, latest };
}
