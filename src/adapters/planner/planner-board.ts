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
 */
import type { GraphApi } from '../../graph/client';
import { createExactlyOnce } from '../../graph/idempotent';
import type { TaskDraft } from '../../domain/planner';

interface PlannerPlan {
  readonly id: string;
  readonly title: string;
  readonly '@odata.etag'?: string;
}

interface PlannerBucket {
  readonly id: string;
  readonly name: string;
  readonly planId: string;
}

interface PlannerTaskResource {
  readonly id: string;
  readonly planId: string;
  readonly bucketId: string | null;
  readonly title: string;
  readonly percentComplete: number;
  readonly dueDateTime: string | null;
  readonly assignments: Readonly<Record<string, unknown>>;
  readonly createdBy?: { readonly user?: { readonly id?: string } };
  readonly '@odata.etag': string;
}

interface PlannerTaskDetails {
  readonly references?: Readonly<Record<string, unknown>>;
  readonly '@odata.etag': string;
}

export interface BoardTask {
  readonly id: string;
  readonly title: string;
  readonly bucketId: string | null;
  readonly completed: boolean;
  /** The due day (YYYY-MM-DD, UTC), or null. */
  readonly dueDay: string | null;
  /** Sorted Entra ids. */
  readonly assigneeIds: readonly string[];
  readonly etag: string;
}

/** A reference key: the URL with `. : % @ #` percent-encoded, as Planner requires. */
export function referenceKey(url: string): string {
  return url.replace(/[%.:@#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Noon UTC on the due day: the same calendar day in every time zone Planner users are in (±11 h). */
const dueDateTime = (day: string | null): string | null => (day ? `${day}T12:00:00Z` : null);

function toBoardTask(task: PlannerTaskResource): BoardTask {
  return {
    id: task.id,
    title: task.title,
    bucketId: task.bucketId,
    completed: task.percentComplete >= 100,
    dueDay: task.dueDateTime ? task.dueDateTime.slice(0, 10) : null,
    assigneeIds: Object.keys(task.assignments ?? {}).sort(),
    etag: task['@odata.etag'],
  };
}

export class GraphPlannerBoard {
  constructor(
    private readonly graph: GraphApi,
    /** The signed-in user's Entra id (a task whose answer was lost is recognised as theirs). */
    private readonly userId: string,
    private readonly retryDelayMs?: (attempt: number, error: unknown) => number,
  ) {}

  /** The team group's plan with this title, created when there is none (once, whatever the network does). */
  async ensurePlan(groupId: string, title: string): Promise<{ id: string; title: string }> {
    const find = async () => (await this.graph.getAll<PlannerPlan>(`/groups/${encodeURIComponent(groupId)}/planner/plans`)).find((p) => p.title === title) ?? null;
    const existing = await find();
    if (existing) return { id: existing.id, title: existing.title };
    const plan = await createExactlyOnce({
      create: () => this.graph.post<PlannerPlan>('/planner/plans', { container: { url: `https://graph.microsoft.com/v1.0/groups/${groupId}` }, title }),
      find,
      ...this.delays(),
    });
    return { id: plan.id, title: plan.title };
  }

  /** The plan's bucket with this name, created when there is none. */
  async ensureBucket(planId: string, name: string): Promise<{ id: string; name: string }> {
    const find = async () => (await this.graph.getAll<PlannerBucket>(`/planner/plans/${encodeURIComponent(planId)}/buckets`)).find((b) => b.name === name) ?? null;
    const existing = await find();
    if (existing) return { id: existing.id, name: existing.name };
    const bucket = await createExactlyOnce({
      create: () => this.graph.post<PlannerBucket>('/planner/buckets', { name, planId, orderHint: ' !' }),
      find,
      ...this.delays(),
    });
    return { id: bucket.id, name: bucket.name };
  }

  /** The plan's tasks. */
  async tasks(planId: string): Promise<BoardTask[]> {
    return (await this.graph.getAll<PlannerTaskResource>(`/planner/plans/${encodeURIComponent(planId)}/tasks`)).map(toBoardTask);
  }

  /**
   * Creates the task for a goal exactly once: the task, then its details (description, checklist
   * and the reference `goalUrl`, which is the task's key).
   */
  async createTask(planId: string, bucketId: string, draft: TaskDraft, goalUrl: string, goalLabel: string): Promise<BoardTask> {
    const key = referenceKey(goalUrl);
    const assignments = Object.fromEntries(draft.assigneeIds.map((id) => [id, { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' }]));
    const task = await createExactlyOnce({
      create: () =>
        this.graph.post<PlannerTaskResource>('/planner/tasks', {
          planId,
          bucketId,
          title: draft.title,
          assignments,
          ...(draft.dueDay ? { dueDateTime: dueDateTime(draft.dueDay) } : {}),
        }),
      find: () => this.findTask(planId, draft.title, key),
      ...this.delays(),
    });
    await this.writeDetails(task.id, draft, key, goalLabel);
    return toBoardTask(await this.graph.get<PlannerTaskResource>(`/planner/tasks/${encodeURIComponent(task.id)}`));
  }

  /** Marks a task complete or open again (If-Match: a stale etag is a ConflictError for the sync to re-read). */
  async setCompleted(taskId: string, completed: boolean, etag: string): Promise<void> {
    await this.graph.patch(`/planner/tasks/${encodeURIComponent(taskId)}`, { percentComplete: completed ? 100 : 0 }, { headers: { 'If-Match': etag } });
  }

  private async writeDetails(taskId: string, draft: TaskDraft, key: string, goalLabel: string): Promise<void> {
    const details = await this.graph.get<PlannerTaskDetails>(`/planner/tasks/${encodeURIComponent(taskId)}/details`);
    if (details.references?.[key]) return;
    const checklist = Object.fromEntries(
      draft.checklist.map((item) => [item.key, { '@odata.type': 'microsoft.graph.plannerChecklistItem', title: item.title, isChecked: false }]),
    );
    await this.graph.patch(
      `/planner/tasks/${encodeURIComponent(taskId)}/details`,
      {
        description: draft.description,
        previewType: draft.checklist.length > 0 ? 'checklist' : 'description',
        ...(draft.checklist.length > 0 ? { checklist } : {}),
        references: { [key]: { '@odata.type': 'microsoft.graph.externalReference', alias: goalLabel, type: 'Other' } },
      },
      { headers: { 'If-Match': details['@odata.etag'] } },
    );
  }

  /** The task for this key: one that refers to the goal, or our own with no reference yet. */
  private async findTask(planId: string, title: string, key: string): Promise<PlannerTaskResource | null> {
    const candidates = (await this.graph.getAll<PlannerTaskResource>(`/planner/plans/${encodeURIComponent(planId)}/tasks`)).filter(
      (t) => t.title === title && t.createdBy?.user?.id === this.userId,
    );
    for (const task of candidates) {
      const details = await this.graph.get<PlannerTaskDetails>(`/planner/tasks/${encodeURIComponent(task.id)}/details`);
      const references = Object.keys(details.references ?? {});
      if (references.includes(key) || references.length === 0) return task;
    }
    return null;
  }

  private delays() {
    return this.retryDelayMs ? { delayMs: this.retryDelayMs } : {};
  }
}
