/**
 * Many goals become Planner tasks at once, each exactly once, in a few sequential round trips.
 *
 * A Planner task has no field for a client key, so a task's key is the reference back to its goal
 * (`referenceKey(goalUrl)`), written into its details right after the create. The round trips for
 * new goals (each `$batch` wave is up to four `$batch` requests of 20 in parallel, sent by the client):
 *  1. GET the plan's tasks (https://learn.microsoft.com/en-us/graph/api/plannerplan-list-tasks); the
 *     details of tasks titled like a goal that have references are read in a `$batch` to find the
 *     goals that already have their task (https://learn.microsoft.com/en-us/graph/api/plannertaskdetails-get);
 *  2. POST the missing tasks in `$batch` steps (https://learn.microsoft.com/en-us/graph/api/planner-post-tasks,
 *     https://learn.microsoft.com/en-us/graph/json-batching);
 *  3. GET their details in a `$batch` (each details object has its own etag);
 *  4. PATCH the details in a `$batch` with each details' etag as If-Match
 *     (https://learn.microsoft.com/en-us/graph/api/plannertaskdetails-update): description,
 *     checklist, preview and the reference;
 *  5. GET the plan's tasks again, for the tasks' etags after their details changed.
 *
 * Exactly once: a POST step whose answer is ambiguous (no answer, 408, 429 after the client's
 * retries, 5xx: graph/idempotent.ts) may have created its task. After each POST wave the plan's
 * tasks are read ONCE for all such steps; a task that was not there before, has the goal's title,
 * was created by this user and has no reference yet (or the goal's reference) is the goal's task;
 * only goals with no such task are POSTed again (at most `CREATE_ATTEMPTS` waves).
 */
import type { GraphApi } from '../../graph/client';
import { GraphRequestError } from '../../graph/errors';
import { isAmbiguousFailure } from '../../graph/idempotent';
import { PLANNER_LIMITS, type TaskDraft } from '../../domain/planner';
import { PlannerLimitError, SAFE_ATTEMPTS, batchSafe, retrySafe, sendWrites, sleep, stepError, succeeded, type Delay, type StepOutcome } from './planner-errors';
import {
  createTaskBody,
  creatorOf,
  detailsBody,
  detailsPath,
  referenceKey,
  referenceKeysOf,
  tasksPath,
  toBoardTask,
  type BoardTask,
  type PlannerTaskDetails,
  type PlannerTaskResource,
} from './planner-resources';

export interface NewTask {
  readonly bucketId: string;
  readonly draft: TaskDraft;
  /** The goal's URL: its reference key is the task's key. */
  readonly goalUrl: string;
  /** The reference's alias (shown in Planner), in the plan's language. */
  readonly goalLabel: string;
}

export type CreateTaskResult =
  | {
      readonly ok: true;
      /** True when this call created the task, false when the goal already had it. */
      readonly created: boolean;
      readonly task: BoardTask;
    }
  | {
      readonly ok: false;
      /** A PlannerLimitError for a limit, else the GraphRequestError Planner answered. */
      readonly error: GraphRequestError;
      /** The task, when it exists but its details could not be written. */
      readonly taskId: string | null;
    };

/** POST waves in all (the first and the creates sent again after ambiguous answers). */
export const CREATE_ATTEMPTS = 4;

interface Job {
  readonly item: NewTask;
  readonly key: string;
  task: PlannerTaskResource | null;
  /** Fresh details, or null when they must be read. */
  details: PlannerTaskDetails | null;
  created: boolean;
  /** The reference is written. */
  done: boolean;
  error: GraphRequestError | null;
}

export interface BulkContext {
  readonly graph: GraphApi;
  readonly userId: string;
  readonly delay: Delay;
}

/**
 * Results in input order (the same goal twice gets the same result). Throws only when the plan's
 * tasks cannot be read at all; a refusal of one goal's task is that goal's result.
 */
export async function createTasks(ctx: BulkContext, planId: string, items: readonly NewTask[]): Promise<CreateTaskResult[]> {
  if (items.length === 0) return [];
  // One job per key: the same goal twice is one task.
  const jobs = new Map<string, Job>();
  for (const item of items) {
    const key = referenceKey(item.goalUrl);
    if (!jobs.has(key)) jobs.set(key, { item, key, task: null, details: null, created: false, done: false, error: null });
  }
  const all = [...jobs.values()];
  for (const job of all) {
    // A checklist over the limit would leave a task without its details (and key): refused before
    // anything is written. Assignees over the limit are refused by Planner's create itself.
    if (job.item.draft.checklist.length > PLANNER_LIMITS.checklistItemsPerTask) job.error = new PlannerLimitError('checklistItemsPerTask');
  }
  const live = () => all.filter((j) => j.error === null);

  const before = await retrySafe(() => ctx.graph.getAll<PlannerTaskResource>(tasksPath(planId)), ctx.delay);
  const known = new Set(before.map((t) => t.id));
  await claim(ctx, live(), before, { onlyMine: false });
  for (const job of live()) if (job.task && job.details && referenceKeysOf(job.details).includes(job.key)) job.done = true;

  await createMissing(ctx, planId, live(), known);
  const written = await writeDetails(ctx, live().filter((j) => j.task !== null && !j.done));

  const after = written > 0 || all.some((j) => j.created) ? await retrySafe(() => ctx.graph.getAll<PlannerTaskResource>(tasksPath(planId)), ctx.delay) : before;
  const fresh = new Map(after.map((t) => [t.id, t]));
  return items.map((item): CreateTaskResult => {
    const job = jobs.get(referenceKey(item.goalUrl)) as Job;
    if (job.error !== null || job.task === null) {
      return { ok: false, error: job.error ?? new GraphRequestError(0, 'notCreated', 'The task was not created'), taskId: job.task?.id ?? null };
    }
    return { ok: true, created: job.created, task: toBoardTask(fresh.get(job.task.id) ?? job.task) };
  });
}

/**
 * Gives jobs without a task the task among `tasks` that is theirs: first one titled like the goal
 * that refers to it (its details are read when it has references), then one titled like the goal,
 * created by this user, with no reference yet (a create of ours whose details were not written).
 * Each task goes to one job. `onlyMine`: after an ambiguous create, only this user's tasks count.
 */
async function claim(ctx: BulkContext, jobs: readonly Job[], tasks: readonly PlannerTaskResource[], options: { onlyMine: boolean }): Promise<Job[]> {
  const open = jobs.filter((j) => j.task === null);
  const titles = new Set(open.map((j) => j.item.draft.title));
  const candidates = tasks.filter((t) => titles.has(t.title) && (!options.onlyMine || creatorOf(t) === ctx.userId));
  const withReferences = candidates.filter((t) => t.referenceCount !== 0);
  const details = await readDetails(ctx, withReferences.map((t) => t.id));
  const taken = new Set<string>();
  const matched: Job[] = [];
  const take = (job: Job, task: PlannerTaskResource) => {
    taken.add(task.id);
    job.task = task;
    job.details = details.get(task.id) ?? null;
    matched.push(job);
  };
  for (const job of open) {
    const task = candidates.find((t) => !taken.has(t.id) && t.title === job.item.draft.title && referenceKeysOf(details.get(t.id) ?? {}).includes(job.key));
    if (task) take(job, task);
  }
  const noReference = (t: PlannerTaskResource) => {
    const read = details.get(t.id);
    return read ? referenceKeysOf(read).length === 0 : t.referenceCount === 0;
  };
  for (const job of open) {
    if (job.task !== null) continue;
    const task = candidates.find((t) => !taken.has(t.id) && t.title === job.item.draft.title && creatorOf(t) === ctx.userId && noReference(t));
    if (task) take(job, task);
  }
  return matched;
}

/** POSTs the tasks jobs lack, resolving ambiguous answers by one re-read per wave. */
async function createMissing(ctx: BulkContext, planId: string, jobs: readonly Job[], known: Set<string>): Promise<void> {
  let pending = jobs.filter((j) => j.task === null);
  for (let attempt = 1; pending.length > 0; attempt++) {
    const outcomes = await sendWrites(
      ctx.graph,
      pending.map((job, i) => ({
        id: String(i),
        method: 'POST',
        url: '/planner/tasks',
        headers: { 'Content-Type': 'application/json' },
        body: createTaskBody(planId, job.item.bucketId, job.item.draft),
      })),
    );
    const ambiguous: Job[] = [];
    let lastError: GraphRequestError | null = null;
    pending.forEach((job, i) => {
      const outcome = outcomes[i] as StepOutcome;
      if (outcome.ok) {
        job.task = outcome.body as PlannerTaskResource;
        job.created = true;
        known.add(job.task.id);
      } else if (isAmbiguousFailure(outcome.error)) {
        ambiguous.push(job);
        lastError = outcome.error;
      } else {
        job.error = outcome.error;
      }
    });
    if (ambiguous.length === 0) return;
    // One re-read for every ambiguous step of the wave: tasks that were not there before.
    const now = await retrySafe(() => ctx.graph.getAll<PlannerTaskResource>(tasksPath(planId)), ctx.delay);
    for (const job of await claim(ctx, ambiguous, now.filter((t) => !known.has(t.id)), { onlyMine: true })) {
      job.created = true;
      if (job.task) known.add(job.task.id);
    }
    pending = ambiguous.filter((j) => j.task === null);
    if (pending.length === 0) return;
    if (attempt >= CREATE_ATTEMPTS) {
      for (const job of pending) job.error = lastError;
      return;
    }
    await sleep(ctx.delay(attempt, lastError));
  }
}

/** The details of these tasks (404: the task is gone, left out). */
async function readDetails(ctx: BulkContext, taskIds: readonly string[]): Promise<Map<string, PlannerTaskDetails>> {
  const out = new Map<string, PlannerTaskDetails>();
  if (taskIds.length === 0) return out;
  const answers = await batchSafe(ctx.graph, taskIds.map((id, i) => ({ id: String(i), method: 'GET', url: detailsPath(id) })), ctx.delay);
  taskIds.forEach((taskId, i) => {
    const result = answers.get(String(i));
    if (succeeded(result)) out.set(taskId, result?.body as PlannerTaskDetails);
    else if (result?.status !== 404) throw stepError(result);
  });
  return out;
}

/**
 * Writes each job's details (reads them first where needed) with If-Match; a 412 or an ambiguous
 * answer re-reads the details and tries again (a write that was stored then shows the reference
 * and is not sent again). Returns how many PATCHes succeeded.
 */
async function writeDetails(ctx: BulkContext, jobs: readonly Job[]): Promise<number> {
  let written = 0;
  let pending = [...jobs];
  for (let attempt = 1; pending.length > 0; attempt++) {
    const unread = pending.filter((j) => j.details === null);
    const read = await batchSafe(ctx.graph, unread.map((j, i) => ({ id: String(i), method: 'GET', url: detailsPath(taskOf(j).id) })), ctx.delay);
    unread.forEach((job, i) => {
      const result = read.get(String(i));
      if (succeeded(result)) job.details = result?.body as PlannerTaskDetails;
      else job.error = stepError(result);
    });
    for (const job of pending) if (job.details !== null && referenceKeysOf(job.details).includes(job.key)) job.done = true;
    const toWrite = pending.filter((j) => j.error === null && !j.done);
    if (toWrite.length === 0) return written;
    const outcomes = await sendWrites(
      ctx.graph,
      toWrite.map((job, i) => ({
        id: String(i),
        method: 'PATCH',
        url: detailsPath(taskOf(job).id),
        headers: { 'Content-Type': 'application/json', 'If-Match': (job.details as PlannerTaskDetails)['@odata.etag'] },
        body: detailsBody(job.item.draft, job.key, job.item.goalLabel),
      })),
    );
    const again: Job[] = [];
    let lastError: GraphRequestError | null = null;
    toWrite.forEach((job, i) => {
      const outcome = outcomes[i] as StepOutcome;
      if (outcome.ok) {
        job.done = true;
        written++;
      } else if (outcome.error.status === 412 || isAmbiguousFailure(outcome.error)) {
        job.details = null;
        again.push(job);
        lastError = outcome.error;
      } else {
        job.error = outcome.error;
      }
    });
    if (again.length > 0 && attempt >= SAFE_ATTEMPTS) {
      for (const job of again) job.error = lastError;
      return written;
    }
    pending = again;
    if (again.length > 0) await sleep(ctx.delay(attempt, lastError));
  }
  return written;
}

const taskOf = (job: Job): PlannerTaskResource => {
  if (!job.task) throw new Error('A job without a task has no details');
  return job.task;
};
