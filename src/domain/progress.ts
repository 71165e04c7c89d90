/**
 * Progress and status of local goals: pure functions of the goal, its check-ins, the plan
 * period and today's date. The rules (README "Progress rules"):
 *
 * - measured: progress = (current − baseline) / (target − baseline), current being the latest
 *   check-in value (or the stored current value), baseline 0 when none is given ('+125 members');
 *   a goal measured by a rollout step takes its stored current value only (the roster's share);
 * - recurring: occurrences reported in the current period (a check-in counts its value, or 1)
 *   against the required count, with the next occurrence due at an even spacing;
 * - milestone: done when the board set its status to done or when a check-in reports it done
 *   (a value of 1 or more); otherwise open until its due date, behind after it.
 *
 * Expected progress grows linearly from the start of the plan period to the goal's deadline
 * (or the end of the period). Status follows from the gap between expected and actual:
 * ≤ 10 points on track, ≤ 25 points at risk, more behind; a passed deadline without the goal
 * reached is behind; before the period starts, not started. A status the board set wins.
 */
import type { CheckIn, GoalStatus, LocalGoal, Plan, Recurrence } from './plan';

export const ON_TRACK_GAP = 0.1;
export const AT_RISK_GAP = 0.25;

export interface RecurringProgress {
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly done: number;
  readonly required: number;
  /** Date the next occurrence is due by, or null when this period's count is reached. */
  readonly nextDue: string | null;
}

export interface GoalProgress {
  /** Actual progress 0..1. */
  readonly fraction: number;
  /** Expected progress 0..1 at the given date. */
  readonly expected: number;
  readonly derivedStatus: GoalStatus;
  /** The board's status when set, otherwise the derived one. */
  readonly status: GoalStatus;
  readonly overdue: boolean;
  readonly current: number | null;
  readonly target: number | null;
  readonly recurring: RecurringProgress | null;
  readonly lastCheckIn: CheckIn | null;
}

const DAY = 86_400_000;

/** Compares two ids as SharePoint item ids (numbers) when they are, otherwise as text. */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Parses YYYY-MM-DD as a UTC day number (ms). */
export function dayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The last day a deadline allows: 'YYYY-MM' → last day of that month. */
export function deadlineDay(due: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(due)) return due;
  const [y, m] = due.split('-').map(Number);
  return isoDay(Date.UTC(y ?? 1970, m ?? 12, 0));
}

export function planStart(plan: Pick<Plan, 'periodFrom'>): string {
  return `${plan.periodFrom}-01-01`;
}

export function planEnd(plan: Pick<Plan, 'periodTo'>): string {
  return `${plan.periodTo}-12-31`;
}

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);

function elapsed(start: string, end: string, today: string): number {
  const s = dayOf(start);
  const e = dayOf(end) + DAY; // inclusive end day
  if (e <= s) return dayOf(today) >= s ? 1 : 0;
  return clamp01((dayOf(today) + DAY - s) / (e - s));
}

/** The period of a recurrence that a day falls in: its calendar year or month. */
export function recurrencePeriod(per: 'year' | 'month', day: string): { start: string; end: string } {
  const [y, m] = day.split('-').map(Number) as [number, number];
  if (per === 'year') return { start: `${y}-01-01`, end: `${y}-12-31` };
  return { start: isoDay(Date.UTC(y, m - 1, 1)), end: isoDay(Date.UTC(y, m, 0)) };
}

/**
 * The day the k-th occurrence (1-based) of a period is expected by: spread over the year's months
 * when there are at most 12 a year (4 a year are due by the end of March, June, September and
 * December), otherwise evenly over the period's days. Progress and the reminder rules share it.
 */
export function occurrenceDue(recurrence: Recurrence, period: { start: string; end: string }, k: number): string {
  if (recurrence.per === 'year' && recurrence.count <= 12) {
    const month = Math.ceil((12 * k) / recurrence.count);
    return isoDay(Date.UTC(Number(period.start.slice(0, 4)), month, 0));
  }
  const span = dayOf(period.end) + DAY - dayOf(period.start);
  return isoDay(dayOf(period.start) + Math.ceil((span * k) / recurrence.count) - DAY);
}

/** Occurrences reported in a period: a check-in counts its value when positive, otherwise 1. */
export function occurrencesDone(checkIns: readonly CheckIn[], period: { start: string; end: string }): number {
  return checkIns.filter((c) => c.date >= period.start && c.date <= period.end).reduce((sum, c) => sum + (c.value !== null && c.value > 0 ? c.value : 1), 0);
}

function recurringProgress(goal: LocalGoal, checkIns: readonly CheckIn[], today: string): RecurringProgress | null {
  if (!goal.recurrence) return null;
  const period = recurrencePeriod(goal.recurrence.per, today);
  const done = occurrencesDone(checkIns, period);
  const required = goal.recurrence.count;
  const nextDue = done < required ? occurrenceDue(goal.recurrence, period, Math.floor(done) + 1) : null;
  return { periodStart: period.start, periodEnd: period.end, done, required, nextDue };
}

function statusFromGap(expected: number, fraction: number): GoalStatus {
  const gap = expected - fraction;
  if (gap <= ON_TRACK_GAP) return 'onTrack';
  if (gap <= AT_RISK_GAP) return 'atRisk';
  return 'behind';
}

export function goalProgress(goal: LocalGoal, checkIns: readonly CheckIn[], plan: Pick<Plan, 'periodFrom' | 'periodTo'>, today: string): GoalProgress {
  // Same-day check-ins in the order they were stored: SharePoint item ids are numbers ('9' before '10').
  const own = checkIns.filter((c) => c.goalId === goal.id).sort((a, b) => a.date.localeCompare(b.date) || compareIds(a.id, b.id));
  const lastCheckIn = own[own.length - 1] ?? null;
  const start = planStart(plan);
  const end = goal.due ? deadlineDay(goal.due) : planEnd(plan);
  const overdueDate = goal.due !== null && today > end;

  let fraction = 0;
  let expected = elapsed(start, end, today);
  let current: number | null = null;
  let target: number | null = null;
  let recurring: RecurringProgress | null = null;

  switch (goal.kind) {
    case 'measured': {
      const baseline = goal.measure?.baseline ?? 0;
      target = goal.measure?.target ?? null;
      // A goal measured by a rollout step follows the roster (roster.ts): check-ins do not move it.
      const lastValue = goal.rollout ? null : ([...own].reverse().find((c) => c.value !== null)?.value ?? null);
      current = lastValue ?? goal.measure?.current ?? null;
      if (target !== null) {
        const span = target - baseline;
        fraction = span === 0 ? ((current ?? baseline) >= target ? 1 : 0) : clamp01(((current ?? baseline) - baseline) / span);
      }
      break;
    }
    case 'recurring': {
      recurring = recurringProgress(goal, own, today);
      if (recurring) {
        fraction = clamp01(recurring.done / recurring.required);
        expected = elapsed(recurring.periodStart, recurring.periodEnd, today);
      }
      break;
    }
    case 'milestone': {
      const reported = own.some((c) => c.value !== null && c.value >= 1);
      fraction = goal.status === 'done' || reported ? 1 : 0;
      expected = overdueDate ? 1 : 0;
      break;
    }
  }

  const done = goal.status === 'done' || (goal.kind !== 'recurring' && fraction >= 1);
  let derivedStatus: GoalStatus;
  if (done) derivedStatus = 'done';
  else if (today < start) derivedStatus = 'notStarted';
  else if (overdueDate) derivedStatus = 'behind';
  else if (goal.kind === 'milestone') derivedStatus = own.length > 0 ? 'onTrack' : 'notStarted';
  else if (own.length === 0 && current === null && expected < ON_TRACK_GAP) derivedStatus = 'notStarted';
  else derivedStatus = statusFromGap(expected, fraction);

  return {
    fraction: done && goal.kind !== 'recurring' ? 1 : fraction,
    expected,
    derivedStatus,
    status: goal.status ?? derivedStatus,
    overdue: overdueDate && !done,
    current,
    target,
    recurring,
    lastCheckIn,
  };
}

/** Progress of a set of goals as the mean of their fractions (0 when empty). */
export function meanProgress(items: readonly GoalProgress[]): number {
  if (items.length === 0) return 0;
  return items.reduce((sum, p) => sum + p.fraction, 0) / items.length;
}
