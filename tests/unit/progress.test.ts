import { describe, expect, it } from 'vitest';
import { makeGoal } from '../support/factories';
import { deadlineDay, goalProgress, summarizeProgress } from '../../src/domain/progress';
import type { CheckIn, LocalGoal } from '../../src/domain/plan';

const plan = { periodFrom: 2026, periodTo: 2027 };

const goal = (overrides: Partial<LocalGoal>): LocalGoal => makeGoal('1', { sortOrder: 1, ...overrides });

const checkIn = (date: string, value: number | null, id = date): CheckIn => ({ id, planId: 'p', goalId: '1', date, value, comment: '', author: null });

/** Every day of the plan period plus a margin either side, for sweeping rules over time. */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

describe('deadlineDay', () => {
  it('should take a month as its last day, leap years included', () => {
    expect(deadlineDay('2026-02')).toBe('2026-02-28');
    expect(deadlineDay('2028-02')).toBe('2028-02-29');
    expect(deadlineDay('2027-12')).toBe('2027-12-31');
    expect(deadlineDay('2026-03-01')).toBe('2026-03-01');
  });
});

describe('measured goals', () => {
  const members = goal({ kind: 'measured', measure: { unit: 'medlemmer', baseline: null, target: 125, current: null } });

  it('should measure from a zero baseline to the target with the latest check-in', () => {
    const p = goalProgress(members, [checkIn('2026-03-01', 20), checkIn('2026-06-01', 50)], plan, '2026-07-01');
    expect(p.current).toBe(50);
    expect(p.fraction).toBeCloseTo(0.4);
    expect(p.expected).toBeCloseTo(0.25, 1);
    expect(p.derivedStatus).toBe('onTrack');
  });

  it('should follow the roster, not check-ins, for a goal measured by a rollout step', () => {
    const rollout = goal({ kind: 'measured', rollout: { stepId: 'klarTraining', roles: ['ktv'] }, measure: { unit: '%', baseline: 0, target: 100, current: 60 } });
    const p = goalProgress(rollout, [checkIn('2026-06-01', 95)], plan, '2026-07-01');
    expect(p.current).toBe(60);
    expect(p.fraction).toBeCloseTo(0.6);
    expect(goalProgress({ ...rollout, rollout: null }, [checkIn('2026-06-01', 95)], plan, '2026-07-01').current).toBe(95);
  });

  it('should take the check-in stored last as the current value when two share a day (item ids are numbers)', () => {
    const p = goalProgress(members, [checkIn('2026-06-01', 4, '10'), checkIn('2026-06-01', 0, '9')], plan, '2026-07-01');
    expect(p.current).toBe(4);
    expect(p.lastCheckIn?.id).toBe('10');
  });

  it('should use the baseline when one is given', () => {
    const share = goal({ kind: 'measured', measure: { unit: '%', baseline: 40, target: 42, current: 41 } });
    expect(goalProgress(share, [], plan, '2026-12-31').fraction).toBeCloseTo(0.5);
  });

  it('should be at risk or behind as the gap to the expected line grows', () => {
    const at = (value: number) => goalProgress(members, [checkIn('2026-12-01', value)], plan, '2026-12-31').derivedStatus;
    // Half the period has passed: 62.5 expected.
    expect(at(60)).toBe('onTrack');
    expect(at(40)).toBe('atRisk');
    expect(at(20)).toBe('behind');
    expect(at(125)).toBe('done');
  });

  it('should be behind once the deadline passed without the target, and say overdue', () => {
    const due = goal({ ...members, due: '2026-06' });
    const p = goalProgress(due, [checkIn('2026-05-01', 100)], plan, '2026-07-01');
    expect(p.derivedStatus).toBe('behind');
    expect(p.overdue).toBe(true);
  });

  it('should be not started before the period and with nothing reported at its very start', () => {
    expect(goalProgress(members, [], plan, '2025-12-01').derivedStatus).toBe('notStarted');
    expect(goalProgress(members, [], plan, '2026-01-10').derivedStatus).toBe('notStarted');
  });
});

describe('recurring goals', () => {
  const meetings = goal({ kind: 'recurring', recurrence: { count: 4, per: 'year' } });

  it('should count occurrences in the current year and give the next one due', () => {
    const p = goalProgress(meetings, [checkIn('2025-12-01', 1, 'x'), checkIn('2026-02-01', null, 'a'), checkIn('2026-05-01', null, 'b')], plan, '2026-06-15');
    expect(p.recurring?.done).toBe(2);
    expect(p.recurring?.required).toBe(4);
    expect(p.recurring?.nextDue).toBe('2026-09-30');
    expect(p.fraction).toBe(0.5);
    expect(p.derivedStatus).toBe('onTrack');
  });

  it('should start over each year', () => {
    const p = goalProgress(meetings, [checkIn('2026-02-01', 4)], plan, '2027-02-01');
    expect(p.recurring?.done).toBe(0);
    expect(p.recurring?.nextDue).toBe('2027-03-31');
  });

  it('should count monthly goals per month', () => {
    const visits = goal({ kind: 'recurring', recurrence: { count: 1, per: 'month' } });
    const p = goalProgress(visits, [checkIn('2026-03-05', null)], plan, '2026-03-20');
    // This month's visit is held: the next one named is next month's, never a day already past.
    expect(p.recurring).toMatchObject({ periodStart: '2026-03-01', periodEnd: '2026-03-31', done: 1, required: 1, nextDue: '2026-04-30' });
    expect(p.derivedStatus).toBe('onTrack');
    // Judged over the year so far: one visit held of the two due by the end of February.
    expect(p.recurring).toMatchObject({ yearDone: 1, yearRequired: 12, dueByNow: 2, missed: 1, missedSince: '2026-02-28' });
    const april = goalProgress(visits, [checkIn('2026-03-05', null)], plan, '2026-04-25');
    expect(april.recurring).toMatchObject({ done: 0, nextDue: '2026-04-30', missed: 2 });
    expect(april.derivedStatus).toBe('atRisk');
    expect(goalProgress(visits, [checkIn('2026-03-05', null)], plan, '2026-06-10').derivedStatus).toBe('behind');
    const everyMonth = ['01', '02', '03'].map((m) => checkIn(`2026-${m}-10`, null, m));
    expect(goalProgress(visits, everyMonth, plan, '2026-04-25').derivedStatus).toBe('onTrack');
  });
});

describe('milestones', () => {
  const committee = goal({ kind: 'milestone', due: '2026-02' });

  it('should be done when the board marks it done', () => {
    expect(goalProgress({ ...committee, status: 'done' }, [], plan, '2026-01-10').status).toBe('done');
    expect(goalProgress(committee, [], plan, '2026-01-10').derivedStatus).toBe('notStarted');
    expect(goalProgress(committee, [checkIn('2026-01-05', null)], plan, '2026-01-10').derivedStatus).toBe('onTrack');
    expect(goalProgress(committee, [], plan, '2026-03-01').derivedStatus).toBe('behind');
  });

  it('should be done when a check-in reports it done (value 1 or more), even after the deadline', () => {
    const before = goalProgress(committee, [checkIn('2026-01-20', 1)], plan, '2026-01-25');
    expect(before.derivedStatus).toBe('done');
    expect(before.fraction).toBe(1);
    expect(before.overdue).toBe(false);
    const late = goalProgress(committee, [checkIn('2026-03-10', 1)], plan, '2026-03-15');
    expect(late.derivedStatus).toBe('done');
    expect(late.overdue).toBe(false);
  });

  it('should not count a comment-only or zero check-in as done', () => {
    const open = goalProgress(committee, [checkIn('2026-01-05', null, 'a'), checkIn('2026-01-06', 0, 'b')], plan, '2026-01-10');
    expect(open.derivedStatus).toBe('onTrack');
    expect(open.fraction).toBe(0);
    expect(goalProgress(committee, [checkIn('2026-01-05', 0.5)], plan, '2026-03-01').derivedStatus).toBe('behind');
  });

  it('should keep a status the board set over a done check-in', () => {
    const p = goalProgress({ ...committee, status: 'atRisk' }, [checkIn('2026-01-05', 1)], plan, '2026-01-10');
    expect(p.derivedStatus).toBe('done');
    expect(p.status).toBe('atRisk');
  });

  it('should ignore check-ins of other goals', () => {
    const other: CheckIn = { ...checkIn('2026-01-05', 1), goalId: '2' };
    expect(goalProgress(committee, [other], plan, '2026-01-10').derivedStatus).toBe('notStarted');
  });
});

describe('status over the whole 2026–2027 period', () => {
  const all = days('2025-12-15', '2028-01-15');
  const goals = [
    goal({ kind: 'measured', measure: { unit: 'medlemmer', baseline: null, target: 125, current: null } }),
    goal({ kind: 'measured', due: '2026-10', measure: { unit: '%', baseline: 10, target: 12, current: null } }),
    goal({ kind: 'recurring', recurrence: { count: 4, per: 'year' } }),
    goal({ kind: 'recurring', recurrence: { count: 1, per: 'month' } }),
    goal({ kind: 'milestone', due: '2026-02' }),
    goal({ kind: 'milestone' }),
  ];

  it('should keep fractions within 0..1 and never call an unreported goal done', () => {
    for (const g of goals) {
      for (const today of all) {
        const p = goalProgress(g, [], plan, today);
        expect(p.fraction).toBeGreaterThanOrEqual(0);
        expect(p.fraction).toBeLessThanOrEqual(1);
        expect(p.expected).toBeGreaterThanOrEqual(0);
        expect(p.expected).toBeLessThanOrEqual(1);
        expect(p.derivedStatus).not.toBe('done');
        if (today < '2026-01-01') expect(p.derivedStatus).toBe('notStarted');
      }
    }
  });

  it('should let the expected line of a measured goal grow day by day to 1 at its deadline', () => {
    const g = goals[0] as LocalGoal;
    let previous = -1;
    for (const today of days('2026-01-01', '2027-12-31')) {
      const { expected } = goalProgress(g, [], plan, today);
      expect(expected).toBeGreaterThanOrEqual(previous);
      previous = expected;
    }
    expect(previous).toBe(1);
  });

  it('should only get worse over time for a goal nobody reports on', () => {
    const rank = { notStarted: 0, onTrack: 0, atRisk: 1, behind: 2, done: -1 } as const;
    const g = goals[0] as LocalGoal;
    let worst = 0;
    for (const today of days('2026-01-01', '2027-12-31')) {
      const r = rank[goalProgress(g, [], plan, today).derivedStatus];
      expect(r).toBeGreaterThanOrEqual(worst);
      worst = r;
    }
    expect(worst).toBe(2);
  });

  it('should respect a status set by the board over the derived one', () => {
    const p = goalProgress({ ...(goals[0] as LocalGoal), status: 'atRisk' }, [], plan, '2027-06-01');
    expect(p.derivedStatus).toBe('behind');
    expect(p.status).toBe('atRisk');
  });

  it('should average fractions for an area', () => {
    const [members, share] = goals as [LocalGoal, LocalGoal];
    const ps = [
      goalProgress(members, [checkIn('2026-03-01', 50)], plan, '2026-06-01'), // 50 of 125 = 0.4
      goalProgress(share, [checkIn('2026-03-01', 11.5)], plan, '2026-06-01'), // 1.5 of 2 = 0.75
      goalProgress(members, [], plan, '2026-06-01'), // no check-in = 0
    ];
    expect(ps.map((p) => p.fraction)).toEqual([expect.closeTo(0.4, 10), expect.closeTo(0.75, 10), 0]);
    // Five months in, 21 % of the way was expected: the unreported goal counts as 0.
    expect(summarizeProgress(ps).fraction).toBeCloseTo((0.4 + 0.75 + 0) / 3, 10);
    expect(summarizeProgress(ps.slice(0, 2)).fraction).toBeCloseTo(0.575, 10);
    expect(summarizeProgress([ps[1] as (typeof ps)[number]]).fraction).toBeCloseTo(0.75, 10);
    expect(summarizeProgress([])).toMatchObject({ fraction: null, counted: 0, total: 0 });
  });
});
