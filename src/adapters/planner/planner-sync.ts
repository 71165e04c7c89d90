/**
 * The plan and the team's Planner board kept in step (issue 11): the board turns goals into tasks
 * (with owners assigned on the way), and a sync brings what happened in Planner into the plan and
 * the plan's changes into Planner. The decisions are the domain's (domain/planner-sync.ts); this
 * class reads both sides, applies them, and reports what it did and what the board must settle.
 *
 * Who may do what: the board creates tasks and writes goals (the goals list is the board's, see
 * list-permissions.ts); a steward's sync brings Planner's work in as check-ins only (stewards add
 * their own check-ins), and leaves field changes and conflicts for the board's next sync.
 *
 * Exactly once: tasks by their reference to the goal (bulk-create.ts); check-ins by a client key
 * derived from the Planner event (the ClientId column is unique); a task created whose link was not
 * written (the goal's write failed or the tab closed) is adopted by its reference on the next sync.
 */
import { mapBounded } from '../../graph/client';
import type { LocalGoal, PersonRef, Plan, PlanSnapshot, PlannerBinding, TaskLink } from '../../domain/plan';
import { MAX_GOAL_OWNERS } from '../../domain/plan';
import { exceededLimits, PLANNER_LIMITS, taskForGoal, taskTitle } from '../../domain/planner';
import { goalFields, syncGoal, type ObservedTask } from '../../domain/planner-sync';
import { ConflictError, type GoalUpdate, type PlanRepository, type TeamMember, type TeamRole } from '../../domain/ports';
import type { BoardTask, BoardTaskFull, CreateTaskResult, NewTask, PlanStatus, TaskUpdate } from './planner-board';
import {
  PlannerPlanUnreachableError,
  type CreateTasksReport,
  type NewActivity,
  type PlannerPort,
  type PlannerTaskView,
  type PlannerTexts,
  type SyncConflict,
  type SyncReport,
  type TaskPreview,
} from '../../domain/planner-port';

export { PlannerPlanUnreachableError, type PlannerTexts } from '../../domain/planner-port';
import { referenceKey } from './planner-resources';

/** What the sync needs of a Planner board (GraphPlannerBoard; tests may give another). */
export interface PlannerBoardPort {
  planStatus(planId: string): Promise<PlanStatus>;
  ensurePlan(groupId: string, title: string): Promise<{ id: string; title: string }>;
  ensureBucket(planId: string, name: string): Promise<{ id: string; name: string }>;
  createBucket(planId: string, name: string): Promise<{ id: string; name: string }>;
  bucketsOf(planId: string): Promise<Array<{ id: string; name: string }>>;
  readBoard(planId: string): Promise<BoardTaskFull[]>;
  tasks(planId: string): Promise<BoardTask[]>;
  createTasks(planId: string, items: readonly NewTask[]): Promise<CreateTaskResult[]>;
  updateTask(taskId: string, etag: string, change: TaskUpdate): Promise<unknown>;
  deleteTask(taskId: string, etag: string): Promise<void>;
}

export interface PlannerSyncContext {
  readonly repo: PlanRepository;
  readonly board: PlannerBoardPort;
  /** The team's Microsoft 365 group (= the team's id). */
  readonly groupId: string;
  /** The goal's deep link in Teams: its reference key is the task's key. */
  readonly goalUrl: (goalId: string) => string;
  /** A link that opens a task in Planner on the web. */
  readonly taskUrl: (taskId: string, planId: string) => string;
  /** The texts in a plan's language. */
  readonly texts: (plan: Plan) => PlannerTexts;
  /** The team's members, for names of owners and of who did something in Planner. */
  readonly members: readonly TeamMember[];
  /** Whoever runs the sync: the board applies everything, a steward brings check-ins only. */
  readonly role: TeamRole;
  /** The local calendar day. */
  readonly today: string;
}

const EMPTY_REPORT: Omit<SyncReport, 'state'> = { checkIns: 0, tasksUpdated: 0, goalsUpdated: 0, unlinked: 0, adopted: 0, conflicts: [], deferred: 0, failures: [] };

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

export class PlannerSync implements PlannerPort {
  constructor(private readonly ctx: PlannerSyncContext) {}

  /** The goal with these owners (at most MAX_GOAL_OWNERS), or as it is without. */
  private withOwners(goal: LocalGoal, owners: readonly PersonRef[] | null): LocalGoal {
    return owners ? { ...goal, owners: owners.slice(0, MAX_GOAL_OWNERS) } : goal;
  }

  private draftOf(goal: LocalGoal, texts: PlannerTexts) {
    const year = Number(this.ctx.today.slice(0, 4));
    return taskForGoal(goal, { year, occurrenceTitle: texts.occurrenceTitle, ...(texts.measureLine ? { measureLine: texts.measureLine } : {}) });
  }

  async preview(snapshot: PlanSnapshot, goalIds: readonly string[], owners: readonly PersonRef[] | null): Promise<TaskPreview> {
    const binding = snapshot.plan.planner ?? null;
    if (!binding || (await this.ctx.board.planStatus(binding.planId)) === 'unreachable') return this.previewWith(snapshot, goalIds, owners, { tasks: 0, activeTasks: 0, buckets: 0 });
    const [tasks, buckets] = await Promise.all([this.ctx.board.tasks(binding.planId), this.ctx.board.bucketsOf(binding.planId)]);
    return this.previewWith(snapshot, goalIds, owners, { tasks: tasks.length, activeTasks: tasks.filter((t) => !t.completed).length, buckets: buckets.length });
  }

  /** What `createTasks` would do, without writing anything. `counts` are the plan's, when known. */
  previewWith(
    snapshot: PlanSnapshot,
    goalIds: readonly string[],
    owners: readonly PersonRef[] | null,
    counts?: { readonly tasks: number; readonly activeTasks: number; readonly buckets: number },
  ): TaskPreview {
    const chosen = snapshot.goals.filter((g) => goalIds.includes(g.id));
    const alreadyLinked = chosen.filter((g) => g.tasks?.some((t) => t.main)).map((g) => g.id);
    const toCreate = chosen.filter((g) => !alreadyLinked.includes(g.id));
    const binding = snapshot.plan.planner ?? null;
    const areaIds = [...new Set(toCreate.map((g) => g.areaId))];
    const newBucketAreas = areaIds.filter((id) => !binding?.buckets[id]);
    const areaTitle = (id: string) => snapshot.areas.find((a) => a.id === id)?.title ?? '';
    return {
      createsPlan: !binding,
      newBuckets: newBucketAreas.map(areaTitle),
      tasks: toCreate.map((goal) => {
        const draft = this.draftOf(this.withOwners(goal, owners), this.ctx.texts(snapshot.plan));
        return { goalId: goal.id, title: draft.title, areaTitle: areaTitle(goal.areaId), assigneeIds: draft.assigneeIds, dueDay: draft.dueDay, checklistItems: draft.checklist.length };
      }),
      alreadyLinked,
      limits: counts ? exceededLimits(counts, { tasks: toCreate.length, buckets: newBucketAreas.length }) : [],
    };
  }

  /**
   * Turns goals into Planner tasks: the team's plan and a bucket per area are created the first
   * time (then found by id), the goals get `owners` when given, and each goal's task is created
   * once and linked to it. A plan that can no longer be reached is an error unless `newPlan`,
   * which creates a basic plan in its place.
   */
  async createTasks(snapshot: PlanSnapshot, goalIds: readonly string[], owners: readonly PersonRef[] | null, options: { newPlan?: boolean } = {}): Promise<CreateTasksReport> {
    const { repo, board } = this.ctx;
    const texts = this.ctx.texts(snapshot.plan);
    let binding: PlannerBinding | null = snapshot.plan.planner ?? null;
    // The stored plan's state and its buckets in one round trip.
    const [status, storedBuckets] = binding ? await Promise.all([board.planStatus(binding.planId), board.bucketsOf(binding.planId).catch(() => [])]) : ['ok', []];
    if (binding && status === 'unreachable') {
      if (!options.newPlan) throw new PlannerPlanUnreachableError(binding.planId);
      binding = null;
    }
    const planId = binding?.planId ?? (await board.ensurePlan(this.ctx.groupId, texts.planTitle)).id;
    const chosen = snapshot.goals.filter((g) => goalIds.includes(g.id));
    const alreadyLinked = chosen.filter((g) => g.tasks?.some((t) => t.main));
    const goals = chosen.filter((g) => !alreadyLinked.includes(g)).map((g) => this.withOwners(g, owners));

    // Buckets by id: one renamed in Planner is still the area's; one deleted is made again.
    const buckets: Record<string, string> = { ...(binding?.planId === planId ? binding.buckets : {}) };
    const listed = binding ? storedBuckets : await board.bucketsOf(planId);
    const existing = new Set(listed.map((b) => b.id));
    const missing = [...new Set(goals.map((g) => g.areaId))].filter((areaId) => !buckets[areaId] || !existing.has(buckets[areaId] as string));
    // The missing buckets in parallel: one of the area's name already there (the binding was lost) is
    // taken, else it is created, once.
    await Promise.all(
      missing.map(async (areaId) => {
        const name = snapshot.areas.find((a) => a.id === areaId)?.title ?? texts.planTitle;
        buckets[areaId] = listed.find((b) => b.name === name)?.id ?? (await board.createBucket(planId, name)).id;
      }),
    );
    // The plan's Planner columns (a field PATCH: nobody's edit of the plan is lost) are written
    // alongside the tasks; if that write fails, the next run finds the plan by title and the buckets by name.
    const binds = !binding || binding.planId !== planId || missing.length > 0 ? repo.updatePlan(snapshot.plan.id, { planner: { planId, buckets } }) : Promise.resolve(null);
    const [results] = await Promise.all([
      board.createTasks(
        planId,
        goals.map((goal) => ({ bucketId: buckets[goal.areaId] as string, draft: this.draftOf(goal, texts), goalUrl: this.ctx.goalUrl(goal.id), goalLabel: texts.goalLabel })),
      ),
      binds,
    ]);
    const failed: Array<{ goalId: string; error: Error }> = [];
    const updates: GoalUpdate[] = [];
    results.forEach((result, i) => {
      const goal = goals[i] as LocalGoal;
      if (!result.ok) {
        failed.push({ goalId: goal.id, error: result.error });
        return;
      }
      const link: TaskLink = { taskId: result.task.id, main: true, base: goalFields(goal) };
      updates.push({
        id: goal.id,
        patch: { tasks: [...(goal.tasks ?? []).filter((t) => t.taskId !== link.taskId), link], ...(owners ? { owners: goal.owners } : {}) },
        ifMatch: goal.etag ?? null,
      });
    });
    failed.push(...(await this.writeGoals(updates)));
    const ok = results.filter((r): r is Extract<CreateTaskResult, { ok: true }> => r.ok);
    return { planId, created: ok.filter((r) => r.created).length, existing: ok.filter((r) => !r.created).length, failed, alreadyLinked: alreadyLinked.length };
  }

  /**
   * Writes goals; one changed by someone meanwhile is read again and its change applied to what
   * is there now (links merged), once. Returns the goals that could not be written.
   */
  private async writeGoals(updates: readonly GoalUpdate[]): Promise<Array<{ goalId: string; error: Error }>> {
    const failed: Array<{ goalId: string; error: Error }> = [];
    const results = await this.ctx.repo.updateGoals(updates);
    const retry: GoalUpdate[] = [];
    for (const [i, result] of results.entries()) {
      if (result.ok) continue;
      const update = updates[i] as GoalUpdate;
      if (!(result.error instanceof ConflictError)) {
        failed.push({ goalId: result.id, error: result.error });
        continue;
      }
      try {
        const fresh = await this.ctx.repo.getGoal(update.id);
        const mine = update.patch.tasks ?? [];
        const theirs = (fresh.tasks ?? []).filter((t) => !mine.some((m) => m.taskId === t.taskId));
        retry.push({ id: update.id, patch: { ...update.patch, ...(update.patch.tasks ? { tasks: [...theirs, ...mine] } : {}) }, ifMatch: fresh.etag ?? null });
      } catch (error) {
        failed.push({ goalId: update.id, error: asError(error) });
      }
    }
    if (retry.length > 0) {
      for (const result of await this.ctx.repo.updateGoals(retry)) if (!result.ok) failed.push({ goalId: result.id, error: result.error });
    }
    return failed;
  }

  private person(id: string): PersonRef {
    const member = this.ctx.members.find((m) => m.id === id);
    return member ? { id, displayName: member.displayName, ...(member.email !== undefined ? { email: member.email } : {}) } : { id, displayName: '' };
  }

  /** One sync of the plan and its Planner board (on opening the tab, on demand, from the runner). */
  async sync(snapshot: PlanSnapshot): Promise<SyncReport> {
    const { repo, board } = this.ctx;
    const binding = snapshot.plan.planner ?? null;
    if (!binding) return { state: 'notConnected', ...EMPTY_REPORT };
    let boardTasks: BoardTaskFull[];
    try {
      boardTasks = await board.readBoard(binding.planId);
    } catch (error) {
      if ((await board.planStatus(binding.planId).catch(() => 'ok')) === 'unreachable') return { state: 'unreachable', ...EMPTY_REPORT };
      throw error;
    }
    const tasks = new Map<string, BoardTaskFull>(boardTasks.map((t) => [t.id, t]));
    const observed = new Map<string, ObservedTask>(
      boardTasks.map((t) => [
        t.id,
        {
          id: t.id,
          title: t.title,
          dueDay: t.dueDay,
          assigneeIds: t.assigneeIds,
          percentComplete: t.percentComplete,
          completedAt: t.completedDateTime,
          completedBy: t.completedBy,
          checklist: t.checklist.map((c) => ({ key: c.key, title: c.title, isChecked: c.isChecked, modifiedAt: c.lastModifiedDateTime, modifiedBy: c.lastModifiedBy })),
        },
      ]),
    );

    // Tasks that refer to a goal but are not linked (the link's write was lost): adopted.
    const linked = new Set(snapshot.goals.flatMap((g) => (g.tasks ?? []).map((t) => t.taskId)));
    let adopted = 0;
    const goals = snapshot.goals.map((goal) => {
      const key = referenceKey(this.ctx.goalUrl(goal.id));
      const found = boardTasks.filter((t) => !linked.has(t.id) && t.referenceKeys.includes(key));
      if (found.length === 0) return { goal, links: goal.tasks ?? [], adoptedHere: false };
      adopted += found.length;
      let hasMain = (goal.tasks ?? []).some((t) => t.main);
      const links = [...(goal.tasks ?? [])];
      for (const task of found) {
        links.push({ taskId: task.id, main: !hasMain, base: null });
        hasMain = true;
      }
      return { goal, links, adoptedHere: true };
    });

    const board_ = this.ctx.role === 'board';
    let tasksUpdated = 0;
    let deferred = 0;
    let unlinked = 0;
    const conflicts: SyncConflict[] = [];
    const failures: Array<{ goalId: string; error: Error }> = [];
    const goalUpdates: GoalUpdate[] = [];

    const plans = goals.filter((g) => g.links.length > 0).map((g) => ({ ...g, plan: syncGoal(g.goal, g.links, observed, snapshot.checkIns, this.ctx.today) }));
    const texts = this.ctx.texts(snapshot.plan);

    // Planner's work into the plan, a few at a time; each check-in once by its derived key.
    const made = await mapBounded(
      plans.flatMap(({ goal, plan }) => plan.checkIns.map((c) => ({ goal, c }))),
      4,
      async ({ goal, c }) => {
        try {
          await repo.addCheckIn({
            planId: goal.planId,
            goalId: goal.id,
            date: c.date,
            value: c.value,
            comment: texts.checkInComment(c.event),
            clientId: c.clientId,
            via: { taskId: c.taskId, actor: c.actorId ? this.person(c.actorId) : null },
          });
          return true;
        } catch (error) {
          failures.push({ goalId: goal.id, error: asError(error) });
          return false;
        }
      },
    );
    const checkIns = made.filter(Boolean).length;

    if (board_) {
      // The plan's edits into Planner, a few at a time.
      const failedTasks = new Set<string>();
      const changes = plans.flatMap(({ goal, links, plan }) => plan.taskChanges.map((t) => ({ goal, links, ...t })));
      await mapBounded(changes, 4, async ({ goal, links, taskId, change }) => {
        const task = tasks.get(taskId);
        const base = links.find((l) => l.taskId === taskId)?.base ?? null;
        if (!task) return;
        try {
          await board.updateTask(taskId, task.etag, { ...change, ...(change.assigneeIds && base ? { baseAssigneeIds: base.assigneeIds } : {}) });
          tasksUpdated++;
        } catch (error) {
          failedTasks.add(taskId);
          failures.push({ goalId: goal.id, error: asError(error) });
        }
      });
      for (const { goal, links, adoptedHere, plan } of plans) {
        for (const conflict of plan.conflicts) conflicts.push({ goalId: goal.id, goalText: goal.text, ...conflict });
        unlinked += plan.unlinked.length;
        if (!plan.linksChanged && !plan.goalChange && !adoptedHere) continue;
        // A task that could not be changed keeps its old base, so that the next sync sends the change again.
        const nextLinks = plan.links.map((l) => (failedTasks.has(l.taskId) ? { ...l, base: links.find((o) => o.taskId === l.taskId)?.base ?? null } : l));
        const change = plan.goalChange;
        goalUpdates.push({
          id: goal.id,
          patch: {
            tasks: nextLinks,
            ...(change?.text !== undefined ? { text: change.text } : {}),
            ...(change?.due !== undefined ? { due: change.due } : {}),
            ...(change?.ownerIds ? { owners: change.ownerIds.map((id) => goal.owners.find((o) => o.id === id) ?? this.person(id)) } : {}),
          },
          ifMatch: goal.etag ?? null,
        });
      }
    }
    // A goal changed by someone during the sync is not overwritten: the next sync compares again.
    const results = goalUpdates.length ? await repo.updateGoals(goalUpdates) : [];
    let goalsUpdated = 0;
    for (const result of results) {
      if (result.ok) goalsUpdated++;
      else if (result.error instanceof ConflictError) deferred++;
      else failures.push({ goalId: result.id, error: result.error });
    }
    return { state: 'synced', checkIns, tasksUpdated, goalsUpdated, unlinked, adopted, conflicts, deferred, failures };
  }

  /**
   * Settles a conflict: 'plan' writes the goal's value to the task, 'planner' the task's to the
   * goal; either way both hold the same afterwards and the link's base records it.
   */
  async resolve(goal: LocalGoal, taskId: string, field: SyncConflict['field'], keep: 'plan' | 'planner'): Promise<void> {
    const binding = (await this.ctx.repo.load())?.plan.planner;
    if (!binding) return;
    const task = (await this.ctx.board.readBoard(binding.planId)).find((t) => t.id === taskId);
    const link = goal.tasks?.find((t) => t.taskId === taskId);
    if (!task || !link) return;
    const mine = goalFields(goal);
    const theirs = { title: task.title, dueDay: task.dueDay, assigneeIds: task.assigneeIds, completed: task.completed };
    const value = keep === 'plan' ? mine[field] : theirs[field];
    if (keep === 'plan') {
      await this.ctx.board.updateTask(taskId, task.etag, {
        [field]: value,
        ...(field === 'assigneeIds' ? { baseAssigneeIds: task.assigneeIds } : {}),
      } as TaskUpdate);
    }
    const base = { ...(link.base ?? mine), [field]: value };
    const patch = {
      tasks: (goal.tasks ?? []).map((t) => (t.taskId === taskId ? { ...t, base } : t)),
      ...(keep === 'planner' && field === 'title' ? { text: task.title } : {}),
      ...(keep === 'planner' && field === 'dueDay' ? { due: task.dueDay } : {}),
      ...(keep === 'planner' && field === 'assigneeIds' ? { owners: task.assigneeIds.slice(0, MAX_GOAL_OWNERS).map((id) => this.person(id)) } : {}),
    };
    const [result] = await this.ctx.repo.updateGoals([{ id: goal.id, patch, ifMatch: goal.etag ?? null }]);
    if (result && !result.ok) throw result.error;
  }

  async tasksOf(goal: LocalGoal, binding: PlannerBinding): Promise<PlannerTaskView[]> {
    const links = goal.tasks ?? [];
    if (links.length === 0) return [];
    const tasks = await this.ctx.board.readBoard(binding.planId);
    return links.flatMap((link) => {
      const task = tasks.find((t) => t.id === link.taskId);
      if (!task) return [];
      return [
        {
          id: task.id,
          title: task.title,
          main: link.main,
          percentComplete: task.percentComplete,
          dueDay: task.dueDay,
          assigneeIds: task.assigneeIds,
          checklistDone: task.checklist.filter((c) => c.isChecked).length,
          checklistTotal: task.checklist.length,
          webUrl: this.ctx.taskUrl(task.id, binding.planId),
        },
      ];
    });
  }

  async addActivity(goal: LocalGoal, binding: PlannerBinding, activity: NewActivity): Promise<PlannerTaskView> {
    const snapshot = await this.ctx.repo.load();
    if (!snapshot) throw new Error('The team has no plan');
    const texts = this.ctx.texts(snapshot.plan);
    const area = snapshot.areas.find((a) => a.id === goal.areaId);
    const bucketId = binding.buckets[goal.areaId] ?? (await this.ctx.board.createBucket(binding.planId, area?.title ?? texts.planTitle)).id;
    const draft = {
      goalId: goal.id,
      title: taskTitle(activity.title),
      description: `${activity.title}\n\n${goal.text}`,
      assigneeIds: (activity.assigneeIds.length ? activity.assigneeIds : goal.owners.map((o) => o.id)).slice(0, PLANNER_LIMITS.assigneesPerTask),
      dueDay: activity.dueDay,
      checklist: [],
    };
    const [result] = await this.ctx.board.createTasks(binding.planId, [{ bucketId, draft, goalUrl: this.ctx.goalUrl(goal.id), goalLabel: texts.goalLabel }]);
    if (!result || !result.ok) throw result?.error ?? new Error('Planner did not answer');
    const fresh = snapshot.goals.find((g) => g.id === goal.id) ?? goal;
    const link: TaskLink = { taskId: result.task.id, main: false, base: null };
    const failed = await this.writeGoals([{ id: goal.id, patch: { tasks: [...(fresh.tasks ?? []).filter((t) => t.taskId !== link.taskId), link] }, ifMatch: fresh.etag ?? null }]);
    // Not linked (the goal could not be written): the next sync adopts it by its reference.
    if (failed[0]) throw failed[0].error;
    return {
      id: result.task.id,
      title: result.task.title,
      main: false,
      percentComplete: result.task.completed ? 100 : 0,
      dueDay: result.task.dueDay,
      assigneeIds: result.task.assigneeIds,
      checklistDone: 0,
      checklistTotal: 0,
      webUrl: this.ctx.taskUrl(result.task.id, binding.planId),
    };
  }

  /** Deletes a goal's Planner tasks (the board chose to when deleting the goal). */
  async deleteTasksOf(goal: LocalGoal, binding: PlannerBinding): Promise<number> {
    const ids = new Set((goal.tasks ?? []).map((t) => t.taskId));
    if (ids.size === 0) return 0;
    const tasks = (await this.ctx.board.readBoard(binding.planId)).filter((t) => ids.has(t.id));
    for (const task of tasks) await this.ctx.board.deleteTask(task.id, task.etag);
    return tasks.length;
  }
}
