/**
 * A goal measured by a rollout step (issue 13) in the board's goal editor and wherever a goal's
 * progress is shown: choosing a step makes the goal measured in % from 0 to 100 with its `rollout`,
 * the roles ticked are counted (none: everyone), clearing writes null, and a goal never measured
 * by the rollout is written without the field.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_STEPS, type RolloutStep } from '../../src/domain/roster';
import { goalProgress } from '../../src/domain/progress';
import { progressText, rolloutMeasureText, rolloutStepName } from '../../src/components/progress-text';
import { chooseRolloutStep, emptyForm, formFromGoal, patchFromForm, rolloutStepChoices, toggleRolloutRole } from '../../src/features/plan/components/goal-editor';
import { createI18n } from '../../src/i18n/catalogue';
import { makeGoal } from '../support/factories';

const nb = createI18n('nb');

describe('goal editor: measured by the rollout', () => {
  it('makes a goal measured in % from 0 to 100 when a step is chosen, counting the roles ticked', () => {
    const form = chooseRolloutStep({ ...emptyForm('a1', null), text: 'Alle KTV skal ha kurs i KL*AR' }, 'klarTraining');
    expect(form).toMatchObject({ rolloutStep: 'klarTraining', kind: 'measured', unit: '%', baseline: '0', target: '100' });
    const withRoles = toggleRolloutRole(toggleRolloutRole(toggleRolloutRole(form, 'htv', true), 'ktv', true), 'htv', false);
    expect(withRoles.rolloutRoles).toEqual(['ktv']);
    const { patch, errors } = patchFromForm(withRoles, []);
    expect(errors).toEqual({});
    expect(patch).toMatchObject({ kind: 'measured', measure: { unit: '%', baseline: 0, target: 100, current: null }, rollout: { stepId: 'klarTraining', roles: ['ktv'] } });
    // The roles in their usual order, whatever order they were ticked in.
    expect(toggleRolloutRole(toggleRolloutRole(form, 'safety', true), 'ptv', true).rolloutRoles).toEqual(['ptv', 'safety']);
  });

  it('keeps a baseline and target already in %, and replaces those of another unit', () => {
    const inPercent = { ...emptyForm('a1', null), text: 'x', kind: 'measured' as const, unit: '%', baseline: '20', target: '90' };
    expect(chooseRolloutStep(inPercent, 'org365')).toMatchObject({ baseline: '20', target: '90' });
    const members = { ...inPercent, unit: 'medlemmer', baseline: '10', target: '40' };
    expect(chooseRolloutStep(members, 'org365')).toMatchObject({ unit: '%', baseline: '0', target: '100' });
    expect(chooseRolloutStep({ ...inPercent, target: ' ' }, 'org365').target).toBe('100');
  });

  it('writes null when the step is cleared, and leaves the field out for a goal never measured by the rollout', () => {
    const goal = makeGoal('1', { text: 'Kurs', kind: 'measured', measure: { unit: '%', baseline: 0, target: 100, current: 40 }, rollout: { stepId: 'teamsTraining', roles: ['ptv'] } });
    const form = formFromGoal(goal);
    expect(form).toMatchObject({ rolloutStep: 'teamsTraining', rolloutRoles: ['ptv'], hadRollout: true });
    expect(patchFromForm(form, []).patch.rollout).toEqual({ stepId: 'teamsTraining', roles: ['ptv'] });
    const cleared = patchFromForm(chooseRolloutStep(form, ''), []).patch;
    expect(cleared.rollout).toBeNull();
    expect(cleared.kind).toBe('measured');

    const plain = patchFromForm({ ...emptyForm('a1', null), text: 'Verve 40' }, []).patch;
    expect('rollout' in plain).toBe(false);
  });

  it('is measured in % whatever the kind and unit fields say while a step is chosen', () => {
    const form = { ...chooseRolloutStep({ ...emptyForm('a1', null), text: 'x' }, 'team'), kind: 'milestone' as const, unit: 'stk' };
    expect(patchFromForm(form, []).patch).toMatchObject({ kind: 'measured', measure: { unit: '%' }, recurrence: null });
    expect(patchFromForm({ ...form, baseline: 'abc' }, []).errors).toEqual({ baseline: 'goal.validation.number' });
  });

  it('offers the steps not retired, and the goal’s own step even when it is retired or unknown', () => {
    const steps: RolloutStep[] = [...BUILT_IN_STEPS.map((s) => (s.id === 'team' ? { ...s, retired: true } : s)), { id: 'custom6', label: 'Tariffkurs', kind: 'manual', retired: false }];
    expect(rolloutStepChoices(steps, '').map((s) => s.id)).toEqual(['org365', 'teamsTraining', 'klarAccess', 'klarTraining', 'custom6']);
    expect(rolloutStepChoices(steps, 'team').map((s) => s.id)).toContain('team');
    expect(rolloutStepChoices(steps, 'custom9').map((s) => s.id).at(-1)).toBe('custom9');
  });
});

describe('progress text of a goal measured by the rollout', () => {
  it('names the step and the roles', () => {
    expect(rolloutStepName('org365', nb.t)).toBe('Org365-konto');
    expect(rolloutStepName('team', nb.t)).toBe('Medlem av teamet');
    expect(rolloutStepName('teamsTraining', nb.t)).toBe('Kurs i Teams');
    expect(rolloutStepName('klarAccess', nb.t)).toBe('Tilgang til KL*AR');
    expect(rolloutStepName('klarTraining', nb.t)).toBe('Kurs i KL*AR');
    expect(rolloutStepName('custom6', nb.t, [{ id: 'custom6', label: 'Tariffkurs' }])).toBe('Tariffkurs');
    expect(rolloutStepName('org365', nb.t, [{ id: 'org365', label: 'Konto i forbundet' }])).toBe('Konto i forbundet');
    expect(rolloutStepName('custom6', nb.t)).toBe('et eget steg');
    expect(rolloutMeasureText({ stepId: 'klarTraining', roles: ['ktv', 'htv'] }, nb.t)).toBe('Kurs i KL*AR (KTV, HTV)');
    expect(rolloutMeasureText({ stepId: 'org365', roles: [] }, createI18n('en').t)).toBe('Org365 account (all representatives)');
  });

  it('says the goal is measured by the rollout after its progress', () => {
    const goal = makeGoal('1', { kind: 'measured', measure: { unit: '%', baseline: 0, target: 100, current: 40 }, rollout: { stepId: 'klarTraining', roles: ['ktv'] } });
    const progress = goalProgress(goal, [], { periodFrom: 2026, periodTo: 2027 }, '2026-05-04');
    expect(progressText(goal, progress, nb)).toMatch(/^40 av 100 % · Målt av utrullingen: Kurs i KL\*AR \(KTV\)$/);
    const plain = { ...goal, rollout: null };
    expect(progressText(plain, progress, nb)).toBe('40 av 100 %');
  });
});
