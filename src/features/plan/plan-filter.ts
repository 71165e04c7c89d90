/**
 * Pure helpers of the Plan screen: filtering goals, the search index, and the sort-order
 * changes that moving a goal up or down (or to another national goal) needs. No React, no I/O;
 * unit-tested in tests/unit/plan-filter.test.ts and tests/unit/plan-reorder.test.ts.
 */
import { GOAL_STATUSES, TARIFF_AREAS, ownsGoal, sortByOrder, type Area, type GoalStatus, type LocalGoal, type PersonRef, type TariffArea } from '../../domain/plan';
import type { PlanViewFilter } from '../../lib/navigation';

/** Filter value for "goals without an owner" (owner filter) or "without a bargaining area". */
export const NONE = '__none__';

export interface GoalFilter {
  /** An owner's Entra id (goals they own, alone or with others), NONE for goals without an owner, '' for any. */
  readonly owner: string;
  /** Effective status (the board's or the derived one), '' for any. */
  readonly status: GoalStatus | '';
  /** Area id, '' for any. */
  readonly areaId: string;
  /** Bargaining area, NONE for goals without one, '' for any. */
  readonly tariffArea: TariffArea | typeof NONE | '';
  /** Free text, matched case- and accent-insensitively against the goal's words. */
  readonly query: string;
}

export const EMPTY_FILTER: GoalFilter = { owner: '', status: '', areaId: '', tariffArea: '', query: '' };

export function isFilterActive(filter: GoalFilter): boolean {
  return filter.owner !== '' || filter.status !== '' || filter.areaId !== '' || filter.tariffArea !== '' || filter.query.trim() !== '';
}

/** How many filters are set (the search counting as one): the number on the narrow screen's 'Filters (n)' button. */
export function activeFilterCount(filter: GoalFilter): number {
  return [filter.owner !== '', filter.status !== '', filter.areaId !== '', filter.tariffArea !== '', filter.query.trim() !== ''].filter(Boolean).length;
}

/**
 * The filter a link into the plan asks for (lib/navigation.ts PlanViewFilter, e.g. from the
 * overview's area rows); a status or bargaining area the plan does not know is ignored, never guessed.
 */
export function filterFromView(view: PlanViewFilter | undefined): GoalFilter {
  if (!view) return EMPTY_FILTER;
  const status = (GOAL_STATUSES as readonly string[]).includes(view.status ?? '') ? (view.status as GoalStatus) : '';
  const tariff = view.tariff === NONE || (TARIFF_AREAS as readonly string[]).includes(view.tariff ?? '') ? (view.tariff as TariffArea | typeof NONE) : '';
  return { owner: view.owner ?? '', status, areaId: view.area ?? '', tariffArea: tariff, query: '' };
}

/** The part of a filter a link into the plan carries (not the free text). */
export function viewFromFilter(filter: GoalFilter): PlanViewFilter {
  const view: { area?: string; status?: string; owner?: string; tariff?: string } = {};
  if (filter.areaId) view.area = filter.areaId;
  if (filter.status) view.status = filter.status;
  if (filter.owner) view.owner = filter.owner;
  if (filter.tariffArea) view.tariff = filter.tariffArea;
  return view;
}

/** Lower-cases and strips accents (but keeps æ, ø, å as they are letters of their own). */
export function normalizeText(text: string): string {
  return text
    .toLocaleLowerCase('nb')
    .normalize('NFD')
    .replace(/[\u0300-\u0302\u0304-\u0309\u030b-\u036f]/g, '')
    .normalize('NFC');
}

/** What free-text search looks at for each goal: its text, national goal, owner and unit. */
export function buildSearchIndex(goals: readonly LocalGoal[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const goal of goals) {
    index.set(goal.id, normalizeText([goal.text, goal.nationalGoal ?? '', goal.owners.map((o) => o.displayName).join(' '), goal.measure?.unit ?? ''].join('\n')));
  }
  return index;
}

/**
 * The goals that match every active filter, in their given order. `statusOf` gives a goal's
 * effective status (memoised by the caller); `searchIndex` comes from buildSearchIndex. Every
 * word of the query must occur.
 */
export function filterGoals(
  goals: readonly LocalGoal[],
  filter: GoalFilter,
  statusOf: (goal: LocalGoal) => GoalStatus,
  searchIndex?: ReadonlyMap<string, string>,
): LocalGoal[] {
  const words = normalizeText(filter.query).split(/\s+/).filter(Boolean);
  return goals.filter((goal) => {
    if (filter.areaId && goal.areaId !== filter.areaId) return false;
    if (filter.owner === NONE && goal.owners.length > 0) return false;
    if (filter.owner && filter.owner !== NONE && !ownsGoal(goal, filter.owner)) return false;
    if (filter.tariffArea && (goal.tariffArea ?? NONE) !== filter.tariffArea) return false;
    if (filter.status && statusOf(goal) !== filter.status) return false;
    if (words.length > 0) {
      const haystack = searchIndex?.get(goal.id) ?? buildSearchIndex([goal]).get(goal.id) ?? '';
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  });
}

/** The distinct owners of the goals, sorted by name, for the owner filter. */
export function ownersOf(goals: readonly LocalGoal[]): PersonRef[] {
  const byId = new Map<string, PersonRef>();
  for (const goal of goals) for (const owner of goal.owners) if (!byId.has(owner.id)) byId.set(owner.id, owner);
  return [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'nb'));
}

export interface SortOrderUpdate {
  readonly id: string;
  readonly sortOrder: number;
  /** The eTag the goal had when the move was computed (sent as If-Match). */
  readonly etag: string | null;
}

/** The goals that share a goal's place: same area and same national goal, in display order. */
export function siblingsOf(goal: LocalGoal, goals: readonly LocalGoal[]): LocalGoal[] {
  return sortByOrder(goals.filter((g) => g.areaId === goal.areaId && g.nationalGoal === goal.nationalGoal));
}

/**
 * The sort-order writes that move a goal one place up or down among its siblings. Normally the
 * two neighbours swap their sortOrder (two writes). When they share a sortOrder (a list edited
 * by hand), a swap would change nothing, so the siblings are numbered afresh in the new order
 * and every sibling whose sortOrder changes is written. Returns [] when the goal cannot move.
 */
export function moveUpdates(goalId: string, direction: 'up' | 'down', goals: readonly LocalGoal[]): SortOrderUpdate[] {
  const goal = goals.find((g) => g.id === goalId);
  if (!goal) return [];
  const siblings = siblingsOf(goal, goals);
  const index = siblings.findIndex((g) => g.id === goalId);
  const otherIndex = direction === 'up' ? index - 1 : index + 1;
  const other = siblings[otherIndex];
  if (!other) return [];
  if (other.sortOrder !== goal.sortOrder) {
    return [
      { id: goal.id, sortOrder: other.sortOrder, etag: goal.etag ?? null },
      { id: other.id, sortOrder: goal.sortOrder, etag: other.etag ?? null },
    ];
  }
  const order = [...siblings];
  order[index] = other;
  order[otherIndex] = goal;
  // Each goal keeps its value when it already sorts after the previous one, else takes previous + 1.
  const updates: SortOrderUpdate[] = [];
  let previous = -Infinity;
  for (const g of order) {
    const value = g.sortOrder > previous ? g.sortOrder : Math.floor(previous) + 1;
    if (value !== g.sortOrder) updates.push({ id: g.id, sortOrder: value, etag: g.etag ?? null });
    previous = value;
  }
  return updates;
}

/** A sortOrder after every goal of the plan: where a new or moved goal goes. */
export function nextSortOrder(goals: readonly LocalGoal[]): number {
  return goals.reduce((max, g) => Math.max(max, g.sortOrder), 0) + 1;
}

/** Applies sort-order updates to a list of goals (for an optimistic view). */
export function applySortOrders(goals: readonly LocalGoal[], updates: readonly SortOrderUpdate[]): LocalGoal[] {
  const byId = new Map(updates.map((u) => [u.id, u.sortOrder]));
  return goals.map((g) => (byId.has(g.id) ? { ...g, sortOrder: byId.get(g.id) as number } : g));
}

/** The national goals a goal in an area may stand under (for the editor's choices). */
export function nationalGoalChoices(area: Area | undefined, current: string | null): string[] {
  const choices = [...(area?.nationalGoals ?? [])];
  if (current !== null && area && !choices.includes(current)) choices.push(current);
  return choices;
}
