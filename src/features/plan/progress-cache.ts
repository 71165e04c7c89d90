/**
 * The plan page's progress per goal, computed once per plan load or change, never per keystroke. A
 * goal whose object, check-ins and day did not change keeps its progress object, so its memoised row
 * does not re-render; a new check-in (which leaves the goal object as it was) or a new day computes
 * it again.
 */
import type { CheckIn, LocalGoal, PlanSnapshot } from '../../domain/plan';
import { checkInsByGoal, goalProgress, type GoalProgress } from '../../domain/progress';

export type ProgressCache = ReadonlyMap<LocalGoal, { readonly key: string; readonly progress: GoalProgress }>;

const keyOf = (today: string, own: readonly CheckIn[]) => `${today}|${own.map((c) => `${c.id}:${c.date}:${c.value ?? ''}`).join(',')}`;

export function progressByGoal(snapshot: PlanSnapshot | null | undefined, today: string, cache: ProgressCache): { progress: Map<string, GoalProgress>; cache: ProgressCache } {
  const progress = new Map<string, GoalProgress>();
  const next = new Map<LocalGoal, { key: string; progress: GoalProgress }>();
  if (!snapshot) return { progress, cache: next };
  const byGoal = checkInsByGoal(snapshot.checkIns);
  for (const goal of snapshot.goals) {
    const own = byGoal.get(goal.id) ?? [];
    const key = keyOf(today, own);
    const held = cache.get(goal);
    const entry = held && held.key === key ? held : { key, progress: goalProgress(goal, own, snapshot.plan, today) };
    next.set(goal, entry);
    progress.set(goal.id, entry.progress);
  }
  return { progress, cache: next };
}
