import { describe, expect, it } from 'vitest';
import type { CheckIn, LocalGoal } from '../../domain/plan';
import { chartGeometry, chartSeries } from './chart-model';

const goal = (overrides: Partial<LocalGoal>): LocalGoal => ({
  id: 'g',
  planId: 'p',
  areaId: 'a',
  nationalGoal: null,
  text: 'goal',
  kind: 'measured',
  owners: [],
  due: null,
  status: null,
  measure: { unit: 'members', baseline: 0, target: 100, current: null },
  recurrence: null,
  tariffArea: null,
  sortOrder: 1,
  ...overrides,
});
const checkIn = (id: string, date: string, value: number | null, goalId = 'g'): CheckIn => ({ id, planId: 'p', goalId, date, value, comment: '', author: null });

describe('chartSeries', () => {
  it('should plot a measured goal by its reported values in date order, skipping comments without a value', () => {
    const s = chartSeries(goal({}), [checkIn('2', '2026-10-15', 60), checkIn('1', '2026-05-20', 20), checkIn('3', '2026-06-01', null), checkIn('4', '2026-07-01', 5, 'other')]);
    expect(s).toEqual({ mode: 'values', target: 100, points: [{ date: '2026-05-20', value: 20 }, { date: '2026-10-15', value: 60 }] });
  });

  it('should add up occurrences of a recurring goal and reports on a milestone', () => {
    const recurring = chartSeries(goal({ kind: 'recurring', recurrence: { count: 4, per: 'year' } }), [checkIn('1', '2026-01-10', 1), checkIn('2', '2026-03-01', 2), checkIn('3', '2026-04-01', null)]);
    expect(recurring.points.map((p) => p.value)).toEqual([1, 3, 4]);
    expect(recurring.mode).toBe('cumulative');
    const milestone = chartSeries(goal({ kind: 'milestone' }), [checkIn('1', '2026-09-01', null), checkIn('2', '2026-10-01', 7)]);
    expect(milestone.points.map((p) => p.value)).toEqual([1, 2]);
  });
});

describe('chartGeometry', () => {
  it('should span the dates across the width and put the target at the top', () => {
    const g = chartGeometry({ mode: 'values', target: 100, points: [{ date: '2026-01-01', value: 0 }, { date: '2026-01-11', value: 50 }, { date: '2026-01-21', value: 100 }] }, 200, 120, 10);
    expect(g.points).toEqual([{ x: 10, y: 110 }, { x: 100, y: 60 }, { x: 190, y: 10 }]);
    expect(g.targetY).toBe(10);
    expect(g.baseY).toBe(110);
  });

  it('should centre a single point and never divide by zero', () => {
    const g = chartGeometry({ mode: 'cumulative', target: null, points: [{ date: '2026-05-01', value: 0 }] }, 200, 120, 10);
    expect(g.points).toEqual([{ x: 100, y: 110 }]);
    expect(g.targetY).toBeNull();
  });
});
