import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goalCount, previewFromDraft, previewFromTemplate, previewReducer, previewToDraft, type PreviewState } from '../../src/features/import/preview-state';
import { normaliseText, planMerge } from '../../src/domain/plan-import';
import type { PlanDraft } from '../../src/import/draft';
import { NATIONAL_TEMPLATE } from '../../src/import/national-template';

const draft: PlanDraft = {
  union: 'Fagforbundet Test',
  period: { from: 2026, to: 2027 },
  language: 'nb',
  situation: [{ area: 'Økonomi', now: 'God', shortTerm: '', longTerm: '' }],
  areas: [
    {
      number: 1,
      title: 'Tariffmakt',
      nationalGoals: ['Øke organisasjonsgraden', 'Flere tillitsvalgte'],
      strategies: ['Bygge klubber'],
      localGoals: [
        { nationalGoal: 'Øke organisasjonsgraden', text: 'Verve 50 nye medlemmer innen juni 2027', measure: { value: 50, unit: 'nye medlemmer', per: null }, due: '2027-06' },
        { nationalGoal: 'Flere tillitsvalgte', text: 'Velge tillitsvalgt på alle arbeidsplasser' },
      ],
    },
    { number: 2, title: 'Velferd', nationalGoals: ['Heltid'], strategies: [], localGoals: [{ nationalGoal: null, text: '4 medlemsmøter per år', measure: { value: 4, unit: 'medlemsmøter', per: 'year' } }] },
  ],
  unplaced: ['Styret skal se på dette', 'Side 3 av 9'],
};

const goalsOf = (s: PreviewState) => s.areas.map((a) => a.goals.map((g) => `${g.nationalGoal ?? '-'}: ${g.text}`));

describe('import preview reducer', () => {
  it('round-trips a draft unchanged when nothing is edited', () => {
    expect(previewToDraft(previewFromDraft(draft))).toEqual(draft);
    expect(goalCount(previewFromDraft(draft))).toBe(3);
  });

  it('edits a goal text (trimmed, spaces folded) and ignores an empty text', () => {
    let s = previewFromDraft(draft);
    s = previewReducer(s, { type: 'editGoalText', goal: 'a1g2', text: '  Velge   tillitsvalgt overalt ' });
    expect(s.areas[0]?.goals[1]?.text).toBe('Velge tillitsvalgt overalt');
    expect(previewReducer(s, { type: 'editGoalText', goal: 'a1g2', text: '   ' })).toBe(s);
    expect(previewReducer(s, { type: 'editGoalText', goal: 'nope', text: 'x' })).toBe(s);
  });

  it('drops and takes back a measure and a deadline', () => {
    let s = previewFromDraft(draft);
    s = previewReducer(s, { type: 'acceptMeasure', goal: 'a1g1', accepted: false });
    s = previewReducer(s, { type: 'acceptDue', goal: 'a1g1', accepted: false });
    let goal = previewToDraft(s).areas[0]?.localGoals[0];
    expect(goal).toEqual({ nationalGoal: 'Øke organisasjonsgraden', text: 'Verve 50 nye medlemmer innen juni 2027' });
    s = previewReducer(s, { type: 'acceptMeasure', goal: 'a1g1', accepted: true });
    goal = previewToDraft(s).areas[0]?.localGoals[0];
    expect(goal?.measure).toEqual({ value: 50, unit: 'nye medlemmer', per: null });
    expect(goal?.due).toBeUndefined();
    // A goal without a detected measure cannot accept one.
    expect(previewReducer(s, { type: 'acceptMeasure', goal: 'a1g2', accepted: true }).areas[0]?.goals[1]?.measureAccepted).toBe(false);
  });

  it('moves a goal to another area and national goal, keeping goals grouped', () => {
    let s = previewFromDraft(draft);
    s = previewReducer(s, { type: 'moveGoal', goal: 'a2g1', area: 'a1', nationalGoal: 'Øke organisasjonsgraden' });
    expect(goalsOf(s)).toEqual([
      ['Øke organisasjonsgraden: Verve 50 nye medlemmer innen juni 2027', 'Øke organisasjonsgraden: 4 medlemsmøter per år', 'Flere tillitsvalgte: Velge tillitsvalgt på alle arbeidsplasser'],
      [],
    ]);
    // A national goal the target area does not have becomes "no national goal"; the measure moves along.
    s = previewReducer(s, { type: 'moveGoal', goal: 'a1g1', area: 'a2', nationalGoal: 'Flere tillitsvalgte' });
    expect(s.areas[1]?.goals[0]).toMatchObject({ key: 'a1g1', nationalGoal: null, measureAccepted: true });
    expect(previewReducer(s, { type: 'moveGoal', goal: 'a1g1', area: 'zz', nationalGoal: null })).toBe(s);
  });

  it('turns unplaced text into a goal somewhere, or drops it', () => {
    let s = previewFromDraft(draft);
    s = previewReducer(s, { type: 'placeUnplaced', item: 'u1', area: 'a2', nationalGoal: 'Heltid', text: 'Styret skal kartlegge deltid innen 2027' });
    s = previewReducer(s, { type: 'dropUnplaced', item: 'u2' });
    expect(s.leftovers).toEqual([]);
    expect(s.areas[1]?.goals.map((g) => [g.key, g.nationalGoal, g.text])).toEqual([
      ['a2g1', null, '4 medlemsmøter per år'],
      ['n1', 'Heltid', 'Styret skal kartlegge deltid innen 2027'],
    ]);
    const out = previewToDraft(s);
    expect(out.unplaced).toEqual([]);
    // The deadline the text names is read with the importer's own rules, and kept.
    expect(out.areas[1]?.localGoals[1]).toEqual({ nationalGoal: 'Heltid', text: 'Styret skal kartlegge deltid innen 2027', due: '2027-12' });
    s = previewReducer(s, { type: 'dropGoal', goal: 'n1' });
    expect(goalCount(s)).toBe(3);
  });

  it('starts from the national template: six areas, no local goals', () => {
    const s = previewFromTemplate(NATIONAL_TEMPLATE.nn, 'nn', { from: 2026, to: 2027 });
    expect(s.areas).toHaveLength(6);
    expect(goalCount(s)).toBe(0);
    expect(previewToDraft(s).areas[0]?.nationalGoals).toEqual(NATIONAL_TEMPLATE.nn[0]?.nationalGoals);
  });
});

describe('merge rules (domain/plan-import)', () => {
  const area = (id: string, number: number, title: string) => ({ id, planId: 'p', number, title, nationalGoals: [], strategies: [] });
  const goal = (text: string, sortOrder: number) => ({ text, sortOrder });
  const imported = (text: string) => ({ nationalGoal: null, text, kind: 'milestone' as const, owners: [], due: null, status: null, measure: null, recurrence: null, tariffArea: null, sortOrder: 0 });

  it('normalises case, spacing, quotes and end punctuation', () => {
    expect(normaliseText('  «Verve  50 MEDLEMMER». ')).toBe(normaliseText('verve 50 medlemmer'));
  });

  it('matches areas by number, then title; skips known goals; numbers new areas after the last', () => {
    const existing = {
      areas: [area('10', 1, 'Tariffmakt'), area('11', 2, 'Velferd')],
      goals: [goal('Verve 50 medlemmer', 40)] as never[],
      situation: [{ id: 's', planId: 'p', area: 'Økonomi', now: '', shortTerm: '', longTerm: '', sortOrder: 10 }],
    };
    const result = planMerge(existing, {
      areas: [
        { area: { number: 9, title: 'velferd', nationalGoals: [], strategies: [] }, goals: [imported('verve 50 medlemmer.'), imported('Ny')] },
        { area: { number: 2, title: 'Noe annet', nationalGoals: [], strategies: [] }, goals: [imported('Ny'), imported('Annen')] },
        { area: { number: 3, title: 'Lokalt', nationalGoals: [], strategies: [] }, goals: [] },
      ],
      situation: [
        { area: 'økonomi', now: '', shortTerm: '', longTerm: '', sortOrder: 10 },
        { area: 'Arbeidsmiljø', now: '', shortTerm: '', longTerm: '', sortOrder: 20 },
      ],
    });
    expect(result.areas.map((a) => [a.existing?.id ?? null, a.create?.number ?? null])).toEqual([
      ['11', null],
      [null, 3],
      [null, 4],
    ]);
    expect(result.areas.map((a) => a.goals.map((g) => [g.goal.text, g.goal.sortOrder]))).toEqual([[['Ny', 50]], [['Annen', 60]], []]);
    expect(result.goalsSkipped).toBe(2);
    expect(result.situation).toEqual([{ n: 2, row: { area: 'Arbeidsmiljø', now: '', shortTerm: '', longTerm: '', sortOrder: 20 } }]);
  });
});

it('fixture drafts survive the preview unchanged', () => {
  const truth = JSON.parse(readFileSync(new URL('../../fixtures/plans/sor-varanger.truth.json', import.meta.url), 'utf8')) as PlanDraft;
  expect(previewToDraft(previewFromDraft(truth))).toEqual(truth);
});
