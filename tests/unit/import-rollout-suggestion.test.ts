/**
 * The plan importer's rollout suggestion (issue 13): a goal whose text speaks of a rollout step is
 * suggested as measured by it; the preview shows the suggestion ticked, the board may untick it,
 * and what is kept is saved as the goal's `rollout`, measured in % from 0 to 100.
 */
import { describe, expect, it } from 'vitest';
import { acceptedRollouts, previewFromDraft, previewReducer, previewToDraft, type PreviewState } from '../../src/features/import/preview-state';
import { importInputFrom } from '../../src/features/import/use-import-save';
import type { PlanDraft } from '../../src/import/draft';
import { draftToPlan, rolloutShape, suggestRollout } from '../../src/import/to-plan';

const draft: PlanDraft = {
  union: 'Fagforbundet Alver',
  period: { from: 2026, to: 2027 },
  language: 'nb',
  situation: [],
  areas: [
    {
      number: 1,
      title: 'Organisering',
      nationalGoals: ['Øke organisasjonsgraden'],
      strategies: [],
      localGoals: [
        { nationalGoal: 'Øke organisasjonsgraden', text: 'Alle KTV skal ha fått kurs i KL*AR', due: '2027-06' },
        { nationalGoal: 'Øke organisasjonsgraden', text: 'Verve 40 nye medlemmer', measure: { value: 40, unit: 'nye medlemmer', per: null } },
        { nationalGoal: null, text: '90 % av de tillitsvalgte skal ha Org365-konto', measure: { value: 90, unit: '%', per: null } },
      ],
    },
  ],
  unplaced: ['Alle plasstillitsvalgte skal ha kurs i Teams'],
};

const options = { fallbackUnion: 'x', fallbackPeriod: { from: 2026, to: 2027 } };
const goalsOf = (state: PreviewState) => state.areas.flatMap((a) => a.goals);

describe('rollout suggestion in the plan importer', () => {
  it('suggests KL*AR training for KTV, and nothing for a goal about recruiting', () => {
    expect(suggestRollout({ text: 'Alle KTV skal ha fått kurs i KL*AR' })).toEqual({ stepId: 'klarTraining', roles: ['ktv'] });
    expect(suggestRollout({ text: 'Verve 40 nye medlemmer' })).toBeNull();
  });

  it('stores an accepted suggestion as the goal’s rollout, measured in % from 0 to 100 (or the draft’s share)', () => {
    const entities = draftToPlan(draft, { ...options, rolloutFor: (_a, _g, goal) => suggestRollout(goal) });
    const [klar, verving, org365] = entities.areas[0]?.goals ?? [];
    expect(klar).toMatchObject({ kind: 'measured', measure: { unit: '%', baseline: 0, target: 100, current: null }, recurrence: null, rollout: { stepId: 'klarTraining', roles: ['ktv'] }, due: '2027-06' });
    expect(verving).toMatchObject({ kind: 'measured', measure: { unit: 'nye medlemmer', baseline: null, target: 40 } });
    expect(verving && 'rollout' in verving).toBe(false);
    expect(org365).toMatchObject({ measure: { unit: '%', baseline: 0, target: 90 }, rollout: { stepId: 'org365', roles: [] } });
  });

  it('takes the draft’s target only when it is a share between 0 and 100', () => {
    expect(rolloutShape({}).measure?.target).toBe(100);
    expect(rolloutShape({ measure: { value: 75, unit: 'prosent', per: null } }).measure?.target).toBe(75);
    expect(rolloutShape({ measure: { value: 100, unit: '%', per: null } }).measure?.target).toBe(100);
    expect(rolloutShape({ measure: { value: 120, unit: '%', per: null } }).measure?.target).toBe(100);
    expect(rolloutShape({ measure: { value: 0, unit: '%', per: null } }).measure?.target).toBe(100);
    expect(rolloutShape({ measure: { value: 12, unit: 'tillitsvalgte', per: 'year' } })).toEqual({ kind: 'measured', measure: { unit: '%', baseline: 0, target: 100, current: null }, recurrence: null });
  });

  it('changes nothing without a rollout choice (the importer’s default)', () => {
    const entities = draftToPlan(draft, options);
    expect(entities.areas[0]?.goals.every((g) => !('rollout' in g))).toBe(true);
    expect(entities.areas[0]?.goals[0]?.kind).toBe('milestone');
  });
});

describe('rollout suggestion in the import preview', () => {
  it('ticks each suggestion by default, and saves only those the board kept', () => {
    let state = previewFromDraft(draft);
    expect(goalsOf(state).map((g) => [g.rollout?.stepId ?? null, g.rolloutAccepted])).toEqual([
      ['klarTraining', true],
      [null, false],
      ['org365', true],
    ]);
    state = previewReducer(state, { type: 'acceptRollout', goal: 'a1g3', accepted: false });
    // A goal without a suggestion cannot be ticked.
    expect(previewReducer(state, { type: 'acceptRollout', goal: 'a1g2', accepted: true })).toEqual(state);
    const rollouts = acceptedRollouts(state);
    expect([rollouts(0, 0), rollouts(0, 1), rollouts(0, 2), rollouts(1, 0)]).toEqual([{ stepId: 'klarTraining', roles: ['ktv'] }, null, null, null]);

    const input = importInputFrom(state, 'replace', 'import-1', 'Alver');
    const goals = input.areas[0]?.goals ?? [];
    expect(goals[0]).toMatchObject({ kind: 'measured', rollout: { stepId: 'klarTraining', roles: ['ktv'] } });
    expect(goals[2] && 'rollout' in goals[2]).toBe(false);
    expect(goals[2]).toMatchObject({ kind: 'measured', measure: { unit: '%', target: 90, baseline: null } });
    // The draft itself is unchanged: the suggestion is the preview's, not the importer's.
    expect(previewToDraft(state)).toEqual(draft);
  });

  it('follows the text when it is edited, and keeps a declined suggestion declined while it names the same step', () => {
    let state = previewReducer(previewFromDraft(draft), { type: 'acceptRollout', goal: 'a1g1', accepted: false });
    state = previewReducer(state, { type: 'editGoalText', goal: 'a1g1', text: 'Alle KTV skal ha kurs i KL*AR innen mars' });
    expect(goalsOf(state)[0]).toMatchObject({ rollout: { stepId: 'klarTraining', roles: ['ktv'] }, rolloutAccepted: false });
    state = previewReducer(state, { type: 'editGoalText', goal: 'a1g1', text: 'Alle PTV og KTV skal ha tilgang til KL*AR' });
    expect(goalsOf(state)[0]).toMatchObject({ rollout: { stepId: 'klarAccess', roles: ['ptv', 'ktv'] }, rolloutAccepted: true });
    state = previewReducer(state, { type: 'editGoalText', goal: 'a1g2', text: 'Alle styremedlemmer skal ha Org365' });
    expect(goalsOf(state)[1]).toMatchObject({ rollout: { stepId: 'org365', roles: ['board'] }, rolloutAccepted: true });
    state = previewReducer(state, { type: 'editGoalText', goal: 'a1g2', text: 'Verve 50' });
    expect(goalsOf(state)[1]).toMatchObject({ rollout: null, rolloutAccepted: false });
  });

  it('suggests for text placed as a goal', () => {
    const state = previewReducer(previewFromDraft(draft), { type: 'placeUnplaced', item: 'u1', area: 'a1', nationalGoal: null });
    expect(goalsOf(state).find((g) => g.key === 'n1')).toMatchObject({ rollout: { stepId: 'teamsTraining', roles: ['ptv'] }, rolloutAccepted: true });
  });
});
