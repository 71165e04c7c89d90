/**
 * The Goal screen's chart models (features/goal-detail/chart-model.ts): a measured goal's trend
 * with its expected line from the baseline at the goal's start to the target at its deadline, the
 * line's value on any day and the data table; a recurring goal's activities held per year of the
 * plan against what each year asks from the goal's start.
 */
import { describe, expect, it } from 'vitest';
import type { CheckIn, LocalGoal } from '../../src/domain/plan';
import { goalProgress } from '../../src/domain/progress';
import { expectedOn, heldPerYear, heldTicks, trendModel, trendRows } from '../../src/features/goal-detail/chart-model';
import { makeGoal } from '../support/factories';

const plan = { periodFrom: 2026, periodTo: 2027 };
const measured = (overrides: Partial<LocalGoal> = {}) =>
  makeGoal('g', { kind: 'measured', measure: { unit: 'medlemmer', baseline: 20, target: 120, current: null }, due: '2027-06', ...overrides });
const checkIn = (id: string, date: string, value: number | null, goalId = 'g'): CheckIn => ({ id, planId: 'p', goalId, date, value, comment: '', author: null });

describe('trendModel', () => {
  it('should draw the expected line from the baseline at the goal’s start to the target at its deadline (the month’s last day)', () => {
    const goal = measured({ start: '2026-03-01' });
    const model = trendModel(goal, [], { start: '2026-03-01', expected: 0 }, plan, '2026-03-10');
    expect(model?.expected).toEqual({ from: { date: '2026-03-01', value: 20 }, to: { date: '2027-06-30', value: 120 } });
    expect(model?.target).toBe(120);
    expect(model?.values).toEqual([]);
  });

  it('should take the start and the expected share from the domain’s progress, and end at the plan’s end without a deadline', () => {
    const goal = measured({ due: null, created: '2026-05-02T10:00:00Z' });
    const today = '2026-09-01';
    const progress = goalProgress(goal, [], { ...plan, created: '2026-01-10T00:00:00Z' }, today);
    const model = trendModel(goal, [], progress, plan, today);
    expect(model?.expected?.from).toEqual({ date: progress.start, value: 20 });
    expect(model?.expected?.to).toEqual({ date: '2027-12-31', value: 120 });
    expect(model?.expectedNow).toBeCloseTo(20 + 100 * progress.expected);
    expect(expectedOn(model!, today)).toBeCloseTo(model!.expectedNow!, 0);
  });

  it('should plot the reported values in stored order, skip comments and other goals’ check-ins, and span the axes over all of them', () => {
    const checkIns = [checkIn('10', '2026-05-20', 50), checkIn('9', '2026-05-20', 40), checkIn('3', '2026-04-01', null), checkIn('4', '2026-02-01', 999, 'other'), checkIn('5', '2027-09-15', 140)];
    const model = trendModel(measured(), checkIns, { start: '2026-01-01', expected: 0.3 }, plan, '2026-06-01');
    expect(model?.values).toEqual([
      { date: '2026-05-20', value: 40 },
      { date: '2026-05-20', value: 50 },
      { date: '2027-09-15', value: 140 },
    ]);
    // Past the deadline the axis runs on to the last value; the y axis reaches 140 in round steps from 0.
    expect(model?.xTicks[0]).toBe('2026-01-01');
    expect(model?.xTicks.every((d) => d >= '2026-01-01' && d <= '2027-09-15')).toBe(true);
    expect(model?.yTicks).toEqual([0, 50, 100, 150]);
  });

  it('should give a goal measured by the rollout its stored value today, never its check-ins', () => {
    const goal = measured({ rollout: { stepId: 'teamsTraining', roles: [] }, measure: { unit: '%', baseline: 0, target: 100, current: 40 } });
    const model = trendModel(goal, [checkIn('1', '2026-02-01', 90)], { start: '2026-01-01', expected: 0.5 }, plan, '2026-08-01');
    expect(model?.values).toEqual([{ date: '2026-08-01', value: 40 }]);
  });

  it('should draw no expected line without a target, and nothing for other kinds of goals', () => {
    const noTarget = trendModel(measured({ measure: { unit: '', baseline: null, target: null, current: null } }), [checkIn('1', '2026-02-01', 3)], { start: '2026-01-01', expected: 0 }, plan, '2026-03-01');
    expect(noTarget?.expected).toBeNull();
    expect(noTarget?.expectedNow).toBeNull();
    expect(trendModel(measured({ measure: { unit: '', baseline: null, target: null, current: null } }), [], { start: '2026-01-01', expected: 0 }, plan, '2026-03-01')).toBeNull();
    expect(trendModel(makeGoal('g'), [checkIn('1', '2026-02-01', 1)], { start: '2026-01-01', expected: 0 }, plan, '2026-03-01')).toBeNull();
  });
});

describe('expectedOn and trendRows', () => {
  const model = trendModel(measured({ due: '2026-12-31' }), [checkIn('1', '2026-07-02', 70)], { start: '2026-01-01', expected: 0.5 }, plan, '2026-07-02')!;

  it('should read the expected line by day: the baseline before the start, the target after the deadline', () => {
    expect(expectedOn(model, '2025-12-01')).toBe(20);
    expect(expectedOn(model, '2026-01-01')).toBe(20);
    expect(expectedOn(model, '2026-07-02')).toBeCloseTo(20 + (100 * 182) / 364);
    expect(expectedOn(model, '2026-12-31')).toBe(120);
    expect(expectedOn(model, '2027-03-01')).toBe(120);
  });

  it('should list the line’s start, every reported value with the value expected that day, and the line’s end', () => {
    expect(trendRows(model)).toEqual([
      { date: '2026-01-01', reported: null, expected: 20 },
      { date: '2026-07-02', reported: 70, expected: expectedOn(model, '2026-07-02') },
      { date: '2026-12-31', reported: null, expected: 120 },
    ]);
  });
});

describe('heldPerYear', () => {
  const recurring = (overrides: Partial<LocalGoal> = {}) => makeGoal('g', { kind: 'recurring', recurrence: { count: 4, per: 'year' }, ...overrides });

  it('should count the occurrences held in each year of the plan against the year’s count', () => {
    const checkIns = [checkIn('1', '2026-02-10', null), checkIn('2', '2026-05-01', 2), checkIn('3', '2027-01-15', 1), checkIn('4', '2025-12-31', 1), checkIn('5', '2026-03-01', 5, 'other')];
    expect(heldPerYear(recurring(), checkIns, { start: '2026-01-01' }, plan)).toEqual([
      { year: 2026, held: 3, required: 4 },
      { year: 2027, held: 1, required: 4 },
    ]);
  });

  it('should ask only for the occurrences due from the goal’s start, and a monthly activity twelve times a year', () => {
    // Four a year are due by the end of March, June, September and December: from 1 May, three are left in 2026.
    expect(heldPerYear(recurring(), [], { start: '2026-05-01' }, plan).map((y) => y.required)).toEqual([3, 4]);
    expect(heldPerYear(recurring(), [], { start: '2026-10-01' }, plan).map((y) => y.required)).toEqual([1, 4]);
    const monthly = recurring({ recurrence: { count: 1, per: 'month' } });
    expect(heldPerYear(monthly, [], { start: '2026-01-01' }, plan).map((y) => y.required)).toEqual([12, 12]);
    expect(heldPerYear(monthly, [], { start: '2026-10-15' }, plan).map((y) => y.required)).toEqual([3, 12]);
  });

  it('should give nothing for other goals or a recurrence without a count', () => {
    expect(heldPerYear(makeGoal('g'), [], { start: '2026-01-01' }, plan)).toEqual([]);
    expect(heldPerYear(recurring({ recurrence: null }), [], { start: '2026-01-01' }, plan)).toEqual([]);
  });

  it('should give the value axis whole steps from 0 reaching every bar', () => {
    expect(heldTicks([{ year: 2026, held: 9, required: 12 }])).toEqual([0, 5, 10, 15]);
    expect(heldTicks([{ year: 2026, held: 0, required: 4 }])).toEqual([0, 1, 2, 3, 4]);
    expect(heldTicks([{ year: 2026, held: 0, required: 0 }])).toEqual([0, 1]);
  });
});
