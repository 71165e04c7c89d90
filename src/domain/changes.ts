/**
 * What changed in a plan since a day (the board's last meeting or last report): check-ins made
 * since, goals added since, and goals whose status moved — computed by judging each goal on that
 * day with the check-ins it had then (progress.ts), against today. Pure: no React, no I/O.
 *
 * The goals themselves are taken as they are now (a deadline or target changed since is not
 * rewound; a goal's stored versions show such edits on its own page).
 */
import { sortByOrder, type CheckIn, type GoalStatus, type LocalGoal, type PlanSnapshot } from './plan';
import { checkInsByGoal, compareIds, goalProgress, type GoalProgress } from './progress';

/** How worrying a status is: a move to a higher rank is a slip. */
const CONCERN: Readonly<Record<GoalStatus, number>> = { done: 0, onTrack: 1, notStarted: 1, atRisk: 2, behind: 3 };

export interface StatusMove {
  readonly goal: LocalGoal;
  readonly before: GoalStatus;
  readonly after: GoalStatus;
  readonly progress: GoalProgress;
}

export interface PlanChanges {
  readonly since: string;
  readonly today: string;
  /** Check-ins dated after `since`, newest first. */
  readonly checkIns: readonly { readonly checkIn: CheckIn; readonly goal: LocalGoal }[];
  /**
   * Goals added to the plan after `since`: created by the store after that day and after the day the
   * plan itself was set up (goals imported with the plan are the adopted plan, not additions; goals
   * without a known creation time are never new).
   */
  readonly newGoals: readonly LocalGoal[];
  /** Goals reached since. */
  readonly completed: readonly StatusMove[];
  /** Goals whose status got worse (on track → at risk → behind). */
  readonly slipped: readonly StatusMove[];
  /** Goals whose status got better without being reached. */
  readonly improved: readonly StatusMove[];
}

/** Whether a status is more worrying than another (done < on track, not started < at risk < behind). */
export function isWorse(after: GoalStatus, before: GoalStatus): boolean {
  return CONCERN[after] > CONCERN[before];
}

export function planChanges(snapshot: Pick<PlanSnapshot, 'plan' | 'goals' | 'checkIns'>, since: string, today: string): PlanChanges {
  const goals = sortByOrder(snapshot.goals);
  const byGoal = checkInsByGoal(snapshot.checkIns);
  const goalById = new Map(goals.map((g) => [g.id, g]));
  const completed: StatusMove[] = [];
  const slipped: StatusMove[] = [];
  const improved: StatusMove[] = [];
  const planDay = snapshot.plan.created?.slice(0, 10) ?? '';
  const isNew = (goal: LocalGoal) => goal.created !== undefined && goal.created.slice(0, 10) > since && goal.created.slice(0, 10) > planDay;
  for (const goal of goals) {
    if (isNew(goal)) continue; // listed as new instead
    const own = byGoal.get(goal.id) ?? [];
    const then = goalProgress(goal, own.filter((c) => c.date <= since), snapshot.plan, since);
    const now = goalProgress(goal, own, snapshot.plan, today);
    // A status the board set is taken as it is now (both days), so only the figures move a goal here.
    const before = then.status;
    const after = now.status;
    if (before === after) continue;
    const move = { goal, before, after, progress: now };
    if (after === 'done') completed.push(move);
    else if (isWorse(after, before)) slipped.push(move);
    else if (isWorse(before, after)) improved.push(move);
  }
  const checkIns = snapshot.checkIns
    .filter((c) => c.date > since && c.date <= today)
    .sort((a, b) => b.date.localeCompare(a.date) || compareIds(b.id, a.id))
    .flatMap((checkIn) => {
      const goal = goalById.get(checkIn.goalId);
      return goal ? [{ checkIn, goal }] : [];
    });
  const newGoals = goals.filter(isNew);
  return { since, today, checkIns, newGoals, completed, slipped, improved };
}
