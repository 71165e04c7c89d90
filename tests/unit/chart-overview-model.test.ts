/**
 * The charts' axes (features/charts/chart-spec.ts) and the Overview's chart models
 * (features/charts/overview-model.ts): round value axes, month labels that fit, progress per area
 * where 'nothing to count yet' stays null (never 0 %), goals by status per area and for the plan.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planOverview } from '../../src/domain/overview';
import type { Area, CheckIn, LocalGoal, PlanSnapshot } from '../../src/domain/plan';
import { daysBetween, monthTicks, niceTicks } from '../../src/features/charts/chart-spec';
import { areaBars, percentOf, statusCounts, statusRows } from '../../src/features/charts/overview-model';
import { makeGoal } from '../support/factories';

describe('niceTicks', () => {
  it('should run from 0 in round steps to at least the top', () => {
    expect(niceTicks(0, 125)).toEqual([0, 50, 100, 150]);
    expect(niceTicks(0, 100)).toEqual([0, 50, 100]);
    expect(niceTicks(0, 36_000)).toEqual([0, 10_000, 20_000, 30_000, 40_000]);
    expect(niceTicks(0, 2.5)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0, 0.3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(-12, 30)).toEqual([-20, 0, 20, 40]);
    expect(niceTicks(-12, 28)).toEqual([-20, -10, 0, 10, 20, 30]);
    expect(niceTicks(0, 0)).toEqual([0, 0.5, 1]);
    expect(niceTicks(0, 3, 4, true)).toEqual([0, 1, 2, 3]);
  });

  it('should always include 0, cover the data and keep equal steps', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e8, max: 0 }).map((n) => n / 100), fc.integer({ min: 0, max: 1e8 }).map((n) => n / 100), (low, high) => {
        const ticks = niceTicks(low, high);
        expect(ticks).toContain(0);
        expect(ticks[0]).toBeLessThanOrEqual(low);
        expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(high);
        const steps = ticks.slice(1).map((t, i) => t - (ticks[i] as number));
        for (const step of steps) expect(step).toBeCloseTo(steps[0] as number, 6);
        expect(ticks.length).toBeLessThanOrEqual(12);
      }),
    );
  });
});

describe('monthTicks and daysBetween', () => {
  it('should label month starts, every n-th month on the calendar’s quarters and halves when the span is long', () => {
    expect(monthTicks('2026-01-01', '2026-04-10', 6)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01']);
    expect(monthTicks('2026-01-15', '2026-04-10', 6)).toEqual(['2026-02-01', '2026-03-01', '2026-04-01']);
    expect(monthTicks('2026-01-01', '2027-12-31', 5)).toEqual(['2026-01-01', '2026-07-01', '2027-01-01', '2027-07-01']);
    expect(monthTicks('2026-03-01', '2027-02-28', 5)).toEqual(['2026-04-01', '2026-07-01', '2026-10-01', '2027-01-01']);
    expect(monthTicks('2026-05-03', '2026-05-20')).toEqual(['2026-05-03']);
  });

  it('should count whole days', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });
});

const plan = { id: 'p', union: 'Fagforbundet Test', periodFrom: 2026, periodTo: 2027, adoptedDate: null, language: 'nb' as const };
const area = (id: string, number: number): Area => ({ id, planId: 'p', number, title: `Område ${number}`, nationalGoals: [], strategies: [] });
const checkIn = (id: string, goalId: string, date: string, value: number | null): CheckIn => ({ id, planId: 'p', goalId, date, value, comment: '', author: null });

function snapshot(goals: LocalGoal[], checkIns: CheckIn[]): PlanSnapshot {
  return { plan, areas: [area('a2', 2), area('a1', 1), area('a3', 3)], goals, checkIns, situation: [], comments: [], issues: [] };
}

describe('overview chart models', () => {
  const s = snapshot(
    [
      makeGoal('1', { areaId: 'a1', kind: 'measured', measure: { unit: 'x', baseline: 0, target: 10, current: null } }),
      makeGoal('2', { areaId: 'a1', status: 'done' }),
      makeGoal('3', { areaId: 'a2' }), // a milestone nobody has started: nothing to count yet
      makeGoal('4', { areaId: 'a2', status: 'behind' }),
      makeGoal('5', { areaId: 'a2', kind: 'measured', measure: { unit: 'x', baseline: 0, target: 10, current: null }, due: '2027-12' }), // a quarter of the way expected, none made: at risk
    ],
    [checkIn('c1', '1', '2026-03-01', 5)],
  );
  const overview = planOverview(s, '2026-06-30');

  it('should give each area its bar in number order, and keep an area with nothing to count as null, never 0', () => {
    const bars = areaBars(overview);
    expect(bars.map((b) => [b.number, b.title])).toEqual([
      [1, 'Område 1'],
      [2, 'Område 2'],
      [3, 'Område 3'],
    ]);
    expect(bars[0]).toMatchObject({ fraction: 0.75, counted: 2, total: 2 });
    expect(bars[1]).toMatchObject({ fraction: 0.25, counted: 2, total: 3 });
    expect(bars[2]).toMatchObject({ fraction: null, counted: 0, total: 0 });
    expect(percentOf(bars[2]?.fraction ?? null)).toBeNull();
    expect(percentOf(0)).toBe(0);
    expect(percentOf(0.754)).toBe(75);
    expect(percentOf(1.2)).toBe(100);
  });

  it('should count goals by status in the badge order, per area and for the whole plan', () => {
    expect(statusCounts(overview.plan)).toEqual([
      { status: 'notStarted', count: 1 },
      { status: 'onTrack', count: 1 },
      { status: 'atRisk', count: 1 },
      { status: 'behind', count: 1 },
      { status: 'done', count: 1 },
    ]);
    const { rows, plan: whole } = statusRows(overview);
    expect(rows.map((r) => [r.number, r.total, r.counts.map((c) => c.count)])).toEqual([
      [1, 2, [0, 1, 0, 0, 1]],
      [2, 3, [1, 0, 1, 1, 0]],
      [3, 0, [0, 0, 0, 0, 0]],
    ]);
    expect(whole.total).toBe(5);
    expect(whole.counts.reduce((sum, c) => sum + c.count, 0)).toBe(5);
  });
});
