import { describe, expect, it } from 'vitest';
import { emptyForm, patchFromForm } from '../../src/features/plan/components/goal-editor';
import { goalsWithoutArea, groupGoalsByNationalGoal } from '../../src/domain/plan';
import { makeGoal } from '../support/factories';

describe('goal form', () => {
  it('carries the area and national goal, with no national goal stored as null', () => {
    const form = { ...emptyForm('a2', 'Øke organisasjonsgraden'), text: ' Verve 40 ', ownerUpn: 'kari@x' };
    const { patch, errors } = patchFromForm(form, [{ userPrincipalName: 'kari@x', displayName: 'Kari' }]);
    expect(errors).toEqual({});
    expect(patch).toMatchObject({ areaId: 'a2', nationalGoal: 'Øke organisasjonsgraden', text: 'Verve 40', owner: { userPrincipalName: 'kari@x', displayName: 'Kari' }, kind: 'milestone' });
    expect(patchFromForm({ ...form, nationalGoal: '' }, []).patch.nationalGoal).toBeNull();
  });

  it('asks a new goal for its text before anything is saved', () => {
    expect(patchFromForm(emptyForm('a1', null), []).errors).toEqual({ text: 'goal.validation.text' });
  });
});

describe('deadline', () => {
  it.each([
    ['2027-02-31', 'goal.validation.dueNoSuchDay'],
    ['2026-02-29', 'goal.validation.dueNoSuchDay'],
    ['2027-04-31', 'goal.validation.dueNoSuchDay'],
    ['2027-06-00', 'goal.validation.dueNoSuchDay'],
    ['2027-13', 'goal.validation.due'],
    ['2027-00-10', 'goal.validation.due'],
    ['30.06.2027', 'goal.validation.due'],
    ['2027-6-30', 'goal.validation.due'],
    ['x2027-06', 'goal.validation.due'],
    ['2027-06-30x', 'goal.validation.due'],
    ['2027-06x', 'goal.validation.due'],
  ])('refuses %s with a message saying why', (due, message) => {
    const { errors } = patchFromForm({ ...emptyForm('a1', null), text: 'Mål', due }, []);
    expect(errors).toEqual({ due: message });
  });

  it.each(['2028-02-29', '2027-02-28', '2027-06-30', '2027-12-31', '2027-06', '2027-01-01'])('accepts %s as it is', (due) => {
    const { errors, patch } = patchFromForm({ ...emptyForm('a1', null), text: 'Mål', due: ` ${due} ` }, []);
    expect(errors).toEqual({});
    expect(patch.due).toBe(due);
  });
});

describe('goals without an area', () => {
  it('are the goals whose area is not in the plan, in their order', () => {
    const areas = [{ id: 'a1' }, { id: 'a2' }];
    const goals = [
      { id: 'g1', areaId: 'a1' },
      { id: 'g2', areaId: 'gone' },
      { id: 'g3', areaId: 'a2' },
      { id: 'g4', areaId: '' },
    ];
    expect(goalsWithoutArea(areas, goals).map((g) => g.id)).toEqual(['g2', 'g4']);
    expect(goalsWithoutArea([], goals)).toHaveLength(4);
    expect(goalsWithoutArea(areas, goals.slice(0, 1))).toEqual([]);
  });
});

describe('grouping a section by national goal', () => {
  it("keeps the area's national goals in order, then other groups by their first goal, each sorted", () => {
    const goal = (id: string, nationalGoal: string | null, sortOrder: number) => ({ ...makeGoal(id), nationalGoal, sortOrder, areaId: 'gone' });
    const groups = groupGoalsByNationalGoal({ nationalGoals: ['A', 'B'] }, [goal('1', null, 3), goal('2', 'B', 2), goal('3', 'X', 1), goal('4', 'B', 1)]);
    expect(groups.map((g) => [g.nationalGoal, g.goals.map((x) => x.id)])).toEqual([
      ['A', []],
      ['B', ['4', '2']],
      ['X', ['3']],
      [null, ['1']],
    ]);
  });
});
