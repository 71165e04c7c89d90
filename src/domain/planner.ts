/**
 * Goals as Microsoft Planner tasks (issue 11), the pure part: what task a goal becomes, Planner's
 * documented limits and the codes it refuses them with, and the three-way merge that keeps a goal
 * and its task in step without losing an edit made on either side. No I/O: the Planner adapter and
 * the sync runner use these rules.
 *
 * Planner facts (graph-teams-facts §7, from Microsoft Learn): at most 20 assignees and 20 checklist
 * items per task, 200 buckets and 9,000 tasks per plan, 2,400 active tasks (older page; the newer
 * says 3,000: the stricter figure is used); assignments are keyed by the user's Entra id; due dates
 * are ISO 8601 UTC instants; 100 % complete means completed. Planner's title limit is not
 * documented: titles are cut at 255 characters (SharePoint's Title limit), with the full text in
 * the task's description.
 */
import type { LocalGoal, TaskSyncBase } from './plan';

export const PLANNER_LIMITS = {
  assigneesPerTask: 20,
  checklistItemsPerTask: 20,
  bucketsInPlan: 200,
  tasksInPlan: 9000,
  activeTasksInPlan: 2400,
} as const;

export type PlannerLimit = keyof typeof PLANNER_LIMITS;

/** The 403 codes Planner refuses each limit with (planner-overview on Microsoft Learn). */
export const PLANNER_LIMIT_CODES: Readonly<Record<PlannerLimit, string>> = {
  assigneesPerTask: 'MaximumAssigneesInTasks',
  checklistItemsPerTask: 'MaximumChecklistItemsOnTask',
  bucketsInPlan: 'MaximumBucketsInProject',
  tasksInPlan: 'MaximumTasksInProject',
  activeTasksInPlan: 'MaximumActiveTasksInProject',
};

/** The limit a Planner 403 code names, or null for another refusal. */
export function limitOfCode(code: string): PlannerLimit | null {
  const found = (Object.entries(PLANNER_LIMIT_CODES) as Array<[PlannerLimit, string]>).find(([, c]) => c.toLowerCase() === code.toLowerCase());
  return found ? found[0] : null;
}

export const TASK_TITLE_MAX = 255;

export interface ChecklistItemDraft {
  /** Stable per goal, year and occurrence, so a sync never adds an occurrence twice. */
  readonly key: string;
  readonly title: string;
}

export interface TaskDraft {
  readonly goalId: string;
  readonly title: string;
  /** The goal's whole text, and its measure, for the task's description. */
  readonly description: string;
  /** Entra ids of the goal's owners, at most PLANNER_LIMITS.assigneesPerTask. */
  readonly assigneeIds: readonly string[];
  /** The deadline as a calendar day (a month's deadline is its last day), or null. */
  readonly dueDay: string | null;
  readonly checklist: readonly ChecklistItemDraft[];
}

export interface TaskOptions {
  /** The year whose occurrences a recurring goal's checklist lists. */
  readonly year: number;
  /** The title of occurrence n of total ('Medlemsmøte 2 av 4'), in the plan's language. */
  readonly occurrenceTitle: (n: number, total: number) => string;
  /** The description's line for a measure ('Mål: 125 medlemmer'), or null for none. */
  readonly measureLine?: (goal: LocalGoal) => string | null;
}

/** A title within Planner's limit: the goal's text on one line, cut with an ellipsis. */
export function taskTitle(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= TASK_TITLE_MAX ? flat : `${flat.slice(0, TASK_TITLE_MAX - 1).trimEnd()}…`;
}

/** The calendar day a deadline ends on: a day as it is, a month's last day. */
export function dueDayOf(due: string | null): string | null {
  if (due === null) return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(due);
  if (day) return due;
  const month = /^(\d{4})-(\d{2})$/.exec(due);
  if (!month) return null;
  const last = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate();
  return `${due}-${String(last).padStart(2, '0')}`;
}

/**
 * A GUID-shaped key derived from a text (two FNV-1a hashes): Planner checklist keys are client
 * GUIDs, and deriving them makes a repeated sync write the same items, never new ones.
 */
export function derivedGuid(text: string): string {
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  const hex = fnv(0x811c9dc5) + fnv(0x01000193) + fnv(0x2c9277b5) + fnv(0x9e3779b9);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Occurrences of a recurring goal in a year (per month counts twelve times), at most the checklist limit. */
export function occurrencesInYear(goal: Pick<LocalGoal, 'recurrence'>): number {
  if (!goal.recurrence) return 0;
  const perYear = goal.recurrence.per === 'year' ? goal.recurrence.count : goal.recurrence.count * 12;
  return Math.min(perYear, PLANNER_LIMITS.checklistItemsPerTask);
}

/** The task a goal becomes. */
export function taskForGoal(goal: LocalGoal, options: TaskOptions): TaskDraft {
  const total = occurrencesInYear(goal);
  const checklist = Array.from({ length: total }, (_, i) => ({
    key: derivedGuid(`${goal.id}:${options.year}:${i + 1}`),
    title: options.occurrenceTitle(i + 1, total),
  }));
  const measure = options.measureLine?.(goal) ?? null;
  return {
    goalId: goal.id,
    title: taskTitle(goal.text),
    description: measure ? `${goal.text}\n\n${measure}` : goal.text,
    assigneeIds: goal.owners.slice(0, PLANNER_LIMITS.assigneesPerTask).map((o) => o.id),
    dueDay: dueDayOf(goal.due),
    checklist,
  };
}

/** The limits a batch of new tasks and buckets would exceed in a plan that holds so much already. */
export function exceededLimits(
  plan: { readonly tasks: number; readonly activeTasks: number; readonly buckets: number },
  adding: { readonly tasks: number; readonly buckets: number },
): PlannerLimit[] {
  const out: PlannerLimit[] = [];
  if (plan.tasks + adding.tasks > PLANNER_LIMITS.tasksInPlan) out.push('tasksInPlan');
  if (plan.activeTasks + adding.tasks > PLANNER_LIMITS.activeTasksInPlan) out.push('activeTasksInPlan');
  if (plan.buckets + adding.buckets > PLANNER_LIMITS.bucketsInPlan) out.push('bucketsInPlan');
  return out;
}

/** The fields a goal and its task share, as the sync compares them. */
export type SyncedFields = TaskSyncBase;

export type SyncField = keyof SyncedFields;
const SYNC_FIELDS: readonly SyncField[] = ['title', 'dueDay', 'assigneeIds', 'completed'];

export interface MergeResult {
  /** What both sides should hold after the sync. */
  readonly merged: SyncedFields;
  /** Fields the goal must take from the task. */
  readonly toGoal: readonly SyncField[];
  /** Fields the task must take from the goal. */
  readonly toTask: readonly SyncField[];
  /** Fields both sides changed differently since the last sync: the goal's value is kept, the task's reported. */
  readonly conflicts: readonly SyncField[];
}

const same = (a: SyncedFields[SyncField], b: SyncedFields[SyncField]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Three-way merge of a goal and its task against what both held at the last sync: a field changed
 * on one side only goes to the other; a field changed on both to the same value is settled; a
 * field changed on both differently is a conflict, decided for the plan (the board's document)
 * and reported, so that nobody's edit disappears silently.
 */
export function mergeGoalAndTask(base: SyncedFields, goal: SyncedFields, task: SyncedFields): MergeResult {
  const merged: Record<string, unknown> = {};
  const toGoal: SyncField[] = [];
  const toTask: SyncField[] = [];
  const conflicts: SyncField[] = [];
  for (const field of SYNC_FIELDS) {
    const goalChanged = !same(goal[field], base[field]);
    const taskChanged = !same(task[field], base[field]);
    if (taskChanged && !goalChanged) {
      merged[field] = task[field];
      toGoal.push(field);
    } else {
      merged[field] = goal[field];
      if (goalChanged && !same(goal[field], task[field])) {
        toTask.push(field);
        if (taskChanged) conflicts.push(field);
      }
    }
  }
  return { merged: merged as unknown as SyncedFields, toGoal, toTask, conflicts };
}
