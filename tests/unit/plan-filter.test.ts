import { describe, expect, it } from 'vitest';
import { makeGoal } from '../support/factories';
import type { GoalStatus, LocalGoal } from '../../src/domain/plan';
import { EMPTY_FILTER, NONE, buildSearchIndex, filterGoals, isFilterActive, normalizeText, ownersOf } from '../../src/features/plan/plan-filter';

const goal = (id: string, overrides: Partial<LocalGoal> = {}): LocalGoal => makeGoal(id, overrides);

const kari = { id: '9eac2ecf-d749-5b51-ab14-7dcdf3193713', displayName: 'Kari Eide', email: 'kari.eide@fagforbundet.example' };
const ola = { id: '62aa6ed1-425b-56f2-8ed7-3664e9fd7083', displayName: 'Ola Nesse', email: null };
const randi = { id: 'b7d3c0a2-5e41-5f7a-9c2e-3a1d4f6b8e90', displayName: 'Randi Kvam', email: 'randi.kvam@gmail.example' };

const goals = [
  goal('1', { text: 'Verve 125 nye medlemmer', owners: [kari], tariffArea: 'KS', areaId: 'a1' }),
  goal('2', { text: 'Fire medlemsmøter i året', owners: [ola], tariffArea: 'Spekter', areaId: 'a2', nationalGoal: 'Økt organisasjonsgrad' }),
  goal('3', { text: 'Streikekomité på plass', owners: [], areaId: 'a2' }),
  goal('4', { text: 'Besøke arbeidsplassene på sykehjem', owners: [randi, kari], tariffArea: 'KS', areaId: 'a3' }),
];
const status: Record<string, GoalStatus> = { '1': 'onTrack', '2': 'behind', '3': 'done', '4': 'behind' };
const statusOf = (g: LocalGoal) => status[g.id] as GoalStatus;
const ids = (list: LocalGoal[]) => list.map((g) => g.id);

describe('filterGoals', () => {
  it('returns every goal in order when no filter is set', () => {
    expect(ids(filterGoals(goals, EMPTY_FILTER, statusOf))).toEqual(['1', '2', '3', '4']);
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
  });

  it('filters by owner id (a goal with two owners is each one\'s), and goals without an owner', () => {
    expect(ids(filterGoals(goals, { ...EMPTY_FILTER, owner: kari.id }, statusOf))).toEqual(['1', '4']);
    expect(ids(filterGoals(goals, { ...EMPTY_FILTER, owner: randi.id }, statusOf))).toEqual(['4']);
    expect(ids(filterGoals(goals, { ...EMPTY_FILTER, owner: NONE }, statusOf))).toEqual(['3']);
    // E-mail is never a key: filtering by it finds nothing.
    expect(ids(filterGoals(goals, { ...EMPTY_FILTER, owner: 'kari.eide@fagforbundet.example' }, statusOf))).toEqual([]);
  });

  it('filters by effective status, area and bargaining area, all combined', () => {
    expect(ids(filterGoals(goals, { ...EMPTY_FILTER, status: 'behind' }, statusOf))).toEqual(['2', '4']);
    expect(ids(filterGoals(goals, { ...EMPTY_FILTER, areaId: 'a2' }, statusOf))).toEqual(['2', '3']);
    expect(ids(filterGoals(goals, { ...EMPTY_FILTER, tariffArea: 'KS' }, statusOf))).toEqual(['1', '4']);
    expect(ids(filterGoals(goals, { ...EMPTY_FILTER, tariffArea: NONE }, statusOf))).toEqual(['3']);
    const combined = { ...EMPTY_FILTER, status: 'behind', tariffArea: 'KS', owner: kari.id } as const;
    expect(ids(filterGoals(goals, combined, statusOf))).toEqual(['4']);
    expect(isFilterActive(combined)).toBe(true);
  });

  it('searches every word in text, national goal and owner name, ignoring case and accents', () => {
    const index = buildSearchIndex(goals);
    expect(ids(filterGoals(goals, { ...EMPTY_FILTER, query: 'MEDLEM' }, statusOf, index))).toEqual(['1', '2']);
    expect(ids(filterGoals(goals, { ...EMPTY_FILTER, query: 'ola møter' }, statusOf, index))).toEqual(['2']);
    expect(ids(filterGoals(goals, { ...EMPTY_FILTER, query: 'organisasjonsgrad' }, statusOf, index))).toEqual(['2']);
    expect(ids(filterGoals(goals, { ...EMPTY_FILTER, query: 'streikekomite' }, statusOf, index))).toEqual(['3']);
    expect(ids(filterGoals(goals, { ...EMPTY_FILTER, query: '  ' }, statusOf, index))).toEqual(['1', '2', '3', '4']);
    expect(ids(filterGoals(goals, { ...EMPTY_FILTER, query: 'kari sykehjem' }, statusOf))).toEqual(['4']);
    expect(filterGoals(goals, { ...EMPTY_FILTER, query: 'finnes ikke' }, statusOf, index)).toEqual([]);
  });

  it('keeps æ, ø and å distinct from a, o', () => {
    expect(normalizeText('Økt Æ Å é')).toBe('økt æ å e');
    const index = buildSearchIndex(goals);
    expect(ids(filterGoals(goals, { ...EMPTY_FILTER, query: 'okt' }, statusOf, index))).toEqual([]);
  });

  it('filters a plan of 300 goals by owner and query', () => {
    const many = Array.from({ length: 300 }, (_, i) => goal(String(i + 1), { text: `Mål nummer ${i + 1} om verving`, owners: i % 2 ? [kari] : [ola] }));
    const index = buildSearchIndex(many);
    const result = filterGoals(many, { ...EMPTY_FILTER, query: 'nummer 29', owner: ola.id }, () => 'onTrack', index);
    expect(ids(result)).toEqual(['29', '129', '229', '291', '293', '295', '297', '299']);
  });
});

describe('ownersOf', () => {
  it('lists distinct owners sorted by name', () => {
    expect(ownersOf(goals)).toEqual([kari, ola, randi]);
  });
});
