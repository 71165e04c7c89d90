/**
 * The Planner capability as features see it (issue 11): goals turned into tasks of the team's
 * Planner plan, and the sync that keeps both telling the same story. Implemented over Microsoft
 * Graph by adapters/planner/planner-sync.ts; the rules are in planner-sync.ts of this folder.
 */
import type { LocalGoal, PersonRef, PlanSnapshot, PlannerBinding } from './plan';
import type { PlannerLimit } from './planner';
import type { PlannerEvent } from './planner-sync';

/** Text the sync writes into Planner and the plan, in the plan's language (the caller translates). */
export interface PlannerTexts {
  /** The Planner plan's title, e.g. 'Handlingsplan 2026–2027'. */
  readonly planTitle: string;
  /** The alias of a task's reference back to its goal. */
  readonly goalLabel: string;
  readonly occurrenceTitle: (n: number, total: number) => string;
  readonly measureLine?: (goal: LocalGoal) => string | null;
  /** A check-in's comment for what happened in Planner (who did it is kept apart, in `via`). */
  readonly checkInComment: (event: PlannerEvent) => string;
}

/** The team's Planner plan can no longer be reached: deleted, or converted to a premium plan. */
export class PlannerPlanUnreachableError extends Error {
  constructor(readonly planId: string) {
    super(`The Planner plan ${planId} can no longer be reached through Microsoft Graph`);
    this.name = 'PlannerPlanUnreachableError';
  }
}

export interface TaskPreviewRow {
  readonly goalId: string;
  readonly title: string;
  readonly areaTitle: string;
  readonly assigneeIds: readonly string[];
  readonly dueDay: string | null;
  readonly checklistItems: number;
}

export interface TaskPreview {
  /** Whether the team's Planner plan is to be created first. */
  readonly createsPlan: boolean;
  /** Areas that get a bucket. */
  readonly newBuckets: readonly string[];
  readonly tasks: readonly TaskPreviewRow[];
  /** Goals left out: they have their task already. */
  readonly alreadyLinked: readonly string[];
  /** Planner limits the creates would exceed (known only when the plan's counts are given). */
  readonly limits: readonly PlannerLimit[];
}

export interface CreateTasksReport {
  readonly planId: string;
  readonly created: number;
  /** Goals whose task existed already (a create resent after a lost answer, or adopted). */
  readonly existing: number;
  readonly failed: ReadonlyArray<{ readonly goalId: string; readonly error: Error }>;
  readonly alreadyLinked: number;
}

export interface SyncConflict {
  readonly goalId: string;
  readonly goalText: string;
  readonly taskId: string;
  readonly field: 'title' | 'dueDay' | 'assigneeIds' | 'completed';
  readonly goalValue: unknown;
  readonly taskValue: unknown;
}

export interface SyncReport {
  readonly state: 'synced' | 'notConnected' | 'unreachable';
  readonly checkIns: number;
  readonly tasksUpdated: number;
  readonly goalsUpdated: number;
  readonly unlinked: number;
  readonly adopted: number;
  readonly conflicts: readonly SyncConflict[];
  /** Goals or tasks changed by someone else during the sync: the next sync takes them up. */
  readonly deferred: number;
  readonly failures: ReadonlyArray<{ readonly goalId: string; readonly error: Error }>;
}

/** A goal's task as the goal page shows it. */
export interface PlannerTaskView {
  readonly id: string;
  readonly title: string;
  readonly main: boolean;
  readonly percentComplete: number;
  readonly dueDay: string | null;
  readonly assigneeIds: readonly string[];
  readonly checklistDone: number;
  readonly checklistTotal: number;
  /** Opens the task in Planner on the web. */
  readonly webUrl: string;
}

export interface NewActivity {
  readonly title: string;
  /** A calendar day, or null. */
  readonly dueDay: string | null;
  /** Entra ids; the goal's owners when empty. */
  readonly assigneeIds: readonly string[];
}

export interface PlannerPort {
  /** What `createTasks` would do, without writing anything; the plan's counts are read for its limits. */
  preview(snapshot: PlanSnapshot, goalIds: readonly string[], owners: readonly PersonRef[] | null): Promise<TaskPreview>;
  createTasks(snapshot: PlanSnapshot, goalIds: readonly string[], owners: readonly PersonRef[] | null, options?: { readonly newPlan?: boolean }): Promise<CreateTasksReport>;
  sync(snapshot: PlanSnapshot): Promise<SyncReport>;
  resolve(goal: LocalGoal, taskId: string, field: SyncConflict['field'], keep: 'plan' | 'planner'): Promise<void>;
  /** The goal's tasks as they are in Planner now (a task deleted there is left out). */
  tasksOf(goal: LocalGoal, binding: PlannerBinding): Promise<PlannerTaskView[]>;
  deleteTasksOf(goal: LocalGoal, binding: PlannerBinding): Promise<number>;
  /**
   * Adds an activity to a goal: a task of its own in the goal's bucket (e.g. one member meeting, or
   * a step of a milestone), with a reference back to the goal, linked to it once.
   */
  addActivity(goal: LocalGoal, binding: PlannerBinding, activity: NewActivity): Promise<PlannerTaskView>;
}
