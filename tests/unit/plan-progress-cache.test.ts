import { describe, expect, it } from 'vitest';
import type { CheckIn, PlanSnapshot } from '../../src/domain/plan';
import { progressByGoal } from '../../src/features/plan/progress-cache';
import { makeGoal } from '../support/factories';

const goal = makeGoal('1', { kind: 'measured', measure: { unit: 'medlemmer', baseline: 0, target: 20, current: null } });
const other = makeGoal('2', { kind: 'milestone' });
const checkIn = (id: string, value: number | null, goalId = '1'): CheckIn => ({ id, planId: 'p', goalId, date: '2026-06-01', value, comment: '', author: null });
const snapshot = (checkIns: CheckIn[]): PlanSnapshot =>
  ({ plan: { id: 'p', union: 'U', periodFrom: 2026, periodTo: 2027, adoptedDate: null, language: 'nb' }, areas: [], goals: [goal, other], checkIns, situation: [], comments: [], issues: [] }) as unknown as PlanSnapshot;

describe('the plan page’s progress per goal', () => {
  it('computes again when a goal gets a check-in, though the goal object is the same', () => {
    const first = progressByGoal(snapshot([]), '2026-07-01', new Map());
    expect(first.progress.get('1')?.current).toBeNull();
    const second = progressByGoal(snapshot([checkIn('9', 4)]), '2026-07-01', first.cache);
    expect(second.progress.get('1')?.current).toBe(4);
    // The other goal's progress object is kept (its row need not re-render).
    expect(second.progress.get('2')).toBe(first.progress.get('2'));
  });

  it('computes again on a new day, and keeps everything when nothing changed', () => {
    const first = progressByGoal(snapshot([checkIn('9', 4)]), '2026-07-01', new Map());
    const same = progressByGoal(snapshot([checkIn('9', 4)]), '2026-07-01', first.cache);
    expect(same.progress.get('1')).toBe(first.progress.get('1'));
    const later = progressByGoal(snapshot([checkIn('9', 4)]), '2027-07-01', first.cache);
    expect(later.progress.get('1')).not.toBe(first.progress.get('1'));
    expect(later.progress.get('1')?.expected).toBeGreaterThan(first.progress.get('1')?.expected ?? 1);
  });

  it('is empty without a plan', () => {
    expect(progressByGoal(null, '2026-07-01', new Map()).progress.size).toBe(0);
  });
});
