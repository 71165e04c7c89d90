import { describe, expect, it } from 'vitest';
import { emptyForm, formFromGoal, ownerChoices, patchFromForm } from '../../src/features/plan/components/goal-editor';
import { goalsWithoutArea, groupGoalsByNationalGoal, MAX_GOAL_OWNERS } from '../../src/domain/plan';
import type { TeamMember } from '../../src/domain/ports';
import { createI18n } from '../../src/i18n/catalogue';
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
    ['31.04.2027', 'goal.validation.dueNoSuchDay'],
    ['29.02.2027', 'goal.validation.dueNoSuchDay'],
    ['2027-13', 'planEdit.date.noSuchMonth'],
    ['2027-00-10', 'planEdit.date.noSuchMonth'],
    ['30.06', 'planEdit.date.needsYear'],
    ['30.06.27', 'planEdit.date.needsYear'],
    ['next spring', 'goal.validation.due'],
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

  it.each([
    ['30.06.2027', '2027-06-30'],
    ['30.6.2027', '2027-06-30'],
    ['2027-6-30', '2027-06-30'],
    ['30. jun. 2027', '2027-06-30'],
    ['juni 2027', '2027-06'],
    ['jun 2027', '2027-06'],
    ['June 2027', '2027-06'],
    ['06.2027', '2027-06'],
  ])('stores %s as %s', (due, stored) => {
    const { errors, patch } = patchFromForm({ ...emptyForm('a1', null), text: 'Mål', due }, []);
    expect(errors).toEqual({});
    expect(patch.due).toBe(stored);
  });

  it('stores no deadline as null, and shows a stored one as the language writes it', () => {
    expect(patchFromForm({ ...emptyForm('a1', null), text: 'Mål' }, []).patch.due).toBeNull();
    const nb = createI18n('nb');
    const form = formFromGoal(makeGoal('1', { due: '2027-06' }), nb);
    expect(form.due).toBe('juni 2027');
    expect(patchFromForm(form, []).patch.due).toBe('2027-06');
    const day = formFromGoal(makeGoal('1', { due: '2027-06-30' }), createI18n('en'));
    expect(day.due).toBe('30 Jun 2027');
    expect(patchFromForm(day, [], 'en').patch.due).toBe('2027-06-30');
    // A stored day that does not exist is shown as it is (formatting would roll it into March) and refused.
    const broken = formFromGoal(makeGoal('1', { text: 'Mål', due: '2027-02-31' }), nb);
    expect(broken.due).toBe('2027-02-31');
    expect(patchFromForm(broken, []).errors).toEqual({ due: 'goal.validation.dueNoSuchDay' });
  });
});

describe('start', () => {
  const form = { ...emptyForm('a1', null), text: 'Mål' };

  it('stores a day as the start, in any form a deadline takes', () => {
    expect(patchFromForm({ ...form, start: '01.09.2026' }, []).patch.start).toBe('2026-09-01');
    expect(patchFromForm({ ...form, start: '2026-09-01', due: '2027-06' }, []).patch.start).toBe('2026-09-01');
  });

  it('writes no start for a goal that never had one, and null when one is cleared', () => {
    expect('start' in patchFromForm(form, []).patch).toBe(false);
    const had = formFromGoal(makeGoal('1', { text: 'Mål', start: '2026-09-01' }));
    expect(had.start).toBe('2026-09-01');
    expect(patchFromForm(had, []).patch.start).toBe('2026-09-01');
    expect(patchFromForm({ ...had, start: ' ' }, []).patch).toMatchObject({ start: null });
  });

  it.each([
    ['september 2026', 'planEdit.start.format'],
    ['2026-09', 'planEdit.start.format'],
    ['snart', 'planEdit.start.format'],
    ['31.09.2026', 'goal.validation.dueNoSuchDay'],
    ['1.9', 'planEdit.date.needsYear'],
  ])('refuses %s as a start with a message saying why', (start, message) => {
    expect(patchFromForm({ ...form, start }, []).errors).toEqual({ start: message });
  });

  it('refuses a start after the deadline, and takes a month deadline to its last day', () => {
    expect(patchFromForm({ ...form, start: '01.07.2027', due: '30.06.2027' }, []).errors).toEqual({ start: 'planEdit.start.afterDue' });
    expect(patchFromForm({ ...form, start: '01.07.2027', due: 'juni 2027' }, []).errors).toEqual({ start: 'planEdit.start.afterDue' });
    expect(patchFromForm({ ...form, start: '30.06.2027', due: 'juni 2027' }, []).errors).toEqual({});
    expect(patchFromForm({ ...form, start: '30.06.2027', due: '30.06.2027' }, []).errors).toEqual({});
    expect(patchFromForm({ ...form, start: '28.02.2027', due: 'februar 2027' }, []).errors).toEqual({});
  });
});

describe('numbers', () => {
  const measured = { ...emptyForm('a1', null), text: 'Mål', kind: 'measured' as const, unit: 'medlemmer' };

  it('reads a decimal comma and spaces between thousands in Norwegian, a decimal point in English', () => {
    expect(patchFromForm({ ...measured, baseline: '1 250', target: '2,5', current: '2.5' }, [], 'nb').patch.measure).toEqual({ unit: 'medlemmer', baseline: 1250, target: 2.5, current: 2.5 });
    expect(patchFromForm({ ...measured, baseline: '1,250', target: '2.5', current: '' }, [], 'en').patch.measure).toEqual({ unit: 'medlemmer', baseline: 1250, target: 2.5, current: null });
    expect(patchFromForm({ ...measured, target: '2,5,1' }, [], 'nb').errors).toEqual({ target: 'goal.validation.number' });
  });

  it('shows stored numbers as the language writes them', () => {
    const goal = makeGoal('1', { kind: 'measured', measure: { unit: 'kr', baseline: 1250, target: 2.5, current: null }, recurrence: null });
    expect(formFromGoal(goal, createI18n('nb'))).toMatchObject({ baseline: '1\u00a0250', target: '2,5', current: '' });
    expect(formFromGoal(goal, createI18n('en'))).toMatchObject({ baseline: '1,250', target: '2.5' });
  });

  it('reads a recurrence count with a space between thousands', () => {
    const recurring = { ...emptyForm('a1', null), text: 'Mål', kind: 'recurring' as const, count: '1 000' };
    expect(patchFromForm(recurring, []).patch.recurrence).toEqual({ count: 1000, per: 'year' });
    expect(patchFromForm({ ...recurring, count: '2,5' }, []).errors).toEqual({ count: 'goal.validation.count' });
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
