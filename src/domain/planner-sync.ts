/**
 * Keeping a goal and its Planner tasks in step (issue 11), the pure part. Planner has no change
 * notifications for apps, so a sync reads the tasks and compares: this module decides what each
 * side must take from the other, what becomes a check-in, and what is a conflict for the board.
 *
 * Who owns what (README, Planner):
 * - The plan owns the goal's text, owners and due day. They flow to the goal's own task (the one
 *   the goal became, `main`); a change made only in Planner to the due day or assignees flows back
 *   to the goal, a changed title only when the goal's text fits in a title (else it is a conflict).
 * - Planner owns the work: a completed task, a ticked checklist item or a changed percentage becomes
 *   a check-in on the goal, once (its client key is derived from the event), dated when it
 *   happened in Planner and naming who did it where Planner says so. Check-ins are never taken back.
 * - A field both sides changed differently since the last sync is a conflict: neither side is
 *   written until the board chooses.
 * - A task deleted in Planner unlinks itself from the goal.
 */
import { localDay } from './calendar';
import type { CheckIn, GoalKind, LocalGoal, TaskLink } from './plan';
import { MAX_GOAL_OWNERS } from './plan';
import { derivedGuid, dueDayOf, mergeGoalAndTask, PLANNER_LIMITS, taskTitle, type SyncField, type SyncedFields } from './planner';

export type { TaskLink };

export interface ObservedChecklistItem {
  readonly key: string;
  readonly title: string;
  readonly isChecked: boolean;
  /** When it was last changed (ISO instant), or null when Planner does not say. */
  readonly modifiedAt: string | null;
  /** Entra id of who changed it last, or null. */
  readonly modifiedBy: string | null;
}

/** A task as the sync reads it from Planner. */
export interface ObservedTask {
  readonly id: string;
  readonly title: string;
  readonly dueDay: string | null;
  /** Sorted Entra ids. */
  readonly assigneeIds: readonly string[];
  readonly percentComplete: number;
  readonly completedAt: string | null;
  readonly completedBy: string | null;
  readonly checklist: readonly ObservedChecklistItem[];
}

/** What happened in Planner that a check-in records. */
export type PlannerEvent =
  | { readonly kind: 'completed'; readonly taskTitle: string }
  | { readonly kind: 'checked'; readonly taskTitle: string; readonly itemTitle: string }
  | { readonly kind: 'progress'; readonly taskTitle: string; readonly percent: number };

export interface PlannerCheckIn {
  /** Derived from the task and the event: the same event never makes a second check-in. */
  readonly clientId: string;
  readonly goalId: string;
  readonly taskId: string;
  /** The local day it happened in Planner (the sync's day when Planner keeps no time). */
  readonly date: string;
  /** What it counts: 1 for an occurrence of a recurring goal or a milestone reached, else null. */
  readonly value: number | null;
  /** Entra id of who did it in Planner, or null when Planner does not say. */
  readonly actorId: string | null;
  readonly event: PlannerEvent;
}

export interface FieldConflict {
  readonly taskId: string;
  readonly field: SyncField;
  readonly goalValue: SyncedFields[SyncField];
  readonly taskValue: SyncedFields[SyncField];
}

/** Changes for the goal's own task (plan to Planner). */
export type TaskChange = Partial<Pick<SyncedFields, 'title' | 'dueDay' | 'assigneeIds' | 'completed'>>;
/** Changes for the goal (Planner to plan). */
export interface GoalChange {
  readonly text?: string;
  readonly due?: string | null;
  readonly ownerIds?: readonly string[];
}

export interface GoalSyncPlan {
  readonly goalId: string;
  readonly checkIns: readonly PlannerCheckIn[];
  readonly taskChanges: ReadonlyArray<{ readonly taskId: string; readonly change: TaskChange }>;
  readonly goalChange: GoalChange | null;
  readonly conflicts: readonly FieldConflict[];
  /** The links as they are after the sync (bases moved on, deleted tasks gone). */
  readonly links: readonly TaskLink[];
  /** Tasks that no longer exist in Planner and were unlinked. */
  readonly unlinked: readonly string[];
  /** Whether `links` differ from what the goal stored (the goal must be written). */
  readonly linksChanged: boolean;
}

/** The fields of a goal as its task should hold them. */
export function goalFields(goal: Pick<LocalGoal, 'text' | 'due' | 'owners' | 'status'>): SyncedFields {
  return {
    title: taskTitle(goal.text),
    dueDay: dueDayOf(goal.due),
    assigneeIds: goal.owners
      .map((o) => o.id)
      .slice(0, PLANNER_LIMITS.assigneesPerTask)
      .sort(),
    completed: goal.status === 'done',
  };
}

export function taskFields(task: ObservedTask): SyncedFields {
  return { title: task.title, dueDay: task.dueDay, assigneeIds: [...task.assigneeIds].sort(), completed: task.percentComplete >= 100 };
}

/** The client key of a check-in for a Planner event. */
export function plannerCheckInKey(taskId: string, event: string): string {
  return derivedGuid(`planner:${taskId}:${event}`);
}

function eventValue(kind: GoalKind, event: PlannerEvent['kind'], taskHasChecklist: boolean, allTasksDone: boolean): number | null {
  switch (kind) {
    case 'recurring':
      // An occurrence is a ticked item, or a completed task that has no items to tick.
      return event === 'checked' || (event === 'completed' && !taskHasChecklist) ? 1 : null;
    case 'milestone':
      return event === 'completed' && allTasksDone ? 1 : null;
    case 'measured':
      return null;
  }
}

/**
 * The check-ins what happened in a goal's tasks calls for, less those already stored (by client
 * key). A task's completion is dated when it was completed; a ticked item when it was last
 * changed; a changed percentage (Planner keeps no time for it) on `today`.
 */
export function plannerCheckIns(
  goal: Pick<LocalGoal, 'id' | 'kind'>,
  tasks: readonly ObservedTask[],
  existing: readonly Pick<CheckIn, 'clientId'>[],
  today: string,
): PlannerCheckIn[] {
  const stored = new Set(existing.map((c) => c.clientId).filter((id): id is string => typeof id === 'string'));
  const allDone = tasks.length > 0 && tasks.every((t) => t.percentComplete >= 100);
  const out: PlannerCheckIn[] = [];
  const add = (task: ObservedTask, key: string, date: string, actorId: string | null, event: PlannerEvent) => {
    const clientId = plannerCheckInKey(task.id, key);
    if (stored.has(clientId)) return;
    stored.add(clientId);
    out.push({ clientId, goalId: goal.id, taskId: task.id, date, actorId, event, value: eventValue(goal.kind, event.kind, task.checklist.length > 0, allDone) });
  };
  for (const task of tasks) {
    for (const item of task.checklist) {
      if (!item.isChecked) continue;
      add(task, `item:${item.key}`, item.modifiedAt ? localDay(item.modifiedAt) : today, item.modifiedBy, {
        kind: 'checked',
        taskTitle: task.title,
        itemTitle: item.title,
      });
    }
    if (task.percentComplete >= 100) {
      add(task, `completed:${task.completedAt ?? ''}`, task.completedAt ? localDay(task.completedAt) : today, task.completedBy, {
        kind: 'completed',
        taskTitle: task.title,
      });
    } else if (task.percentComplete > 0) {
      add(task, `progress:${task.percentComplete}`, today, null, { kind: 'progress', taskTitle: task.title, percent: task.percentComplete });
    }
  }
  return out;
}

/**
 * One goal's sync: check-ins from its tasks, the three-way merge of the goal and its own task, and
 * the links after it. `tasks` holds the plan's tasks by id; a linked task missing from it was
 * deleted in Planner.
 */
export function syncGoal(
  goal: LocalGoal,
  links: readonly TaskLink[],
  tasks: ReadonlyMap<string, ObservedTask>,
  existing: readonly Pick<CheckIn, 'clientId'>[],
  today: string,
): GoalSyncPlan {
  const live = links.filter((l) => tasks.has(l.taskId));
  const unlinked = links.filter((l) => !tasks.has(l.taskId)).map((l) => l.taskId);
  const observed = live.map((l) => tasks.get(l.taskId) as ObservedTask);
  const checkIns = plannerCheckIns(goal, observed, existing, today);

  const taskChanges: Array<{ taskId: string; change: TaskChange }> = [];
  const conflicts: FieldConflict[] = [];
  let goalChange: GoalChange | null = null;
  const nextLinks: TaskLink[] = [];
  const mine = goalFields(goal);
  for (const link of live) {
    const task = tasks.get(link.taskId) as ObservedTask;
    if (!link.main) {
      nextLinks.push(link);
      continue;
    }
    const theirs = taskFields(task);
    const base = link.base ?? mine;
    const merge = mergeGoalAndTask(base, mine, theirs);
    const conflicted = new Set<SyncField>(merge.conflicts.filter((f) => f !== 'completed'));
    // A title changed only in Planner can become the goal's text only when the text was not cut.
    if (merge.toGoal.includes('title') && taskTitle(goal.text) !== goal.text.replace(/\s+/g, ' ').trim()) conflicted.add('title');
    // The plan holds at most MAX_GOAL_OWNERS owners: more assignees cannot come back to it.
    if (merge.toGoal.includes('assigneeIds') && theirs.assigneeIds.length > MAX_GOAL_OWNERS) conflicted.add('assigneeIds');
    for (const field of conflicted) conflicts.push({ taskId: link.taskId, field, goalValue: mine[field], taskValue: theirs[field] });

    const change: Record<string, unknown> = {};
    for (const field of merge.toTask) if (field !== 'completed' && !conflicted.has(field)) change[field] = mine[field];
    // Completion goes to Planner only when the goal became done since the last sync; the plan
    // never reopens a task (a task completed in Planner is a check-in, not a status).
    if (mine.completed && !base.completed && !theirs.completed) change.completed = true;
    if (Object.keys(change).length > 0) taskChanges.push({ taskId: link.taskId, change: change as TaskChange });

    const back: { text?: string; due?: string | null; ownerIds?: readonly string[] } = {};
    for (const field of merge.toGoal) {
      if (conflicted.has(field)) continue;
      if (field === 'title') back.text = theirs.title;
      if (field === 'dueDay') back.due = theirs.dueDay;
      if (field === 'assigneeIds') back.ownerIds = theirs.assigneeIds;
    }
    if (Object.keys(back).length > 0) goalChange = back;

    // The new base: what both sides hold now; a conflicted field keeps its old base, so that it is
    // reported again until the board settles it. Completion follows the goal.
    const settled: SyncedFields = {
      title: conflicted.has('title') ? base.title : merge.merged.title,
      dueDay: conflicted.has('dueDay') ? base.dueDay : merge.merged.dueDay,
      assigneeIds: conflicted.has('assigneeIds') ? base.assigneeIds : merge.merged.assigneeIds,
      completed: mine.completed,
    };
    nextLinks.push({ ...link, base: settled });
  }
  const linksChanged =
    unlinked.length > 0 ||
    nextLinks.some((l, i) => {
      const before = live[i];
      return !before || JSON.stringify(before.base) !== JSON.stringify(l.base);
    });
  return { goalId: goal.id, checkIns, taskChanges, goalChange, conflicts, links: nextLinks, unlinked, linksChanged };
}
