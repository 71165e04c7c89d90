/**
 * Changes to one Planner task or its details that survive someone else's change in between.
 *
 * Every PATCH and DELETE carries the object's etag as If-Match (tasks and their details have
 * separate etags; https://learn.microsoft.com/en-us/graph/api/resources/planner-overview). When
 * Planner answers 412 (the Graph client throws a GraphRequestError with status 412), or the answer
 * was lost, the object is read again and only the requested change is applied to what is there now
 * (assignments and checklist items as a diff against the fresh object), at most `TRIES` times.
 * After that the 412 GraphRequestError goes to the caller.
 */
import type { GraphApi } from '../../graph/client';
import type { GraphRequestError } from '../../graph/errors';
import { isAmbiguousFailure } from '../../graph/idempotent';
import { plannerCall, plannerError, retrySafe, sleep, type Delay } from './planner-errors';
import {
  NEW_ASSIGNMENT,
  assigneesOf,
  detailsPath,
  dueDateTime,
  taskPath,
  toBoardDetails,
  toBoardTask,
  type BoardTask,
  type BoardTaskDetails,
  type PlannerTaskDetails,
  type PlannerTaskResource,
} from './planner-resources';

/** Tries of one change (the first and two after a conflict). */
export const TRIES = 3;

export interface TaskUpdate {
  readonly title?: string;
  /** A calendar day (stored as noon UTC), or null to clear the due date. */
  readonly dueDay?: string | null;
  /** The assignees the task should have (Entra ids). */
  readonly assigneeIds?: readonly string[];
  /**
   * The assignees the caller saw with its etag. With it, the change is the difference between the
   * two (added and removed ids), so an assignee someone else added or removed meanwhile stays as
   * they left it; without it the task is read first and gets exactly `assigneeIds`.
   */
  readonly baseAssigneeIds?: readonly string[];
  readonly completed?: boolean;
}

export interface DetailsUpdate {
  readonly description?: string;
  /** Checklist items to add (client GUID keys); an item whose key is already there is left as it is. */
  readonly checklistAdd?: ReadonlyArray<{ readonly key: string; readonly title: string }>;
  /** Keys of checklist items to remove. */
  readonly checklistRemove?: readonly string[];
  /** Checklist items to tick or untick, by key (an item that is not there is left out). */
  readonly checklistChecked?: Readonly<Record<string, boolean>>;
}

export interface UpdateContext {
  readonly graph: GraphApi;
  readonly delay: Delay;
}

const RETURN_OBJECT = { Prefer: 'return=representation' } as const;

/** A conflict (412) or a lost answer: read the object again and re-apply the change. */
const mayReapply = (error: GraphRequestError) => error.status === 412 || isAmbiguousFailure(error);

/**
 * Update plannerTask (https://learn.microsoft.com/en-us/graph/api/plannertask-update) with If-Match;
 * `Prefer: return=representation` gives the task back with its new etag.
 */
export async function updateTask(ctx: UpdateContext, taskId: string, etag: string, change: TaskUpdate): Promise<BoardTask> {
  // Get plannerTask: https://learn.microsoft.com/en-us/graph/api/plannertask-get
  const read = () => retrySafe(() => ctx.graph.get<PlannerTaskResource>(taskPath(taskId)), ctx.delay);
  let fresh: PlannerTaskResource | null = change.assigneeIds && !change.baseAssigneeIds ? await read() : null;
  for (let attempt = 1; ; attempt++) {
    const body = taskBody(change, fresh);
    // Nothing (left) to change: no PATCH, which would only give the task a new etag.
    if (Object.keys(body).length === 0) return toBoardTask(fresh ?? (await read()));
    try {
      const answer = await plannerCall(() =>
        ctx.graph.patch<PlannerTaskResource | null | undefined>(taskPath(taskId), body, { headers: { 'If-Match': fresh?.['@odata.etag'] ?? etag, ...RETURN_OBJECT } }),
      );
      return toBoardTask(answer && typeof answer === 'object' && answer.id ? answer : await read());
    } catch (error) {
      const failure = plannerError(error);
      if (!mayReapply(failure) || attempt >= TRIES) throw failure;
      if (failure.status !== 412) await sleep(ctx.delay(attempt, failure));
      fresh = await read();
    }
  }
}

/** The PATCH body for the change; with `fresh`, only what differs from it. */
function taskBody(change: TaskUpdate, fresh: PlannerTaskResource | null): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (change.title !== undefined && change.title !== fresh?.title) body.title = change.title;
  if (change.dueDay !== undefined) {
    const due = dueDateTime(change.dueDay);
    if (!fresh || (fresh.dueDateTime?.slice(0, 10) ?? null) !== change.dueDay) body.dueDateTime = due;
  }
  if (change.completed !== undefined) {
    const done = (fresh?.percentComplete ?? -1) >= 100;
    if (!fresh || done !== change.completed) body.percentComplete = change.completed ? 100 : 0;
  }
  if (change.assigneeIds !== undefined) {
    const assignments = assignmentDiff(change.assigneeIds, change.baseAssigneeIds ?? null, fresh ? assigneesOf(fresh) : null);
    if (Object.keys(assignments).length > 0) body.assignments = assignments;
  }
  return body;
}

/**
 * Assignments as a diff (https://learn.microsoft.com/en-us/graph/api/resources/plannerassignments):
 * a new assignee with `@odata.type` and `orderHint`, a removed one as null. With a base, the change
 * is base → wanted, applied to `current` (the fresh task, or the base on the first try); without
 * one, `current` → wanted.
 */
export function assignmentDiff(wanted: readonly string[], base: readonly string[] | null, current: readonly string[] | null): Record<string, unknown> {
  const now = new Set(current ?? base ?? []);
  const from = new Set(base ?? current ?? []);
  const want = new Set(wanted);
  const out: Record<string, unknown> = {};
  for (const id of want) if (!from.has(id) && !now.has(id)) out[id] = { ...NEW_ASSIGNMENT };
  for (const id of from) if (!want.has(id) && now.has(id)) out[id] = null;
  return out;
}

/**
 * Update plannerTaskDetails (https://learn.microsoft.com/en-us/graph/api/plannertaskdetails-update)
 * with the details' etag as If-Match (read first when none is given). Returns the details as they
 * are after the change.
 */
export async function updateDetails(ctx: UpdateContext, taskId: string, change: DetailsUpdate, detailsEtag?: string): Promise<BoardTaskDetails> {
  // Get plannerTaskDetails: https://learn.microsoft.com/en-us/graph/api/plannertaskdetails-get
  const read = () => retrySafe(() => ctx.graph.get<PlannerTaskDetails>(detailsPath(taskId)), ctx.delay);
  let fresh: PlannerTaskDetails | null = detailsEtag === undefined ? await read() : null;
  for (let attempt = 1; ; attempt++) {
    const body = detailsChange(change, fresh);
    if (Object.keys(body).length === 0) return toBoardDetails(fresh ?? (await read()));
    try {
      const answer = await plannerCall(() =>
        ctx.graph.patch<PlannerTaskDetails | null | undefined>(detailsPath(taskId), body, {
          headers: { 'If-Match': fresh?.['@odata.etag'] ?? (detailsEtag as string), ...RETURN_OBJECT },
        }),
      );
      return toBoardDetails(answer && typeof answer === 'object' && answer['@odata.etag'] ? answer : await read());
    } catch (error) {
      const failure = plannerError(error);
      if (!mayReapply(failure) || attempt >= TRIES) throw failure;
      if (failure.status !== 412) await sleep(ctx.delay(attempt, failure));
      fresh = await read();
    }
  }
}

/** The details PATCH body; with `fresh`, only what is not there yet. */
function detailsChange(change: DetailsUpdate, fresh: PlannerTaskDetails | null): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (change.description !== undefined && change.description !== (fresh ? (fresh.description ?? '') : undefined)) body.description = change.description;
  const has = (key: string) => fresh?.checklist?.[key] !== undefined && fresh.checklist[key] !== null;
  const checklist: Record<string, unknown> = {};
  for (const item of change.checklistAdd ?? []) {
    if (!fresh || !has(item.key)) checklist[item.key] = { '@odata.type': 'microsoft.graph.plannerChecklistItem', title: item.title, isChecked: false };
  }
  for (const [key, isChecked] of Object.entries(change.checklistChecked ?? {})) {
    if (fresh && (!has(key) || fresh.checklist?.[key]?.isChecked === isChecked)) continue;
    const added = checklist[key];
    checklist[key] = added ? { ...(added as Record<string, unknown>), isChecked } : { '@odata.type': 'microsoft.graph.plannerChecklistItem', isChecked };
  }
  for (const key of change.checklistRemove ?? []) if (!fresh || has(key)) checklist[key] = null;
  if (Object.keys(checklist).length > 0) body.checklist = checklist;
  return body;
}

/**
 * Delete plannerTask (https://learn.microsoft.com/en-us/graph/api/plannertask-delete) with
 * If-Match; a stale etag re-reads the task and deletes it with its fresh etag; a task that is gone
 * (404) is deleted.
 */
export async function deleteTask(ctx: UpdateContext, taskId: string, etag: string): Promise<void> {
  let current = etag;
  for (let attempt = 1; ; attempt++) {
    try {
      await plannerCall(() => ctx.graph.delete(taskPath(taskId), { headers: { 'If-Match': current } }));
      return;
    } catch (error) {
      const failure = plannerError(error);
      if (failure.status === 404) return;
      if (!mayReapply(failure) || attempt >= TRIES) throw failure;
      if (failure.status !== 412) await sleep(ctx.delay(attempt, failure));
      try {
        current = (await retrySafe(() => ctx.graph.get<PlannerTaskResource>(taskPath(taskId)), ctx.delay))['@odata.etag'];
      } catch (readError) {
        if (plannerError(readError).status === 404) return;
        throw readError;
      }
    }
  }
}
