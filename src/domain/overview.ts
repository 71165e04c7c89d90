/**
 * The plan at a glance: pure computations behind the Overview screen (progress per area, goals
 * needing attention, upcoming deadlines, recurring activities due this month, latest check-ins)
 * and the Goal screen's change log. Inputs are a PlanSnapshot (or a goal's versions) and today's
 * date (YYYY-MM-DD); progress and status come from domain/progress.ts.
 */
import { changedGoalFields, sortByOrder, type Area, type CheckIn, type GoalVersion, type LocalGoal, type PlanSnapshot } from './plan';
import { checkInsByGoal, compareIds, dayOf, deadlineDay, goalProgress, isoDay, summarizeProgress, type GoalProgress, type ProgressSummary } from './progress';

export const DEADLINE_WINDOW_DAYS = 30;
export const LATEST_CHECK_INS = 10;

const DAY = 86_400_000;

export interface GoalWithProgress {
  readonly goal: LocalGoal;
  readonly progress: GoalProgress;
}

export interface AreaOverview {
  readonly area: Area;
  readonly goalCount: number;
  /** The area's progress (mean credit of the goals counted, or null when none is counted yet), what it counts, and goals by effective status. */
  readonly summary: ProgressSummary;
}

export type AttentionReason = 'overdue' | 'behind' | 'atRisk';

export interface AttentionItem extends GoalWithProgress {
  readonly reason: AttentionReason;
}

export interface DeadlineItem extends GoalWithProgress {
  /** The last day the deadline allows (a month deadline is its last day). */
  readonly deadline: string;
  /** 0 = due today. */
  readonly daysLeft: number;
}

export interface RecurringDueItem extends GoalWithProgress {
  readonly done: number;
  readonly required: number;
  readonly nextDue: string;
}

export interface CheckInItem {
  readonly checkIn: CheckIn;
  readonly goal: LocalGoal;
}

export interface PlanOverview {
  /** The whole plan's progress, counted as the areas' are. */
  readonly plan: ProgressSummary;
  readonly areas: readonly AreaOverview[];
  readonly attention: readonly AttentionItem[];
  readonly deadlines: readonly DeadlineItem[];
  readonly recurringDue: readonly RecurringDueItem[];
  readonly latestCheckIns: readonly CheckInItem[];
}

export interface OverviewOptions {
  /** Days ahead (inclusive) that count as an upcoming deadline. Default 30. */
  readonly deadlineWindowDays?: number;
  /** How many check-ins to list. Default 10. */
  readonly latestCount?: number;
}

const REASON_ORDER: Record<AttentionReason, number> = { overdue: 0, behind: 1, atRisk: 2 };



/** The deadline of a goal as a day, or '9999-12-31' when it has none (sorts last). */
function deadlineOrLast(goal: LocalGoal): string {
  return goal.due ? deadlineDay(goal.due) : '9999-12-31';
}

export function attentionReason(progress: GoalProgress): AttentionReason | null {
  if (progress.status === 'done') return null;
  if (progress.overdue) return 'overdue';
  if (progress.status === 'behind') return 'behind';
  if (progress.status === 'atRisk') return 'atRisk';
  return null;
}

export function planOverview(snapshot: PlanSnapshot, today: string, options: OverviewOptions = {}): PlanOverview {
  const windowDays = options.deadlineWindowDays ?? DEADLINE_WINDOW_DAYS;
  const latestCount = options.latestCount ?? LATEST_CHECK_INS;

  const goals = sortByOrder(snapshot.goals);
  const progress = planProgress(snapshot, today);
  const rows: GoalWithProgress[] = goals.map((goal) => ({ goal, progress: progress.get(goal.id) as GoalProgress }));

  const areas = [...snapshot.areas]
    .sort((a, b) => a.number - b.number)
    .map((area): AreaOverview => {
      const own = rows.filter((r) => r.goal.areaId === area.id);
      return { area, goalCount: own.length, summary: summarizeProgress(own.map((r) => r.progress)) };
    });

  const attention = rows
    .flatMap((r): AttentionItem[] => {
      const reason = attentionReason(r.progress);
      return reason ? [{ ...r, reason }] : [];
    })
    .sort((a, b) => REASON_ORDER[a.reason] - REASON_ORDER[b.reason] || deadlineOrLast(a.goal).localeCompare(deadlineOrLast(b.goal)));

  const todayDay = dayOf(today);
  const lastDay = isoDay(todayDay + windowDays * DAY);
  const deadlines = rows
    .flatMap((r): DeadlineItem[] => {
      if (!r.goal.due || r.progress.status === 'done') return [];
      const deadline = deadlineDay(r.goal.due);
      if (deadline < today || deadline > lastDay) return [];
      return [{ ...r, deadline, daysLeft: Math.round((dayOf(deadline) - todayDay) / DAY) }];
    })
    .sort((a, b) => a.deadline.localeCompare(b.deadline));

  const month = today.slice(0, 7);
  const recurringDue = rows
    .flatMap((r): RecurringDueItem[] => {
      const rec = r.progress.recurring;
      if (r.goal.kind !== 'recurring' || !rec || rec.nextDue === null || r.progress.status === 'done') return [];
      if (rec.nextDue.slice(0, 7) !== month) return [];
      return [{ ...r, done: rec.done, required: rec.required, nextDue: rec.nextDue }];
    })
    .sort((a, b) => a.nextDue.localeCompare(b.nextDue));

  const goalById = new Map(goals.map((g) => [g.id, g]));
  const latestCheckIns = [...snapshot.checkIns]
    .sort((a, b) => b.date.localeCompare(a.date) || compareIds(b.id, a.id))
    .flatMap((checkIn): CheckInItem[] => {
      const goal = goalById.get(checkIn.goalId);
      return goal ? [{ checkIn, goal }] : [];
    })
    .slice(0, latestCount);

  return { plan: summarizeProgress(rows.map((r) => r.progress)), areas, attention, deadlines, recurringDue, latestCheckIns };
}

/**
 * Every goal's progress and status on a day, by goal id: the one place the screens, the reminders
 * and the reports get them from (check-ins grouped once).
 */
export function planProgress(snapshot: Pick<PlanSnapshot, 'plan' | 'goals' | 'checkIns'>, today: string): Map<string, GoalProgress> {
  const byGoal = checkInsByGoal(snapshot.checkIns);
  return new Map(snapshot.goals.map((goal) => [goal.id, goalProgress(goal, byGoal.get(goal.id) ?? [], snapshot.plan, today)]));
}

/** One line of a goal's change log. */
export interface GoalChange {
  readonly version: string;
  readonly modified: string;
  readonly modifiedBy: string;
  /** The first stored version: the goal was created. */
  readonly created: boolean;
  readonly fields: ReturnType<typeof changedGoalFields>;
}

/**
 * Who changed what when, newest first, from the goal's stored versions (newest first, as
 * PlanRepository.goalHistory gives them). Versions that changed nothing people care about
 * (e.g. only the sort order) are left out.
 */
export function goalChanges(versions: readonly GoalVersion[]): GoalChange[] {
  const out: GoalChange[] = [];
  versions.forEach((version, index) => {
    const before = versions[index + 1];
    if (!before) {
      out.push({ version: version.version, modified: version.modified, modifiedBy: version.modifiedBy, created: true, fields: [] });
      return;
    }
    const fields = changedGoalFields(before.goal, version.goal);
    if (fields.length > 0) out.push({ version: version.version, modified: version.modified, modifiedBy: version.modifiedBy, created: false, fields });
  });
  return out;
}
