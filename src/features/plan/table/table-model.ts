/**
 * The plan table's model (issue 14), pure: which rows in which order, under which group headers,
 * and the per-user view preferences as they are remembered. No React, no I/O; unit-tested in
 * tests/unit/plan-table-model.test.ts.
 */
import { TARIFF_AREAS, type Area, type GoalStatus, type LocalGoal, type PersonRef, type TariffArea } from '../../../domain/plan';
import { compareIds, deadlineDay, type GoalProgress } from '../../../domain/progress';

export type TableColumnId = 'goal' | 'area' | 'owners' | 'status' | 'progress' | 'due' | 'tariff';
export const TABLE_COLUMNS: readonly TableColumnId[] = ['goal', 'area', 'owners', 'status', 'progress', 'due', 'tariff'];

export type GroupBy = 'none' | 'area' | 'owner' | 'status' | 'dueMonth' | 'tariff';
export const GROUP_BYS: readonly GroupBy[] = ['none', 'area', 'owner', 'status', 'dueMonth', 'tariff'];

export type SortDirection = 'ascending' | 'descending';

export interface TableSort {
  readonly column: TableColumnId;
  readonly direction: SortDirection;
}

export type PlanViewMode = 'cards' | 'table';
export const VIEW_MODES: readonly PlanViewMode[] = ['cards', 'table'];

/** What the Plan screen remembers for a user: how they like to look at the plan, never plan data. */
export interface PlanViewPrefs {
  readonly view: PlanViewMode;
  readonly sort: TableSort;
  readonly groupBy: GroupBy;
}

export const DEFAULT_PREFS: PlanViewPrefs = { view: 'cards', sort: { column: 'area', direction: 'ascending' }, groupBy: 'none' };

/**
 * Statuses from the most to the least urgent: sorting by status ascending (and grouping by it)
 * puts what the board must talk about first.
 */
export const STATUS_URGENCY: readonly GoalStatus[] = ['behind', 'atRisk', 'notStarted', 'onTrack', 'done'];

/** One goal as a row: the goal, its progress (planProgress) and its area (null when the area is gone). */
export interface TableGoal {
  readonly goal: LocalGoal;
  readonly progress: GoalProgress;
  readonly area: Area | null;
}

/** What a group gathers: its header names it. A null value is the group of goals without one. */
export type GroupValue =
  | { readonly by: 'none' }
  | { readonly by: 'area'; readonly area: Area | null }
  | { readonly by: 'owner'; readonly owner: PersonRef | null }
  | { readonly by: 'status'; readonly status: GoalStatus }
  | { readonly by: 'dueMonth'; readonly month: string | null }
  | { readonly by: 'tariff'; readonly tariff: TariffArea | null };

export interface TableGroup {
  /** Unique within the table; part of each row's key (a goal with several owners has a row in several groups). */
  readonly key: string;
  readonly value: GroupValue;
  readonly rows: readonly TableGoal[];
}

const TEXT = new Map<string, Intl.Collator>();
function collatorFor(locale: string): Intl.Collator {
  let collator = TEXT.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    TEXT.set(locale, collator);
  }
  return collator;
}

/** A person's name as sorted and shown: the name, else the e-mail; '' when neither (sorted last). */
export const personSortName = (person: PersonRef): string => person.displayName.trim() || person.email?.trim() || '';

/** The month (YYYY-MM) of a deadline, or null for none or one that is not a date. */
export function dueMonth(due: string | null): string | null {
  const match = due ? /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(due) : null;
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? `${match[1]}-${match[2]}` : null;
}

/** The last day a goal's deadline allows, for sorting; null for none or one that is not a date. */
function dueKey(due: string | null): string | null {
  return dueMonth(due) === null || !due ? null : deadlineDay(due);
}

/** How far a goal has come for sorting: its share of the way, a milestone under way counting ½. */
export function progressValue(progress: GoalProgress): number {
  return Math.max(progress.fraction, progress.credit ?? 0);
}

/** A value to sort by (a list: name by name); null sorts last whatever the direction. */
type SortValue = string | number | readonly string[] | null;

function compareValues(a: SortValue, b: SortValue, collator: Intl.Collator): number {
  if (a === null || b === null) return 0;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = collator.compare(a[i] as string, b[i] as string);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  return collator.compare(String(a), String(b));
}

const areaNumber = (row: TableGoal) => row.area?.number ?? Number.POSITIVE_INFINITY;

function sortValue(row: TableGoal, column: TableColumnId): SortValue {
  switch (column) {
    case 'goal':
      return row.goal.text.trim();
    case 'area':
      return row.area ? row.area.number : null;
    case 'owners': {
      const names = row.goal.owners.map(personSortName).filter(Boolean);
      return names.length > 0 ? names : null;
    }
    case 'status':
      return STATUS_URGENCY.indexOf(row.progress.status);
    case 'progress':
      return progressValue(row.progress);
    case 'due':
      return dueKey(row.goal.due);
    case 'tariff':
      return row.goal.tariffArea ? TARIFF_AREAS.indexOf(row.goal.tariffArea) : null;
  }
}

/** The plan's own order: area, then the goal's place in it, then its id. Breaks every tie. */
function planOrder(a: TableGoal, b: TableGoal): number {
  return areaNumber(a) - areaNumber(b) || a.goal.sortOrder - b.goal.sortOrder || compareIds(a.goal.id, b.goal.id);
}

/**
 * Rows sorted by a column: goals without a value (no owner, no deadline, no bargaining area, no
 * area) last in both directions; ties in the plan's own order. Returns a new array.
 */
export function sortRows(rows: readonly TableGoal[], sort: TableSort, locale = 'nb'): TableGoal[] {
  const collator = collatorFor(locale);
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, value: sortValue(row, sort.column) }));
  keyed.sort((a, b) => {
    if (a.value === null && b.value !== null) return 1;
    if (b.value === null && a.value !== null) return -1;
    return sign * compareValues(a.value, b.value, collator) || planOrder(a.row, b.row);
  });
  return keyed.map((k) => k.row);
}

interface Bucket {
  readonly key: string;
  readonly value: GroupValue;
  /** Where the group goes among the others; null (the group without a value) last. */
  readonly order: SortValue;
  readonly rows: TableGoal[];
}

/** The groups a row belongs to: one, except by owner, where a goal with several owners is in each one's group. */
function bucketsOf(row: TableGoal, by: Exclude<GroupBy, 'none'>): Array<Omit<Bucket, 'rows'>> {
  switch (by) {
    case 'area':
      return [{ key: `area:${row.area?.id ?? ''}`, value: { by, area: row.area }, order: row.area ? row.area.number : null }];
    case 'owner': {
      if (row.goal.owners.length === 0) return [{ key: 'owner:', value: { by, owner: null }, order: null }];
      // One row per owner; an owner listed twice (a list edited by hand) still gives one.
      const owners = [...new Map(row.goal.owners.map((o) => [o.id, o])).values()];
      return owners.map((owner) => ({ key: `owner:${owner.id}`, value: { by, owner }, order: [personSortName(owner) || '\uffff', owner.id] }));
    }
    case 'status':
      return [{ key: `status:${row.progress.status}`, value: { by, status: row.progress.status }, order: STATUS_URGENCY.indexOf(row.progress.status) }];
    case 'dueMonth': {
      const month = dueMonth(row.goal.due);
      return [{ key: `due:${month ?? ''}`, value: { by, month }, order: month }];
    }
    case 'tariff': {
      const tariff = row.goal.tariffArea;
      return [{ key: `tariff:${tariff ?? ''}`, value: { by, tariff }, order: tariff ? TARIFF_AREAS.indexOf(tariff) : null }];
    }
  }
}

/** Which column's order a grouping follows: sorting by that column also turns the groups around. */
const GROUP_COLUMN: Readonly<Record<Exclude<GroupBy, 'none'>, TableColumnId>> = { area: 'area', owner: 'owners', status: 'status', dueMonth: 'due', tariff: 'tariff' };

/**
 * The table: rows sorted, then gathered into groups (in their natural order: area number, owner
 * name, urgency, month, bargaining area; the group without a value last; reversed when sorted
 * by the grouping's own column descending). Without grouping, one group holds every row. By owner,
 * a goal with several owners appears under each of them, so the groups' counts may add up to
 * more than the goals shown.
 */
export function buildTable(rows: readonly TableGoal[], sort: TableSort, groupBy: GroupBy, locale = 'nb'): TableGroup[] {
  const sorted = sortRows(rows, sort, locale);
  if (groupBy === 'none') return [{ key: 'all', value: { by: 'none' }, rows: sorted }];
  const buckets = new Map<string, Bucket>();
  for (const row of sorted) {
    for (const b of bucketsOf(row, groupBy)) {
      const bucket = buckets.get(b.key);
      if (bucket) bucket.rows.push(row);
      else buckets.set(b.key, { ...b, rows: [row] });
    }
  }
  const collator = collatorFor(locale);
  const sign = GROUP_COLUMN[groupBy] === sort.column && sort.direction === 'descending' ? -1 : 1;
  return [...buckets.values()]
    .sort((a, b) => {
      if (a.order === null) return b.order === null ? 0 : 1;
      if (b.order === null) return -1;
      return sign * compareValues(a.order, b.order, collator);
    })
    .map(({ key, value, rows: list }) => ({ key, value, rows: list }));
}

/** The rows of the shown goals, in the plan's order (the input of buildTable). */
export function tableGoals(goals: readonly LocalGoal[], progress: ReadonlyMap<string, GoalProgress>, areas: readonly Area[]): TableGoal[] {
  const byId = new Map(areas.map((a) => [a.id, a]));
  const rows: TableGoal[] = [];
  for (const goal of goals) {
    const p = progress.get(goal.id);
    if (p) rows.push({ goal, progress: p, area: byId.get(goal.areaId) ?? null });
  }
  return rows;
}

// ---- Remembered preferences -------------------------------------------------------------------

/**
 * The key the preferences are kept under in the browser's localStorage: per signed-in person (their
 * Entra object id, never a name or e-mail), so two people sharing a browser keep their own view.
 */
export function prefsStorageKey(userId: string): string {
  return `handlingsplan.planView.v1:${userId}`;
}

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads stored preferences defensively: whatever is missing, unknown or not what it should be
 * (hand-edited storage, an older or newer version) falls back to its default, field by field.
 */
export function parsePrefs(raw: string | null | undefined): PlanViewPrefs {
  if (!raw) return DEFAULT_PREFS;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return DEFAULT_PREFS;
  }
  if (!isRecord(data)) return DEFAULT_PREFS;
  const sort = isRecord(data.sort) ? data.sort : {};
  return {
    view: isOneOf(VIEW_MODES, data.view) ? data.view : DEFAULT_PREFS.view,
    sort: {
      column: isOneOf(TABLE_COLUMNS, sort.column) ? sort.column : DEFAULT_PREFS.sort.column,
      direction: isOneOf<SortDirection>(['ascending', 'descending'], sort.direction) ? sort.direction : DEFAULT_PREFS.sort.direction,
    },
    groupBy: isOneOf(GROUP_BYS, data.groupBy) ? data.groupBy : DEFAULT_PREFS.groupBy,
  };
}

/** The preferences as stored: only these three UI choices. */
export function serializePrefs(prefs: PlanViewPrefs): string {
  return JSON.stringify({ view: prefs.view, sort: { column: prefs.sort.column, direction: prefs.sort.direction }, groupBy: prefs.groupBy });
}
