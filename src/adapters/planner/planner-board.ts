/**
 * A team's Microsoft Planner board through the one Graph client (issue 11): the plan in the team's
 * Microsoft 365 group, one bucket per area, one task per goal with its details (description,
 * checklist, a reference back to the goal). Graph semantics (facts sheet §7, Microsoft Learn
 * planner-overview, plannertask, plannertaskdetails-update): every object has its own etag and
 * PATCH/DELETE need If-Match; assignments are keyed by Entra id with `@odata.type` and `orderHint`;
 * references are keyed by percent-encoded URLs.
 *
 * Exactly once (graph/idempotent.ts): a Planner task has no field for a client key, so a task's key
 * is the reference back to its goal, written into its details right after the create. After an
 * ambiguous failure the plan's tasks with the same title created by this user are looked at: one
 * that refers to the goal, or one with no reference yet (our create whose answer was lost before
 * its details were written), is the task; only when there is none is the create sent again.
 * `createTasks` does the same for many goals in a few `$batch` round trips (bulk-create.ts).
 *
 * Files: planner-resources.ts (Graph shapes and the typed views), planner-errors.ts (limits as
 * PlannerLimitError, retries), bulk-create.ts (createTasks), task-updates.ts (changes with If-Match
 * that survive a concurrent change). Endpoints used here:
 * - List plans of a group: https://learn.microsoft.com/en-us/graph/api/plannergroup-list-plans
 * - Create plannerPlan: https://learn.microsoft.com/en-us/graph/api/planner-post-plans
 * - Get plannerPlan: https://learn.microsoft.com/en-us/graph/api/plannerplan-get
 * - List buckets: https://learn.microsoft.com/en-us/graph/api/plannerplan-list-buckets
 * - Create plannerBucket: https://learn.microsoft.com/en-us/graph/api/planner-post-buckets
 * - List tasks of a plan: https://learn.microsoft.com/en-us/graph/api/plannerplan-list-tasks
 * - Create plannerTask: https://learn.microsoft.com/en-us/graph/api/planner-post-tasks
 * - Get plannerTask: https://learn.microsoft.com/en-us/graph/api/plannertask-get
 * - Update plannerTask: https://learn.microsoft.com/en-us/graph/api/plannertask-update
 * - Get plannerTaskDetails: https://learn.microsoft.com/en-us/graph/api/plannertaskdetails-get
 * - Update plannerTaskDetails: https://learn.microsoft.com/en-us/graph/api/plannertaskdetails-update
 * - JSON batching: https://learn.microsoft.com/en-us/graph/json-batching
 */
import type { GraphApi } from '../../graph/client';
import { createExactlyOnce, defaultDelay } from '../../graph/idempotent';
import type { TaskDraft } from '../../domain/planner';
import { createTasks, type CreateTaskResult, type NewTask } from './bulk-create';
import { batchSafe, plannerCall, plannerError, retrySafe, stepError, succeeded, type Delay } from './planner-errors';
import {
  compareOrdinal,
  createTaskBody,
  detailsBody,
  detailsPath,
  referenceKey,
  tasksPath,
  taskPath,
  toBoardTask,
  toBoardTaskFull,
  type BoardTask,
  type BoardTaskDetails,
  type BoardTaskFull,
  type PlannerBucket,
  type PlannerPlan,
  type PlannerTaskDetails,
  type PlannerTaskResource,
} from './planner-resources';
import { deleteTask, updateDetails, updateTask, type DetailsUpdate, type TaskUpdate } from './task-updates';

export { PlannerLimitError } from './planner-errors';
export { referenceKey } from './planner-resources';
export type { BoardChecklistItem, BoardTask, BoardTaskDetails, BoardTaskFull } from './planner-resources';
export type { CreateTaskResult, NewTask } from './bulk-create';
export type { DetailsUpdate, TaskUpdate } from './task-updates';

/** Whether Graph can reach a plan: 'unreachable' when it was deleted or is a premium plan (404/403). */
export type PlanStatus = 'ok' | 'unreachable';

export class GraphPlannerBoard {
  constructor(
    private readonly graph: GraphApi,
    /** The signed-in user's Entra id (a task whose answer was lost is recognised as theirs). */
    private readonly userId: string,
    private readonly retryDelayMs?: (attempt: number, error: unknown) => number,
  ) {}

  /** The team group's plan with this title, created when there is none (once, whatever the network does). */
  async ensurePlan(groupId: string, title: string): Promise<{ id: string; title: string }> {
    const find = async () =>
      (await plannerCall(() => this.graph.getAll<PlannerPlan>(`/groups/${encodeURIComponent(groupId)}/planner/plans`))).find((p) => p.title === title) ?? null;
    const existing = await find();
    if (existing) return { id: existing.id, title: existing.title };
    const plan = await createExactlyOnce({
      create: () => plannerCall(() => this.graph.post<PlannerPlan>('/planner/plans', { container: { url: `https://graph.microsoft.com/v1.0/groups/${groupId}` }, title })),
      find,
      ...this.delays(),
    });
    return { id: plan.id, title: plan.title };
  }

  /** The plan's bucket with this name, created when there is none. */
  async ensureBucket(planId: string, name: string): Promise<{ id: string; name: string }> {
    const find = async () => (await this.bucketsOf(planId)).find((b) => b.name === name) ?? null;
    const existing = await find();
    if (existing) return existing;
    return this.createBucket(planId, name);
  }

  /**
   * Creates a bucket the caller knows is missing (it listed the plan's buckets), exactly once: after
   * an ambiguous failure the plan's buckets are looked at before anything is sent again.
   */
  async createBucket(planId: string, name: string): Promise<{ id: string; name: string }> {
    const bucket = await createExactlyOnce({
      create: () => plannerCall(() => this.graph.post<PlannerBucket>('/planner/buckets', { name, planId, orderHint: ' !' })),
      find: async () => (await this.bucketsOf(planId)).find((b) => b.name === name) ?? null,
      ...this.delays(),
    });
    return { id: bucket.id, name: bucket.name };
  }

  /**
   * The plan's buckets in board order (orderHint, ordinal), by id: a caller that stored a bucket's
   * id keeps using it after someone renamed the bucket in Planner.
   */
  async bucketsOf(planId: string): Promise<Array<{ id: string; name: string }>> {
    const buckets = await retrySafe(() => this.graph.getAll<PlannerBucket>(`/planner/plans/${encodeURIComponent(planId)}/buckets`), this.delay);
    return [...buckets].sort((a, b) => compareOrdinal(a.orderHint ?? '', b.orderHint ?? '')).map((b) => ({ id: b.id, name: b.name }));
  }

  /**
   * Whether Graph can reach the plan: 404 (deleted) or 403 (no access, or a premium plan, which
   * Graph Planner cannot reach: https://learn.microsoft.com/en-us/graph/api/resources/planner-overview)
   * is 'unreachable'; other failures are thrown.
   */
  async planStatus(planId: string): Promise<PlanStatus> {
    try {
      await retrySafe(() => this.graph.get<PlannerPlan>(`/planner/plans/${encodeURIComponent(planId)}`), this.delay);
      return 'ok';
    } catch (error) {
      const failure = plannerError(error);
      if (failure.status === 404 || failure.status === 403) return 'unreachable';
      throw failure;
    }
  }

  /** The plan's tasks. */
  async tasks(planId: string): Promise<BoardTask[]> {
    return (await plannerCall(() => this.graph.getAll<PlannerTaskResource>(tasksPath(planId)))).map(toBoardTask);
  }

  /**
   * The plan's tasks with their details: one read of the tasks, then every task's details in
   * `$batch` requests of 20 sent in parallel by the client (not one GET per task). A task deleted
   * between the two reads (its details 404) is left out.
   */
  async readBoard(planId: string): Promise<BoardTaskFull[]> {
    const tasks = await retrySafe(() => this.graph.getAll<PlannerTaskResource>(tasksPath(planId)), this.delay);
    const answers = await batchSafe(this.graph, tasks.map((t, i) => ({ id: String(i), method: 'GET', url: detailsPath(t.id) })), this.delay);
    const out: BoardTaskFull[] = [];
    tasks.forEach((task, i) => {
      const result = answers.get(String(i));
      if (succeeded(result)) out.push(toBoardTaskFull(task, result?.body as PlannerTaskDetails));
      else if (result?.status !== 404) throw stepError(result);
    });
    return out;
  }

  /**
   * Creates the task for a goal exactly once: the task, then its details (description, checklist
   * and the reference `goalUrl`, which is the task's key).
   */
  async createTask(planId: string, bucketId: string, draft: TaskDraft, goalUrl: string, goalLabel: string): Promise<BoardTask> {
    const key = referenceKey(goalUrl);
    const task = await createExactlyOnce({
      create: () => plannerCall(() => this.graph.post<PlannerTaskResource>('/planner/tasks', createTaskBody(planId, bucketId, draft))),
      find: () => this.findTask(planId, draft.title, key),
      ...this.delays(),
    });
    await this.writeDetails(task.id, draft, key, goalLabel);
    return toBoardTask(await plannerCall(() => this.graph.get<PlannerTaskResource>(taskPath(task.id))));
  }

  /**
   * Creates the tasks for many goals, each exactly once, in a few sequential round trips (60 goals:
   * five); results in input order. A goal that already has its task gets it back (created: false);
   * a refusal is that goal's result (a limit as PlannerLimitError), not a failure of the others.
   * A goal's existing task is recognised by its title and reference: a task renamed in Planner is
   * found through `readBoard`'s referenceKeys, which a caller checks before asking for new tasks.
   */
  async createTasks(planId: string, items: readonly NewTask[]): Promise<CreateTaskResult[]> {
    return createTasks({ graph: this.graph, userId: this.userId, delay: this.delay }, planId, items);
  }

  /** Marks a task complete or open again (If-Match: a stale etag is a ConflictError for the sync to re-read). */
  async setCompleted(taskId: string, completed: boolean, etag: string): Promise<void> {
    await plannerCall(() => this.graph.patch(taskPath(taskId), { percentComplete: completed ? 100 : 0 }, { headers: { 'If-Match': etag } }));
  }

  /**
   * Changes a task's title, due day, assignees or completion with If-Match; after a 412 the task is
   * read again and only this change is applied to it (at most three tries). Returns the task as it is now.
   */
  updateTask(taskId: string, etag: string, change: TaskUpdate): Promise<BoardTask> {
    return updateTask({ graph: this.graph, delay: this.delay }, taskId, etag, change);
  }

  /** Changes a task's description and checklist items with the details' etag (read first when not given). */
  updateDetails(taskId: string, change: DetailsUpdate, detailsEtag?: string): Promise<BoardTaskDetails> {
    return updateDetails({ graph: this.graph, delay: this.delay }, taskId, change, detailsEtag);
  }

  /** Deletes a task with If-Match; a stale etag is re-read, and a task that is already gone is fine. */
  deleteTask(taskId: string, etag: string): Promise<void> {
    return deleteTask({ graph: this.graph, delay: this.delay }, taskId, etag);
  }

  private async writeDetails(taskId: string, draft: TaskDraft, key: string, goalLabel: string): Promise<void> {
    const details = await plannerCall(() => this.graph.get<PlannerTaskDetails>(detailsPath(taskId)));
    if (details.references?.[key]) return;
    await plannerCall(() => this.graph.patch(detailsPath(taskId), detailsBody(draft, key, goalLabel), { headers: { 'If-Match': details['@odata.etag'] } }));
  }

  /** The task for this key: one that refers to the goal, or our own with no reference yet. */
  private async findTask(planId: string, title: string, key: string): Promise<PlannerTaskResource | null> {
    const candidates = (await plannerCall(() => this.graph.getAll<PlannerTaskResource>(tasksPath(planId)))).filter(
      (t) => t.title === title && t.createdBy?.user?.id === this.userId,
    );
    for (const task of candidates) {
      const details = await plannerCall(() => this.graph.get<PlannerTaskDetails>(detailsPath(task.id)));
      const references = Object.keys(details.references ?? {});
      if (references.includes(key) || references.length === 0) return task;
    }
    return null;
  }

  private readonly delay: Delay = (attempt, error) => (this.retryDelayMs ?? defaultDelay)(attempt, error);

  private delays() {
    return this.retryDelayMs ? { delayMs: this.retryDelayMs } : {};
  }
}
