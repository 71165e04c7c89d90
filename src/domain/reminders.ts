/**
 * Reminder rules: which reminders are due for a plan at an instant, given what has already been
 * posted (the ledger's keys). Pure; the clock, the plan, its check-ins, the goals' Planner tasks and
 * the ledger are inputs. Delivery (cards, channels, the ledger list) lives in the adapters.
 *
 * Every reminder belongs to a series (a goal's deadline, its recurring activity, its check-in nudges,
 * one Planner task) and has a key that names the goal, the rule and the occurrence; the key is what
 * the ledger stores, so a reminder is posted once however often, however concurrently, a run is
 * repeated. Within a series only the latest reminder whose day has come is ever posted: after a
 * runner was down for days, a goal gets one reminder ('overdue'), not the three it missed; and an
 * earlier reminder of a series never comes after a later one.
 *
 * Days are Norwegian local days (Europe/Oslo). Nothing is posted outside the delivery window: at
 * night, at weekends, on public holidays (holidays.ts) or on the board's extra quiet days. A
 * reminder meant for a closed day moves to the working day before it when it announces something
 * (a deadline, an expected occurrence, a task due) and to the working day after it when it reports
 * something missed.
 */
import { addDays, isWorkingDay, workingDayOnOrAfter, workingDayOnOrBefore } from './holidays';
import type { CheckIn, LocalGoal, Plan } from './plan';
import { checkInsByGoal, deadlineDay, goalProgress, goalStart, occurrenceDue, occurrencesDone, planEnd, planStart, recurrencePeriod } from './progress';

/** How reminders are posted: one post per goal, or one digest a week or a month per channel. */
export type DigestCadence = 'off' | 'weekly' | 'monthly';

export interface ReminderSettings {
  readonly enabled: boolean;
  /** Before a goal's deadline, on the day and while overdue. */
  readonly deadlines: boolean;
  /** Before each expected occurrence of a recurring goal and when one is missed. */
  readonly recurring: boolean;
  /** An owner with no check-in on an active goal for `nudgeWeeks` weeks. */
  readonly nudges: boolean;
  /** Planner tasks of the goal that are due or late. */
  readonly tasks: boolean;
  /** Days before a deadline a reminder goes out (besides the day itself), e.g. 14 and 3. */
  readonly leadDays: readonly number[];
  /** Days between reminders while a goal is overdue, and how many at most. */
  readonly overdueEveryDays: number;
  readonly overdueTimes: number;
  /** Days before an expected occurrence of a recurring goal. */
  readonly recurringLeadDays: number;
  /** Weeks without a check-in before the owners are nudged (repeated, at most three times). */
  readonly nudgeWeeks: number;
  /** Days before a Planner task's due date. */
  readonly taskLeadDays: number;
  readonly digest: DigestCadence;
  /** ISO weekday of the weekly digest (1 Monday … 5 Friday); it moves to the next working day. */
  readonly digestWeekday: number;
  /** Extra days without posts (YYYY-MM-DD), besides weekends and public holidays. */
  readonly quietDays: readonly string[];
  /** Local hours (Europe/Oslo) posts may go out: from `windowFrom`:00 to before `windowTo`:00. */
  readonly windowFrom: number;
  readonly windowTo: number;
  /** More goals than this due in one run are posted as one digest instead of one post each. */
  readonly maxSeparatePosts: number;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  enabled: true,
  deadlines: true,
  recurring: true,
  nudges: true,
  tasks: true,
  leadDays: [14, 3],
  overdueEveryDays: 7,
  overdueTimes: 3,
  recurringLeadDays: 7,
  nudgeWeeks: 6,
  taskLeadDays: 3,
  digest: 'off',
  digestWeekday: 1,
  quietDays: [],
  windowFrom: 8,
  windowTo: 16,
  maxSeparatePosts: 3,
};

/** The most times owners are nudged about one silence. */
export const MAX_NUDGES = 3;

/** A problem found in stored settings; the default is used for that field. */
export interface ReminderSettingsProblem {
  readonly field: keyof ReminderSettings;
  readonly value: unknown;
}

const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/**
 * Settings as stored (JSON written by Settings, or edited by hand in Microsoft Lists), checked field by
 * field: a field that is missing takes its default silently, one that is wrong takes its default and
 * is reported, so one bad value never switches reminders off.
 */
export function readReminderSettings(stored: unknown): { settings: ReminderSettings; problems: ReminderSettingsProblem[] } {
  const problems: ReminderSettingsProblem[] = [];
  const d = DEFAULT_REMINDER_SETTINGS;
  if (stored === null || stored === undefined) return { settings: d, problems };
  if (typeof stored !== 'object' || Array.isArray(stored)) return { settings: d, problems: [{ field: 'enabled', value: stored }] };
  const s = stored as Record<string, unknown>;
  function pick<K extends keyof ReminderSettings>(field: K, ok: (v: unknown) => boolean): ReminderSettings[K] {
    const v = s[field];
    if (v === undefined) return d[field];
    if (ok(v)) return v as ReminderSettings[K];
    problems.push({ field, value: v });
    return d[field];
  }
  const bool = (v: unknown) => typeof v === 'boolean';
  const settings: ReminderSettings = {
    enabled: pick('enabled', bool),
    deadlines: pick('deadlines', bool),
    recurring: pick('recurring', bool),
    nudges: pick('nudges', bool),
    tasks: pick('tasks', bool),
    leadDays: pick('leadDays', (v) => Array.isArray(v) && v.length <= 5 && v.every((n) => isInt(n, 1, 90)) && new Set(v).size === v.length),
    overdueEveryDays: pick('overdueEveryDays', (v) => isInt(v, 1, 60)),
    overdueTimes: pick('overdueTimes', (v) => isInt(v, 0, 3)),
    recurringLeadDays: pick('recurringLeadDays', (v) => isInt(v, 1, 60)),
    nudgeWeeks: pick('nudgeWeeks', (v) => isInt(v, 1, 26)),
    taskLeadDays: pick('taskLeadDays', (v) => isInt(v, 1, 30)),
    digest: pick('digest', (v) => v === 'off' || v === 'weekly' || v === 'monthly'),
    digestWeekday: pick('digestWeekday', (v) => isInt(v, 1, 5)),
    quietDays: pick('quietDays', (v) => Array.isArray(v) && v.length <= 400 && v.every(isDay)),
    windowFrom: pick('windowFrom', (v) => isInt(v, 0, 23)),
    windowTo: pick('windowTo', (v) => isInt(v, 1, 24)),
    maxSeparatePosts: pick('maxSeparatePosts', (v) => isInt(v, 1, 50)),
  };
  if (settings.windowFrom >= settings.windowTo) {
    problems.push({ field: 'windowTo', value: s.windowTo });
    return { settings: { ...settings, windowFrom: d.windowFrom, windowTo: d.windowTo }, problems };
  }
  return { settings, problems };
}

/** A Planner task of a goal as the reminder rules need it (read by the Planner capability). */
export interface TaskState {
  readonly taskId: string;
  readonly goalId: string;
  readonly title: string;
  /** YYYY-MM-DD, or null. */
  readonly dueDay: string | null;
  readonly completed: boolean;
  /** The task the goal itself became (its due day follows the goal's). */
  readonly main: boolean;
  readonly assigneeIds: readonly string[];
}

/** Why a reminder is posted. Texts are the cards' business; this says what happened. */
export type ReminderReason =
  | { readonly kind: 'dueSoon'; readonly due: string; readonly leadDays: number }
  | { readonly kind: 'dueToday'; readonly due: string }
  | { readonly kind: 'overdue'; readonly due: string; readonly round: number }
  | { readonly kind: 'occurrenceSoon'; readonly occurrence: number; readonly required: number; readonly done: number; readonly by: string; readonly periodStart: string }
  | { readonly kind: 'occurrenceMissed'; readonly occurrence: number; readonly required: number; readonly done: number; readonly by: string; readonly periodStart: string }
  | { readonly kind: 'noCheckIn'; readonly since: string; readonly weeks: number; readonly round: number }
  | { readonly kind: 'taskDue'; readonly taskId: string; readonly title: string; readonly due: string }
  | { readonly kind: 'taskLate'; readonly taskId: string; readonly title: string; readonly due: string };

export type ReminderRule = 'deadline' | 'recurring' | 'nudge' | 'task';

export interface Reminder {
  /** The ledger key: goal, rule and occurrence. Stable across runs, settings and machines. */
  readonly key: string;
  /** The series it belongs to: only the latest reminder of a series whose day has come is posted. */
  readonly series: string;
  readonly goalId: string;
  readonly rule: ReminderRule;
  /** The working day it is meant for. */
  readonly day: string;
  readonly reason: ReminderReason;
}

export interface ReminderInput {
  readonly plan: Pick<Plan, 'periodFrom' | 'periodTo'>;
  readonly goals: readonly LocalGoal[];
  readonly checkIns: readonly CheckIn[];
  readonly tasks?: readonly TaskState[];
  readonly settings: ReminderSettings;
  /** Keys already in the ledger. */
  readonly sent: ReadonlySet<string>;
}

const TIME_ZONE = 'Europe/Oslo';
const osloParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The Norwegian local day and hour of an instant. */
export function osloClock(instant: Date): { day: string; hour: number } {
  const parts = Object.fromEntries(osloParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

/** Whether posts may go out at an instant: a working day, inside the window. */
export function isDeliveryTime(instant: Date, settings: ReminderSettings): boolean {
  const { day, hour } = osloClock(instant);
  return isWorkingDay(day, new Set(settings.quietDays)) && hour >= settings.windowFrom && hour < settings.windowTo;
}

interface Candidate extends Reminder {
  /** Whether it still applies today (a deadline not yet passed, an occurrence not yet held). */
  readonly applies: boolean;
}

function deadlineSeries(goal: LocalGoal, settings: ReminderSettings, closed: ReadonlySet<string>, today: string): Candidate[] {
  if (!goal.due) return [];
  const due = deadlineDay(goal.due);
  const series = `${goal.id}:deadline`;
  const out: Candidate[] = [];
  const make = (suffix: string, day: string, reason: ReminderReason, applies: boolean): Candidate => ({
    key: `${series}:${due}:${suffix}`,
    series,
    goalId: goal.id,
    rule: 'deadline',
    day,
    reason,
    applies,
  });
  for (const lead of settings.leadDays) {
    out.push(make(`before${lead}`, workingDayOnOrBefore(addDays(due, -lead), closed), { kind: 'dueSoon', due, leadDays: lead }, today < due));
  }
  out.push(make('on', workingDayOnOrBefore(due, closed), { kind: 'dueToday', due }, today <= due));
  for (let round = 1; round <= settings.overdueTimes; round++) {
    const nominal = addDays(due, 1 + (round - 1) * settings.overdueEveryDays);
    out.push(make(`late${round}`, workingDayOnOrAfter(nominal, closed), { kind: 'overdue', due, round }, today > due));
  }
  return out;
}

function recurringSeries(goal: LocalGoal, own: readonly CheckIn[], plan: ReminderInput['plan'], settings: ReminderSettings, closed: ReadonlySet<string>, today: string): Candidate[] {
  const recurrence = goal.recurrence;
  if (!recurrence || recurrence.count < 1) return [];
  const series = `${goal.id}:recurring`;
  const current = recurrencePeriod(recurrence.per, today);
  // The period before too: an occurrence missed at its end is reported in the next one.
  const previous = recurrencePeriod(recurrence.per, addDays(current.start, -1));
  const out: Candidate[] = [];
  // Occurrences due before the goal started are not asked for (progress.ts goalStart).
  const start = goalStart(goal, plan, own[0]?.date ?? null);
  for (const period of [previous, current]) {
    if (period.end < planStart(plan) || period.start > planEnd(plan)) continue;
    const done = occurrencesDone(own, period);
    let skipped = 0;
    for (let k = 1; k <= recurrence.count; k++) {
      const by = occurrenceDue(recurrence, period, k);
      if (by < start) {
        skipped += 1;
        continue;
      }
      // The n-th occurrence asked for is held once n were reported this period.
      const nth = k - skipped;
      const base = { occurrence: nth, required: recurrence.count - skipped, done, by, periodStart: period.start };
      const soonDay = workingDayOnOrBefore(addDays(by, -settings.recurringLeadDays), closed);
      // An occurrence expected before the period's first day of the plan is not announced.
      if (soonDay >= period.start) {
        out.push({ key: `${series}:${period.start}:${k}:soon`, series, goalId: goal.id, rule: 'recurring', day: soonDay, reason: { kind: 'occurrenceSoon', ...base }, applies: done < nth && today <= by });
      }
      out.push({
        key: `${series}:${period.start}:${k}:missed`,
        series,
        goalId: goal.id,
        rule: 'recurring',
        day: workingDayOnOrAfter(addDays(by, 1), closed),
        reason: { kind: 'occurrenceMissed', ...base },
        applies: done < nth && today > by,
      });
    }
  }
  return out;
}

function nudgeSeries(goal: LocalGoal, own: readonly CheckIn[], plan: ReminderInput['plan'], settings: ReminderSettings, closed: ReadonlySet<string>): Candidate[] {
  if (goal.owners.length === 0) return [];
  const series = `${goal.id}:nudge`;
  const last = own.reduce<string | null>((max, c) => (max === null || c.date > max ? c.date : max), null);
  const since = last !== null && last > planStart(plan) ? last : planStart(plan);
  const out: Candidate[] = [];
  for (let round = 1; round <= MAX_NUDGES; round++) {
    const day = workingDayOnOrAfter(addDays(since, round * settings.nudgeWeeks * 7), closed);
    out.push({ key: `${series}:${since}:${round}`, series, goalId: goal.id, rule: 'nudge', day, reason: { kind: 'noCheckIn', since, weeks: settings.nudgeWeeks, round }, applies: true });
  }
  return out;
}

function taskSeries(goal: LocalGoal, tasks: readonly TaskState[], settings: ReminderSettings, closed: ReadonlySet<string>, today: string): Candidate[] {
  const goalDue = goal.due ? deadlineDay(goal.due) : null;
  const out: Candidate[] = [];
  for (const task of tasks) {
    if (task.completed || task.dueDay === null) continue;
    // The goal's own task shares its deadline: the deadline reminder already speaks for it.
    if (task.main && settings.deadlines && task.dueDay === goalDue) continue;
    const series = `${goal.id}:task:${task.taskId}`;
    const due = task.dueDay;
    const base = { taskId: task.taskId, title: task.title, due };
    out.push({ key: `${series}:${due}:soon`, series, goalId: goal.id, rule: 'task', day: workingDayOnOrBefore(addDays(due, -settings.taskLeadDays), closed), reason: { kind: 'taskDue', ...base }, applies: today <= due });
    out.push({ key: `${series}:${due}:late`, series, goalId: goal.id, rule: 'task', day: workingDayOnOrAfter(addDays(due, 1), closed), reason: { kind: 'taskLate', ...base }, applies: today > due });
  }
  return out;
}

/**
 * Every reminder of the plan's goals that is due on a local day and not yet in the ledger: per
 * series the latest whose day has come, if it still applies. Goals that are done, and days outside
 * the plan's period, have none. Sorted by goal order, then rule.
 */
export function dueReminders(input: ReminderInput, today: string): Reminder[] {
  const { settings, plan } = input;
  if (!settings.enabled || today < planStart(plan) || today > addDays(planEnd(plan), settings.overdueEveryDays * settings.overdueTimes + 1)) return [];
  const closed = new Set(settings.quietDays);
  const byGoal = checkInsByGoal(input.checkIns);
  const tasksOf = new Map<string, TaskState[]>();
  for (const t of input.tasks ?? []) {
    const list = tasksOf.get(t.goalId);
    if (list) list.push(t);
    else tasksOf.set(t.goalId, [t]);
  }
  const goals = [...input.goals].sort((a, b) => a.sortOrder - b.sortOrder || a.id.localeCompare(b.id));
  const out: Reminder[] = [];
  for (const goal of goals) {
    const own = byGoal.get(goal.id) ?? [];
    const progress = goalProgress(goal, own, plan, today);
    if (progress.status === 'done') continue;
    const candidates: Candidate[] = [];
    if (settings.deadlines) candidates.push(...deadlineSeries(goal, settings, closed, today));
    if (settings.recurring && goal.kind === 'recurring') candidates.push(...recurringSeries(goal, own, plan, settings, closed, today));
    if (settings.nudges && today <= planEnd(plan)) candidates.push(...nudgeSeries(goal, own, plan, settings, closed));
    if (settings.tasks) candidates.push(...taskSeries(goal, tasksOf.get(goal.id) ?? [], settings, closed, today));
    const latest = new Map<string, Candidate>();
    for (const c of candidates) {
      if (!c.applies || c.day > today) continue;
      const held = latest.get(c.series);
      // Ties (two reminders moved onto one working day) go to the later one in the series' order.
      if (!held || c.day >= held.day) latest.set(c.series, c);
    }
    for (const c of latest.values()) {
      if (input.sent.has(c.key)) continue;
      const { applies: _applies, ...reminder } = c;
      out.push(reminder);
    }
  }
  return out;
}

/** The reminders of one goal that go out together: a goal is never posted twice in one run. */
export interface GoalReminders {
  readonly goalId: string;
  readonly reminders: readonly Reminder[];
}

export type ReminderPost =
  | { readonly kind: 'goal'; readonly goal: GoalReminders }
  | {
      readonly kind: 'digest';
      readonly goals: readonly GoalReminders[];
      /** Why it is a digest: the board chose one, or too much came due at once (e.g. after downtime). */
      readonly cause: 'cadence' | 'many';
    };

export interface ReminderRun {
  /** The local day the run is for. */
  readonly day: string;
  /** False outside the delivery window (night, weekend, holiday, quiet day) or off a digest day: nothing is posted. */
  readonly open: boolean;
  readonly posts: readonly ReminderPost[];
}

/** Whether a local day is the board's digest day: the working day on or after the chosen weekday (weekly) or the month's first working day (monthly). */
export function isDigestDay(day: string, settings: ReminderSettings): boolean {
  const closed = new Set(settings.quietDays);
  if (settings.digest === 'off') return true;
  if (settings.digest === 'monthly') return workingDayOnOrAfter(`${day.slice(0, 7)}-01`, closed) === day;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
  const chosen = addDays(day, settings.digestWeekday - weekday);
  const moved = workingDayOnOrAfter(chosen, closed);
  // A digest day pushed into next week by holidays still counts for this week.
  return moved === day;
}

/** Groups reminders by goal, in the order they came. */
export function groupByGoal(reminders: readonly Reminder[]): GoalReminders[] {
  const groups = new Map<string, Reminder[]>();
  for (const r of reminders) {
    const list = groups.get(r.goalId);
    if (list) list.push(r);
    else groups.set(r.goalId, [r]);
  }
  return [...groups].map(([goalId, list]) => ({ goalId, reminders: list }));
}

/**
 * The posts for a set of due reminders: grouped by goal, one post per goal, or one digest when the
 * board chose a cadence or more goals than `maxSeparatePosts` are due at once.
 */
export function composePosts(reminders: readonly Reminder[], settings: ReminderSettings): ReminderPost[] {
  const goals = groupByGoal(reminders);
  if (goals.length === 0) return [];
  if (settings.digest !== 'off') return [{ kind: 'digest', goals, cause: 'cadence' }];
  if (goals.length > settings.maxSeparatePosts) return [{ kind: 'digest', goals, cause: 'many' }];
  return goals.map((goal) => ({ kind: 'goal', goal }));
}

/**
 * What a run posts at an instant: nothing outside the delivery window or off the digest day,
 * otherwise the due reminders as composePosts groups them. A board member's 'Send reminders now'
 * (`manual`) is not held back by the window or the digest day, only by the ledger.
 */
export function planReminderRun(input: ReminderInput, now: Date, options: { readonly manual?: boolean } = {}): ReminderRun {
  const { day } = osloClock(now);
  const { settings } = input;
  if (!options.manual && (!isDeliveryTime(now, settings) || !isDigestDay(day, settings))) return { day, open: false, posts: [] };
  return { day, open: true, posts: composePosts(dueReminders(input, day), settings) };
}

/**
 * The marker a reminder carries in its card (as an element id), so that a post whose answer was
 * lost can be found among the channel's messages before anything is sent again: `hp-` and a 64-bit
 * hash (two FNV-style lanes) of the plan, the reminder's key and the run that claimed it, in hex
 * (Adaptive Card ids are plain strings). The run is part of it so that only that run's post is
 * found, never an earlier post of the same reminder that the ledger no longer holds.
 */
export function reminderMarker(planId: string, key: string, runId = ''): string {
  const text = `${planId}\u0000${key}\u0000${runId}`;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `hp-${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}
