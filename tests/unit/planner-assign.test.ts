import { describe, expect, it } from 'vitest';
import type { PersonRef } from '../../src/domain/plan';
import type { CreateTasksReport, TaskPreview } from '../../src/domain/planner-port';
import {
  assignCalls,
  failureReason,
  isPlanUnreachable,
  limitReason,
  mergeReports,
  ownerlessIds,
  ownersFor,
  selectedGoals,
  selectionState,
  toggled,
  withAll,
  withPickedOwners,
} from '../../src/features/plan/planner-assign';
import { createI18n } from '../../src/i18n/catalogue';
import { makeGoal } from '../support/factories';

const kari: PersonRef = { id: 'kari', displayName: 'Kari Eide' };
const ola: PersonRef = { id: 'ola', displayName: 'Ola Nesse' };
const seven: PersonRef[] = Array.from({ length: 7 }, (_, i) => ({ id: `p${i}`, displayName: `Person ${i}` }));

const free = makeGoal('1');
const owned = makeGoal('2', { owners: [ola] });
const free2 = makeGoal('3');

describe('selection', () => {
  it('should toggle one goal and add or remove many without changing the given set', () => {
    const start = new Set(['1']);
    expect([...toggled(start, '2')]).toEqual(['1', '2']);
    expect([...toggled(start, '1')]).toEqual([]);
    expect([...withAll(start, ['2', '3'], true)]).toEqual(['1', '2', '3']);
    expect([...withAll(new Set(['1', '2', '3']), ['1', '3'], false)]).toEqual(['2']);
    expect([...start]).toEqual(['1']);
  });

  it('should say whether all, some or none of a list are selected', () => {
    expect(selectionState(new Set(['1', '2']), ['1', '2'])).toBe('all');
    expect(selectionState(new Set(['1']), ['1', '2'])).toBe('some');
    expect(selectionState(new Set(['9']), ['1', '2'])).toBe('none');
    expect(selectionState(new Set(['1']), [])).toBe('none');
  });

  it('should find the goals without an owner, and the selected goals in the plan order', () => {
    expect(ownerlessIds([free, owned, free2])).toEqual(['1', '3']);
    expect(selectedGoals([free, owned, free2], new Set(['3', '1', 'gone'])).map((g) => g.id)).toEqual(['1', '3']);
  });
});

describe('assignCalls', () => {
  it('should give the owners to the goals without one first, then create the rest with their owners unchanged', () => {
    expect(assignCalls([free, owned, free2], [kari], 'ownerless')).toEqual([
      { goalIds: ['1', '3'], owners: [kari] },
      { goalIds: ['2'], owners: null },
    ]);
  });

  it('should make one call when every goal gets the owners, or none does', () => {
    expect(assignCalls([free, owned], [kari], 'all')).toEqual([{ goalIds: ['1', '2'], owners: [kari] }]);
    expect(assignCalls([free, owned], [kari], 'none')).toEqual([{ goalIds: ['1', '2'], owners: null }]);
    expect(assignCalls([free, owned], [], 'all')).toEqual([{ goalIds: ['1', '2'], owners: null }]);
    expect(assignCalls([free, owned], [], 'ownerless')).toEqual([{ goalIds: ['1', '2'], owners: null }]);
  });

  it('should leave out calls without goals', () => {
    expect(assignCalls([owned], [kari], 'ownerless')).toEqual([{ goalIds: ['2'], owners: null }]);
    expect(assignCalls([free], [kari], 'ownerless')).toEqual([{ goalIds: ['1'], owners: [kari] }]);
    expect(assignCalls([], [kari], 'ownerless')).toEqual([]);
    expect(assignCalls([], [kari], 'all')).toEqual([]);
    expect(assignCalls([], [], 'none')).toEqual([]);
  });

  it('should give at most six owners', () => {
    expect(assignCalls([free], seven, 'all')[0]?.owners).toHaveLength(6);
    expect(ownersFor(free, seven, 'ownerless')).toHaveLength(6);
  });

  it('should say which owners a goal ends up with', () => {
    expect(ownersFor(free, [kari], 'ownerless')).toEqual([kari]);
    expect(ownersFor(owned, [kari], 'ownerless')).toBeNull();
    expect(ownersFor(owned, [kari], 'all')).toEqual([kari]);
    expect(ownersFor(free, [kari], 'none')).toBeNull();
    expect(ownersFor(free, [], 'all')).toBeNull();
  });
});

describe('withPickedOwners', () => {
  const preview: TaskPreview = {
    createsPlan: true,
    newBuckets: ['Area'],
    tasks: [
      { goalId: '1', title: 'goal 1', areaTitle: 'Area', assigneeIds: [], dueDay: null, checklistItems: 0 },
      { goalId: '2', title: 'goal 2', areaTitle: 'Area', assigneeIds: ['ola'], dueDay: '2027-03-31', checklistItems: 4 },
    ],
    alreadyLinked: [],
    limits: [],
  };

  it('should assign the rows of the goals that get the owners, and leave the others as they are', () => {
    const shown = withPickedOwners(preview, [free, owned], [kari], 'ownerless');
    expect(shown.tasks.map((r) => r.assigneeIds)).toEqual([['kari'], ['ola']]);
    expect(withPickedOwners(preview, [free, owned], [kari], 'all').tasks.map((r) => r.assigneeIds)).toEqual([['kari'], ['kari']]);
    expect(withPickedOwners(preview, [free, owned], [kari], 'none')).toEqual(preview);
    expect(withPickedOwners(preview, [free, owned], [], 'all')).toEqual(preview);
    expect(shown.newBuckets).toEqual(['Area']);
  });
});

describe('mergeReports', () => {
  it('should add up the calls and keep every failure', () => {
    const a: CreateTasksReport = { planId: 'p1', created: 2, existing: 1, failed: [{ goalId: '1', error: new Error('x') }], alreadyLinked: 1 };
    const b: CreateTasksReport = { planId: 'p1', created: 3, existing: 0, failed: [{ goalId: '2', error: new Error('y') }], alreadyLinked: 2 };
    expect(mergeReports([a, b])).toMatchObject({ planId: 'p1', created: 5, existing: 1, alreadyLinked: 3 });
    expect(mergeReports([a, b]).failed.map((f) => f.goalId)).toEqual(['1', '2']);
    expect(mergeReports([])).toEqual({ planId: '', created: 0, existing: 0, failed: [], alreadyLinked: 0 });
  });
});

describe('failureReason', () => {
  const named = (name: string, extra: Record<string, unknown> = {}) => Object.assign(Object.assign(new Error(name), { name }), extra);
  const withStatus = (status: number) => Object.assign(new Error(`HTTP ${status}`), { status });
  const en = createI18n('en');

  it('should name the Planner limit a PlannerLimitError carries, with its number', () => {
    const reason = failureReason(named('PlannerLimitError', { limit: 'tasksInPlan', status: 403 }));
    expect(reason).toEqual(limitReason('tasksInPlan'));
    expect(en.t(reason.key, reason.params)).toMatch(/at most 9,000 tasks/);
    expect(failureReason(named('PlannerLimitError', { limit: 'assigneesPerTask' })).key).toBe('plannerAssign.limit.assigneesPerTask');
    // An unknown limit falls back to what the status says.
    expect(failureReason(named('PlannerLimitError', { limit: 'somethingNew', status: 403 })).key).toBe('plannerAssign.reason.forbidden');
  });

  it('should tell the board apart from someone else\'s change, a deleted goal and what the status says', () => {
    expect(failureReason(named('AccessDeniedError')).key).toBe('plannerAssign.reason.denied');
    expect(failureReason(named('ConflictError')).key).toBe('plannerAssign.reason.conflict');
    expect(failureReason(named('NotFoundError')).key).toBe('plannerAssign.reason.notFound');
    expect(failureReason(withStatus(403)).key).toBe('plannerAssign.reason.forbidden');
    expect(failureReason(withStatus(404)).key).toBe('plannerAssign.reason.notFound');
    expect(failureReason(withStatus(412)).key).toBe('plannerAssign.reason.conflict');
    expect(failureReason(withStatus(429)).key).toBe('plannerAssign.reason.throttled');
    expect(failureReason(withStatus(503)).key).toBe('plannerAssign.reason.throttled');
    expect(failureReason(withStatus(0)).key).toBe('plannerAssign.reason.network');
    expect(failureReason(new TypeError('Failed to fetch')).key).toBe('plannerAssign.reason.network');
    expect(failureReason(withStatus(500)).key).toBe('plannerAssign.reason.generic');
    expect(failureReason('weird').key).toBe('plannerAssign.reason.generic');
    expect(en.t(failureReason(named('AccessDeniedError')).key)).toMatch(/^Only the board/);
  });

  it('should recognise an unreachable Planner plan by its name', () => {
    expect(isPlanUnreachable(named('PlannerPlanUnreachableError'))).toBe(true);
    expect(isPlanUnreachable(named('GraphRequestError'))).toBe(false);
    expect(isPlanUnreachable(null)).toBe(false);
  });
});
