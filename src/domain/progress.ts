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
import { GOAL_STATUSES, type CheckIn, type GoalStatus, type LocalGoal, type Plan, type Recurrence } from './plan';

export const ON_TRACK_GAP = 0.1;
export const AT_RISK_GAP = 0.25;

export interface RecurringProgress {
  readonly periodStart: string;
  readonly periodEnd: string;
  /** Occurrences reported in this period. */
  readonly done: number;
  /** Occurrences this period asks for: those due on or after the goal's start (all of them in a whole period). */
  readonly required: number;
  /** Occurrences reported this calendar year (the same as `done` for a yearly recurrence). */
  readonly yearDone: number;
  /** Occurrences this calendar year asks for, from the goal's start. */
  readonly yearRequired: number;
  /** Occurrences of this year due before today (an occurrence due today is not late yet). */
  readonly dueByNow: number;
  /** Occurrences of this year due before today that were not held. */
  readonly missed: number;
  /** The earliest day a missed occurrence was due by, or null when none was missed. */
  readonly missedSince: string | null;
  /**
   * The day the next occurrence is due by, never in the past: this period's next one not yet
   * held, or when this period's count is reached, the next period's first one within the plan;
   * null when there is none left in the plan.
   */
  readonly nextDue: string | null;
}

/**
 * Why a goal has its status, as facts the UI puts in words (components/status-reason.ts), e.g.
 * '2 av 4 møter holdt; neste innen 30. juni'.
 */
export type StatusReason =
  | { readonly kind: 'done' }
  | { readonly kind: 'beforeStart'; readonly start: string }
  | { readonly kind: 'overdue'; readonly deadline: string }
  | { readonly kind: 'noReport'; readonly deadline: string | null }
  | {
      readonly kind: 'measured';
      readonly current: number;
      readonly target: number;
      readonly unit: string;
      /** The value expected by today on the line from the baseline at the start to the target at the deadline. */
      readonly expectedNow: number;
    }
  | { readonly kind: 'noTarget'; readonly current: number | null; readonly unit: string }
  | {
      readonly kind: 'recurring';
      readonly done: number;
      readonly required: number;
      readonly missed: number;
      readonly nextDue: string | null;
    }
  | { readonly kind: 'milestone'; readonly stage: 'notStarted' | 'underWay'; readonly deadline: string | null };

export interface GoalProgress {
  /** Actual progress 0..1. */
  readonly fraction: number;
  /** Expected progress 0..1 at the given date. */
  readonly expected: number;
  readonly derivedStatus: GoalStatus;
  /** The board's status when set, otherwise the derived one. */
  readonly status: GoalStatus;
  /** The board set the status (it may differ from the derived one). */
  readonly boardSet: boolean;
  readonly overdue: boolean;
  readonly current: number | null;
  readonly target: number | null;
  readonly recurring: RecurringProgress | null;
  readonly lastCheckIn: CheckIn | null;
  /** The day expected progress starts from (goalStart). */
  readonly start: string;
  /**
   * What the goal counts for in an area's or the plan's progress (summarizeProgress), 0..1, or
   * null when it is not counted yet: nothing was expected and nothing reported (a goal before its
   * start, a milestone not yet under way, a measured goal without a target).
   */
  readonly credit: number | null;
  /** Why the derived status is what it is. */
  readonly reason: StatusReason;
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

type PlanDates = Pick<Plan, 'periodFrom' | 'periodTo'> & Partial<Pick<Plan, 'created'>>;

const VALID_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The day a goal's expected progress starts: the start the board gave it; else, for a goal added
 * after the plan was set up (created on a later day than the plan item), the day it was added;
 * else the period start. A check-in before that day moves the start back to it: work began then.
 */
export function goalStart(goal: Pick<LocalGoal, 'start' | 'created'>, plan: PlanDates, firstCheckIn: string | null = null): string {
  const periodStart = planStart(plan);
  let start = periodStart;
  if (goal.start && VALID_DAY.test(goal.start)) start = goal.start;
  else if (goal.created && plan.created && goal.created.slice(0, 10) > plan.created.slice(0, 10) && goal.created.slice(0, 10) > periodStart) start = goal.created.slice(0, 10);
  return firstCheckIn !== null && firstCheckIn < start ? firstCheckIn : start;
}

/** Check-ins grouped by goal id, each group in the order it was stored (by day, then item id). */
export function checkInsByGoal(checkIns: readonly CheckIn[]): Map<string, CheckIn[]> {
  const out = new Map<string, CheckIn[]>();
  for (const c of checkIns) {
    const list = out.get(c.goalId);
    if (list) list.push(c);
    else out.set(c.goalId, [c]);
  }
  for (const list of out.values()) list.sort(byStoredOrder);
  return out;
}

function byStoredOrder(a: CheckIn, b: CheckIn): number {
  return a.date.localeCompare(b.date) || compareIds(a.id, b.id);
}

/** Every occurrence of a recurrence due in a calendar year, in order (a monthly one: each month's). */
function occurrencesOfYear(recurrence: Recurrence, day: string): string[] {
  const year = recurrencePeriod('year', day);
  if (recurrence.per === 'year') return Array.from({ length: recurrence.count }, (_, i) => occurrenceDue(recurrence, year, i + 1));
  const out: string[] = [];
  for (let month = 1; month <= 12; month++) {
    const period = recurrencePeriod('month', `${year.start.slice(0, 4)}-${String(month).padStart(2, '0')}-01`);
    for (let k = 1; k <= recurrence.count; k++) out.push(occurrenceDue(recurrence, period, k));
  }
  return out;
}

function recurringProgress(recurrence: Recurrence, checkIns: readonly CheckIn[], start: string, plan: PlanDates, today: string): RecurringProgress {
  const period = recurrencePeriod(recurrence.per, today);
  const done = occurrencesDone(checkIns, period);
  // Occurrences due before the goal started are not asked for; those held count all the same.
  const dues = Array.from({ length: recurrence.count }, (_, i) => occurrenceDue(recurrence, period, i + 1)).filter((due) => due >= start);
  const open = dues.slice(Math.min(Math.floor(done), dues.length));
  let nextDue = open.find((due) => due >= today) ?? null;
  if (nextDue === null) {
    const following = recurrencePeriod(recurrence.per, isoDay(dayOf(period.end) + DAY));
    const first = occurrenceDue(recurrence, following, 1);
    nextDue = first <= planEnd(plan) ? first : null;
  }
  // Judged over the year so far, so a monthly activity missed last month still counts as missed.
  const year = recurrencePeriod('year', today);
  const yearDues = occurrencesOfYear(recurrence, today).filter((due) => due >= start && due >= planStart(plan));
  const yearDone = occurrencesDone(checkIns, year);
  const dueByNow = yearDues.filter((due) => due < today).length;
  const missedDues = yearDues.slice(Math.min(Math.floor(yearDone), yearDues.length)).filter((due) => due < today);
  return {
    periodStart: period.start,
    periodEnd: period.end,
    done,
    required: dues.length,
    yearDone,
    yearRequired: yearDues.length,
    dueByNow,
    missed: missedDues.length,
    missedSince: missedDues[0] ?? null,
    nextDue,
  };
}

function statusFromGap(expected: number, fraction: number): GoalStatus {
  const gap = expected - fraction;
  if (gap <= ON_TRACK_GAP) return 'onTrack';
  if (gap <= AT_RISK_GAP) return 'atRisk';
  return 'behind';
}

/** A milestone under way counts for half of it in area and plan progress (README "Progress rules"). */
export const MILESTONE_UNDER_WAY = 0.5;

export function goalProgress(goal: LocalGoal, checkIns: readonly CheckIn[], plan: PlanDates, today: string): GoalProgress {
  // Same-day check-ins in the order they were stored: SharePoint item ids are numbers ('9' before '10').
  const own = checkIns.filter((c) => c.goalId === goal.id).sort(byStoredOrder);
  const lastCheckIn = own[own.length - 1] ?? null;
  const start = goalStart(goal, plan, own[0]?.date ?? null);
  const deadline = goal.due ? deadlineDay(goal.due) : null;
  const end = deadline ?? planEnd(plan);
  const overdueDate = deadline !== null && today > deadline;
  const boardDone = goal.status === 'done';

  let fraction = 0;
  let expected = elapsed(start, end, today);
  let current: number | null = null;
  let target: number | null = null;
  let recurring: RecurringProgress | null = null;
  let credit: number | null = null;
  let reason: StatusReason;

  switch (goal.kind) {
    case 'measured': {
      const baseline = goal.measure?.baseline ?? 0;
      target = goal.measure?.target ?? null;
      // A goal measured by a rollout step follows the roster (roster.ts): check-ins do not move it.
      const lastValue = goal.rollout ? null : ([...own].reverse().find((c) => c.value !== null)?.value ?? null);
      current = lastValue ?? goal.measure?.current ?? null;
      const unit = goal.measure?.unit ?? '';
      if (target !== null) {
        const span = target - baseline;
        fraction = span === 0 ? ((current ?? baseline) >= target ? 1 : 0) : clamp01(((current ?? baseline) - baseline) / span);
        reason = { kind: 'measured', current: current ?? baseline, target, unit, expectedNow: baseline + span * expected };
        credit = fraction;
      } else {
        reason = { kind: 'noTarget', current, unit };
      }
      break;
    }
    case 'recurring': {
      if (goal.recurrence && goal.recurrence.count >= 1) {
        recurring = recurringProgress(goal.recurrence, own, start, plan, today);
        const { yearDone, yearRequired } = recurring;
        fraction = yearRequired === 0 ? (yearDone > 0 ? 1 : 0) : clamp01(yearDone / yearRequired);
        expected = yearRequired === 0 ? 0 : recurring.dueByNow / yearRequired;
        credit = yearRequired > 0 || yearDone > 0 ? fraction : null;
        reason = { kind: 'recurring', done: recurring.done, required: recurring.required, missed: recurring.missed, nextDue: recurring.nextDue };
      } else {
        reason = { kind: 'noReport', deadline };
      }
      break;
    }
    case 'milestone': {
      const reported = own.some((c) => c.value !== null && c.value >= 1);
      fraction = boardDone || reported ? 1 : 0;
      expected = overdueDate ? 1 : 0;
      const underWay = own.length > 0 || (goal.status !== null && goal.status !== 'notStarted');
      credit = underWay ? MILESTONE_UNDER_WAY : null;
      reason = { kind: 'milestone', stage: underWay ? 'underWay' : 'notStarted', deadline };
      break;
    }
  }

  const done = boardDone || (goal.kind !== 'recurring' && fraction >= 1);
  let derivedStatus: GoalStatus;
  if (done) {
    derivedStatus = 'done';
    reason = { kind: 'done' };
    credit = goal.kind === 'recurring' ? credit : 1;
  } else if (today < start) {
    derivedStatus = 'notStarted';
    reason = { kind: 'beforeStart', start };
    credit = null;
  } else if (overdueDate) {
    derivedStatus = 'behind';
    reason = { kind: 'overdue', deadline };
    credit ??= 0;
  } else if (goal.kind === 'milestone') derivedStatus = own.length > 0 ? 'onTrack' : 'notStarted';
  else if (goal.kind === 'measured' && target === null) derivedStatus = own.length > 0 || current !== null ? 'onTrack' : 'notStarted';
  else if (own.length === 0 && current === null && expected < ON_TRACK_GAP) {
    derivedStatus = 'notStarted';
    if (goal.kind === 'measured') credit = null;
  } else derivedStatus = statusFromGap(expected, fraction);

  return {
    fraction: done && goal.kind !== 'recurring' ? 1 : fraction,
    expected,
    derivedStatus,
    status: goal.status ?? derivedStatus,
    boardSet: goal.status !== null,
    overdue: overdueDate && !done,
    current,
    target,
    recurring,
    lastCheckIn,
    start,
    credit,
    reason,
  };
}

/** An area's or the plan's progress, and what it counts. */
export interface ProgressSummary {
  /** Mean credit of the goals counted, 0..1; null when none is counted yet. */
  readonly fraction: number | null;
  /** Goals counted in the fraction. */
  readonly counted: number;
  /** All goals. */
  readonly total: number;
  /** Goals by their effective status. */
  readonly byStatus: Readonly<Record<GoalStatus, number>>;
}

/**
 * Sums up goals' progress: the mean of their credits (measured goals their share of the way to the
 * target, recurring goals this period's occurrences held, milestones done 1 or under way ½), leaving
 * out goals nothing is expected of yet, so goals on track never make an area look like 0 %.
 */
export function summarizeProgress(items: readonly GoalProgress[]): ProgressSummary {
  const byStatus = Object.fromEntries(GOAL_STATUSES.map((s) => [s, 0])) as Record<GoalStatus, number>;
  let sum = 0;
  let counted = 0;
  for (const p of items) {
    byStatus[p.status] += 1;
    if (p.credit !== null) {
      sum += p.credit;
      counted += 1;
    }
  }
  return { fraction: counted === 0 ? null : sum / counted, counted, total: items.length, byStatus };
}
