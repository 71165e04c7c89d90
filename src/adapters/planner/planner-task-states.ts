/**
 * The goals' Planner tasks as the reminder rules see them (domain/reminders.ts `TaskState`): each
 * task a goal links to (its TaskLink), with the state the board read from Planner. Tasks the plan
 * does not link to are not the plan's business; a linked task gone from Planner is left out.
 */
import type { LocalGoal } from '../../domain/plan';
import type { TaskState } from '../../domain/reminders';
import type { BoardTask } from './planner-resources';

export function plannerTaskStates(goals: readonly Pick<LocalGoal, 'id' | 'tasks'>[], tasks: readonly BoardTask[]): TaskState[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const out: TaskState[] = [];
  for (const goal of goals) {
    for (const link of goal.tasks ?? []) {
      const task = byId.get(link.taskId);
      if (!task) continue;
      out.push({ taskId: task.id, goalId: goal.id, title: task.title, dueDay: task.dueDay, completed: task.completed, main: link.main, assigneeIds: task.assigneeIds });
    }
  }
  return out;
}
