import { describe, expect, it } from 'vitest';
import { emptyForm, patchFromForm } from '../../src/features/plan/components/goal-editor';

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
