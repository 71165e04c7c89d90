/**
 * The Goal screen's charts as data, pure so that they can be tested without a browser:
 *
 * - a measured goal's trend: the reported values over time, its target, and the expected line
 *   from the baseline at the goal's start (GoalProgress.start) to the target at its deadline (the
 *   plan's end when it has none), the line the status is judged against;
 * - a recurring goal's activities held in each year of the plan against what the goal asks of
 *   that year (from the goal's start), counted as the progress rules count them.
 */
import type { CheckIn, LocalGoal, Plan } from '../../domain/plan';
import { compareIds, deadlineDay, occurrenceDue, occurrencesDone, planEnd, planStart, recurrencePeriod, type GoalProgress } from '../../domain/progress';
import { daysBetween, monthTicks, niceTicks } from '../charts/chart-spec';

export interface ChartPoint {
  readonly date: string;
  readonly value: number;
}

export interface TrendModel {
  readonly unit: string;
  /** Reported values in the order they were stored (by day, then item id). */
  readonly values: readonly ChartPoint[];
  readonly baseline: number;
  readonly target: number | null;
  /** The expected line: the baseline at the goal's start to the target at its deadline; null without a target. */
  readonly expected: { readonly from: ChartPoint; readonly to: ChartPoint } | null;
  /** The value expected by today on that line (the domain's expected share of the way), or null. */
  readonly expectedNow: number | null;
  /** The days the x axis runs from and to, and those it labels. */
  readonly xDomain: readonly [string, string];
  readonly xTicks: readonly string[];
  /** The y axis's values, from 0 (or below when the data is) to at least the target and every value. */
  readonly yTicks: readonly number[];
}

const byStoredOrder = (a: CheckIn, b: CheckIn) => a.date.localeCompare(b.date) || compareIds(a.id, b.id);

/** A measured goal's trend; null for other kinds of goal, or when there is nothing to draw. */
export function trendModel(
  goal: LocalGoal,
  checkIns: readonly CheckIn[],
  progress: Pick<GoalProgress, 'start' | 'expected'>,
  plan: Pick<Plan, 'periodTo'>,
  today: string,
): TrendModel | null {
  if (goal.kind !== 'measured') return null;
  const own = checkIns.filter((c) => c.goalId === goal.id).sort(byStoredOrder);
  // A goal measured by a rollout step follows the roster, not check-ins: its one value is today's.
  const current = goal.measure?.current ?? null;
  const values: ChartPoint[] = goal.rollout
    ? current === null
      ? []
      : [{ date: today, value: current }]
    : own.flatMap((c) => (c.value === null ? [] : [{ date: c.date, value: c.value }]));
  const baseline = goal.measure?.baseline ?? 0;
  const target = goal.measure?.target ?? null;
  if (values.length === 0 && target === null) return null;
  const end = goal.due ? deadlineDay(goal.due) : planEnd(plan);
  const expected = target === null ? null : { from: { date: progress.start, value: baseline }, to: { date: end, value: target } };
  const days = [...values.map((p) => p.date), ...(expected ? [expected.from.date, expected.to.date] : [])].sort();
  const xDomain: [string, string] = [days[0] as string, days[days.length - 1] as string];
  const all = [...values.map((p) => p.value), baseline, ...(target === null ? [] : [target])];
  return {
    unit: goal.measure?.unit ?? '',
    values,
    baseline,
    target,
    expected,
    expectedNow: target === null ? null : baseline + (target - baseline) * progress.expected,
    xDomain,
    xTicks: monthTicks(xDomain[0], xDomain[1], 5),
    yTicks: niceTicks(Math.min(...all), Math.max(...all), 4),
  };
}

/** The value on the expected line on a day: the baseline before the start, the target after the deadline. */
export function expectedOn(model: Pick<TrendModel, 'expected'>, day: string): number | null {
  const line = model.expected;
  if (!line) return null;
  const span = daysBetween(line.from.date, line.to.date);
  if (day <= line.from.date || span <= 0) return day >= line.to.date ? line.to.value : line.from.value;
  if (day >= line.to.date) return line.to.value;
  return line.from.value + ((line.to.value - line.from.value) * daysBetween(line.from.date, day)) / span;
}

export interface TrendRow {
  readonly date: string;
  /** The value reported that day, or null on the rows of the expected line's ends. */
  readonly reported: number | null;
  /** The value on the expected line that day, or null without a target. */
  readonly expected: number | null;
}

/** The trend's data table: the expected line's start, every reported value, and its end, by day. */
export function trendRows(model: TrendModel): TrendRow[] {
  const rows: Array<TrendRow & { order: number }> = model.values.map((p, i) => ({ date: p.date, reported: p.value, expected: expectedOn(model, p.date), order: i + 1 }));
  if (model.expected) {
    rows.push({ date: model.expected.from.date, reported: null, expected: model.expected.from.value, order: 0 });
    rows.push({ date: model.expected.to.date, reported: null, expected: model.expected.to.value, order: Number.MAX_SAFE_INTEGER });
  }
  return rows.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order).map(({ date, reported, expected }) => ({ date, reported, expected }));
}

export interface HeldYear {
  readonly year: number;
  /** Occurrences reported in the year (a check-in counts its value, or 1). */
  readonly held: number;
  /** Occurrences the goal asks of the year: those due on or after its start. */
  readonly required: number;
}

/** A recurring goal's activities held in each year of the plan against what that year asks; [] for other goals. */
export function heldPerYear(goal: LocalGoal, checkIns: readonly CheckIn[], progress: Pick<GoalProgress, 'start'>, plan: Pick<Plan, 'periodFrom' | 'periodTo'>): HeldYear[] {
  const recurrence = goal.recurrence;
  if (goal.kind !== 'recurring' || !recurrence || recurrence.count < 1) return [];
  const own = checkIns.filter((c) => c.goalId === goal.id);
  const from = planStart(plan);
  const years: HeldYear[] = [];
  for (let year = plan.periodFrom; year <= plan.periodTo; year++) {
    const whole = recurrencePeriod('year', `${year}-01-01`);
    const periods = recurrence.per === 'year' ? [whole] : Array.from({ length: 12 }, (_, m) => recurrencePeriod('month', `${year}-${String(m + 1).padStart(2, '0')}-01`));
    const dues = periods.flatMap((period) => Array.from({ length: recurrence.count }, (_, k) => occurrenceDue(recurrence, period, k + 1)));
    years.push({ year, held: occurrencesDone(own, whole), required: dues.filter((due) => due >= progress.start && due >= from).length });
  }
  return years;
}

/** The held-per-year chart's value axis: whole numbers from 0 to at least every bar. */
export function heldTicks(years: readonly HeldYear[]): number[] {
  return niceTicks(0, Math.max(1, ...years.flatMap((y) => [y.held, y.required])), 4, true);
}
