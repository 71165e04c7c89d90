/**
 * The board's writes on the Plan screen: add a goal, reorder, and delete with undo. Each keeps
 * the cached plan snapshot in step with what is stored, so the screen never refetches the whole
 * plan after one change.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LocalGoal, PlanSnapshot, PlannerBinding } from '../../domain/plan';
import type { PlannerPort } from '../../domain/planner-port';
import type { NewLocalGoal } from '../../domain/ports';
import { planQueryKey } from '../../hooks/use-plan';
import { useServices } from '../../lib/services';
import { applySortOrders, type SortOrderUpdate } from './plan-filter';

/** How long a deleted goal can be brought back before it is deleted in SharePoint. */
export const UNDO_WINDOW_MS = 10_000;

type Snapshot = PlanSnapshot | null | undefined;

const withGoals = (snapshot: Snapshot, goals: (old: readonly LocalGoal[]) => LocalGoal[]): Snapshot =>
  snapshot ? { ...snapshot, goals: goals(snapshot.goals) } : snapshot;

const named = (err: unknown, name: string) => err instanceof Error && err.name === name;

export function useCreateGoal(teamId: string) {
  const { planRepository } = useServices();
  const queryClient = useQueryClient();
  return useCallback(
    async (goal: NewLocalGoal): Promise<LocalGoal> => {
      const created = await planRepository(teamId).createGoal(goal);
      queryClient.setQueryData<Snapshot>(planQueryKey(teamId), (old) => withGoals(old, (goals) => [...goals, created]));
      return created;
    },
    [planRepository, queryClient, teamId],
  );
}

/**
 * Writes new sort orders (each with its goal's eTag as If-Match), showing the new order at once.
 * On any failure the plan is reloaded, so the screen shows what is really stored.
 */
export function useReorderGoals(teamId: string) {
  const { planRepository } = useServices();
  const queryClient = useQueryClient();
  return useCallback(
    async (updates: readonly SortOrderUpdate[]): Promise<boolean> => {
      if (updates.length === 0) return true;
      const key = planQueryKey(teamId);
      queryClient.setQueryData<Snapshot>(key, (old) => withGoals(old, (goals) => applySortOrders(goals, updates)));
      const repo = planRepository(teamId);
      try {
        for (const update of updates) {
          const saved = await repo.updateGoal(update.id, { sortOrder: update.sortOrder }, { ifMatch: update.etag });
          queryClient.setQueryData<Snapshot>(key, (old) => withGoals(old, (goals) => goals.map((g) => (g.id === saved.id ? saved : g))));
        }
        return true;
      } catch {
        await queryClient.invalidateQueries({ queryKey: key });
        return false;
      }
    },
    [planRepository, queryClient, teamId],
  );
}

export interface PendingDelete {
  readonly goal: LocalGoal;
  readonly until: number;
  /** Whether the goal's Planner tasks go with it. */
  readonly deleteTasks: boolean;
}

/** What to do with a goal's Planner tasks when it is deleted: kept (default), or deleted first in this plan. */
export interface DeleteOptions {
  readonly deleteTasks: boolean;
  readonly binding: PlannerBinding | null;
}

/** 'tasksFailed': the goal's Planner tasks could not be deleted, so the goal was not deleted either. */
export type DeleteOutcome = 'deleted' | 'conflict' | 'failed' | 'tasksFailed';

/**
 * Delete with undo. The goal is hidden at once and deleted in SharePoint only when the undo
 * window closes (or the screen is left). Undo therefore just shows it again: same id, same eTag,
 * every field, its check-ins, comments, version history and deep links intact — which
 * re-creating a deleted item could not give (a new id would orphan its check-ins). The delete
 * carries the eTag the board saw, so a goal someone changed meanwhile is not deleted blindly.
 * Should the tab be closed inside the window, the goal simply stays: nothing is ever lost.
 *
 * A goal whose Planner tasks are to go too has them deleted first, when the window closes; the
 * goal is deleted only once they are gone, so a failure leaves both the goal and its tasks.
 */
export function useDeleteWithUndo(teamId: string, onSettled: (goal: LocalGoal, outcome: DeleteOutcome) => void, planner: PlannerPort | null = null) {
  const { planRepository } = useServices();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<readonly PendingDelete[]>([]);
  const timers = useRef(new Map<string, { goal: LocalGoal; options: DeleteOptions; timer: ReturnType<typeof setTimeout> }>());
  const settled = useRef(onSettled);
  const plannerRef = useRef(planner);
  useEffect(() => {
    settled.current = onSettled;
    plannerRef.current = planner;
  }, [onSettled, planner]);

  const commit = useCallback(
    async (goal: LocalGoal, options: DeleteOptions, mounted: boolean) => {
      timers.current.delete(goal.id);
      let outcome: DeleteOutcome = 'deleted';
      if (options.deleteTasks && options.binding && (goal.tasks?.length ?? 0) > 0) {
        try {
          if (!plannerRef.current) throw new Error('No Planner port');
          await plannerRef.current.deleteTasksOf(goal, options.binding);
        } catch {
          outcome = 'tasksFailed';
        }
      }
      if (outcome === 'deleted') {
        try {
          await planRepository(teamId).deleteGoal(goal.id, { ifMatch: goal.etag ?? null });
        } catch (err) {
          outcome = named(err, 'NotFoundError') ? 'deleted' : named(err, 'ConflictError') ? 'conflict' : 'failed';
        }
      }
      const key = planQueryKey(teamId);
      if (outcome === 'deleted') {
        queryClient.setQueryData<Snapshot>(key, (old) => withGoals(old, (goals) => goals.filter((g) => g.id !== goal.id)));
      } else {
        void queryClient.invalidateQueries({ queryKey: key });
      }
      if (mounted) {
        setPending((list) => list.filter((p) => p.goal.id !== goal.id));
        settled.current(goal, outcome);
      }
    },
    [planRepository, queryClient, teamId],
  );

  const remove = useCallback(
    (goal: LocalGoal, options: DeleteOptions = { deleteTasks: false, binding: null }) => {
      const timer = setTimeout(() => void commit(goal, options, true), UNDO_WINDOW_MS);
      timers.current.set(goal.id, { goal, options, timer });
      setPending((list) => [...list, { goal, until: Date.now() + UNDO_WINDOW_MS, deleteTasks: options.deleteTasks }]);
    },
    [commit],
  );

  const undo = useCallback((goalId: string) => {
    const entry = timers.current.get(goalId);
    if (entry) clearTimeout(entry.timer);
    timers.current.delete(goalId);
    setPending((list) => list.filter((p) => p.goal.id !== goalId));
  }, []);

  // Leaving the screen ends the undo window: the deletes are sent now.
  useEffect(() => {
    const all = timers.current;
    return () => {
      for (const { goal, options, timer } of [...all.values()]) {
        clearTimeout(timer);
        void commit(goal, options, false);
      }
      all.clear();
    };
  }, [commit]);

  return { pending, remove, undo };
}
