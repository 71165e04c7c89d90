import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeGoal } from '../support/factories';
import { addDays, isWorkingDay } from '../../src/domain/holidays';
import type { CheckIn, LocalGoal } from '../../src/domain/plan';
import {
  DEFAULT_REMINDER_SETTINGS,
  dueReminders,
  groupByGoal,
  isDeliveryTime,
  isDigestDay,
  osloClock,
  planReminderRun,
  reminderMarker,
  readReminderSettings,
  type Reminder,
  type ReminderInput,
  type ReminderSettings,
  type TaskState,
} from '../../src/domain/reminders';

const plan = { periodFrom: 2026, periodTo: 2027 };
const owner = { id: '00000000-0000-0000-0000-00000000000a', displayName: 'Kari' };
const S = DEFAULT_REMINDER_SETTINGS;

const checkIn = (goalId: string, date: string, value: number | null = null): CheckIn => ({ id: `${goalId}-${date}`, planId: 'p', goalId, date, value, comment: '', author: null });

function input(goals: readonly LocalGoal[], extra: Partial<ReminderInput> = {}): ReminderInput {
  return { plan, goals, checkIns: [], settings: S, sent: new Set(), ...extra };
}

const keys = (rs: readonly Reminder[]) => rs.map((r) => r.key);

/** 09:00 Norwegian time on a day (winter or summer time). */
function nineOClock(day: string): Date {
  const probe = new Date(`${day}T08:00:00Z`);
  return osloClock(probe).hour === 9 ? probe : new Date(`${day}T07:00:00Z`);
}

describe('readReminderSettings', () => {
  it('should give the defaults for nothing stored', () => {
    expect(readReminderSettings(undefined)).toEqual({ settings: S, problems: [] });
    expect(readReminderSettings(null)).toEqual({ settings: S, problems: [] });
    expect(S).toMatchObject({ leadDays: [14, 3], overdueEveryDays: 7, overdueTimes: 3, digest: 'off', windowFrom: 8, windowTo: 16 });
  });

  it('should keep good fields, take defaults for missing ones and report bad ones', () => {
    const { settings, problems } = readReminderSettings({ leadDays: [10], digest: 'weekly', digestWeekday: 7, nudgeWeeks: 0, quietDays: ['2026-12-28'], nudges: 'yes' });
    expect(settings).toEqual({ ...S, leadDays: [10], digest: 'weekly', quietDays: ['2026-12-28'] });
    expect(problems).toEqual([
      { field: 'nudges', value: 'yes' },
      { field: 'nudgeWeeks', value: 0 },
      { field: 'digestWeekday', value: 7 },
    ]);
  });

  it('should refuse impossible days, repeated lead days and fractions', () => {
    const { settings, problems } = readReminderSettings({ quietDays: ['2026-02-30'], leadDays: [3, 3], overdueEveryDays: 1.5, overdueTimes: 4 });
    expect(settings).toEqual(S);
    expect(problems.map((p) => p.field)).toEqual(['leadDays', 'overdueEveryDays', 'overdueTimes', 'quietDays']);
  });

  it('should refuse a window that ends before it starts, and anything not an object', () => {
    const inverted = readReminderSettings({ windowFrom: 15, windowTo: 9 });
    expect(inverted.settings).toEqual(S);
    expect(inverted.problems).toEqual([{ field: 'windowTo', value: 9 }]);
    expect(readReminderSettings('on').problems).toEqual([{ field: 'enabled', value: 'on' }]);
    expect(readReminderSettings([]).settings).toEqual(S);
    expect(readReminderSettings({ windowFrom: 8, windowTo: 9 }).settings).toMatchObject({ windowFrom: 8, windowTo: 9 });
  });
});

describe('the delivery window', () => {
  it('should read Norwegian local time in winter and in summer', () => {
    expect(osloClock(new Date('2026-01-15T07:30:00Z'))).toEqual({ day: '2026-01-15', hour: 8 });
    expect(osloClock(new Date('2026-07-15T07:30:00Z'))).toEqual({ day: '2026-07-15', hour: 9 });
    // 23:30 UTC on 31 December is already New Year's Day in Norway.
    expect(osloClock(new Date('2026-12-31T23:30:00Z'))).toEqual({ day: '2027-01-01', hour: 0 });
  });

  it('should post on working days inside the window only', () => {
    expect(isDeliveryTime(new Date('2026-03-02T07:00:00Z'), S)).toBe(true); // Monday 08:00
    expect(isDeliveryTime(new Date('2026-03-02T06:59:00Z'), S)).toBe(false); // 07:59
    expect(isDeliveryTime(new Date('2026-03-02T14:59:00Z'), S)).toBe(true); // 15:59
    expect(isDeliveryTime(new Date('2026-03-02T15:00:00Z'), S)).toBe(false); // 16:00
    expect(isDeliveryTime(new Date('2026-03-07T09:00:00Z'), S)).toBe(false); // Saturday
    expect(isDeliveryTime(new Date('2026-05-14T09:00:00Z'), S)).toBe(false); // Ascension
    expect(isDeliveryTime(new Date('2026-03-03T09:00:00Z'), { ...S, quietDays: ['2026-03-03'] })).toBe(false);
  });
});

describe('deadline reminders', () => {
  // Due Friday 29 May 2026: 14 days before is Friday 15 May, 3 days before Tuesday 26 May.
  const goal = makeGoal('1', { kind: 'milestone', due: '2026-05-29', owners: [owner] });
  const at = (today: string, extra: Partial<ReminderInput> = {}) => dueReminders(input([goal], { ...extra, settings: { ...S, nudges: false, ...extra.settings } }), today);

  it('should remind 14 and 3 days before, on the day and weekly while overdue, at most three times', () => {
    expect(at('2026-05-14')).toEqual([]);
    expect(keys(at('2026-05-15'))).toEqual(['1:deadline:2026-05-29:before14']);
    expect(at('2026-05-15')[0]).toEqual({ key: '1:deadline:2026-05-29:before14', series: '1:deadline', goalId: '1', rule: 'deadline', day: '2026-05-15', reason: { kind: 'dueSoon', due: '2026-05-29', leadDays: 14 } });
    expect(keys(at('2026-05-26'))).toEqual(['1:deadline:2026-05-29:before3']);
    expect(keys(at('2026-05-29'))).toEqual(['1:deadline:2026-05-29:on']);
    expect(at('2026-05-29')[0]!.reason).toEqual({ kind: 'dueToday', due: '2026-05-29' });
    expect(keys(at('2026-06-01'))).toEqual(['1:deadline:2026-05-29:late1']);
    expect(at('2026-06-01')[0]!.reason).toEqual({ kind: 'overdue', due: '2026-05-29', round: 1 });
    expect(keys(at('2026-06-08'))).toEqual(['1:deadline:2026-05-29:late2']);
    expect(keys(at('2026-06-15'))).toEqual(['1:deadline:2026-05-29:late3']);
    expect(at('2026-06-22', { sent: new Set(['1:deadline:2026-05-29:late3']) })).toEqual([]);
  });

  it('should give nothing once the reminder is in the ledger', () => {
    expect(at('2026-05-27', { sent: new Set(['1:deadline:2026-05-29:before3']) })).toEqual([]);
  });

  it('should move an announcement to the working day before and a report of lateness to the one after', () => {
    // Due Tuesday 7 April 2026: three days before is Saturday 4 April, in Easter; the day after is an ordinary Wednesday.
    const easter = makeGoal('2', { due: '2026-04-07' });
    const r = (day: string) => dueReminders(input([easter], { settings: { ...S, nudges: false } }), day);
    expect(r('2026-04-01').map((x) => [x.key, x.day])).toEqual([['2:deadline:2026-04-07:before3', '2026-04-01']]);
    // Due Saturday 16 May: on the day moves to Friday 15 May; late1 (Sunday 17 May, a holiday too) to Monday 18 May.
    const saturday = makeGoal('3', { due: '2026-05-16' });
    const s = (day: string) => dueReminders(input([saturday], { settings: { ...S, nudges: false } }), day);
    expect(s('2026-05-15').map((x) => [x.key, x.day])).toEqual([['3:deadline:2026-05-16:on', '2026-05-15']]);
    expect(s('2026-05-18').map((x) => [x.key, x.day])).toEqual([['3:deadline:2026-05-16:late1', '2026-05-18']]);
  });

  it('should read a month deadline as its last day', () => {
    const monthly = makeGoal('4', { due: '2026-09' });
    expect(keys(dueReminders(input([monthly], { settings: { ...S, nudges: false } }), '2026-09-30'))).toEqual(['4:deadline:2026-09-30:on']);
  });

  it('should catch up after downtime with the latest reminder only', () => {
    // The runner was down from 14 May to 2 June: one overdue reminder, not the four it missed.
    expect(keys(at('2026-06-02'))).toEqual(['1:deadline:2026-05-29:late1']);
  });

  it('should say nothing of a goal that is done, has no deadline, or when the rule is off', () => {
    expect(at('2026-05-26', { checkIns: [checkIn('1', '2026-05-20', 1)] })).toEqual([]);
    expect(dueReminders(input([{ ...goal, status: 'done' }]), '2026-05-26')).toEqual([]);
    expect(dueReminders(input([{ ...goal, due: null }], { settings: { ...S, nudges: false } }), '2026-05-26')).toEqual([]);
    expect(at('2026-05-26', { settings: { ...S, deadlines: false, nudges: false } })).toEqual([]);
    expect(at('2026-05-26', { settings: { ...S, enabled: false } })).toEqual([]);
  });

  it("should follow the board's lead days and overdue rhythm", () => {
    const settings: ReminderSettings = { ...S, nudges: false, leadDays: [7], overdueEveryDays: 14, overdueTimes: 1 };
    expect(keys(at('2026-05-22', { settings }))).toEqual(['1:deadline:2026-05-29:before7']);
    expect(at('2026-05-26', { settings, sent: new Set(['1:deadline:2026-05-29:before7']) })).toEqual([]);
    expect(keys(at('2026-06-01', { settings }))).toEqual(['1:deadline:2026-05-29:late1']);
    expect(at('2026-06-15', { settings, sent: new Set(['1:deadline:2026-05-29:late1']) })).toEqual([]);
  });

  it('should stay quiet before the plan starts and weeks after it ends', () => {
    const early = makeGoal('5', { due: '2026-01-05' });
    expect(dueReminders(input([early]), '2025-12-22')).toEqual([]);
    const last = makeGoal('6', { due: '2027-12-31' });
    expect(keys(dueReminders(input([last], { settings: { ...S, nudges: false } }), '2028-01-03'))).toEqual(['6:deadline:2027-12-31:late1']);
    expect(dueReminders(input([last], { settings: { ...S, nudges: false } }), '2028-02-01')).toEqual([]);
  });
});

describe('recurring reminders', () => {
  // Four member meetings a year: expected by 31 March, 30 June, 30 September and 31 December.
  const meetings = makeGoal('7', { kind: 'recurring', recurrence: { count: 4, per: 'year' }, owners: [owner] });
  const settings = { ...S, nudges: false };
  const at = (today: string, checkIns: CheckIn[] = [], sent: string[] = []) => dueReminders(input([meetings], { settings, checkIns, sent: new Set(sent) }), today);

  it('should announce an occurrence a week before it is expected and report it missed after', () => {
    expect(at('2026-03-23')).toEqual([]);
    const soon = at('2026-03-24');
    expect(keys(soon)).toEqual(['7:recurring:2026-01-01:1:soon']);
    expect(soon[0]!.reason).toEqual({ kind: 'occurrenceSoon', occurrence: 1, required: 4, done: 0, by: '2026-03-31', periodStart: '2026-01-01' });
    const missed = at('2026-04-01');
    expect(keys(missed)).toEqual(['7:recurring:2026-01-01:1:missed']);
    expect(missed[0]!.reason).toMatchObject({ kind: 'occurrenceMissed', occurrence: 1, done: 0, by: '2026-03-31' });
  });

  it('should not announce or report an occurrence already held', () => {
    expect(at('2026-03-24', [checkIn('7', '2026-02-10')])).toEqual([]);
    expect(at('2026-04-01', [checkIn('7', '2026-02-10')])).toEqual([]);
    // Two meetings held by June: the second is not announced either.
    expect(at('2026-06-23', [checkIn('7', '2026-02-10'), checkIn('7', '2026-05-10')])).toEqual([]);
    expect(keys(at('2026-06-23', [checkIn('7', '2026-02-10')]))).toEqual(['7:recurring:2026-01-01:2:soon']);
  });

  it('should report the last occurrence of a year missed in the next year', () => {
    const held = ['2026-03-01', '2026-06-01', '2026-09-01'].map((d) => checkIn('7', d));
    const jan = at('2027-01-04', held);
    expect(keys(jan)).toEqual(['7:recurring:2026-01-01:4:missed']);
    expect(jan[0]!.reason).toMatchObject({ done: 3, required: 4, by: '2026-12-31' });
  });

  it("should handle monthly activities and count a check-in's value as several", () => {
    const visits = makeGoal('8', { kind: 'recurring', recurrence: { count: 1, per: 'month' } });
    const r = (today: string, checkIns: CheckIn[] = []) => dueReminders(input([visits], { settings, checkIns }), today);
    expect(keys(r('2026-03-24'))).toEqual(['8:recurring:2026-03-01:1:soon']);
    expect(keys(r('2026-04-01'))).toEqual(['8:recurring:2026-03-01:1:missed']);
    const twice = makeGoal('9', { kind: 'recurring', recurrence: { count: 2, per: 'month' } });
    // Both of March's held in one check-in; February's second, never held, is still reported.
    expect(keys(dueReminders(input([twice], { settings, checkIns: [checkIn('9', '2026-03-02', 2)] }), '2026-03-31'))).toEqual(['9:recurring:2026-02-01:2:missed']);
    expect(keys(dueReminders(input([twice], { settings, checkIns: [checkIn('9', '2026-03-02', 1)] }), '2026-03-31'))).toEqual(['9:recurring:2026-03-01:2:soon']);
  });
});

describe('check-in nudges', () => {
  const quiet = makeGoal('10', { kind: 'measured', measure: { unit: 'medlemmer', baseline: null, target: 100, current: null }, owners: [owner] });
  const settings = { ...S, deadlines: false };

  it('should nudge the owners after the chosen weeks without a check-in, three times at most', () => {
    // Six weeks after 1 January 2026 is Thursday 12 February.
    expect(dueReminders(input([quiet], { settings }), '2026-02-11')).toEqual([]);
    const first = dueReminders(input([quiet], { settings }), '2026-02-12');
    expect(first).toEqual([{ key: '10:nudge:2026-01-01:1', series: '10:nudge', goalId: '10', rule: 'nudge', day: '2026-02-12', reason: { kind: 'noCheckIn', since: '2026-01-01', weeks: 6, round: 1 } }]);
    expect(keys(dueReminders(input([quiet], { settings }), '2026-03-26'))).toEqual(['10:nudge:2026-01-01:2']);
    const all = new Set(['10:nudge:2026-01-01:1', '10:nudge:2026-01-01:2', '10:nudge:2026-01-01:3']);
    expect(dueReminders(input([quiet], { settings, sent: all }), '2026-09-01')).toEqual([]);
  });

  it('should count the weeks from the last check-in', () => {
    const checkIns = [checkIn('10', '2026-03-02', 10)];
    expect(dueReminders(input([quiet], { settings, checkIns }), '2026-04-10')).toEqual([]);
    expect(keys(dueReminders(input([quiet], { settings, checkIns }), '2026-04-13'))).toEqual(['10:nudge:2026-03-02:1']);
  });

  it('should not nudge a goal nobody owns, or when nudges are off', () => {
    expect(dueReminders(input([{ ...quiet, owners: [] }], { settings }), '2026-03-02')).toEqual([]);
    expect(dueReminders(input([quiet], { settings: { ...settings, nudges: false } }), '2026-03-02')).toEqual([]);
    expect(keys(dueReminders(input([quiet], { settings: { ...settings, nudgeWeeks: 2 } }), '2026-01-15'))).toEqual(['10:nudge:2026-01-01:1']);
  });
});

describe('Planner tasks in reminders', () => {
  const goal = makeGoal('11', { due: '2026-06-30' });
  const task = (over: Partial<TaskState>): TaskState => ({ taskId: 't1', goalId: '11', title: 'Book the room', dueDay: '2026-03-10', completed: false, main: false, assigneeIds: [], ...over });
  const settings = { ...S, nudges: false };

  it('should announce a task three days before it is due and report it late once', () => {
    const r = (today: string, tasks: TaskState[]) => dueReminders(input([goal], { settings, tasks }), today);
    expect(keys(r('2026-03-06', [task({})]))).toEqual(['11:task:t1:2026-03-10:soon']);
    expect(r('2026-03-06', [task({})])[0]!.reason).toEqual({ kind: 'taskDue', taskId: 't1', title: 'Book the room', due: '2026-03-10' });
    expect(keys(r('2026-03-11', [task({})]))).toEqual(['11:task:t1:2026-03-10:late']);
    expect(r('2026-03-11', [task({ completed: true })])).toEqual([]);
    expect(r('2026-03-11', [task({ dueDay: null })])).toEqual([]);
  });

  it("should leave the goal's own task to the deadline reminder, and put all of a goal's reminders in one post", () => {
    const main = task({ taskId: 'main', main: true, dueDay: '2026-06-30' });
    const other = task({ taskId: 't2', dueDay: '2026-06-19' });
    const due = dueReminders(input([goal], { settings, tasks: [main, other] }), '2026-06-16');
    expect(keys(due).sort()).toEqual(['11:deadline:2026-06-30:before14', '11:task:t2:2026-06-19:soon']);
    const run = planReminderRun(input([goal], { settings, tasks: [main, other] }), nineOClock('2026-06-16'));
    expect(run.posts).toHaveLength(1);
    expect(run.posts[0]).toMatchObject({ kind: 'goal', goal: { goalId: '11' } });
    // With deadline reminders off, the goal's own task is reminded of as a task.
    expect(keys(dueReminders(input([goal], { settings: { ...settings, deadlines: false }, tasks: [main] }), '2026-06-29'))).toEqual(['11:task:main:2026-06-30:soon']);
  });
});

describe('planReminderRun', () => {
  const goals = ['21', '22', '23', '24'].map((id) => makeGoal(id, { due: '2026-05-29' }));
  const settings = { ...S, nudges: false };

  it('should post nothing at night, at weekends or on holidays', () => {
    expect(planReminderRun(input(goals, { settings }), new Date('2026-05-29T02:00:00Z'))).toEqual({ day: '2026-05-29', open: false, posts: [] });
    expect(planReminderRun(input(goals, { settings }), new Date('2026-05-30T09:00:00Z')).open).toBe(false);
    expect(planReminderRun(input(goals, { settings }), new Date('2026-05-25T09:00:00Z')).open).toBe(false);
  });

  it('should post one per goal up to the limit, and one digest beyond it', () => {
    const three = planReminderRun(input(goals.slice(0, 3), { settings }), nineOClock('2026-05-29'));
    expect(three.posts.map((p) => p.kind)).toEqual(['goal', 'goal', 'goal']);
    const four = planReminderRun(input(goals, { settings }), nineOClock('2026-05-29'));
    expect(four.posts).toHaveLength(1);
    expect(four.posts[0]).toMatchObject({ kind: 'digest', cause: 'many' });
    expect(four.posts[0]!.kind === 'digest' && four.posts[0]!.goals.map((g) => g.goalId)).toEqual(['21', '22', '23', '24']);
  });

  it('should gather everything in a weekly digest on the chosen day, moved past a holiday', () => {
    const weekly = { ...settings, digest: 'weekly' as const, digestWeekday: 1 };
    // Monday 25 May 2026 is Whit Monday: that week's digest goes out on Tuesday 26 May.
    expect(isDigestDay('2026-05-25', weekly)).toBe(false);
    expect(isDigestDay('2026-05-26', weekly)).toBe(true);
    expect(isDigestDay('2026-06-01', weekly)).toBe(true);
    expect(isDigestDay('2026-06-02', weekly)).toBe(false);
    expect(planReminderRun(input(goals, { settings: weekly }), nineOClock('2026-05-28')).open).toBe(false);
    const run = planReminderRun(input(goals.slice(0, 1), { settings: weekly }), nineOClock('2026-06-01'));
    expect(run.posts).toEqual([{ kind: 'digest', cause: 'cadence', goals: [{ goalId: '21', reminders: dueReminders(input(goals.slice(0, 1), { settings: weekly }), '2026-06-01') }] }]);
  });

  it("should put the monthly digest on the month's first working day", () => {
    const monthly = { ...settings, digest: 'monthly' as const };
    expect(isDigestDay('2026-05-01', monthly)).toBe(false);
    expect(isDigestDay('2026-05-04', monthly)).toBe(true);
    expect(isDigestDay('2026-06-01', monthly)).toBe(true);
    expect(isDigestDay('2026-06-02', monthly)).toBe(false);
    expect(isDigestDay('2026-06-02', settings)).toBe(true);
  });

  it("should let a board member's 'Send now' post outside the window and off the digest day", () => {
    const night = new Date('2026-05-29T21:00:00Z'); // 23:00 in Oslo
    expect(planReminderRun(input(goals, { settings }), night).posts).toEqual([]);
    const manual = planReminderRun(input(goals.slice(0, 1), { settings: { ...settings, digest: 'weekly' } }), night, { manual: true });
    expect(manual.open).toBe(true);
    expect(manual.posts).toMatchObject([{ kind: 'digest', cause: 'cadence', goals: [{ goalId: '21' }] }]);
  });

  it('should mark each reminder with a short stable id of its plan and key', () => {
    const a = reminderMarker('p1', '1:deadline:2026-05-29:on');
    expect(a).toMatch(/^hp-[0-9a-f]{16}$/);
    expect(reminderMarker('p1', '1:deadline:2026-05-29:on')).toBe(a);
    expect(reminderMarker('p2', '1:deadline:2026-05-29:on')).not.toBe(a);
    expect(reminderMarker('p1', '1:deadline:2026-05-29:late1')).not.toBe(a);
    // Plan and key are kept apart: 'p1' + '1:…' is not 'p' + '11:…'.
    expect(reminderMarker('p', '11:deadline:2026-05-29:on')).not.toBe(reminderMarker('p1', '1:deadline:2026-05-29:on'));
    const many = new Set(Array.from({ length: 5000 }, (_, i) => reminderMarker('p', `${i}:deadline:2026-05-29:on`)));
    expect(many.size).toBe(5000);
  });

  it('should open with nothing to post when nothing is due', () => {
    expect(planReminderRun(input(goals, { settings }), nineOClock('2026-03-03'))).toEqual({ day: '2026-03-03', open: true, posts: [] });
  });

  it('should group reminders by goal in the order they came', () => {
    const r = (goalId: string, key: string): Reminder => ({ key, series: key, goalId, rule: 'deadline', day: '2026-01-05', reason: { kind: 'dueToday', due: '2026-01-05' } });
    expect(groupByGoal([r('b', '1'), r('a', '2'), r('b', '3')])).toEqual([
      { goalId: 'b', reminders: [r('b', '1'), r('b', '3')] },
      { goalId: 'a', reminders: [r('a', '2')] },
    ]);
  });
});

describe('reminders over the whole plan period (properties)', () => {
  const day = fc.integer({ min: 0, max: 729 }).map((n) => addDays('2026-01-01', n));
  const goalArb = fc.record({
    due: fc.option(day, { nil: null }),
    kind: fc.constantFrom('milestone' as const, 'measured' as const, 'recurring' as const),
    count: fc.integer({ min: 1, max: 12 }),
    per: fc.constantFrom('year' as const, 'month' as const),
    owned: fc.boolean(),
    checkInDays: fc.array(day, { maxLength: 4 }),
  });
  const planArb = fc.record({
    goals: fc.array(goalArb, { minLength: 1, maxLength: 4 }),
    hour: fc.integer({ min: 0, max: 23 }),
    skip: fc.array(fc.integer({ min: 0, max: 729 }), { maxLength: 40 }),
    quiet: fc.array(day, { maxLength: 5 }),
  });

  it('should never post a reminder twice, never at night, at weekends or on holidays, and never an earlier one of a series after a later one', () => {
    fc.assert(
      fc.property(planArb, ({ goals: specs, hour, skip, quiet }) => {
        const goals = specs.map((g, i) =>
          makeGoal(String(i + 1), {
            due: g.due,
            kind: g.kind,
            recurrence: g.kind === 'recurring' ? { count: g.per === 'month' ? Math.min(g.count, 4) : g.count, per: g.per } : null,
            measure: g.kind === 'measured' ? { unit: 'x', baseline: null, target: 10, current: null } : null,
            owners: g.owned ? [owner] : [],
          }),
        );
        const checkIns = specs.flatMap((g, i) => g.checkInDays.map((d) => ({ ...checkIn(String(i + 1), d, 1), id: `${i}-${d}` })));
        const settings: ReminderSettings = { ...S, quietDays: quiet };
        const sent = new Set<string>();
        const lastDayOfSeries = new Map<string, string>();
        const skipped = new Set(skip);
        for (let n = 0; n < 760; n++) {
          if (skipped.has(n)) continue; // the runner was down that day
          const today = addDays('2026-01-01', n);
          // The same hour every day (in UTC): some runs fall at night or outside the window.
          const now = new Date(`${today}T${String(hour).padStart(2, '0')}:00:00Z`);
          const known = checkIns.filter((c) => c.date <= today);
          const run = planReminderRun({ plan, goals, checkIns: known, settings, sent }, now);
          const posted = run.posts.flatMap((p) => (p.kind === 'goal' ? [p.goal] : p.goals)).flatMap((g) => g.reminders);
          if (posted.length > 0) {
            const clock = osloClock(now);
            expect(isWorkingDay(clock.day, new Set(quiet))).toBe(true);
            expect(clock.hour >= settings.windowFrom && clock.hour < settings.windowTo).toBe(true);
          }
          for (const r of posted) {
            expect(sent.has(r.key)).toBe(false);
            expect(r.day <= run.day).toBe(true);
            const before = lastDayOfSeries.get(r.series);
            if (before !== undefined) expect(r.day >= before).toBe(true);
            lastDayOfSeries.set(r.series, r.day);
            sent.add(r.key);
          }
          // A second run at the same moment (another runner, or the tab's 'Send now') finds nothing left.
          expect(planReminderRun({ plan, goals, checkIns: known, settings, sent }, now).posts).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('should miss no deadline reminder when the runner runs every working morning', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 700 }), (offset) => {
        const due = addDays('2026-01-01', offset);
        const goals = [makeGoal('1', { due })];
        const sent = new Set<string>();
        for (let n = 0; n < 760; n++) {
          const today = addDays('2026-01-01', n);
          const run = planReminderRun({ plan, goals, checkIns: [], settings: { ...S, nudges: false }, sent }, nineOClock(today));
          for (const p of run.posts) for (const g of p.kind === 'goal' ? [p.goal] : p.goals) for (const r of g.reminders) sent.add(r.key);
        }
        const expected = ['before14', 'before3', 'on', 'late1', 'late2', 'late3'].map((s) => `1:deadline:${due}:${s}`);
        // Two reminders moved onto the same working day (e.g. 'before3' and 'on' around Easter) post as the later one.
        const distinct = expected.filter((k) => sent.has(k));
        expect(distinct.length).toBeGreaterThanOrEqual(5);
        expect(sent.has(`1:deadline:${due}:on`)).toBe(true);
        expect(sent.has(`1:deadline:${due}:late1`)).toBe(true);
        expect(sent.has(`1:deadline:${due}:late3`)).toBe(true);
        expect([...sent].every((k) => expected.includes(k))).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});
