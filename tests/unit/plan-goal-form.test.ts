import { describe, expect, it } from 'vitest';
import { emptyForm, formFromGoal, ownerChoices, patchFromForm } from '../../src/features/plan/components/goal-editor';
import { goalsWithoutArea, groupGoalsByNationalGoal, MAX_GOAL_OWNERS } from '../../src/domain/plan';
import type { TeamMember } from '../../src/domain/ports';
import { makeGoal } from '../support/factories';

const KARI = '9eac2ecf-d749-5b51-ab14-7dcdf3193713';
const OLA = '3f1c9a2e-5b7d-5e0f-9a41-2c8d6e7b1f90';
const GONE = 'b7e0d4c1-2a9f-5c3e-8d16-4f5a6b7c8d9e';
const members: TeamMember[] = [
  { id: KARI, displayName: 'Kari Eide', email: 'kari.eide@forbundet.no', role: 'board' },
  { id: OLA, displayName: 'Ola Nesse', email: null, role: 'steward' },
];

describe('goal form', () => {
  it('carries the area and national goal, with no national goal stored as null', () => {
    const form = { ...emptyForm('a2', 'Øke organisasjonsgraden'), text: ' Verve 40 ', ownerIds: [KARI] };
    const { patch, errors } = patchFromForm(form, members);
    expect(errors).toEqual({});
    expect(patch).toMatchObject({ areaId: 'a2', nationalGoal: 'Øke organisasjonsgraden', text: 'Verve 40', kind: 'milestone' });
    expect(patch.owners).toEqual([{ id: KARI, displayName: 'Kari Eide', email: 'kari.eide@forbundet.no' }]);
    expect(patchFromForm({ ...form, nationalGoal: '' }, []).patch.nationalGoal).toBeNull();
  });

  it('asks a new goal for its text before anything is saved', () => {
    expect(patchFromForm(emptyForm('a1', null), []).errors).toEqual({ text: 'goal.validation.text' });
  });
});

describe('owners', () => {
  it('keeps two owners in the order chosen, with their names from the member list', () => {
    const form = { ...emptyForm('a1', null), text: 'Mål', ownerIds: [OLA, KARI] };
    const { patch, errors } = patchFromForm(form, ownerChoices(members, [{ id: KARI, displayName: 'Kari (old name)', email: null }]));
    expect(errors).toEqual({});
    expect(patch.owners).toEqual([
      { id: OLA, displayName: 'Ola Nesse', email: null },
      { id: KARI, displayName: 'Kari Eide', email: 'kari.eide@forbundet.no' },
    ]);
  });

  it('keeps an owner who is no longer in the team with the name the goal stored', () => {
    const goal = makeGoal('1', { text: 'Mål', owners: [{ id: GONE, displayName: 'Per Hansen', email: 'per@forbundet.no' }, { id: KARI, displayName: 'Kari Eide' }] });
    const form = formFromGoal(goal);
    expect(form.ownerIds).toEqual([GONE, KARI]);
    const people = ownerChoices(members, goal.owners);
    expect(people.map((p) => [p.displayName, p.inTeam])).toEqual([
      ['Kari Eide', true],
      ['Ola Nesse', true],
      ['Per Hansen', false],
    ]);
    const { patch, errors } = patchFromForm(form, people);
    expect(errors).toEqual({});
    expect(patch.owners).toEqual([
      { id: GONE, displayName: 'Per Hansen', email: 'per@forbundet.no' },
      { id: KARI, displayName: 'Kari Eide', email: 'kari.eide@forbundet.no' },
    ]);
  });

  it(`refuses more than ${MAX_GOAL_OWNERS} owners with a message on the field`, () => {
    const ids = Array.from({ length: MAX_GOAL_OWNERS + 1 }, (_, i) => `9eac2ecf-d749-5b51-ab14-7dcdf319371${i}`);
    const people = ids.map((id, i) => ({ id, displayName: `Person ${i}` }));
    const form = { ...emptyForm('a1', null), text: 'Mål' };
    expect(ids).toHaveLength(7);
    expect(patchFromForm({ ...form, ownerIds: ids }, people).errors).toEqual({ ownerIds: 'planEdit.validation.owners' });
    const six = patchFromForm({ ...form, ownerIds: ids.slice(0, MAX_GOAL_OWNERS) }, people);
    expect(six.errors).toEqual({});
    expect(six.patch.owners?.map((o) => o.displayName)).toEqual(['Person 0', 'Person 1', 'Person 2', 'Person 3', 'Person 4', 'Person 5']);
  });

  it('stores a goal with no owners as an empty list', () => {
    const form = { ...emptyForm('a1', null), text: 'Mål' };
    expect(form.ownerIds).toEqual([]);
    const { patch, errors } = patchFromForm(form, members);
    expect(errors).toEqual({});
    expect(patch.owners).toEqual([]);
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
