/**
 * The board's two reports as pure data (README "The board's meeting and the annual report"); the
 * words are the renderer's (src/reports), the rules are here. No React, no I/O.
 *
 * - `boardReport`: for the board's meeting, per area in order: each goal's status and why
 *   (progress.ts), what changed since the last meeting (changes.ts), what is at risk (overdue,
 *   behind, at risk), deadlines in the next 60 days and recurring occurrences due in them.
 * - `annualReport` (årsberetning): per area and goal, whether the goal was achieved, partly
 *   achieved or not achieved in a year of the plan (or the whole period), judged at the end of the
 *   year (or today, if that is earlier) with the check-ins made by then, the figures, and the
 *   check-in comments of that year that explain them.
 *
 * The annual rule (ANNUAL_RULE in the renderer's words) — what was due by the day judged:
 * - measured: the latest value reported by that day against what was due by then: the target when
 *   the goal's deadline (or, without one, the end of the plan period) has come, otherwise the
 *   share of the way expected by then on a straight line from the goal's start to its deadline
 *   (the same line its status uses). Achieved: that reached (or the target itself reached);
 *   partly: at least half of it (PARTLY_SHARE); not achieved: less;
 * - recurring: occurrences held in each year against those due in it by that day (from the goal's
 *   start); achieved: all held, partly: at least half, not achieved: fewer;
 * - milestone: achieved when reported done (or set done by the board) by that day; not achieved
 *   when its deadline has passed without it; not due yet otherwise;
 * - a status 'done' the board set counts as achieved when it was set by that day (the goal's last
 *   change); nothing was due of a goal that starts after that day ('notDue'), and a measured goal
 *   without a target value cannot be judged ('noTarget').
 */
import { planChanges, type PlanChanges, type StatusMove } from './changes';
import { attentionReason, planProgress, type AttentionReason } from './overview';
import { goalsWithoutArea, sortByOrder, type Area, type CheckIn, type LocalGoal, type Period, type Plan, type PlanSnapshot } from './plan';
import {
  checkInsByGoal,
  compareIds,
  dayOf,
  deadlineDay,
  goalStart,
  isoDay,
  occurrenceDue,
  occurrencesDone,
  planEnd,
  planStart,
  recurrencePeriod,
  summarizeProgress,
  type GoalProgress,
  type ProgressSummary,
} from './progress';

const DAY = 86_400_000;

/** Days ahead (inclusive) whose deadlines and recurring occurrences the board report lists. */
export const BOARD_DEADLINE_DAYS = 60;
/** Without an earlier board report, 'since the last meeting' starts this many days before today. */
export const DEFAULT_SINCE_DAYS = 30;
/** A goal is partly achieved when at least this share of what was due by the day judged was done. */
export const PARTLY_SHARE = 0.5;
/** Check-in comments shown per goal in the annual report (newest first). */
export const ANNUAL_COMMENTS_PER_GOAL = 3;

type Snapshot = Pick<PlanSnapshot, 'plan' | 'areas' | 'goals' | 'checkIns'>;

// ---------------------------------------------------------------------------------------------
// The board's meeting

export interface ReportGoal {
  readonly goal: LocalGoal;
  readonly progress: GoalProgress;
}

export interface ReportRisk extends ReportGoal {
  readonly reason: AttentionReason;
}

export interface ReportDeadline extends ReportGoal {
  /** The last day the deadline allows (a month deadline is its last day). */
  readonly deadline: string;
  /** 0 = due today. */
  readonly daysLeft: number;
}

export interface ReportOccurrence extends ReportGoal {
  /** The day an occurrence not yet held is due by. */
  readonly due: string;
  readonly per: Period;
}

/** What changed in one area since the day given (changes.ts, narrowed to the area's goals). */
export interface AreaChanges {
  readonly checkIns: PlanChanges['checkIns'];
  readonly newGoals: readonly LocalGoal[];
  readonly completed: readonly StatusMove[];
  readonly slipped: readonly StatusMove[];
  readonly improved: readonly StatusMove[];
}

export interface BoardAreaReport {
  /** The area; null for the goals whose area is not in the plan (listed last). */
  readonly area: Area | null;
  readonly summary: ProgressSummary;
  /** Every goal of the area in the plan's order. */
  readonly goals: readonly ReportGoal[];
  readonly changes: AreaChanges;
  /** Overdue first, then behind, then at risk; by deadline within each. */
  readonly atRisk: readonly ReportRisk[];
  readonly deadlines: readonly ReportDeadline[];
  readonly occurrences: readonly ReportOccurrence[];
}

export interface BoardReport {
  readonly kind: 'board';
  readonly plan: Plan;
  readonly today: string;
  readonly since: string;
  readonly windowDays: number;
  /** The whole plan's progress, counted as the areas' are. */
  readonly summary: ProgressSummary;
  readonly changes: PlanChanges;
  readonly areas: readonly BoardAreaReport[];
}

export interface BoardReportOptions {
  readonly today: string;
  /** The day of the last meeting or report: changes after it are listed. */
  readonly since: string;
  /** Days ahead for deadlines and occurrences; default BOARD_DEADLINE_DAYS. */
  readonly windowDays?: number;
}

const RISK_ORDER: Readonly<Record<AttentionReason, number>> = { overdue: 0, behind: 1, atRisk: 2 };

/** Areas in their order, then (when there are any) a section for the goals without an area. */
function sections(snapshot: Snapshot): Array<{ area: Area | null; goals: LocalGoal[] }> {
  const ordered = sortByOrder(snapshot.goals);
  const out: Array<{ area: Area | null; goals: LocalGoal[] }> = [...snapshot.areas]
    .sort((a, b) => a.number - b.number)
    .map((area) => ({ area, goals: ordered.filter((g) => g.areaId === area.id) }));
  const orphans = goalsWithoutArea(snapshot.areas, ordered);
  if (orphans.length > 0) out.push({ area: null, goals: orphans });
  return out;
}

/**
 * The occurrences of a recurring goal not yet held that are due from today to `lastDay`: those of
 * the current period after the ones held (held occurrences count from the first), then those of
 * the following periods within the plan. Occurrences due before the goal starts are not asked for.
 */
export function upcomingOccurrences(goal: LocalGoal, checkIns: readonly CheckIn[], plan: Pick<Plan, 'periodFrom' | 'periodTo' | 'created'>, today: string, lastDay: string): string[] {
  const recurrence = goal.recurrence;
  if (goal.kind !== 'recurring' || !recurrence || recurrence.count < 1) return [];
  const own = checkIns.filter((c) => c.goalId === goal.id);
  const start = goalStart(goal, plan, own.map((c) => c.date).sort()[0] ?? null);
  const first = planStart(plan);
  const last = planEnd(plan);
  const out: string[] = [];
  for (let period = recurrencePeriod(recurrence.per, today); period.start <= lastDay && period.start <= last; period = recurrencePeriod(recurrence.per, isoDay(dayOf(period.end) + DAY))) {
    const dues = Array.from({ length: recurrence.count }, (_, i) => occurrenceDue(recurrence, period, i + 1)).filter((due) => due >= start && due >= first && due <= last);
    const held = Math.floor(occurrencesDone(own, period));
    for (const due of dues.slice(Math.min(held, dues.length))) if (due >= today && due <= lastDay) out.push(due);
  }
  return out;
}

function areaChanges(changes: PlanChanges, goalIds: ReadonlySet<string>): AreaChanges {
  const inArea = (move: StatusMove) => goalIds.has(move.goal.id);
  return {
    checkIns: changes.checkIns.filter((c) => goalIds.has(c.goal.id)),
    newGoals: changes.newGoals.filter((g) => goalIds.has(g.id)),
    completed: changes.completed.filter(inArea),
    slipped: changes.slipped.filter(inArea),
    improved: changes.improved.filter(inArea),
  };
}

/** The board meeting report: per area, status and why, changes since `since`, risks, deadlines and occurrences due. */
export function boardReport(snapshot: Snapshot, options: BoardReportOptions): BoardReport {
  const { today, since } = options;
  const windowDays = options.windowDays ?? BOARD_DEADLINE_DAYS;
  const lastDay = isoDay(dayOf(today) + windowDays * DAY);
  const progress = planProgress(snapshot, today);
  const changes = planChanges(snapshot, since, today);
  const byGoal = checkInsByGoal(snapshot.checkIns);
  const row = (goal: LocalGoal): ReportGoal => ({ goal, progress: progress.get(goal.id) as GoalProgress });

  const areas = sections(snapshot).map(({ area, goals }): BoardAreaReport => {
    const rows = goals.map(row);
    const atRisk = rows
      .flatMap((r): ReportRisk[] => {
        const reason = attentionReason(r.progress);
        return reason ? [{ ...r, reason }] : [];
      })
      .sort((a, b) => RISK_ORDER[a.reason] - RISK_ORDER[b.reason] || deadlineOrLast(a.goal).localeCompare(deadlineOrLast(b.goal)));
    const deadlines = rows
      .flatMap((r): ReportDeadline[] => {
        if (!r.goal.due || r.progress.status === 'done') return [];
        const deadline = deadlineDay(r.goal.due);
        if (deadline < today || deadline > lastDay) return [];
        return [{ ...r, deadline, daysLeft: Math.round((dayOf(deadline) - dayOf(today)) / DAY) }];
      })
      .sort((a, b) => a.deadline.localeCompare(b.deadline));
    const occurrences = rows
      .flatMap((r): ReportOccurrence[] => {
        if (r.progress.status === 'done' || !r.goal.recurrence) return [];
        const per = r.goal.recurrence.per;
        return upcomingOccurrences(r.goal, byGoal.get(r.goal.id) ?? [], snapshot.plan, today, lastDay).map((due) => ({ ...r, due, per }));
      })
      .sort((a, b) => a.due.localeCompare(b.due) || a.goal.sortOrder - b.goal.sortOrder);
    return {
      area,
      summary: summarizeProgress(rows.map((r) => r.progress)),
      goals: rows,
      changes: areaChanges(changes, new Set(goals.map((g) => g.id))),
      atRisk,
      deadlines,
      occurrences,
    };
  });
  return {
    kind: 'board',
    plan: snapshot.plan,
    today,
    since,
    windowDays,
    summary: summarizeProgress(snapshot.goals.map((g) => progress.get(g.id) as GoalProgress)),
    changes,
    areas,
  };
}

function deadlineOrLast(goal: LocalGoal): string {
  return goal.due ? deadlineDay(goal.due) : '9999-12-31';
}

/** The default 'since' of a board report: the day of the last board report when known, else DEFAULT_SINCE_DAYS before today. */
export function defaultSince(today: string, lastReportDay: string | null): string {
  if (lastReportDay !== null && /^\d{4}-\d{2}-\d{2}$/.test(lastReportDay) && lastReportDay <= today) return lastReportDay;
  return isoDay(dayOf(today) - DEFAULT_SINCE_DAYS * DAY);
}

// ---------------------------------------------------------------------------------------------
// The annual report

/** A year of the plan period, or the whole period. */
export type AnnualScope = number | 'period';

export type Achievement = 'achieved' | 'partly' | 'notAchieved' | 'notDue' | 'noTarget';
export const ACHIEVEMENTS: readonly Achievement[] = ['achieved', 'partly', 'notAchieved', 'notDue', 'noTarget'];

export interface AnnualWindow {
  /** The first day of the year (or of the plan period). */
  readonly from: string;
  /** The last day of the year (or of the plan period). */
  readonly to: string;
  /** The day the goals are judged: `to`, or today when that is earlier. */
  readonly judged: string;
}

export interface MeasuredFigures {
  readonly kind: 'measured';
  readonly unit: string;
  readonly baseline: number;
  readonly target: number | null;
  /** The latest value reported by the day judged, or null when none was. */
  readonly value: number | null;
  /** The day of that value (its check-in), or null when it is the stored current value or none. */
  readonly valueDate: string | null;
  /** The value due by the day judged: the target, or the share expected by then; null without a target. */
  readonly dueValue: number | null;
  /** Whether what was due is the target itself (the deadline has come). */
  readonly dueIsTarget: boolean;
  /** Share of the way from the baseline to the target reached, 0..1; null without a target. */
  readonly fraction: number | null;
}

export interface RecurringYear {
  readonly year: number;
  readonly held: number;
  readonly required: number;
}

export interface RecurringFigures {
  readonly kind: 'recurring';
  readonly per: Period;
  readonly count: number;
  readonly years: readonly RecurringYear[];
  readonly held: number;
  readonly required: number;
}

export interface MilestoneFigures {
  readonly kind: 'milestone';
  readonly done: boolean;
  /** The day it was reported done (or set done by the board), when known. */
  readonly doneOn: string | null;
  /** The deadline as a day, or null when the goal has none. */
  readonly deadline: string | null;
  /** A check-in was made, or the board set a status other than 'not started', by the day judged. */
  readonly underWay: boolean;
}

export type AnnualFigures = MeasuredFigures | RecurringFigures | MilestoneFigures;

export interface AnnualGoal {
  readonly goal: LocalGoal;
  readonly outcome: Achievement;
  /** The board set the goal done by the day judged: the outcome says so rather than the figures. */
  readonly boardDone: boolean;
  readonly figures: AnnualFigures;
  /** Check-ins of the window with a comment, newest first, at most `commentsPerGoal`. */
  readonly comments: readonly CheckIn[];
}

export type AchievementCounts = Readonly<Record<Achievement, number>>;

export interface AnnualArea {
  readonly area: Area | null;
  readonly goals: readonly AnnualGoal[];
  readonly counts: AchievementCounts;
}

export interface AnnualReport {
  readonly kind: 'annual';
  readonly plan: Plan;
  readonly scope: AnnualScope;
  readonly window: AnnualWindow;
  readonly today: string;
  readonly commentsPerGoal: number;
  readonly counts: AchievementCounts;
  readonly areas: readonly AnnualArea[];
}

export interface AnnualReportOptions {
  readonly scope: AnnualScope;
  readonly today: string;
  /** Default ANNUAL_COMMENTS_PER_GOAL. */
  readonly commentsPerGoal?: number;
}

/** The years a plan covers, in order. */
export function planYears(plan: Pick<Plan, 'periodFrom' | 'periodTo'>): number[] {
  const years: number[] = [];
  for (let y = plan.periodFrom; y <= plan.periodTo; y++) years.push(y);
  return years;
}

/** The window a scope covers; a year outside the plan period is a RangeError. */
export function annualWindow(plan: Pick<Plan, 'periodFrom' | 'periodTo'>, scope: AnnualScope, today: string): AnnualWindow {
  let from: string;
  let to: string;
  if (scope === 'period') {
    from = planStart(plan);
    to = planEnd(plan);
  } else {
    if (!Number.isInteger(scope) || scope < plan.periodFrom || scope > plan.periodTo) {
      throw new RangeError(`${scope} is not a year of the plan period ${plan.periodFrom}–${plan.periodTo}`);
    }
    from = `${scope}-01-01`;
    to = `${scope}-12-31`;
  }
  return { from, to, judged: today < to ? today : to };
}

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);

/** Share of the days from `start` to `end` (both inclusive) passed by the end of `day`, as progress.ts counts it. */
function elapsedShare(start: string, end: string, day: string): number {
  const s = dayOf(start);
  const e = dayOf(end) + DAY;
  if (e <= s) return dayOf(day) >= s ? 1 : 0;
  return clamp01((dayOf(day) + DAY - s) / (e - s));
}

/** Whether the board's status 'done' counts by `judged`: set by then (the goal's last change; unknown: yes). */
function boardDoneBy(goal: LocalGoal, judged: string): boolean {
  return goal.status === 'done' && (goal.modified === undefined || goal.modified.slice(0, 10) <= judged);
}

function grade(doneShare: number): Achievement {
  if (doneShare >= 1) return 'achieved';
  return doneShare >= PARTLY_SHARE ? 'partly' : 'notAchieved';
}

interface Judging {
  readonly plan: Plan;
  readonly window: AnnualWindow;
  readonly today: string;
}

function judgeMeasured(goal: LocalGoal, own: readonly CheckIn[], start: string, ctx: Judging): { outcome: Achievement; figures: MeasuredFigures } {
  const { judged } = ctx.window;
  const measure = goal.measure;
  const baseline = measure?.baseline ?? 0;
  const target = measure?.target ?? null;
  const unit = measure?.unit ?? '';
  // A goal measured by a rollout step follows the roster: its check-ins carry no value of it.
  const reported = goal.rollout ? undefined : [...own].reverse().find((c) => c.value !== null);
  // The stored current value is today's: it speaks for the day judged only when that is today.
  const stored = judged === ctx.today ? (measure?.current ?? null) : null;
  const value = reported?.value ?? stored;
  const valueDate = reported ? reported.date : null;
  if (target === null) {
    return { outcome: 'noTarget', figures: { kind: 'measured', unit, baseline, target, value, valueDate, dueValue: null, dueIsTarget: false, fraction: null } };
  }
  const span = target - baseline;
  const fraction = value === null ? 0 : span === 0 ? (value >= target ? 1 : 0) : clamp01((value - baseline) / span);
  const deadline = goal.due ? deadlineDay(goal.due) : planEnd(ctx.plan);
  const dueIsTarget = deadline <= judged;
  const dueShare = start > judged ? 0 : dueIsTarget ? 1 : elapsedShare(start, deadline, judged);
  const figures: MeasuredFigures = { kind: 'measured', unit, baseline, target, value, valueDate, dueValue: baseline + span * dueShare, dueIsTarget, fraction };
  if (fraction >= 1) return { outcome: 'achieved', figures };
  if (dueShare <= 0) return { outcome: 'notDue', figures };
  return { outcome: grade(fraction / dueShare), figures };
}

/** Every occurrence of a recurrence due in a calendar year, in order (a monthly one: each month's). */
function occurrencesOfYear(goal: LocalGoal, year: number): string[] {
  const recurrence = goal.recurrence;
  if (!recurrence) return [];
  if (recurrence.per === 'year') {
    const period = recurrencePeriod('year', `${year}-01-01`);
    return Array.from({ length: recurrence.count }, (_, i) => occurrenceDue(recurrence, period, i + 1));
  }
  const out: string[] = [];
  for (let month = 1; month <= 12; month++) {
    const period = recurrencePeriod('month', `${year}-${String(month).padStart(2, '0')}-01`);
    for (let k = 1; k <= recurrence.count; k++) out.push(occurrenceDue(recurrence, period, k));
  }
  return out;
}

function judgeRecurring(goal: LocalGoal, own: readonly CheckIn[], start: string, ctx: Judging): { outcome: Achievement; figures: RecurringFigures } {
  const { window } = ctx;
  const recurrence = goal.recurrence ?? { count: 0, per: 'year' as const };
  const first = planStart(ctx.plan);
  // An occurrence due on the day judged counts as due once the window is over (it is not late before).
  const isDue = (due: string) => (window.judged === window.to ? due <= window.judged : due < window.judged);
  const years: RecurringYear[] = [];
  for (let year = Number(window.from.slice(0, 4)); year <= Number(window.judged.slice(0, 4)); year++) {
    const held = occurrencesDone(own, { start: `${year}-01-01`, end: `${year}-12-31` < window.judged ? `${year}-12-31` : window.judged });
    const required = recurrence.count >= 1 ? occurrencesOfYear(goal, year).filter((due) => due >= start && due >= first && isDue(due)).length : 0;
    years.push({ year, held, required });
  }
  const held = years.reduce((n, y) => n + y.held, 0);
  const required = years.reduce((n, y) => n + y.required, 0);
  const figures: RecurringFigures = { kind: 'recurring', per: recurrence.per, count: recurrence.count, years, held, required };
  if (required === 0) return { outcome: held > 0 ? 'achieved' : 'notDue', figures };
  return { outcome: grade(held / required), figures };
}

function judgeMilestone(goal: LocalGoal, own: readonly CheckIn[], start: string, ctx: Judging): { outcome: Achievement; figures: MilestoneFigures } {
  const { judged } = ctx.window;
  const reported = own.find((c) => c.value !== null && c.value >= 1);
  const boardDone = boardDoneBy(goal, judged);
  const done = reported !== undefined || boardDone;
  const doneOn = reported ? reported.date : boardDone && goal.modified ? goal.modified.slice(0, 10) : null;
  const deadline = goal.due ? deadlineDay(goal.due) : null;
  const underWay = own.length > 0 || (goal.status !== null && goal.status !== 'notStarted');
  const figures: MilestoneFigures = { kind: 'milestone', done, doneOn, deadline, underWay };
  if (done) return { outcome: 'achieved', figures };
  const due = deadline ?? planEnd(ctx.plan);
  if (due <= judged && start <= judged) return { outcome: 'notAchieved', figures };
  return { outcome: 'notDue', figures };
}

function countAchievements(goals: readonly AnnualGoal[]): AchievementCounts {
  const counts = Object.fromEntries(ACHIEVEMENTS.map((a) => [a, 0])) as Record<Achievement, number>;
  for (const g of goals) counts[g.outcome] += 1;
  return counts;
}

/**
 * The annual report of a year of the plan (or the whole period): each goal judged at the end of
 * the window (or today, when earlier) with the check-ins made by then. Goals the store created
 * after that day are left out (they were not part of the plan then).
 */
export function annualReport(snapshot: Snapshot, options: AnnualReportOptions): AnnualReport {
  const window = annualWindow(snapshot.plan, options.scope, options.today);
  const commentsPerGoal = options.commentsPerGoal ?? ANNUAL_COMMENTS_PER_GOAL;
  const ctx: Judging = { plan: snapshot.plan, window, today: options.today };
  const byGoal = checkInsByGoal(snapshot.checkIns);
  const judge = (goal: LocalGoal): AnnualGoal => {
    const own = (byGoal.get(goal.id) ?? []).filter((c) => c.date <= window.judged);
    const start = goalStart(goal, snapshot.plan, own[0]?.date ?? null);
    const judgedKind =
      goal.kind === 'measured' ? judgeMeasured(goal, own, start, ctx) : goal.kind === 'recurring' ? judgeRecurring(goal, own, start, ctx) : judgeMilestone(goal, own, start, ctx);
    const boardDone = boardDoneBy(goal, window.judged);
    const comments = own
      .filter((c) => c.date >= window.from && c.comment.trim() !== '')
      .sort((a, b) => b.date.localeCompare(a.date) || compareIds(b.id, a.id))
      .slice(0, Math.max(0, commentsPerGoal));
    return { goal, outcome: boardDone ? 'achieved' : judgedKind.outcome, boardDone, figures: judgedKind.figures, comments };
  };
  const inPlanThen = (goal: LocalGoal) => goal.created === undefined || goal.created.slice(0, 10) <= window.judged;
  const areas = sections(snapshot).map(({ area, goals }): AnnualArea => {
    const judged = goals.filter(inPlanThen).map(judge);
    return { area, goals: judged, counts: countAchievements(judged) };
  });
  return {
    kind: 'annual',
    plan: snapshot.plan,
    scope: options.scope,
    window,
    today: options.today,
    commentsPerGoal,
    counts: countAchievements(areas.flatMap((a) => a.goals)),
    areas,
  };
}

// ---------------------------------------------------------------------------------------------
// Files

/**
 * A file name SharePoint takes: the characters it refuses (`" * : < > ? / \ |` and control
 * characters) become '-', leading and trailing spaces and dots go, and a leading '~$' too
 * (support.microsoft.com, "Restrictions and limitations in OneDrive and SharePoint").
 */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/["*:<>?/\\|\u0000-\u001f\u007f]/g, '-').replace(/^~\$/, '').replace(/^[\s.]+|[\s.]+$/g, '');
  return cleaned === '' ? 'report' : cleaned;
}

export interface FolderFile {
  readonly name: string;
  /** ISO timestamp of the file's last change. */
  readonly lastModified: string;
}

/**
 * The day of the newest board report in a folder: files named '<prefix> YYYY-MM-DD….docx' for any
 * of the prefixes (the report's name in each language), by the day in the name; a file of that
 * kind without a day counts from its last change. Null when there is none.
 */
export function lastBoardReportDay(files: readonly FolderFile[], prefixes: readonly string[]): string | null {
  let newest: string | null = null;
  const wanted = prefixes.map((p) => p.trim().toLowerCase()).filter((p) => p !== '');
  for (const file of files) {
    const name = file.name.trim();
    const lower = name.toLowerCase();
    if (!lower.endsWith('.docx')) continue;
    const prefix = wanted.find((p) => lower.startsWith(p));
    if (prefix === undefined) continue;
    const dated = /^\s*(\d{4}-\d{2}-\d{2})/.exec(name.slice(prefix.length));
    const day = dated?.[1] ?? (/^\d{4}-\d{2}-\d{2}/.test(file.lastModified) ? file.lastModified.slice(0, 10) : null);
    if (day !== null && (newest === null || day > newest)) newest = day;
  }
  return newest;
}
