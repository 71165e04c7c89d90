/**
 * The plan model: a local union's adopted two-year action plan (handlingsplan).
 * Pure types and helpers; no React, no I/O.
 */

export type PlanLanguage = 'nb' | 'nn';

/** Status of a local goal. Stored as a choice column; see adapters/sharepoint/schema.ts for labels. */
export type GoalStatus = 'notStarted' | 'onTrack' | 'atRisk' | 'behind' | 'done';
export const GOAL_STATUSES: readonly GoalStatus[] = ['notStarted', 'onTrack', 'atRisk', 'behind', 'done'];

/** How progress on a goal is measured (see domain/progress.ts). */
export type GoalKind = 'measured' | 'recurring' | 'milestone';
export const GOAL_KINDS: readonly GoalKind[] = ['measured', 'recurring', 'milestone'];

/** Bargaining area (tariffområde). */
export type TariffArea = 'KS' | 'Spekter' | 'NHO' | 'Stat' | 'Oslo' | 'Virke' | 'Other';
export const TARIFF_AREAS: readonly TariffArea[] = ['KS', 'Spekter', 'NHO', 'Stat', 'Oslo', 'Virke', 'Other'];

/** A representative's role in the union (roster.ts, the Org365 rollout). */
export type RepRole = 'ptv' | 'ktv' | 'htv' | 'safety' | 'board' | 'other';
export const REP_ROLES: readonly RepRole[] = ['ptv', 'ktv', 'htv', 'safety', 'board', 'other'];

/**
 * A local goal measured by a step of the Org365 rollout (roster.ts): its current value is the share
 * (0–100 %) of the representatives in these roles (everyone when empty) who have done the step.
 */
export interface RolloutMeasure {
  readonly stepId: string;
  readonly roles: readonly RepRole[];
}

export type Period = 'year' | 'month';

/**
 * A person, identified by their Entra object id: the one key that is the same in Graph, Teams,
 * SharePoint and Planner. Name and e-mail are for display only; in a real tenant a user's e-mail
 * often differs from the sign-in name (UPN), some users have no mailbox, and guests have external
 * UPNs, so neither is ever used to match people.
 */
export interface PersonRef {
  /** Entra object id. */
  readonly id: string;
  readonly displayName: string;
  /** The user's e-mail address, for display; null or absent when they have no mailbox. */
  readonly email?: string | null;
}

/**
 * At most this many owners per goal: their ids are kept in one indexed single-line text column,
 * which holds 255 characters (6 ids of 36 characters and their separators).
 */
export const MAX_GOAL_OWNERS = 6;

/** Whether the person with this Entra id owns the goal. */
export function ownsGoal(goal: Pick<LocalGoal, 'owners'>, userId: string): boolean {
  return goal.owners.some((o) => o.id === userId);
}

export interface Plan {
  readonly id: string;
  readonly union: string;
  readonly periodFrom: number;
  readonly periodTo: number;
  /** ISO date (YYYY-MM-DD) of the annual meeting that adopted the plan, or null. */
  readonly adoptedDate: string | null;
  readonly language: PlanLanguage;
  /** The channel where reminders are posted (a later capability), or null. */
  readonly reminderChannelId?: string | null;
  readonly reminderChannelName?: string | null;
  /**
   * The board's reminder settings as stored (JSON), read with `readReminderSettings` (reminders.ts);
   * null or absent for the defaults.
   */
  readonly reminderSettings?: unknown;
  /**
   * Null for a complete plan; `pending:<importId>` while an import is still writing it (such a
   * plan is never shown). Absent where it does not matter (e.g. a plan being created).
   */
  readonly importState?: string | null;
  /** The team's Planner plan and the bucket of each area, by id (names may be changed in Planner), or null before the first tasks. */
  readonly planner?: PlannerBinding | null;
  /** The Org365 rollout's steps as the board configured them (stored JSON, read with `readRolloutSteps`); absent or null: the built-in steps. */
  readonly rolloutSteps?: unknown;
  /**
   * The last roster import that was committed (roster-port.ts): its staged rows count as written
   * until they are made ordinary rows. Null or absent before any import.
   */
  readonly rosterImport?: string | null;
  /** ISO timestamp of when the store created the plan item (read only; absent where unknown). */
  readonly created?: string;
  /** Concurrency token of the stored item. */
  readonly etag?: string;
}

export interface PlannerBinding {
  /** The Planner plan's id in the team's Microsoft 365 group. */
  readonly planId: string;
  /** Bucket id by area id. */
  readonly buckets: Readonly<Record<string, string>>;
}

/** What a goal and its own Planner task both held after the last sync (planner-sync.ts). */
export interface TaskSyncBase {
  readonly title: string;
  readonly dueDay: string | null;
  /** Sorted Entra ids. */
  readonly assigneeIds: readonly string[];
  readonly completed: boolean;
}

/** A Planner task linked to a goal, as the goal stores it. */
export interface TaskLink {
  readonly taskId: string;
  /** The task the goal itself became; its title, due day and assignees follow the goal. Others are the goal's activities. */
  readonly main: boolean;
  /** What the goal and the task both held after the last sync; null before the first. */
  readonly base: TaskSyncBase | null;
}

export interface Area {
  readonly id: string;
  readonly planId: string;
  readonly number: number;
  readonly title: string;
  readonly nationalGoals: readonly string[];
  readonly strategies: readonly string[];
  /** Key chosen by the client that wrote the item (the importer's resume key), when it set one. */
  readonly clientId?: string;
  readonly etag?: string;
}

export interface Measure {
  readonly unit: string;
  readonly baseline: number | null;
  readonly target: number | null;
  /** The latest reported value (kept in sync with check-ins). */
  readonly current: number | null;
}

export interface Recurrence {
  /** Required occurrences per period, e.g. 4 per year. */
  readonly count: number;
  readonly per: Period;
}

export interface LocalGoal {
  readonly id: string;
  readonly planId: string;
  readonly areaId: string;
  /** The national goal this local goal stands under, as written in the area's nationalGoals, or null. */
  readonly nationalGoal: string | null;
  readonly text: string;
  readonly kind: GoalKind;
  /** The people responsible for the goal (none, one, or a few), by Entra id. */
  readonly owners: readonly PersonRef[];
  /** Deadline as YYYY-MM or YYYY-MM-DD, or null. */
  readonly due: string | null;
  /**
   * The day work on the goal starts (YYYY-MM-DD), set by the board; null or absent: when it was
   * added to an adopted plan, else the period start (goal-status.ts `goalStart`).
   */
  readonly start?: string | null;
  /** Status set by the board; null means "derive from progress". */
  readonly status: GoalStatus | null;
  readonly measure: Measure | null;
  readonly recurrence: Recurrence | null;
  readonly tariffArea: TariffArea | null;
  readonly sortOrder: number;
  /** The goal's Planner tasks (issue 11); absent or empty when it has none. */
  readonly tasks?: readonly TaskLink[];
  /** Set when the goal is measured by a rollout step: its current value follows the roster, not check-ins. */
  readonly rollout?: RolloutMeasure | null;
  /** Key chosen by the client that wrote the item (the importer's resume key), when it set one. */
  readonly clientId?: string;
  readonly etag?: string;
  /** ISO timestamp of the last change and who made it, as the store reports it. */
  readonly modified?: string;
  readonly modifiedBy?: string;
  /** ISO timestamp of when the store created the goal (read only; absent where unknown). */
  readonly created?: string;
}

export interface CheckIn {
  readonly id: string;
  readonly planId: string;
  readonly goalId: string;
  /** ISO date YYYY-MM-DD. */
  readonly date: string;
  readonly value: number | null;
  readonly comment: string;
  /** Who made the check-in, as the store recorded it (the item's creator), never as a client wrote it. */
  readonly author: PersonRef | null;
  /** Key chosen by the client that made it; a retried or queued check-in with the same key is stored once. */
  readonly clientId?: string;
  /** Set when the check-in records what happened in a Planner task: the task and who did it there (the author is whoever synced it). */
  readonly via?: PlannerOrigin | null;
}

export interface PlannerOrigin {
  readonly taskId: string;
  readonly actor: PersonRef | null;
}

export interface GoalComment {
  readonly id: string;
  readonly planId: string;
  readonly goalId: string;
  readonly text: string;
  readonly author: PersonRef | null;
  /** ISO timestamp. */
  readonly created: string;
  readonly clientId?: string;
}

/** One stored version of a goal, as the list's version history gives it. */
export interface GoalVersion {
  readonly version: string;
  readonly modified: string;
  readonly modifiedBy: string;
  readonly goal: LocalGoal;
}

export interface SituationRow {
  readonly id: string;
  readonly planId: string;
  readonly area: string;
  readonly now: string;
  readonly shortTerm: string;
  readonly longTerm: string;
  readonly sortOrder: number;
  /** Key chosen by the client that wrote the item (the importer's resume key), when it set one. */
  readonly clientId?: string;
  readonly etag?: string;
}

/** A whole plan as loaded for a team. */
export interface PlanSnapshot {
  readonly plan: Plan;
  readonly areas: readonly Area[];
  readonly goals: readonly LocalGoal[];
  readonly checkIns: readonly CheckIn[];
  readonly situation: readonly SituationRow[];
  readonly comments: readonly GoalComment[];
  /** Values the store holds that the app does not understand (e.g. a choice typed in Microsoft Lists). */
  readonly issues: readonly DataIssue[];
}

export interface DataIssue {
  readonly list: string;
  readonly itemId: string;
  readonly field: string;
  readonly value: string;
  /**
   * legacyOwner: an owner stored by user name only (before owners were kept by Entra id), until
   * the board upgrades the lists in Settings.
   */
  readonly kind: 'unknownChoice' | 'invalidValue' | 'danglingReference' | 'legacyOwner';
}

/** Editable fields of a local goal. */
export type LocalGoalPatch = Partial<
  Pick<
    LocalGoal,
    'text' | 'nationalGoal' | 'areaId' | 'kind' | 'owners' | 'due' | 'start' | 'status' | 'measure' | 'recurrence' | 'tariffArea' | 'sortOrder' | 'tasks' | 'rollout'
  >
>;

export function sortByOrder<T extends { readonly sortOrder: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.sortOrder - b.sortOrder);
}

/**
 * A section's goals grouped by national goal: the area's national goals in their order, then the
 * goals' other national goals and the goals under none, in the order of their first goal. The caller passes the section's goals (an
 * area's, or those whose area is gone), so goals are not filtered by `areaId` here.
 */
export function groupGoalsByNationalGoal(
  area: Pick<Area, 'nationalGoals'>,
  goals: readonly LocalGoal[],
): Array<{ nationalGoal: string | null; goals: LocalGoal[] }> {
  const own = sortByOrder(goals);
  const groups: Array<{ nationalGoal: string | null; goals: LocalGoal[] }> = area.nationalGoals.map((ng) => ({
    nationalGoal: ng,
    goals: [],
  }));
  const byName = new Map(groups.map((g) => [g.nationalGoal, g]));
  for (const goal of own) {
    const key = goal.nationalGoal;
    let group = byName.get(key);
    if (!group) {
      group = { nationalGoal: key, goals: [] };
      byName.set(key, group);
      groups.push(group);
    }
    group.goals.push(goal);
  }
  // Every group is kept: the area's national goals even without goals (the board adds under them),
  // and the other groups exist only because a goal made them.
  return groups;
}

/**
 * Goals whose area is not in the plan (deleted or edited away in Microsoft Lists). They are still
 * the plan's goals: the app shows them as not placed, so the board can move them to an area.
 */
export function goalsWithoutArea<G extends Pick<LocalGoal, 'areaId'>>(areas: readonly Pick<Area, 'id'>[], goals: readonly G[]): G[] {
  const known = new Set(areas.map((a) => a.id));
  return goals.filter((g) => !known.has(g.areaId));
}

/** What is wrong with a deadline as typed: nothing, its form, or a day the calendar does not have. */
export type DueProblem = 'format' | 'noSuchDay' | null;

/**
 * Checks a deadline: a month `YYYY-MM` or a calendar day `YYYY-MM-DD`. A day that does not exist
 * (31 February, 29 February outside leap years, 31 April) is refused, never rolled over.
 */
export function dueProblem(due: string): DueProblem {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(due);
  if (!match) return 'format';
  const month = Number(match[2]);
  if (month < 1 || month > 12) return 'format';
  if (match[3] === undefined) return null;
  const day = Number(match[3]);
  const daysInMonth = new Date(Date.UTC(Number(match[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth ? null : 'noSuchDay';
}

/** The fields people see changing in a goal's history (its Planner links are bookkeeping). */
type GoalField = Exclude<keyof LocalGoalPatch, 'sortOrder' | 'tasks'>;
const TRACKED: readonly GoalField[] = ['text', 'nationalGoal', 'areaId', 'kind', 'owners', 'due', 'start', 'status', 'measure', 'recurrence', 'tariffArea'];

/** A field's value as compared between versions: owners by their ids only (a renamed person is no change). */
function comparable(goal: LocalGoal, field: GoalField): string {
  if (field === 'owners') return goal.owners.map((o) => o.id).sort().join(';');
  return JSON.stringify(goal[field] ?? null);
}

/** Fields that differ between two versions of a goal (sort order is not a change people care about). */
export function changedGoalFields(before: LocalGoal, after: LocalGoal): GoalField[] {
  return TRACKED.filter((field) => comparable(before, field) !== comparable(after, field));
}
