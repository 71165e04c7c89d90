import { describe, expect, it } from 'vitest';
import type { LocalGoal } from '../../src/domain/plan';
import {
  BUILT_IN_STEPS,
  MAX_ROLLOUT_STEPS,
  MAX_STEP_LABEL,
  addStep,
  measuredGoalUpdates,
  readRolloutSteps,
  representativeOf,
  suggestRolloutMeasure,
  withSelfConfirmations,
  writeRolloutSteps,
  type DirectoryFacts,
  type Representative,
} from '../../src/domain/roster';

function rep(id: string, over: Partial<Representative> = {}): Representative {
  return { id, name: `Rep ${id}`, email: `${id}@example.org`, role: 'ptv', area: 'KS', workplace: 'X', entraId: null, marks: {}, seen: {}, retired: false, ...over };
}

function goal(id: string, over: Partial<LocalGoal> = {}): LocalGoal {
  return { id, planId: 'p', areaId: 'a', nationalGoal: null, text: 'Goal', kind: 'milestone', owners: [], due: null, status: null, measure: null, recurrence: null, tariffArea: null, sortOrder: 1, etag: `"e${id}"`, ...over };
}

describe('own confirmations', () => {
  const reps = [rep('a', { entraId: 'u1' }), rep('b', { entraId: 'u2', marks: { klarTraining: { on: '2026-03-01', by: 'board' } } }), rep('c')];

  it('count for the representative whose account wrote them, for manual steps the board has not marked', () => {
    const merged = withSelfConfirmations(reps, BUILT_IN_STEPS, [
      { userId: 'u1', stepId: 'klarTraining', on: '2026-05-01' },
      { userId: 'u1', stepId: 'teamsTraining', on: '2026-05-02' },
      { userId: 'u2', stepId: 'klarTraining', on: '2026-06-01' },
      // A tenant step is never confirmed by hand; nor counts an unknown user.
      { userId: 'u1', stepId: 'org365', on: '2026-05-03' },
      { userId: 'u9', stepId: 'klarAccess', on: '2026-05-04' },
    ]);
    expect(merged[0]?.marks).toEqual({ klarTraining: { on: '2026-05-01', by: 'self' }, teamsTraining: { on: '2026-05-02', by: 'self' } });
    expect(merged[1]?.marks).toEqual({ klarTraining: { on: '2026-03-01', by: 'board' } });
    expect(merged[2]).toBe(reps[2]);
  });

  it('finds the signed-in user among the active representatives only', () => {
    expect(representativeOf(reps, 'u2')?.id).toBe('b');
    expect(representativeOf([rep('x', { entraId: 'u2', retired: true })], 'u2')).toBeNull();
    expect(representativeOf(reps, 'nobody')).toBeNull();
  });
});

describe('the steps stored on the plan', () => {
  it('are the built-in steps when nothing (or an empty text) is stored', () => {
    expect(readRolloutSteps(null)).toEqual({ steps: BUILT_IN_STEPS, problems: [] });
    expect(readRolloutSteps('  ')).toEqual({ steps: BUILT_IN_STEPS, problems: [] });
    expect(readRolloutSteps(undefined).steps).toEqual(BUILT_IN_STEPS);
  });

  it('keep the board’s names, retirements and own steps, and always the built-in steps and their kinds', () => {
    const stored = JSON.stringify([
      { id: 'klarTraining', label: '  KL*AR-kurs  ', kind: 'manual', retired: false },
      { id: 'team', label: null, kind: 'manual', retired: true },
      { id: 'custom6', label: 'Verneombudskurs', kind: 'manual', retired: false },
    ]);
    const { steps, problems } = readRolloutSteps(stored);
    expect(problems).toEqual([]);
    expect(steps.map((s) => [s.id, s.label, s.kind, s.retired])).toEqual([
      ['org365', null, 'account', false],
      ['team', null, 'teamMember', true],
      ['teamsTraining', null, 'manual', false],
      ['klarAccess', null, 'manual', false],
      ['klarTraining', 'KL*AR-kurs', 'manual', false],
      ['custom6', 'Verneombudskurs', 'manual', false],
    ]);
    expect(readRolloutSteps(writeRolloutSteps(steps)).steps).toEqual(steps);
  });

  it('report what cannot be read and leave it out', () => {
    expect(readRolloutSteps('{not json').problems).toEqual(['notJson']);
    expect(readRolloutSteps('{"a":1}').problems).toEqual(['notList']);
    const { steps, problems } = readRolloutSteps([
      { id: 'x1', kind: 'account', label: 'Sneaky', retired: false },
      { id: 'x2', kind: 'manual', label: '   ', retired: false },
      { id: '', kind: 'manual', label: 'No id' },
      null,
      { id: 'x3', kind: 'manual', label: 'Fine' },
      { id: 'x3', kind: 'manual', label: 'Twice' },
      { id: 'x4', kind: 'weird', label: 'Kind' },
    ]);
    expect(problems).toEqual(['step:0', 'step:1', 'step:2', 'step:3', 'step:5', 'step:6']);
    expect(steps.map((s) => s.id)).toEqual([...BUILT_IN_STEPS.map((s) => s.id), 'x3']);
    expect(steps.at(-1)).toEqual({ id: 'x3', label: 'Fine', kind: 'manual', retired: false });
    expect(readRolloutSteps([{ id: 'x5', kind: 'manual', label: 'y'.repeat(100) }]).steps.at(-1)?.label).toHaveLength(MAX_STEP_LABEL);
  });

  it('a step the board adds is manual, named, with a key no other step has, up to the limit', () => {
    const one = addStep(BUILT_IN_STEPS, '  Verneombudskurs ');
    expect(one.at(-1)).toEqual({ id: 'custom6', label: 'Verneombudskurs', kind: 'manual', retired: false });
    const two = addStep([...BUILT_IN_STEPS, { id: 'custom7', label: 'x', kind: 'manual', retired: false }], 'Ny');
    expect(two.at(-1)?.id).toBe('custom8');
    expect(() => addStep(BUILT_IN_STEPS, '   ')).toThrow(RangeError);
    let steps = [...BUILT_IN_STEPS];
    while (steps.length < MAX_ROLLOUT_STEPS) steps = addStep(steps, `S${steps.length}`);
    expect(() => addStep(steps, 'One too many')).toThrow(RangeError);
    expect(new Set(steps.map((s) => s.id)).size).toBe(MAX_ROLLOUT_STEPS);
  });
});

describe('goals measured by a rollout step', () => {
  const facts: DirectoryFacts = { accounts: new Map([['a', 'u1'], ['b', 'u2']]), members: new Set(['u1']) };
  const reps = [rep('a'), rep('b', { role: 'ktv' }), rep('c', { role: 'ktv' }), rep('d', { retired: true })];

  it('are brought to the share the roster says, in percent, with If-Match; others are left alone', () => {
    const goals = [
      goal('g1', { rollout: { stepId: 'org365', roles: [] } }),
      goal('g2', { kind: 'measured', rollout: { stepId: 'org365', roles: ['ktv'] }, measure: { unit: '%', baseline: 0, target: 80, current: 50 } }),
      goal('g3', { kind: 'measured', rollout: { stepId: 'team', roles: ['ptv'] }, measure: { unit: '%', baseline: 0, target: 100, current: 100 } }),
      goal('g4'),
      goal('g5', { rollout: { stepId: 'org365', roles: ['htv'] } }),
      goal('g6', { rollout: { stepId: 'gone', roles: [] } }),
    ];
    expect(measuredGoalUpdates(goals, reps, BUILT_IN_STEPS, facts)).toEqual([
      { id: 'g1', ifMatch: '"eg1"', patch: { kind: 'measured', measure: { unit: '%', baseline: 0, target: 100, current: 66.7 } } },
      // Already measured at 50 % of KTV: nothing to write. g3 is 1 of 1 PTV in the team: as stored.
    ]);
    expect(measuredGoalUpdates([goals[1] as LocalGoal], [...reps, rep('e', { role: 'ktv' })], BUILT_IN_STEPS, facts)).toEqual([
      { id: 'g2', ifMatch: '"eg2"', patch: { kind: 'measured', measure: { unit: '%', baseline: 0, target: 80, current: 33.3 } } },
    ]);
    expect(measuredGoalUpdates([goal('g7', { etag: undefined, rollout: { stepId: 'org365', roles: [] } })], reps, BUILT_IN_STEPS, facts)[0]?.ifMatch).toBeNull();
  });
});

describe('the importer’s suggestion', () => {
  it.each([
    ['Alle KTV skal ha fått kurs i KL*AR', { stepId: 'klarTraining', roles: ['ktv'] }],
    ['Innføre KL*AR som arbeidsverktøy for tillitsvalgte og fagforeningen', { stepId: 'klarAccess', roles: [] }],
    ['Fagforeninga skal få KLAR i gang hos alle plasstillitsvalde', { stepId: 'klarAccess', roles: ['ptv'] }],
    ['Gje opplæring til alle tillitsvalde i Klar.', { stepId: 'klarTraining', roles: [] }],
    ['Gjennomføre opplæring i Teams for hovedtillitsvalgte og verneombud', { stepId: 'teamsTraining', roles: ['htv', 'safety'] }],
    ['Implementere Org365 for alle klubbtillitsvalgte og styremedlemmer', { stepId: 'org365', roles: ['ktv', 'board'] }],
    ['Alle PTV skal være med i Teams', { stepId: 'team', roles: ['ptv'] }],
    ['Microsoft 365-konto til alle', { stepId: 'org365', roles: [] }],
  ])('%s', (text, expected) => {
    expect(suggestRolloutMeasure(text)).toEqual(expected);
  });

  it.each(['Øke med 125 medlemmer', 'Vi er klar for verving. Klar til innsats', 'Klar for KS-oppgjøret', 'Styret møtes 10 ganger i året'])('none for %s', (text) => {
    expect(suggestRolloutMeasure(text)).toBeNull();
  });
});
