import { describe, expect, it } from 'vitest';
import {
  PLANNER_LIMITS,
  derivedGuid,
  dueDayOf,
  exceededLimits,
  limitOfCode,
  mergeGoalAndTask,
  occurrencesInYear,
  taskForGoal,
  taskTitle,
  type SyncedFields,
} from '../../src/domain/planner';
import { makeGoal } from '../support/factories';

const options = { year: 2026, occurrenceTitle: (n: number, total: number) => `Medlemsmøte ${n} av ${total}` };
const person = (i: number) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, displayName: `P${i}` });

describe('the task a goal becomes', () => {
  it('takes the goal text as title (one line, cut at 255 with an ellipsis) and keeps it whole in the description', () => {
    expect(taskTitle('  Verve\n 125   nye medlemmer ')).toBe('Verve 125 nye medlemmer');
    const long = `${'ord '.repeat(100)}slutt`;
    const title = taskTitle(long);
    expect(title.length).toBeLessThanOrEqual(255);
    expect(title.endsWith('…')).toBe(true);
    expect(taskTitle('x'.repeat(255))).toHaveLength(255);
    const task = taskForGoal(makeGoal('7', { text: long }), { ...options, measureLine: () => 'Mål: 125 medlemmer' });
    expect(task.description).toBe(`${long}\n\nMål: 125 medlemmer`);
    expect(taskForGoal(makeGoal('7', { text: 'Kort' }), options).description).toBe('Kort');
  });

  it('assigns the owners by Entra id, at most 20', () => {
    expect(taskForGoal(makeGoal('1', { owners: [person(1), person(2)] }), options).assigneeIds).toEqual([person(1).id, person(2).id]);
    expect(taskForGoal(makeGoal('1', { owners: Array.from({ length: 25 }, (_, i) => person(i)) }), options).assigneeIds).toHaveLength(PLANNER_LIMITS.assigneesPerTask);
  });

  it('is due on the deadline’s day, or a month’s last day', () => {
    expect(dueDayOf('2027-06-15')).toBe('2027-06-15');
    expect(dueDayOf('2027-06')).toBe('2027-06-30');
    expect(dueDayOf('2028-02')).toBe('2028-02-29');
    expect(dueDayOf('2027-02')).toBe('2027-02-28');
    expect(dueDayOf('2027-12')).toBe('2027-12-31');
    expect(dueDayOf(null)).toBeNull();
    expect(dueDayOf('snart')).toBeNull();
  });

  it('lists a recurring goal’s occurrences this year as checklist items with stable keys, at most 20', () => {
    const goal = makeGoal('9', { kind: 'recurring', recurrence: { count: 4, per: 'year' } });
    const task = taskForGoal(goal, options);
    expect(task.checklist.map((c) => c.title)).toEqual(['Medlemsmøte 1 av 4', 'Medlemsmøte 2 av 4', 'Medlemsmøte 3 av 4', 'Medlemsmøte 4 av 4']);
    expect(taskForGoal(goal, options).checklist).toEqual(task.checklist);
    expect(new Set(task.checklist.map((c) => c.key)).size).toBe(4);
    for (const c of task.checklist) expect(c.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(taskForGoal(goal, { ...options, year: 2027 }).checklist[0]?.key).not.toBe(task.checklist[0]?.key);
    expect(occurrencesInYear(makeGoal('2', { recurrence: { count: 1, per: 'month' } }))).toBe(12);
    expect(occurrencesInYear(makeGoal('2', { recurrence: { count: 2, per: 'month' } }))).toBe(20);
    expect(occurrencesInYear(makeGoal('2'))).toBe(0);
    expect(taskForGoal(makeGoal('3'), options).checklist).toEqual([]);
    expect(derivedGuid('a')).not.toBe(derivedGuid('b'));
  });
});

describe('Planner limits', () => {
  it('says which limits a batch would exceed, at the documented figures', () => {
    expect(exceededLimits({ tasks: 0, activeTasks: 0, buckets: 0 }, { tasks: 60, buckets: 7 })).toEqual([]);
    expect(exceededLimits({ tasks: 8990, activeTasks: 100, buckets: 195 }, { tasks: 10, buckets: 5 })).toEqual([]);
    expect(exceededLimits({ tasks: 8990, activeTasks: 2395, buckets: 195 }, { tasks: 11, buckets: 6 })).toEqual(['tasksInPlan', 'activeTasksInPlan', 'bucketsInPlan']);
  });

  it('maps Planner’s 403 codes to the same limits', () => {
    expect(limitOfCode('MaximumChecklistItemsOnTask')).toBe('checklistItemsPerTask');
    expect(limitOfCode('maximumtasksinproject')).toBe('tasksInPlan');
    expect(limitOfCode('accessDenied')).toBeNull();
  });
});

describe('three-way merge of a goal and its task', () => {
  const base: SyncedFields = { title: 'Verve 40', dueDay: '2027-06-30', assigneeIds: ['a'], completed: false };

  it('takes a change made on one side to the other', () => {
    const r = mergeGoalAndTask(base, base, { ...base, completed: true, title: 'Verve 40 nye' });
    expect(r.toGoal).toEqual(['title', 'completed']);
    expect(r.toTask).toEqual([]);
    expect(r.merged).toEqual({ ...base, completed: true, title: 'Verve 40 nye' });
    const back = mergeGoalAndTask(base, { ...base, dueDay: '2027-12-31', assigneeIds: ['a', 'b'] }, base);
    expect(back.toTask).toEqual(['dueDay', 'assigneeIds']);
    expect(back.toGoal).toEqual([]);
  });

  it('settles the same change on both sides, and reports different changes as conflicts (the plan wins)', () => {
    expect(mergeGoalAndTask(base, { ...base, title: 'X' }, { ...base, title: 'X' })).toEqual({ merged: { ...base, title: 'X' }, toGoal: [], toTask: [], conflicts: [] });
    const r = mergeGoalAndTask(base, { ...base, title: 'Styret' }, { ...base, title: 'Planner', completed: true });
    expect(r.merged).toEqual({ ...base, title: 'Styret', completed: true });
    expect(r.conflicts).toEqual(['title']);
    expect(r.toTask).toEqual(['title']);
    expect(r.toGoal).toEqual(['completed']);
  });

  it('changes nothing when neither side changed', () => {
    expect(mergeGoalAndTask(base, base, base)).toEqual({ merged: base, toGoal: [], toTask: [], conflicts: [] });
  });
});
