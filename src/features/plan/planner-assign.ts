/**
 * The board's bulk action on the Plan screen (issue 11), the pure part: which goals a selection
 * holds, which `createTasks` calls give owners to exactly the goals the board chose, what the
 * preview shows for them, and how a failure reads. No React, no I/O: unit-tested.
 */
import { MAX_GOAL_OWNERS, type LocalGoal, type PersonRef } from '../../domain/plan';
import { PLANNER_LIMITS, type PlannerLimit } from '../../domain/planner';
import type { CreateTasksReport, TaskPreview } from '../../domain/planner-port';
import type { MessageKey } from '../../i18n';

/** Which selected goals get the owners picked in the dialog. */
export type OwnerScope = 'ownerless' | 'all' | 'none';

/** One `createTasks` call: these goals, with these owners (null: owners unchanged). */
export interface AssignCall {
  readonly goalIds: readonly string[];
  readonly owners: readonly PersonRef[] | null;
}

/** The selection with one goal added or removed. */
export function toggled(selection: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selection);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** The selection with all of `ids` added (`on`) or removed. */
export function withAll(selection: ReadonlySet<string>, ids: readonly string[], on: boolean): Set<string> {
  const next = new Set(selection);
  for (const id of ids) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** Whether all, some or none of `ids` are selected (an empty list is 'none'). */
export function selectionState(selection: ReadonlySet<string>, ids: readonly string[]): 'all' | 'some' | 'none' {
  const chosen = ids.filter((id) => selection.has(id)).length;
  if (chosen === 0) return 'none';
  return chosen === ids.length ? 'all' : 'some';
}

/** The goals without an owner. */
export function ownerlessIds(goals: readonly LocalGoal[]): string[] {
  return goals.filter((g) => g.owners.length === 0).map((g) => g.id);
}

/** The selected ids that are goals of the plan, in the plan's order. */
export function selectedGoals(goals: readonly LocalGoal[], selection: ReadonlySet<string>): LocalGoal[] {
  return goals.filter((g) => selection.has(g.id));
}

/** The owners a goal ends up with: the picked ones (at most MAX_GOAL_OWNERS) when the scope gives them to it. */
export function ownersFor(goal: LocalGoal, owners: readonly PersonRef[], scope: OwnerScope): readonly PersonRef[] | null {
  if (owners.length === 0 || scope === 'none') return null;
  if (scope === 'ownerless' && goal.owners.length > 0) return null;
  return owners.slice(0, MAX_GOAL_OWNERS);
}

/**
 * The `createTasks` calls for the selected goals. `createTasks` gives its owners to every goal it
 * is given, so 'ownerless' is two calls: the goals without an owner with the owners, then the
 * others unchanged. Calls without goals are left out.
 */
export function assignCalls(goals: readonly LocalGoal[], owners: readonly PersonRef[], scope: OwnerScope): AssignCall[] {
  const ids = goals.map((g) => g.id);
  if (owners.length === 0 || scope === 'none') return ids.length ? [{ goalIds: ids, owners: null }] : [];
  const picked = owners.slice(0, MAX_GOAL_OWNERS);
  if (scope === 'all') return ids.length ? [{ goalIds: ids, owners: picked }] : [];
  const ownerless = goals.filter((g) => g.owners.length === 0).map((g) => g.id);
  const rest = goals.filter((g) => g.owners.length > 0).map((g) => g.id);
  return [
    ...(ownerless.length ? [{ goalIds: ownerless, owners: picked }] : []),
    ...(rest.length ? [{ goalIds: rest, owners: null }] : []),
  ];
}

/**
 * The preview as the tasks will be: `preview` is asked without owners (so it need not be read
 * again while the board picks people), and the rows of goals that get the picked owners are
 * assigned to them, as `createTasks` assigns a task to its goal's owners.
 */
export function withPickedOwners(preview: TaskPreview, goals: readonly LocalGoal[], owners: readonly PersonRef[], scope: OwnerScope): TaskPreview {
  const byId = new Map(goals.map((g) => [g.id, g]));
  return {
    ...preview,
    tasks: preview.tasks.map((row) => {
      const goal = byId.get(row.goalId);
      const given = goal ? ownersFor(goal, owners, scope) : null;
      return given ? { ...row, assigneeIds: given.map((o) => o.id) } : row;
    }),
  };
}

/** Reports of several calls as one. */
export function mergeReports(reports: readonly CreateTasksReport[]): CreateTasksReport {
  return {
    planId: reports[reports.length - 1]?.planId ?? '',
    created: reports.reduce((n, r) => n + r.created, 0),
    existing: reports.reduce((n, r) => n + r.existing, 0),
    failed: reports.flatMap((r) => r.failed),
    alreadyLinked: reports.reduce((n, r) => n + r.alreadyLinked, 0),
  };
}

export interface Reason {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, number>>;
}

const LIMITS = Object.keys(PLANNER_LIMITS) as PlannerLimit[];

/** The translated message for a Planner limit, with the limit's number. */
export function limitReason(limit: PlannerLimit): Reason {
  return { key: `plannerAssign.limit.${limit}`, params: { max: PLANNER_LIMITS[limit] } };
}

const field = (error: unknown, name: string): unknown => (typeof error === 'object' && error !== null && name in error ? (error as Record<string, unknown>)[name] : undefined);
const named = (error: unknown, name: string) => error instanceof Error && error.name === name;

/**
 * Why creating a goal's task (or the whole run) failed, in words: a Planner limit (the adapter's
 * PlannerLimitError, recognised by its name and `limit`, since features do not import adapters),
 * the board's rights, someone else's change, or what the HTTP status says.
 */
export function failureReason(error: unknown): Reason {
  if (named(error, 'PlannerLimitError')) {
    const limit = field(error, 'limit');
    if (typeof limit === 'string' && (LIMITS as string[]).includes(limit)) return limitReason(limit as PlannerLimit);
  }
  if (named(error, 'AccessDeniedError')) return { key: 'plannerAssign.reason.denied' };
  if (named(error, 'ConflictError')) return { key: 'plannerAssign.reason.conflict' };
  if (named(error, 'NotFoundError')) return { key: 'plannerAssign.reason.notFound' };
  const status = Number(field(error, 'status'));
  if (status === 403) return { key: 'plannerAssign.reason.forbidden' };
  if (status === 404 || status === 410) return { key: 'plannerAssign.reason.notFound' };
  if (status === 412 || status === 409) return { key: 'plannerAssign.reason.conflict' };
  if (status === 429 || status === 503 || status === 504) return { key: 'plannerAssign.reason.throttled' };
  if (status === 0 || status === -1 || error instanceof TypeError) return { key: 'plannerAssign.reason.network' };
  return { key: 'plannerAssign.reason.generic' };
}

/** Whether `createTasks` refused because the team's Planner plan can no longer be reached. */
export function isPlanUnreachable(error: unknown): boolean {
  return named(error, 'PlannerPlanUnreachableError');
}
