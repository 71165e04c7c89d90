/**
 * The plan table's model (issue 14): sorting by each column (goals without a value last in both
 * directions, ties in the plan's order), grouping (by owner a goal with several owners is under
 * each; by deadline month; the group without a value last), the view preferences read
 * defensively, and links into the plan with filters.
 */
import { describe, expect, it } from 'vitest';
import type { Area, GoalStatus, LocalGoal } from '../../src/domain/plan';
import type { GoalProgress } from '../../src/domain/progress';
import {
  DEFAULT_PREFS,
  TABLE_COLUMNS,
  buildTable,
  dueMonth,
  parsePrefs,
  prefsStorageKey,
  serializePrefs,
  sortRows,
  tableGoals,
  type TableGoal,
} from '../../src/features/plan/table/table-model';
import { EMPTY_FILTER, activeFilterCount, filterFromView, viewFromFilter } from '../../src/features/plan/plan-filter';
import { parseTabView, subPageIdFor, tabViewHash, viewFromSubPage } from '../../src/lib/navigation';
import { makeGoal } from '../support/factories';

const area = (id: string, number: number, title: string): Area => ({ id, planId: 'p', number, title, nationalGoals: [], strategies: [] });
const AREAS = [area('a1', 1, 'Organisering'), area('a2', 2, 'Lønn'), area('a3', 3, 'Arbeidsmiljø')];

const kari = { id: 'k', displayName: 'Kari Eide', email: null };
const ola = { id: 'o', displayName: 'Ola Nesse', email: null };
const aase = { id: 'aa', displayName: 'Åse Lund', email: null };

function progress(status: GoalStatus, fraction = 0, credit: number | null = null): GoalProgress {
  return {
    fraction,
    expected: 0,
    derivedStatus: status,
    status,
    boardSet: false,
    overdue: false,
    current: null,
    target: null,
    recurring: null,
    lastCheckIn: null,
    start: '2026-01-01',
    credit,
    reason: { kind: 'noReport', deadline: null },
  };
}

function row(goal: LocalGoal, status: GoalStatus = 'onTrack', fraction = 0, credit: number | null = null): TableGoal {
  return { goal, progress: progress(status, fraction, credit), area: AREAS.find((a) => a.id === goal.areaId) ?? null };
}

const ROWS: TableGoal[] = [
  row(makeGoal('1', { text: 'verve 40', areaId: 'a2', owners: [ola], due: '2027-06', tariffArea: 'Spekter', sortOrder: 1 }), 'behind', 0.2),
  row(makeGoal('2', { text: 'Årsmøte', areaId: 'a1', owners: [kari, ola], due: '2026-03-15', tariffArea: 'KS', sortOrder: 2 }), 'done', 1),
  row(makeGoal('3', { text: 'Besøk', areaId: 'a1', owners: [], due: null, sortOrder: 1 }), 'notStarted', 0, 0.5),
  row(makeGoal('4', { text: 'avtale', areaId: 'gone', owners: [aase], due: '2026-03', tariffArea: null, sortOrder: 1 }), 'atRisk', 0.5),
  row(makeGoal('5', { text: 'Kurs', areaId: 'a3', owners: [kari], due: '2026-03-31', tariffArea: 'KS', sortOrder: 1 }), 'onTrack', 0.7),
];
const ids = (rows: readonly TableGoal[]) => rows.map((r) => r.goal.id);

describe('sortRows', () => {
  it('sorts by due date with goals without one last, in both directions; a month counts as its last day', () => {
    // 2026-03 (→ 31 March) ties with 2026-03-31: the plan's order (area 3 before the unplaced goal) decides.
    expect(ids(sortRows(ROWS, { column: 'due', direction: 'ascending' }))).toEqual(['2', '5', '4', '1', '3']);
    expect(ids(sortRows(ROWS, { column: 'due', direction: 'descending' }))).toEqual(['1', '5', '4', '2', '3']);
  });

  it('sorts goal texts as the language does (Å after Z, case ignored)', () => {
    expect(ids(sortRows(ROWS, { column: 'goal', direction: 'ascending' }))).toEqual(['4', '3', '5', '1', '2']);
    expect(ids(sortRows(ROWS, { column: 'goal', direction: 'descending' }))).toEqual(['2', '1', '5', '3', '4']);
  });

  it('sorts by area number then place, the goal whose area is gone last', () => {
    expect(ids(sortRows(ROWS, { column: 'area', direction: 'ascending' }))).toEqual(['3', '2', '1', '5', '4']);
    expect(ids(sortRows(ROWS, { column: 'area', direction: 'descending' }))).toEqual(['5', '1', '3', '2', '4']);
  });

  it('sorts by owners’ names, goals without an owner last', () => {
    // Kari alone before Kari and Ola; then Ola, then Åse (å last in Norwegian).
    expect(ids(sortRows(ROWS, { column: 'owners', direction: 'ascending' }))).toEqual(['5', '2', '1', '4', '3']);
    expect(ids(sortRows(ROWS, { column: 'owners', direction: 'descending' }))).toEqual(['4', '1', '2', '5', '3']);
  });

  it('sorts by status from the most urgent, by progress (a milestone under way as ½), by bargaining area with none last', () => {
    expect(ids(sortRows(ROWS, { column: 'status', direction: 'ascending' }))).toEqual(['1', '4', '3', '5', '2']);
    expect(ids(sortRows(ROWS, { column: 'progress', direction: 'ascending' }))).toEqual(['1', '3', '4', '5', '2']);
    expect(ids(sortRows(ROWS, { column: 'tariff', direction: 'ascending' }))).toEqual(['2', '5', '1', '3', '4']);
    expect(ids(sortRows(ROWS, { column: 'tariff', direction: 'descending' }))).toEqual(['1', '2', '5', '3', '4']);
  });

  it('has a rule for every column and leaves its input alone', () => {
    const before = ids(ROWS);
    for (const column of TABLE_COLUMNS) {
      for (const direction of ['ascending', 'descending'] as const) expect(sortRows(ROWS, { column, direction })).toHaveLength(ROWS.length);
    }
    expect(ids(ROWS)).toEqual(before);
  });
});

describe('buildTable', () => {
  const byDue = { column: 'due', direction: 'ascending' } as const;

  it('without grouping gives one group with every row, sorted', () => {
    const groups = buildTable(ROWS, byDue, 'none');
    expect(groups).toHaveLength(1);
    expect(ids(groups[0]?.rows ?? [])).toEqual(['2', '5', '4', '1', '3']);
  });

  it('by owner puts a goal with several owners under each of them, people by name, no owner last', () => {
    const groups = buildTable(ROWS, byDue, 'owner');
    expect(groups.map((g) => (g.value.by === 'owner' ? (g.value.owner?.displayName ?? null) : 'x'))).toEqual(['Kari Eide', 'Ola Nesse', 'Åse Lund', null]);
    expect(groups.map((g) => ids(g.rows))).toEqual([['2', '5'], ['2', '1'], ['4'], ['3']]);
    // The rows add up to more than the goals: goal 2 has two owners.
    expect(groups.reduce((n, g) => n + g.rows.length, 0)).toBe(ROWS.length + 1);
    expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
  });

  it('by an owner listed twice gives one row', () => {
    const twice = [row(makeGoal('9', { owners: [kari, kari] }))];
    expect(buildTable(twice, byDue, 'owner').map((g) => ids(g.rows))).toEqual([['9']]);
  });

  it('by due month gathers days and whole months of a month, in time, no deadline last', () => {
    const groups = buildTable(ROWS, byDue, 'dueMonth');
    expect(groups.map((g) => (g.value.by === 'dueMonth' ? g.value.month : 'x'))).toEqual(['2026-03', '2027-06', null]);
    expect(groups.map((g) => ids(g.rows))).toEqual([['2', '5', '4'], ['1'], ['3']]);
    // Sorted by due date descending, the months turn around too; no deadline stays last.
    const down = buildTable(ROWS, { column: 'due', direction: 'descending' }, 'dueMonth');
    expect(down.map((g) => (g.value.by === 'dueMonth' ? g.value.month : 'x'))).toEqual(['2027-06', '2026-03', null]);
  });

  it('by status from the most urgent, by area in number order (gone last), by bargaining area (none last)', () => {
    expect(buildTable(ROWS, byDue, 'status').map((g) => g.key)).toEqual(['status:behind', 'status:atRisk', 'status:notStarted', 'status:onTrack', 'status:done']);
    expect(buildTable(ROWS, byDue, 'area').map((g) => g.key)).toEqual(['area:a1', 'area:a2', 'area:a3', 'area:']);
    expect(buildTable(ROWS, byDue, 'tariff').map((g) => [g.key, ids(g.rows)])).toEqual([
      ['tariff:KS', ['2', '5']],
      ['tariff:Spekter', ['1']],
      ['tariff:', ['4', '3']],
    ]);
  });

  it('rows of goals come from the shown goals with their progress and area', () => {
    const goals = ROWS.map((r) => r.goal);
    const map = new Map(ROWS.map((r) => [r.goal.id, r.progress]));
    const rows = tableGoals(goals, map, AREAS);
    expect(rows.map((r) => r.area?.id ?? null)).toEqual(['a2', 'a1', 'a1', null, 'a3']);
  });

  it('reads a deadline’s month, and nothing from one that is not a date', () => {
    expect(dueMonth('2027-06-30')).toBe('2027-06');
    expect(dueMonth('2027-06')).toBe('2027-06');
    expect(dueMonth('2027-13')).toBeNull();
    expect(dueMonth('juni')).toBeNull();
    expect(dueMonth(null)).toBeNull();
  });
});

describe('remembered preferences', () => {
  it('are kept per person under their Entra id, and read back as stored', () => {
    expect(prefsStorageKey('62aa6ed1-425b')).toBe('handlingsplan.planView.v1:62aa6ed1-425b');
    const prefs = { view: 'table', sort: { column: 'due', direction: 'descending' }, groupBy: 'owner' } as const;
    expect(parsePrefs(serializePrefs(prefs))).toEqual(prefs);
  });

  it('store only the view choices, nothing else that was handed in', () => {
    const stored = JSON.parse(serializePrefs({ ...DEFAULT_PREFS, extra: 'Kari Eide' } as typeof DEFAULT_PREFS)) as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(['groupBy', 'sort', 'view']);
  });

  it('fall back field by field on anything unknown, broken or missing', () => {
    expect(parsePrefs(null)).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('')).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('{not json')).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('[]')).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('"table"')).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('null')).toEqual(DEFAULT_PREFS);
    expect(parsePrefs(JSON.stringify({ view: 'table', sort: { column: 'nope', direction: 'sideways' }, groupBy: 42 }))).toEqual({ ...DEFAULT_PREFS, view: 'table' });
    expect(parsePrefs(JSON.stringify({ view: 'kanban', sort: 'due', groupBy: 'status' }))).toEqual({ ...DEFAULT_PREFS, groupBy: 'status' });
    expect(parsePrefs(JSON.stringify({ sort: { column: 'due' } }))).toEqual({ ...DEFAULT_PREFS, sort: { column: 'due', direction: 'ascending' } });
    expect(parsePrefs(JSON.stringify({ view: '__proto__', groupBy: 'constructor' }))).toEqual(DEFAULT_PREFS);
  });
});

describe('links into the filtered plan', () => {
  it('carry area and status in the address and the deep link, and read back', () => {
    const view = { name: 'plan', filter: { area: '12', status: 'behind' } } as const;
    expect(tabViewHash(view)).toBe('#/tab/plan?area=12&status=behind');
    expect(parseTabView(tabViewHash(view))).toEqual(view);
    expect(subPageIdFor(view)).toBe('plan?area=12&status=behind');
    expect(viewFromSubPage(subPageIdFor(view))).toEqual(view);
    expect(tabViewHash({ name: 'plan', filter: {} })).toBe('#/tab/plan');
    expect(parseTabView('#/tab/plan?colour=red')).toEqual({ name: 'plan' });
    expect(parseTabView('#/tab/plan?area=a%26b')).toEqual({ name: 'plan', filter: { area: 'a&b' } });
  });

  it('become the plan’s filter, ignoring a status or bargaining area the plan does not know', () => {
    expect(filterFromView({ area: '12', status: 'behind' })).toEqual({ ...EMPTY_FILTER, areaId: '12', status: 'behind' });
    expect(filterFromView({ status: 'lost', tariff: 'Mars' })).toEqual(EMPTY_FILTER);
    expect(filterFromView({ tariff: '__none__', owner: 'k' })).toEqual({ ...EMPTY_FILTER, tariffArea: '__none__', owner: 'k' });
    expect(filterFromView(undefined)).toEqual(EMPTY_FILTER);
    expect(viewFromFilter({ ...EMPTY_FILTER, areaId: '12', status: 'done', query: 'verve' })).toEqual({ area: '12', status: 'done' });
  });

  it('count the filters set for the narrow screen’s button', () => {
    expect(activeFilterCount(EMPTY_FILTER)).toBe(0);
    expect(activeFilterCount({ ...EMPTY_FILTER, status: 'behind', query: '  ' })).toBe(1);
    expect(activeFilterCount({ owner: 'k', status: 'behind', areaId: 'a1', tariffArea: 'KS', query: 'x' })).toBe(5);
  });
});
