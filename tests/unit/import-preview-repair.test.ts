/**
 * The import preview's repairs (features/import/preview-repair.ts through previewReducer): text
 * the importer did not use, moving national goals and strategies, changing what a text is, merging
 * and splitting goals, areas, review marks, and the union question before a save.
 */
import { describe, expect, it } from 'vitest';
import { leftoverCount, previewFromDraft, previewReducer, previewToDraft, reviewCount, type PreviewAction, type PreviewState } from '../../src/features/import/preview-state';
import { isEmptyArea, nextGoal, splitAt, splitPoints } from '../../src/features/import/preview-repair';
import { sameUnion, unionChoice } from '../../src/features/import/union-choice';
import { importInputFrom } from '../../src/features/import/use-import-save';
import type { PlanDraft } from '../../src/import/draft';
import { extractDue } from '../../src/import/parse/due';
import { extractMeasure } from '../../src/import/parse/measure';

const draft: PlanDraft = {
  union: 'Fagforbundet Test',
  period: { from: 2026, to: 2027 },
  language: 'nb',
  situation: [],
  areas: [
    {
      number: 1,
      title: 'Tariffmakt',
      nationalGoals: ['Øke organisasjonsgraden', 'Flere tillitsvalgte'],
      strategies: ['Bygge klubber', 'Skolere tillitsvalgte'],
      review: { nationalGoals: [1], strategies: [0] },
      localGoals: [
        { nationalGoal: 'Øke organisasjonsgraden', text: 'Verve 50 nye medlemmer', measure: { value: 50, unit: 'nye medlemmer', per: null } },
        { nationalGoal: 'Øke organisasjonsgraden', text: 'innen juni 2027 på alle sykehjem', review: 'placement' },
        { nationalGoal: 'Flere tillitsvalgte', text: 'Velge tillitsvalgt på alle arbeidsplasser', review: 'mayBeNational' },
        { nationalGoal: null, text: 'Holde 4 medlemsmøter per år', measure: { value: 4, unit: 'medlemsmøter', per: 'year' }, review: 'mayBeStrategy' },
      ],
    },
    { number: 2, title: 'Velferd', nationalGoals: ['Heltid'], strategies: [], localGoals: [{ nationalGoal: 'Heltid', text: 'Kartlegge deltid' }] },
  ],
  unplaced: ['Styret følger opp planen'],
  notUsed: [
    { text: 'Innledning: planen bygger på landsmøtets vedtak', kind: 'introduction' },
    { text: 'Nasjonale mål:', kind: 'label' },
  ],
};

const run = (actions: readonly PreviewAction[], state: PreviewState = previewFromDraft(draft)) => actions.reduce(previewReducer, state);
const goals = (s: PreviewState, a = 0) => (s.areas[a]?.goals ?? []).map((g) => `${g.nationalGoal ?? '-'}: ${g.text}`);
const texts = (items: ReadonlyArray<{ text: string }> | undefined) => (items ?? []).map((i) => i.text);

describe('what the importer did not use', () => {
  it('lists unplaced text first, then the text read as the frame, each with what it was taken for', () => {
    const s = previewFromDraft(draft);
    expect(s.leftovers.map((l) => [l.key, l.kind])).toEqual([
      ['u1', 'unplaced'],
      ['x1', 'introduction'],
      ['x2', 'label'],
    ]);
    expect(leftoverCount(s)).toBe(3);
  });

  it('makes a not-used text a goal under a national goal, with figures read from it', () => {
    const s = run([{ type: 'placeText', item: 'x1', as: 'goal', area: 'a2', nationalGoal: 'Heltid', text: 'Alle skal få tilbud om heltid innen juni 2027' }]);
    expect(goals(s, 1)).toEqual(['Heltid: Kartlegge deltid', 'Heltid: Alle skal få tilbud om heltid innen juni 2027']);
    expect(s.areas[1]?.goals[1]).toMatchObject({ key: 'n1', due: '2027-06', dueAccepted: true, review: null });
    expect(s.leftovers.map((l) => l.key)).toEqual(['u1', 'x2']);
    expect(leftoverCount(s)).toBe(2);
  });

  it('makes a text a national goal or a strategy of the chosen area (no duplicate of one it has)', () => {
    const s = run([
      { type: 'placeText', item: 'u1', as: 'nationalGoal', area: 'a2', nationalGoal: null },
      { type: 'placeText', item: 'x1', as: 'strategy', area: 'a1', nationalGoal: null, text: '  Bygge   nettverk ' },
      { type: 'placeText', item: 'x2', as: 'strategy', area: 'a1', nationalGoal: null, text: 'Bygge klubber' },
    ]);
    expect(texts(s.areas[1]?.nationalGoals)).toEqual(['Heltid', 'Styret følger opp planen']);
    expect(texts(s.areas[0]?.strategies)).toEqual(['Bygge klubber', 'Skolere tillitsvalgte', 'Bygge nettverk']);
    expect(s.leftovers).toEqual([]);
    expect(previewToDraft(s).areas[1]?.nationalGoals).toEqual(['Heltid', 'Styret følger opp planen']);
  });

  it('dismisses any left-out text, and ignores unknown keys, areas and empty texts', () => {
    const s = previewFromDraft(draft);
    expect(run([{ type: 'dismissText', item: 'x2' }], s).leftovers.map((l) => l.key)).toEqual(['u1', 'x1']);
    expect(run([{ type: 'dropUnplaced', item: 'u1' }], s).leftovers.map((l) => l.key)).toEqual(['x1', 'x2']);
    expect(previewReducer(s, { type: 'placeText', item: 'x9', as: 'goal', area: 'a1', nationalGoal: null })).toBe(s);
    expect(previewReducer(s, { type: 'placeText', item: 'x1', as: 'goal', area: 'zz', nationalGoal: null })).toBe(s);
    expect(previewReducer(s, { type: 'placeText', item: 'x1', as: 'goal', area: 'a1', nationalGoal: null, text: '  ' })).toBe(s);
  });

  it('saves neither review marks nor the text read as the frame; unplaced text left is listed as before', () => {
    const out = previewToDraft(previewFromDraft(draft));
    expect(out).not.toHaveProperty('notUsed');
    expect(out.areas[0]).not.toHaveProperty('review');
    expect(out.areas[0]?.localGoals.some((g) => 'review' in g)).toBe(false);
    expect(out.unplaced).toEqual(['Styret følger opp planen']);
  });
});

describe('moving national goals and strategies', () => {
  it('moves a national goal with the goals under it, which still stand under it', () => {
    const s = run([{ type: 'moveItem', item: 'a1ng1', area: 'a2' }]);
    expect(texts(s.areas[0]?.nationalGoals)).toEqual(['Flere tillitsvalgte']);
    expect(goals(s, 0)).toEqual(['Flere tillitsvalgte: Velge tillitsvalgt på alle arbeidsplasser', '-: Holde 4 medlemsmøter per år']);
    expect(texts(s.areas[1]?.nationalGoals)).toEqual(['Heltid', 'Øke organisasjonsgraden']);
    expect(goals(s, 1)).toEqual(['Heltid: Kartlegge deltid', 'Øke organisasjonsgraden: Verve 50 nye medlemmer', 'Øke organisasjonsgraden: innen juni 2027 på alle sykehjem']);
    // The measure travels with its goal.
    expect(previewToDraft(s).areas[1]?.localGoals[1]?.measure).toEqual({ value: 50, unit: 'nye medlemmer', per: null });
  });

  it('joins the goals to a national goal of the same text the target area has, without a duplicate', () => {
    const s = run([
      { type: 'placeText', item: 'u1', as: 'nationalGoal', area: 'a2', nationalGoal: null, text: 'Flere tillitsvalgte' },
      { type: 'moveItem', item: 'a1ng2', area: 'a2' },
    ]);
    expect(texts(s.areas[1]?.nationalGoals)).toEqual(['Heltid', 'Flere tillitsvalgte']);
    expect(goals(s, 1)).toContain('Flere tillitsvalgte: Velge tillitsvalgt på alle arbeidsplasser');
  });

  it('moves a strategy, clears its mark, and refuses a move to its own or an unknown area', () => {
    const s = run([{ type: 'moveItem', item: 'a1st1', area: 'a2' }]);
    expect(texts(s.areas[0]?.strategies)).toEqual(['Skolere tillitsvalgte']);
    expect(s.areas[1]?.strategies).toEqual([{ key: 'a1st1', text: 'Bygge klubber', review: null }]);
    expect(previewReducer(s, { type: 'moveItem', item: 'a1st1', area: 'a2' })).toBe(s);
    expect(previewReducer(s, { type: 'moveItem', item: 'a1st1', area: 'zz' })).toBe(s);
    expect(previewReducer(s, { type: 'moveItem', item: 'a1g1', area: 'a2' })).toBe(s);
  });
});

describe('changing what a text is', () => {
  it('makes a goal a national goal of its area, after the one it stood under, dropping its measure', () => {
    const s = run([{ type: 'changeKind', item: 'a1g1', to: 'nationalGoal' }]);
    expect(texts(s.areas[0]?.nationalGoals)).toEqual(['Øke organisasjonsgraden', 'Verve 50 nye medlemmer', 'Flere tillitsvalgte']);
    expect(goals(s)).not.toContain('Øke organisasjonsgraden: Verve 50 nye medlemmer');
    expect(s.areas[0]?.nationalGoals[1]).toEqual({ key: 'a1g1', text: 'Verve 50 nye medlemmer', review: null });
    // A goal under none goes last.
    const t = run([{ type: 'changeKind', item: 'a1g4', to: 'nationalGoal' }]);
    expect(texts(t.areas[0]?.nationalGoals).at(-1)).toBe('Holde 4 medlemsmøter per år');
  });

  it('makes a national goal a goal under none; the goals under it stand under none', () => {
    const s = run([{ type: 'changeKind', item: 'a1ng1', to: 'goal' }]);
    expect(texts(s.areas[0]?.nationalGoals)).toEqual(['Flere tillitsvalgte']);
    expect(goals(s)).toEqual([
      '-: Verve 50 nye medlemmer',
      '-: innen juni 2027 på alle sykehjem',
      'Flere tillitsvalgte: Velge tillitsvalgt på alle arbeidsplasser',
      '-: Holde 4 medlemsmøter per år',
      '-: Øke organisasjonsgraden',
    ]);
    expect(s.areas[0]?.goals.at(-1)).toMatchObject({ key: 'a1ng1', measure: null, due: null, review: null });
  });

  it('turns a strategy into a goal and back, and a national goal into a strategy and back', () => {
    let s = run([{ type: 'changeKind', item: 'a1st2', to: 'goal' }]);
    expect(texts(s.areas[0]?.strategies)).toEqual(['Bygge klubber']);
    expect(goals(s).at(-1)).toBe('-: Skolere tillitsvalgte');
    s = previewReducer(s, { type: 'changeKind', item: 'a1st2', to: 'strategy' });
    expect(texts(s.areas[0]?.strategies)).toEqual(['Bygge klubber', 'Skolere tillitsvalgte']);
    expect(goals(s)).toHaveLength(4);

    s = previewReducer(s, { type: 'changeKind', item: 'a1ng2', to: 'strategy' });
    expect(texts(s.areas[0]?.nationalGoals)).toEqual(['Øke organisasjonsgraden']);
    expect(texts(s.areas[0]?.strategies)).toContain('Flere tillitsvalgte');
    expect(goals(s)).toContain('-: Velge tillitsvalgt på alle arbeidsplasser');
    s = previewReducer(s, { type: 'changeKind', item: 'a1ng2', to: 'nationalGoal' });
    expect(texts(s.areas[0]?.nationalGoals)).toEqual(['Øke organisasjonsgraden', 'Flere tillitsvalgte']);
    expect(texts(s.areas[0]?.strategies)).toEqual(['Bygge klubber', 'Skolere tillitsvalgte']);
  });

  it('makes a goal a strategy, and ignores a change to what it already is or an unknown key', () => {
    const s = run([{ type: 'changeKind', item: 'a1g4', to: 'strategy' }]);
    expect(texts(s.areas[0]?.strategies)).toEqual(['Bygge klubber', 'Skolere tillitsvalgte', 'Holde 4 medlemsmøter per år']);
    expect(goals(s)).toHaveLength(3);
    expect(previewReducer(s, { type: 'changeKind', item: 'a1g1', to: 'goal' })).toBe(s);
    expect(previewReducer(s, { type: 'changeKind', item: 'nope', to: 'goal' })).toBe(s);
  });
});

describe('merging and splitting goals', () => {
  it('merges a goal with the next under the same national goal, reading measure and deadline again', () => {
    const s = run([{ type: 'mergeGoals', goal: 'a1g1' }]);
    const joined = 'Verve 50 nye medlemmer innen juni 2027 på alle sykehjem';
    expect(goals(s)).toEqual([
      `Øke organisasjonsgraden: ${joined}`,
      'Flere tillitsvalgte: Velge tillitsvalgt på alle arbeidsplasser',
      '-: Holde 4 medlemsmøter per år',
    ]);
    expect(s.areas[0]?.goals[0]).toMatchObject({ key: 'a1g1', due: '2027-06', dueAccepted: true, review: null });
    expect(s.areas[0]?.goals[0]?.measure).toEqual(extractMeasure(joined) ?? { value: 50, unit: 'nye medlemmer', per: null });
    expect(extractDue(joined)).toBe('2027-06');
  });

  it('keeps the first goal’s measure (and its choice) when the joined text gives none', () => {
    const state = previewFromDraft({
      ...draft,
      areas: [{ number: 1, title: 'A', nationalGoals: [], strategies: [], localGoals: [{ nationalGoal: null, text: 'Første del', measure: { value: 3, unit: 'kurs', per: null } }, { nationalGoal: null, text: 'andre del' }] }],
    });
    const s = run([{ type: 'acceptMeasure', goal: 'a1g1', accepted: false }, { type: 'mergeGoals', goal: 'a1g1' }], state);
    expect(s.areas[0]?.goals).toHaveLength(1);
    expect(s.areas[0]?.goals[0]).toMatchObject({ text: 'Første del andre del', measure: { value: 3, unit: 'kurs', per: null }, measureAccepted: false });
  });

  it('merges nothing when no goal follows under the same national goal', () => {
    const s = previewFromDraft(draft);
    expect(nextGoal(s.areas[0]!, 'a1g2')).toBeNull();
    expect(nextGoal(s.areas[0]!, 'a1g1')?.key).toBe('a1g2');
    expect(previewReducer(s, { type: 'mergeGoals', goal: 'a1g2' })).toBe(s);
    expect(previewReducer(s, { type: 'mergeGoals', goal: 'a1g4' })).toBe(s);
    expect(previewReducer(s, { type: 'mergeGoals', goal: 'a1ng1' })).toBe(s);
  });

  it('splits a goal into two under the same national goal, each with the figures its text gives', () => {
    let s = run([{ type: 'mergeGoals', goal: 'a1g1' }]);
    const text = s.areas[0]?.goals[0]?.text ?? '';
    s = previewReducer(s, { type: 'splitGoal', goal: 'a1g1', parts: ['Verve 50 nye medlemmer', text.slice('Verve 50 nye medlemmer'.length)] });
    expect(goals(s).slice(0, 2)).toEqual(['Øke organisasjonsgraden: Verve 50 nye medlemmer', 'Øke organisasjonsgraden: innen juni 2027 på alle sykehjem']);
    expect(s.areas[0]?.goals[0]).toMatchObject({ key: 'a1g1', due: null });
    expect(s.areas[0]?.goals[1]).toMatchObject({ key: 'n1', due: '2027-06', measure: null });
    expect(s.nextKey).toBe(2);
  });

  it('gives the goal’s own figures to the first part when neither part names any', () => {
    const state = previewFromDraft({
      ...draft,
      areas: [{ number: 1, title: 'A', nationalGoals: [], strategies: [], localGoals: [{ nationalGoal: null, text: 'Del en. Del to.', due: '2027-03' }] }],
    });
    const s = run([{ type: 'splitGoal', goal: 'a1g1', parts: ['Del en.', 'Del to.'] }], state);
    expect(s.areas[0]?.goals.map((g) => [g.text, g.due])).toEqual([
      ['Del en.', '2027-03'],
      ['Del to.', null],
    ]);
    expect(previewReducer(state, { type: 'splitGoal', goal: 'a1g1', parts: ['Del en.', '  '] })).toBe(state);
  });

  it('offers the sentence boundaries as split points', () => {
    const text = 'Verve 50 medlemmer. Holde kurs: to i året; minst 10 deltakere.';
    expect(splitPoints(text).map((at) => splitAt(text, at))).toEqual([
      ['Verve 50 medlemmer.', 'Holde kurs: to i året; minst 10 deltakere.'],
      ['Verve 50 medlemmer. Holde kurs:', 'to i året; minst 10 deltakere.'],
      ['Verve 50 medlemmer. Holde kurs: to i året;', 'minst 10 deltakere.'],
    ]);
    expect(splitPoints('Ingen grense her')).toEqual([]);
    expect(splitPoints('1.5 millioner')).toEqual([]);
  });
});

describe('areas', () => {
  it('creates an area numbered after the others, renames it and deletes it while empty', () => {
    let s = run([{ type: 'addArea', title: '  Lokalt   arbeid ' }]);
    expect(s.areas.map((a) => [a.key, a.number, a.title])).toEqual([
      ['a1', 1, 'Tariffmakt'],
      ['a2', 2, 'Velferd'],
      ['n1', 3, 'Lokalt arbeid'],
    ]);
    expect(previewReducer(s, { type: 'addArea', title: ' ' })).toBe(s);
    s = previewReducer(s, { type: 'renameArea', area: 'n1', title: 'Lokale saker' });
    expect(s.areas[2]?.title).toBe('Lokale saker');
    expect(previewReducer(s, { type: 'renameArea', area: 'n1', title: '' })).toBe(s);
    expect(previewReducer(s, { type: 'renameArea', area: 'zz', title: 'X' })).toBe(s);

    const withGoal = previewReducer(s, { type: 'moveGoal', goal: 'a1g4', area: 'n1', nationalGoal: null });
    expect(isEmptyArea(withGoal.areas[2]!)).toBe(false);
    expect(previewReducer(withGoal, { type: 'deleteArea', area: 'n1' })).toBe(withGoal);
    s = previewReducer(s, { type: 'deleteArea', area: 'n1' });
    expect(s.areas.map((a) => a.key)).toEqual(['a1', 'a2']);
    // An area with a national goal only is not empty either.
    expect(isEmptyArea(s.areas[1]!)).toBe(false);
  });

  it('keeps the other areas’ numbers when one is deleted', () => {
    const s = run([{ type: 'addArea', title: 'Tre' }, { type: 'addArea', title: 'Fire' }, { type: 'deleteArea', area: 'n1' }, { type: 'addArea', title: 'Fem' }]);
    expect(s.areas.map((a) => [a.number, a.title])).toEqual([
      [1, 'Tariffmakt'],
      [2, 'Velferd'],
      [4, 'Fire'],
      [5, 'Fem'],
    ]);
  });
});

describe('review marks', () => {
  it('marks the goals, national goals and strategies the importer doubted, and counts them', () => {
    const s = previewFromDraft(draft);
    expect(s.areas[0]?.goals.map((g) => g.review)).toEqual([null, 'placement', 'mayBeNational', 'mayBeStrategy']);
    expect(s.areas[0]?.nationalGoals.map((n) => n.review)).toEqual([null, 'notInReference']);
    expect(s.areas[0]?.strategies.map((n) => n.review)).toEqual(['notInReference', null]);
    expect(reviewCount(s)).toBe(5);
  });

  it('clears a mark when the board checks it', () => {
    const s = run([{ type: 'markChecked', item: 'a1g3' }, { type: 'markChecked', item: 'a1ng2' }, { type: 'markChecked', item: 'a1st1' }]);
    expect(reviewCount(s)).toBe(2);
    expect(s.areas[0]?.goals[2]?.review).toBeNull();
    expect(previewReducer(s, { type: 'markChecked', item: 'a1g1' })).toBe(s);
  });

  it('clears a mark when the board edits, moves, changes, merges or splits the item', () => {
    const cases: Array<[PreviewAction, number]> = [
      [{ type: 'editGoalText', goal: 'a1g2', text: 'Ny tekst' }, 4],
      [{ type: 'moveGoal', goal: 'a1g3', area: 'a2', nationalGoal: 'Heltid' }, 4],
      [{ type: 'changeKind', item: 'a1g4', to: 'strategy' }, 4],
      [{ type: 'moveItem', item: 'a1ng2', area: 'a2' }, 4],
      [{ type: 'changeKind', item: 'a1st1', to: 'goal' }, 4],
      [{ type: 'mergeGoals', goal: 'a1g1' }, 4],
      [{ type: 'splitGoal', goal: 'a1g3', parts: ['Velge tillitsvalgt', 'på alle arbeidsplasser'] }, 4],
    ];
    for (const [action, left] of cases) expect(reviewCount(previewReducer(previewFromDraft(draft), action)), action.type).toBe(left);
    // Ticking a measure is not a change of what the goal is.
    expect(reviewCount(run([{ type: 'acceptMeasure', goal: 'a1g4', accepted: false }]))).toBe(5);
  });
});

describe('the union question before saving', () => {
  it('compares union names ignoring case and white space', () => {
    expect(sameUnion('Fagforbundet  Asker ', 'fagforbundet asker')).toBe(true);
    expect(sameUnion('Fagforbundet Asker', 'Fagforbundet Alver')).toBe(false);
  });

  it('asks only when replacing a plan that has another union’s name', () => {
    expect(unionChoice('Fagforbundet Asker', 'Fagforbundet Alver', 'replace')).toEqual({ kind: 'ask', existing: 'Fagforbundet Asker', imported: 'Fagforbundet Alver' });
    expect(unionChoice('Fagforbundet Asker', 'FAGFORBUNDET  ASKER', 'replace')).toEqual({ kind: 'decided' });
    expect(unionChoice('Fagforbundet Asker', 'Fagforbundet Alver', 'merge')).toEqual({ kind: 'decided' });
    expect(unionChoice(null, 'Fagforbundet Alver', 'replace')).toEqual({ kind: 'decided' });
    // A file that names no union keeps the plan's name rather than taking the team's.
    expect(unionChoice('Fagforbundet Asker', null, 'replace')).toEqual({ kind: 'decided', union: 'Fagforbundet Asker' });
  });

  it('saves the chosen name', () => {
    const s = previewFromDraft(draft);
    expect(importInputFrom(s, 'replace', 'i', 'Team').plan.union).toBe('Fagforbundet Test');
    expect(importInputFrom(s, 'replace', 'i', 'Team', 'Fagforbundet Asker').plan.union).toBe('Fagforbundet Asker');
    expect(importInputFrom({ ...s, union: null }, 'replace', 'i', 'Team').plan.union).toBe('Team');
  });
});
