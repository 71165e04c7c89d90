import { describe, expect, it } from 'vitest';
import { makeGoal } from '../support/factories';
import { goalChanges, planOverview } from '../../src/domain/overview';
import type { Area, CheckIn, GoalVersion, LocalGoal, PlanSnapshot } from '../../src/domain/plan';

const plan = { id: 'p', union: 'Fagforbundet Test', periodFrom: 2026, periodTo: 2027, adoptedDate: null, language: 'nb' as const };

const area = (id: string, number: number): Area => ({ id, planId: 'p', number, title: `Area ${number}`, nationalGoals: [], strategies: [] });

const goal = (id: string, overrides: Partial<LocalGoal> = {}): LocalGoal => makeGoal(id, overrides);

const checkIn = (id: string, goalId: string, date: string, value: number | null = null): CheckIn => ({
  id,
  planId: 'p',
  goalId,
  date,
  value,
  comment: '',
  author: { id: '9eac2ecf-d749-5b51-ab14-7dcdf3193713', displayName: 'Kari' },
});

function snapshot(goals: LocalGoal[], checkIns: CheckIn[] = [], areas: Area[] = [area('a1', 1)]): PlanSnapshot {
  return { plan, areas, goals, checkIns, situation: [], comments: [], issues: [] };
}

const ids = (items: ReadonlyArray<{ goal: LocalGoal }>) => items.map((i) => i.goal.id);

describe('progress per area', () => {
  it('should list areas by number with goal counts, mean progress and counts by effective status', () => {
    const s = snapshot(
      [
        goal('1', { areaId: 'a2', status: 'done' }),
        goal('2', { areaId: 'a2', kind: 'measured', measure: { unit: 'x', baseline: 0, target: 10, current: null } }),
        goal('3', { areaId: 'a1', status: 'atRisk' }),
        goal('4', { areaId: 'gone' }),
      ],
      [checkIn('c1', '2', '2026-03-01', 5)],
      [area('a2', 2), area('a1', 1), area('a3', 3)],
    );
    const { areas } = planOverview(s, '2026-06-30');
    expect(areas.map((a) => a.area.id)).toEqual(['a1', 'a2', 'a3']);
    expect(areas.map((a) => a.goalCount)).toEqual([1, 2, 0]);
    expect(areas[1]?.summary.fraction).toBeCloseTo(0.75); // done (1) and 5 of 10 (0.5)
    expect(areas[1]?.summary).toMatchObject({ counted: 2, total: 2 });
    expect(areas[1]?.summary.byStatus.done).toBe(1);
    expect(areas[0]?.summary.byStatus).toEqual({ notStarted: 0, onTrack: 0, atRisk: 1, behind: 0, done: 0 });
    // A milestone the board calls at risk is under way: it counts ½, not 0.
    expect(areas[0]?.summary.fraction).toBe(0.5);
    // Nothing to count is no progress to show, never 0 %.
    expect(areas[2]?.summary.fraction).toBeNull();
  });
});

describe('goals needing attention', () => {
  it('should list overdue, then behind, then at-risk goals, and never done ones', () => {
    const s = snapshot([
      goal('1', { status: 'atRisk', due: '2027-03' }),
      goal('2', { status: 'atRisk', due: '2026-12-01' }),
      goal('3', { due: '2026-05' }), // milestone past its deadline: overdue
      goal('4', { status: 'behind' }),
      goal('5', { status: 'done', due: '2026-01' }),
      goal('6', { status: 'onTrack' }),
    ]);
    const { attention } = planOverview(s, '2026-06-15');
    expect(ids(attention)).toEqual(['3', '4', '2', '1']);
    expect(attention.map((a) => a.reason)).toEqual(['overdue', 'behind', 'atRisk', 'atRisk']);
  });

  it('should flag a goal as overdue from the day after its month deadline', () => {
    const s = snapshot([goal('1', { due: '2026-02' })]);
    expect(planOverview(s, '2026-02-28').attention).toHaveLength(0);
    expect(planOverview(s, '2026-03-01').attention.map((a) => a.reason)).toEqual(['overdue']);
  });
});

describe('deadlines in the next 30 days', () => {
  const goals = [
    goal('1', { due: '2026-11-23' }), // today
    goal('2', { due: '2026-12-23' }), // today + 30
    goal('3', { due: '2026-12-24' }), // today + 31
    goal('4', { due: '2026-11-22' }), // yesterday
    goal('5', { due: '2026-12' }), // month: 31 Dec, outside
    goal('6', { due: '2026-11', status: 'done' }), // done: not a deadline to watch
    goal('7', { due: '2026-11' }), // month: 30 Nov
  ];

  it('should include deadlines from today to 30 days ahead, a month deadline counting as its last day', () => {
    const { deadlines } = planOverview(snapshot(goals), '2026-11-23');
    expect(ids(deadlines)).toEqual(['1', '7', '2']);
    expect(deadlines.map((d) => [d.deadline, d.daysLeft])).toEqual([
      ['2026-11-23', 0],
      ['2026-11-30', 7],
      ['2026-12-23', 30],
    ]);
  });

  it('should cross year ends and leap days', () => {
    const s = snapshot([goal('1', { due: '2027-01-20' }), goal('2', { due: '2028-02' }), goal('3', { due: '2028-03-01' })]);
    expect(ids(planOverview(s, '2026-12-25').deadlines)).toEqual(['1']);
    const leap = planOverview(s, '2028-02-01').deadlines;
    expect(leap.map((d) => [d.goal.id, d.deadline, d.daysLeft])).toEqual([
      ['2', '2028-02-29', 28],
      ['3', '2028-03-01', 29],
    ]);
  });

  it('should honour another window', () => {
    expect(ids(planOverview(snapshot(goals), '2026-11-23', { deadlineWindowDays: 7 }).deadlines)).toEqual(['1', '7']);
  });
});

describe('recurring activities due this month', () => {
  const quarterly = goal('1', { kind: 'recurring', recurrence: { count: 4, per: 'year' } });
  const monthly = goal('2', { kind: 'recurring', recurrence: { count: 1, per: 'month' } });
  const twiceMonthly = goal('3', { kind: 'recurring', recurrence: { count: 2, per: 'month' } });

  it('should list a quarterly activity in the month its next occurrence is due, until reported', () => {
    const s = snapshot([quarterly], [checkIn('c1', '1', '2026-02-10')]);
    // One done: the second is due by the end of June.
    expect(planOverview(s, '2026-05-31').recurringDue).toHaveLength(0);
    const june = planOverview(s, '2026-06-01').recurringDue;
    expect(june.map((r) => [r.goal.id, r.done, r.required, r.nextDue])).toEqual([['1', 1, 4, '2026-06-30']]);
    const reported = snapshot([quarterly], [checkIn('c1', '1', '2026-02-10'), checkIn('c2', '1', '2026-06-05')]);
    expect(planOverview(reported, '2026-06-20').recurringDue).toHaveLength(0);
  });

  it('should not list an activity whose next occurrence fell due in an earlier month', () => {
    const s = snapshot([quarterly], []); // first one was due by 31 March
    expect(planOverview(s, '2026-03-15').recurringDue).toHaveLength(1);
    expect(planOverview(s, '2026-04-02').recurringDue).toHaveLength(0);
  });

  it('should list monthly activities each month until the count is met, then drop them', () => {
    const s = snapshot([monthly, twiceMonthly], [checkIn('c1', '2', '2026-11-02'), checkIn('c2', '3', '2026-11-03'), checkIn('c3', '2', '2026-10-30')]);
    const nov = planOverview(s, '2026-11-23').recurringDue;
    expect(nov.map((r) => [r.goal.id, r.done, r.required, r.nextDue])).toEqual([['3', 1, 2, '2026-11-30']]);
    const dec = planOverview(s, '2026-12-01').recurringDue;
    expect(dec.map((r) => [r.goal.id, r.nextDue])).toEqual([
      ['3', '2026-12-15'], // progress.ts spreads by time: half of December's 31 days
      ['2', '2026-12-31'],
    ]);
  });

  it('should skip goals the board marked done and goals that are not recurring', () => {
    const s = snapshot([goal('1', { kind: 'recurring', status: 'done', recurrence: { count: 1, per: 'month' } }), goal('2', { kind: 'milestone', due: '2026-11' })]);
    expect(planOverview(s, '2026-11-10').recurringDue).toHaveLength(0);
  });
});

describe('latest check-ins', () => {
  it('should give the ten newest, by date then id, with their goals, skipping check-ins of deleted goals', () => {
    const checkIns = Array.from({ length: 14 }, (_, i) => checkIn(String(i + 1), '1', `2026-0${1 + (i % 9)}-15`));
    checkIns.push(checkIn('99', 'deleted', '2026-12-01'));
    const { latestCheckIns } = planOverview(snapshot([goal('1')], checkIns), '2026-12-31');
    expect(latestCheckIns).toHaveLength(10);
    expect(latestCheckIns.map((c) => c.checkIn.id)).toEqual(['9', '8', '7', '6', '14', '5', '13', '4', '12', '3']);
    expect(latestCheckIns.every((c) => c.goal.id === '1')).toBe(true);
  });

  it('should order same-day check-ins by numeric id, newest first', () => {
    const s = snapshot([goal('1')], [checkIn('9', '1', '2026-05-01'), checkIn('10', '1', '2026-05-01'), checkIn('2', '1', '2026-04-01')]);
    expect(planOverview(s, '2026-06-01', { latestCount: 5 }).latestCheckIns.map((c) => c.checkIn.id)).toEqual(['10', '9', '2']);
  });
});

describe('an empty plan', () => {
  it('should give areas with nothing in them and empty lists', () => {
    const o = planOverview(snapshot([]), '2026-11-23');
    expect(o.areas).toHaveLength(1);
    expect(o.areas[0]?.goalCount).toBe(0);
    expect([o.attention, o.deadlines, o.recurringDue, o.latestCheckIns].map((l) => l.length)).toEqual([0, 0, 0, 0]);
  });
});

describe('goal change log', () => {
  const v = (version: string, modifiedBy: string, modified: string, g: Partial<LocalGoal>): GoalVersion => ({ version, modified, modifiedBy, goal: goal('1', g) });

  it('should compare consecutive versions, newest first, and end with the creation', () => {
    const versions = [
      v('4.0', 'Sigurd Mjelde', '2026-11-12T10:00:00Z', { due: '2027-06', status: 'atRisk', sortOrder: 3 }),
      v('3.0', 'Kari Eide', '2026-10-01T10:00:00Z', { due: '2027-03', sortOrder: 3 }),
      v('2.0', 'Kari Eide', '2026-09-01T10:00:00Z', { due: '2027-03', sortOrder: 1 }), // sort order only
      v('1.0', 'Ingrid Haugland', '2026-02-19T10:00:00Z', { due: null, sortOrder: 1 }),
    ];
    const changes = goalChanges(versions);
    expect(changes.map((c) => [c.version, c.modifiedBy, c.created, c.fields])).toEqual([
      ['4.0', 'Sigurd Mjelde', false, ['due', 'status']],
      ['2.0', 'Kari Eide', false, ['due']],
      ['1.0', 'Ingrid Haugland', true, []],
    ]);
  });

  it('should give nothing for no versions', () => {
    expect(goalChanges([])).toEqual([]);
  });
});
