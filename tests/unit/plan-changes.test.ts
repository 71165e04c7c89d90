import { describe, expect, it } from 'vitest';
import { makeGoal } from '../support/factories';
import { isWorse, planChanges } from '../../src/domain/changes';
import type { CheckIn, LocalGoal, PlanSnapshot } from '../../src/domain/plan';

const plan: PlanSnapshot['plan'] = { id: 'p', union: 'U', periodFrom: 2026, periodTo: 2027, adoptedDate: null, language: 'nb', created: '2026-03-01T10:00:00Z' };
let seq = 0;
const checkIn = (goalId: string, date: string, value: number | null = null): CheckIn => ({ id: String(++seq), planId: 'p', goalId, date, value, comment: '', author: null });
const snap = (goals: LocalGoal[], checkIns: CheckIn[]) => ({ plan, goals, checkIns });

describe('what changed since the last meeting', () => {
  const members = makeGoal('1', { kind: 'measured', due: '2027-12', measure: { unit: 'medlemmer', baseline: 0, target: 100, current: null } });
  const milestone = makeGoal('2', { kind: 'milestone', due: '2027-06' });
  const meetings = makeGoal('3', { kind: 'recurring', recurrence: { count: 4, per: 'year' } });

  it('lists check-ins made since, newest first, and goals added since', () => {
    const added = makeGoal('4', { created: '2026-11-20T08:00:00Z' });
    const old = checkIn('1', '2026-09-01', 30);
    const a = checkIn('1', '2026-11-10', 40);
    const b = checkIn('2', '2026-11-25');
    const c = checkIn('9', '2026-11-26'); // a goal that is gone
    const changes = planChanges(snap([members, milestone, added], [old, a, b, c]), '2026-11-01', '2026-12-03');
    expect(changes.checkIns.map((x) => x.checkIn.id)).toEqual([b.id, a.id]);
    expect(changes.newGoals.map((g) => g.id)).toEqual(['4']);
  });

  it('does not call goals imported with the plan new, even when the plan was set up after the day asked about', () => {
    const imported = { ...plan, created: '2026-11-20T07:00:00Z' };
    const withPlan = makeGoal('5', { created: '2026-11-20T07:01:00Z' });
    const later = makeGoal('6', { created: '2026-11-28T12:00:00Z' });
    const changes = planChanges({ plan: imported, goals: [withPlan, later], checkIns: [] }, '2026-11-01', '2026-12-03');
    expect(changes.newGoals.map((g) => g.id)).toEqual(['6']);
  });

  it('sorts status moves into reached, slipped and improved', () => {
    const reached = checkIn('2', '2026-11-15', 1);
    const quiet = makeGoal('5', { kind: 'measured', due: '2027-12', measure: { unit: 'x', baseline: 0, target: 100, current: null } });
    const changes = planChanges(
      snap([members, milestone, meetings, quiet], [checkIn('1', '2026-05-01', 20), checkIn('1', '2026-11-20', 45), reached, checkIn('3', '2026-02-01'), checkIn('3', '2026-05-01'), checkIn('5', '2026-09-01', 30)]),
      '2026-09-15',
      '2026-12-03',
    );
    expect(changes.completed.map((m) => [m.goal.id, m.before, m.after])).toEqual([['2', 'notStarted', 'done']]);
    // The meetings: 2 held of the 2 due by mid-September, then the September one missed.
    expect(changes.slipped.map((m) => [m.goal.id, m.before, m.after])).toEqual([
      ['3', 'onTrack', 'atRisk'],
      ['5', 'onTrack', 'atRisk'],
    ]);
    expect(changes.improved.map((m) => [m.goal.id, m.before, m.after])).toEqual([['1', 'atRisk', 'onTrack']]);
  });

  it('leaves a status the board set alone, and says nothing changed when nothing did', () => {
    const set = { ...members, status: 'atRisk' as const };
    expect(planChanges(snap([set], [checkIn('1', '2026-11-20', 90)]), '2026-09-15', '2026-12-03').improved).toEqual([]);
    const none = planChanges(snap([milestone], []), '2026-12-01', '2026-12-03');
    expect([none.checkIns, none.newGoals, none.completed, none.slipped, none.improved]).toEqual([[], [], [], [], []]);
  });

  it('ranks statuses by concern', () => {
    expect(isWorse('behind', 'atRisk')).toBe(true);
    expect(isWorse('atRisk', 'onTrack')).toBe(true);
    expect(isWorse('atRisk', 'notStarted')).toBe(true);
    expect(isWorse('onTrack', 'notStarted')).toBe(false);
    expect(isWorse('done', 'onTrack')).toBe(false);
  });
});
