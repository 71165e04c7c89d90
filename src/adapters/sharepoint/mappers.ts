/**
 * Pure mapping between SharePoint list items and the plan model. Values people typed in
 * Microsoft Lists that the app does not understand become DataIssues, never exceptions.
 */
import type {
  Area,
  CheckIn,
  GoalComment,
  DataIssue,
  GoalKind,
  GoalStatus,
  LocalGoal,
  LocalGoalPatch,
  Measure,
  PersonRef,
  Period,
  Plan,
  PlanLanguage,
  PlannerBinding,
  PlannerOrigin,
  Recurrence,
  RolloutMeasure,
  SituationRow,
  TariffArea,
  TaskLink,
  TaskSyncBase,
} from '../../domain/plan';
import { MAX_GOAL_OWNERS, REP_ROLES, dueProblem } from '../../domain/plan';
import type { NewArea, NewCheckIn, NewComment, NewLocalGoal, NewPlan, NewSituationRow } from '../../domain/ports';
import { KIND_LABELS, LANGUAGE_LABELS, PER_LABELS, STATUS_LABELS, TARIFF_LABELS, type ListKey } from './schema';

export type Fields = Readonly<Record<string, unknown>>;

export interface ListItem {
  readonly id: string;
  readonly eTag?: string;
  readonly createdDateTime?: string;
  readonly lastModifiedDateTime?: string;
  /** Who created and last changed the item, as SharePoint records it from the caller's token. */
  readonly createdBy?: IdentitySet;
  readonly lastModifiedBy?: IdentitySet;
  readonly fields?: Fields;
}

/**
 * Graph's identitySet on a list item: `{"user": {"id", "displayName"}}`
 * (https://learn.microsoft.com/en-us/graph/api/resources/listitem). Whether `email` is there is not
 * documented, so it is read only for display, when present.
 */
export interface IdentitySet {
  readonly user?: { readonly id?: string; readonly displayName?: string; readonly email?: string };
}

/** The person an identity set names, or null when it names no user (e.g. an app). */
export function personOf(identity: IdentitySet | undefined): PersonRef | null {
  const user = identity?.user;
  if (!user?.id) return null;
  return { id: user.id, displayName: user.displayName ?? '', ...(user.email ? { email: user.email } : {}) };
}

/** Collects issues while mapping one snapshot. */
export class IssueCollector {
  readonly issues: DataIssue[] = [];
  add(list: ListKey, itemId: string, field: string, value: unknown, kind: DataIssue['kind']): void {
    this.issues.push({ list, itemId, field, value: typeof value === 'string' ? value : JSON.stringify(value), kind });
  }
}

const TITLE_MAX = 255;

export function str(fields: Fields, name: string): string {
  const v = fields[name];
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
}

export function optStr(fields: Fields, name: string): string | null {
  const v = str(fields, name).trim();
  return v ? v : null;
}

export function num(fields: Fields, name: string): number | null {
  const v = fields[name];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

function reverse<K extends string>(labels: Readonly<Record<K, string>>): Map<string, K> {
  const map = new Map<string, K>();
  for (const [key, label] of Object.entries(labels) as Array<[K, string]>) {
    map.set(label.toLowerCase(), key);
    map.set(key.toLowerCase(), key);
  }
  return map;
}

const STATUS_BY_LABEL = reverse<GoalStatus>(STATUS_LABELS);
const KIND_BY_LABEL = reverse<GoalKind>(KIND_LABELS);
const PER_BY_LABEL = reverse<Period>(PER_LABELS);
const TARIFF_BY_LABEL = reverse<TariffArea>(TARIFF_LABELS);
const LANGUAGE_BY_LABEL = reverse<PlanLanguage>(LANGUAGE_LABELS);

function choiceOf<K extends string>(
  map: Map<string, K>,
  fields: Fields,
  name: string,
  list: ListKey,
  itemId: string,
  issues: IssueCollector,
): K | null {
  const raw = optStr(fields, name);
  if (raw === null) return null;
  const value = map.get(raw.toLowerCase());
  if (value === undefined) {
    issues.add(list, itemId, name, raw, 'unknownChoice');
    return null;
  }
  return value;
}

function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/**
 * The calendar day of a date-only column. SharePoint returns such values as the UTC instant of
 * midnight in the site's time zone (in Norway: 22:00 or 23:00 UTC the day before), so the instant
 * is rounded to the nearest day rather than cut.
 */
export function dateOnly(value: string | null): string | null {
  if (!value) return null;
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(value)?.[1];
  if (!day) return null;
  if (value.length === 10) return day;
  const instant = Date.parse(value);
  return Number.isNaN(instant) ? day : new Date(instant + 12 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The value written to a date-only column for a calendar day: noon UTC, which is the same calendar
 * day in every site time zone from UTC−11 to UTC+11, so SharePoint keeps the day the user chose.
 * Read back with `dateOnly`. Graph v1.0 does not give an app a site's time zone, so sites set to
 * UTC+12 or beyond would be a day off (tests/integration/site-time-zone.test.ts covers Oslo,
 * Honolulu, Los Angeles and Sydney).
 */
export function dateOnlyValue(day: string): string {
  return `${day}T12:00:00Z`;
}

/** A deadline as the domain accepts it (a month, or a calendar day that exists). */
export function isValidDue(due: string): boolean {
  return dueProblem(due) === null;
}

export function toPlan(item: ListItem, issues: IssueCollector): Plan {
  const f = item.fields ?? {};
  const periodFrom = num(f, 'PeriodFrom');
  const periodTo = num(f, 'PeriodTo');
  if (periodFrom === null) issues.add('plans', item.id, 'PeriodFrom', f.PeriodFrom ?? '', 'invalidValue');
  return {
    id: item.id,
    union: str(f, 'Title'),
    periodFrom: periodFrom ?? new Date().getFullYear(),
    periodTo: periodTo ?? (periodFrom ?? new Date().getFullYear()) + 1,
    adoptedDate: dateOnly(optStr(f, 'AdoptedDate')),
    language: choiceOf(LANGUAGE_BY_LABEL, f, 'PlanLanguage', 'plans', item.id, issues) ?? 'nb',
    reminderChannelId: optStr(f, 'ReminderChannelId'),
    reminderChannelName: optStr(f, 'ReminderChannelName'),
    reminderSettings: reminderSettingsOf(f, item.id, issues),
    importState: optStr(f, 'ImportState'),
    planner: plannerBindingOf(f, item.id, issues),
    rolloutSteps: optStr(f, 'RolloutSteps'),
    rosterImport: optStr(f, 'RosterImport'),
    ...createdOf(item),
    etag: item.eTag,
  };
}

/** The stored reminder settings (v5 column) as parsed JSON, or null; unreadable JSON is reported and read as the defaults. */
function reminderSettingsOf(f: Fields, itemId: string, issues: IssueCollector): unknown {
  const raw = optStr(f, 'ReminderSettings');
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    issues.add('plans', itemId, 'ReminderSettings', raw, 'invalidValue');
    return null;
  }
}

/** A Planner id (28 characters, facts sheet §7; checked loosely: any id-like text). */
const PLANNER_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The plan's Planner plan and buckets (v4 columns), or null when it has none or they are unreadable. */
function plannerBindingOf(f: Fields, itemId: string, issues: IssueCollector): PlannerBinding | null {
  const planId = optStr(f, 'PlannerPlanId');
  if (planId === null) return null;
  if (!PLANNER_ID.test(planId)) {
    issues.add('plans', itemId, 'PlannerPlanId', planId, 'invalidValue');
    return null;
  }
  const raw = optStr(f, 'PlannerBuckets');
  const buckets: Record<string, string> = {};
  if (raw !== null) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new TypeError('not an object');
      for (const [areaId, bucketId] of Object.entries(parsed)) if (typeof bucketId === 'string' && PLANNER_ID.test(bucketId)) buckets[areaId] = bucketId;
    } catch {
      issues.add('plans', itemId, 'PlannerBuckets', raw, 'invalidValue');
    }
  }
  return { planId, buckets };
}

/** The goal's `tasks` property: absent when it has none, so that goals without Planner tasks keep their shape. */
function tasksOf(links: TaskLink[]): { tasks?: TaskLink[] } {
  return links.length ? { tasks: links } : {};
}

/** A goal's Planner task links (v4 column), skipping any entry that is not one. */
function taskLinksOf(f: Fields, itemId: string, issues: IssueCollector): TaskLink[] {
  const raw = optStr(f, 'PlannerTasks');
  if (raw === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    issues.add('goals', itemId, 'PlannerTasks', raw, 'invalidValue');
    return [];
  }
  if (!Array.isArray(parsed)) {
    issues.add('goals', itemId, 'PlannerTasks', raw, 'invalidValue');
    return [];
  }
  const links: TaskLink[] = [];
  for (const entry of parsed as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const e = entry as Record<string, unknown>;
    if (typeof e.taskId !== 'string' || !PLANNER_ID.test(e.taskId)) continue;
    links.push({ taskId: e.taskId, main: e.main === true, base: syncBaseOf(e.base) });
  }
  return links;
}

function syncBaseOf(value: unknown): TaskSyncBase | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.title !== 'string' || typeof v.completed !== 'boolean') return null;
  if (v.dueDay !== null && typeof v.dueDay !== 'string') return null;
  if (!Array.isArray(v.assigneeIds) || !v.assigneeIds.every((id) => typeof id === 'string')) return null;
  return { title: v.title, dueDay: v.dueDay, assigneeIds: v.assigneeIds as string[], completed: v.completed };
}

export function taskLinksValue(links: readonly TaskLink[]): string {
  return links.length ? JSON.stringify(links.map((l) => ({ taskId: l.taskId, main: l.main, base: l.base }))) : '';
}

/**
 * The team's current plan among the plan items: complete ones only (an import may still be writing
 * another), the newest period first, then the item created last.
 */
export function currentPlan(candidates: ReadonlyArray<{ item: ListItem; plan: Plan }>): Plan | null {
  const complete = candidates.filter((c) => !isPending(c.item)).map((c) => c.plan);
  return [...complete].sort((a, b) => b.periodFrom - a.periodFrom || Number(b.id) - Number(a.id))[0] ?? null;
}

/** True for a plan item an import is still writing: its ImportState is not empty. */
export function isPending(item: ListItem): boolean {
  return optStr(item.fields ?? {}, 'ImportState') !== null;
}

/** The item's ClientId as an optional property: absent rather than undefined when the item has none. */
function clientIdOf(f: Fields): { clientId?: string } {
  const clientId = optStr(f, 'ClientId');
  return clientId === null ? {} : { clientId };
}

export function toArea(item: ListItem): Area {
  const f = item.fields ?? {};
  return {
    id: item.id,
    planId: str(f, 'PlanId'),
    number: num(f, 'AreaNumber') ?? 0,
    title: str(f, 'Title'),
    nationalGoals: lines(str(f, 'NationalGoals')),
    strategies: lines(str(f, 'Strategies')),
    ...clientIdOf(f),
    etag: item.eTag,
  };
}

export function toGoal(item: ListItem, issues: IssueCollector): LocalGoal {
  const f = item.fields ?? {};
  const unit = optStr(f, 'MeasureUnit');
  const target = num(f, 'Target');
  const measure: Measure | null =
    unit !== null || target !== null
      ? { unit: unit ?? '', baseline: num(f, 'Baseline'), target, current: num(f, 'CurrentValue') }
      : null;
  const count = num(f, 'RecurrenceCount');
  const per = choiceOf(PER_BY_LABEL, f, 'RecurrencePer', 'goals', item.id, issues);
  const recurrence: Recurrence | null = count !== null && count > 0 && per !== null ? { count, per } : null;
  const owners = ownersOf(f, item.id, issues);
  let due = optStr(f, 'DueDate');
  if (due !== null && !isValidDue(due)) {
    issues.add('goals', item.id, 'DueDate', due, 'invalidValue');
    due = null;
  }
  const kind =
    choiceOf(KIND_BY_LABEL, f, 'GoalKind', 'goals', item.id, issues) ??
    (recurrence ? 'recurring' : measure?.target != null ? 'measured' : 'milestone');
  const text = str(f, 'GoalText') || str(f, 'Title');
  return {
    id: item.id,
    planId: str(f, 'PlanId'),
    areaId: str(f, 'AreaId'),
    nationalGoal: optStr(f, 'NationalGoal'),
    text,
    kind,
    owners,
    due,
    ...startOf(f, item.id, issues),
    status: choiceOf(STATUS_BY_LABEL, f, 'GoalStatus', 'goals', item.id, issues),
    measure,
    recurrence,
    tariffArea: choiceOf(TARIFF_BY_LABEL, f, 'TariffArea', 'goals', item.id, issues),
    sortOrder: num(f, 'SortOrder') ?? Number(item.id),
    ...tasksOf(taskLinksOf(f, item.id, issues)),
    ...rolloutOf(f, item.id, issues),
    ...clientIdOf(f),
    etag: item.eTag,
    modified: item.lastModifiedDateTime,
    modifiedBy: item.lastModifiedBy?.user?.displayName,
    ...createdOf(item),
  };
}

/** When the store created the item (read only), as an optional property. */
function createdOf(item: ListItem): { created?: string } {
  return item.createdDateTime ? { created: item.createdDateTime } : {};
}

/** The goal's start day (v6 column) as an optional property: absent when none is set; a value that is no calendar day is reported. */
function startOf(f: Fields, itemId: string, issues: IssueCollector): { start?: string } {
  const raw = optStr(f, 'StartDate');
  if (raw === null) return {};
  if (raw.length !== 10 || dueProblem(raw) !== null) {
    issues.add('goals', itemId, 'StartDate', raw, 'invalidValue');
    return {};
  }
  return { start: raw };
}

/** The goal's rollout measure (v5 column) as an optional property: absent when it has none or it is unreadable (reported). */
function rolloutOf(f: Fields, itemId: string, issues: IssueCollector): { rollout?: RolloutMeasure } {
  const raw = optStr(f, 'RolloutMeasure');
  if (raw === null) return {};
  try {
    const parsed = JSON.parse(raw) as { stepId?: unknown; roles?: unknown };
    if (typeof parsed.stepId !== 'string' || parsed.stepId === '' || !Array.isArray(parsed.roles)) throw new TypeError('not a measure');
    const roles = REP_ROLES.filter((role) => (parsed.roles as unknown[]).includes(role));
    return { rollout: { stepId: parsed.stepId, roles } };
  } catch {
    issues.add('goals', itemId, 'RolloutMeasure', raw, 'invalidValue');
    return {};
  }
}

/** An Entra object id as Graph writes it (a GUID). */
const ENTRA_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A goal's owners: their ids from the indexed `OwnerIds` column (`;`-separated), with names and
 * e-mails from `Owners` (JSON, display only). An id that is not an Entra id is an issue and
 * skipped; a name missing from `Owners` leaves the person with an empty name, never another
 * person's. Owners stored by user name only (`OwnerUpn`, before schema v3) are an issue until the
 * board upgrades them (upgradeOwners).
 */
function ownersOf(f: Fields, itemId: string, issues: IssueCollector): PersonRef[] {
  const raw = optStr(f, 'OwnerIds');
  if (raw === null) {
    const legacy = optStr(f, 'OwnerUpn');
    if (legacy !== null) issues.add('goals', itemId, 'OwnerUpn', legacy, 'legacyOwner');
    return [];
  }
  const details = new Map<string, { displayName: string; email: string | null }>();
  const json = optStr(f, 'Owners');
  if (json !== null) {
    try {
      const parsed: unknown = JSON.parse(json);
      if (!Array.isArray(parsed)) throw new TypeError('not an array');
      for (const entry of parsed as unknown[]) {
        if (typeof entry !== 'object' || entry === null) continue;
        const { id, displayName, email } = entry as Record<string, unknown>;
        if (typeof id === 'string') details.set(id.toLowerCase(), { displayName: typeof displayName === 'string' ? displayName : '', email: typeof email === 'string' ? email : null });
      }
    } catch {
      issues.add('goals', itemId, 'Owners', json, 'invalidValue');
    }
  }
  const owners: PersonRef[] = [];
  for (const id of raw.split(';').map((s) => s.trim()).filter(Boolean)) {
    if (!ENTRA_ID.test(id)) {
      issues.add('goals', itemId, 'OwnerIds', id, 'invalidValue');
      continue;
    }
    if (owners.some((o) => o.id.toLowerCase() === id.toLowerCase())) continue;
    const detail = details.get(id.toLowerCase());
    owners.push({ id, displayName: detail?.displayName ?? '', email: detail?.email ?? null });
  }
  return owners;
}

/** The stored form of a goal's owners: ids for matching (indexed), and names for display. */
export function ownerFields(owners: readonly PersonRef[]): { OwnerIds: string; Owners: string } {
  if (owners.length > MAX_GOAL_OWNERS) throw new RangeError(`A goal has at most ${MAX_GOAL_OWNERS} owners`);
  for (const o of owners) if (!ENTRA_ID.test(o.id)) throw new RangeError(`Not an Entra object id: ${o.id}`);
  const unique = owners.filter((o, i) => owners.findIndex((p) => p.id.toLowerCase() === o.id.toLowerCase()) === i);
  return {
    OwnerIds: unique.map((o) => o.id).join(';'),
    Owners: unique.length ? JSON.stringify(unique.map((o) => ({ id: o.id, displayName: o.displayName, email: o.email ?? null }))) : '',
  };
}

export function toCheckIn(item: ListItem): CheckIn {
  const f = item.fields ?? {};
  return {
    id: item.id,
    planId: str(f, 'PlanId'),
    goalId: str(f, 'GoalId'),
    date: dateOnly(optStr(f, 'CheckInDate')) ?? dateOnly(optStr(f, 'Created')) ?? '',
    value: num(f, 'CheckInValue'),
    comment: str(f, 'CheckInComment'),
    // Authorship is what SharePoint recorded from the token, never a field the client wrote.
    author: personOf(item.createdBy),
    clientId: optStr(f, 'ClientId') ?? undefined,
    ...plannerOriginOf(f),
  };
}

/** `via` for a check-in that records what happened in Planner (v3 columns); absent for others. */
function plannerOriginOf(f: Fields): { via?: PlannerOrigin } {
  const taskId = optStr(f, 'PlannerTaskId');
  if (taskId === null) return {};
  const actorId = optStr(f, 'ActorId');
  return { via: { taskId, actor: actorId !== null && ENTRA_ID.test(actorId) ? { id: actorId, displayName: optStr(f, 'ActorName') ?? '' } : null } };
}

export function toComment(item: ListItem): GoalComment {
  const f = item.fields ?? {};
  return {
    id: item.id,
    planId: str(f, 'PlanId'),
    goalId: str(f, 'GoalId'),
    text: str(f, 'CommentText'),
    author: personOf(item.createdBy),
    created: optStr(f, 'Created') ?? item.createdDateTime ?? '',
    clientId: optStr(f, 'ClientId') ?? undefined,
  };
}

export function commentFields(comment: NewComment): Record<string, unknown> {
  return {
    Title: title(comment.text),
    PlanId: comment.planId,
    GoalId: comment.goalId,
    CommentText: comment.text,
    ClientId: comment.clientId,
  };
}

export function toSituationRow(item: ListItem): SituationRow {
  const f = item.fields ?? {};
  return {
    id: item.id,
    planId: str(f, 'PlanId'),
    area: str(f, 'Title'),
    now: str(f, 'NowText'),
    shortTerm: str(f, 'ShortTerm'),
    longTerm: str(f, 'LongTerm'),
    sortOrder: num(f, 'SortOrder') ?? Number(item.id),
    ...clientIdOf(f),
    etag: item.eTag,
  };
}

/* ---- domain → fields ---- */

function title(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= TITLE_MAX ? flat : `${flat.slice(0, TITLE_MAX - 1)}…`;
}

export function planFields(plan: Partial<NewPlan>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (plan.union !== undefined) out.Title = title(plan.union);
  if (plan.periodFrom !== undefined) out.PeriodFrom = plan.periodFrom;
  if (plan.periodTo !== undefined) out.PeriodTo = plan.periodTo;
  if (plan.adoptedDate !== undefined) out.AdoptedDate = plan.adoptedDate ? dateOnlyValue(plan.adoptedDate) : null;
  if (plan.language !== undefined) out.PlanLanguage = LANGUAGE_LABELS[plan.language];
  if (plan.reminderChannelId !== undefined) out.ReminderChannelId = plan.reminderChannelId ?? '';
  if (plan.reminderChannelName !== undefined) out.ReminderChannelName = plan.reminderChannelName ?? '';
  if (plan.reminderSettings !== undefined) out.ReminderSettings = plan.reminderSettings === null ? '' : JSON.stringify(plan.reminderSettings);
  if (plan.importState !== undefined) out.ImportState = plan.importState ?? '';
  if (plan.rolloutSteps !== undefined) out.RolloutSteps = typeof plan.rolloutSteps === 'string' ? plan.rolloutSteps : plan.rolloutSteps === null ? '' : JSON.stringify(plan.rolloutSteps);
  if (plan.rosterImport !== undefined) out.RosterImport = plan.rosterImport ?? '';
  if (plan.planner !== undefined) {
    out.PlannerPlanId = plan.planner?.planId ?? '';
    out.PlannerBuckets = plan.planner ? JSON.stringify(plan.planner.buckets) : '';
  }
  return out;
}

export function areaFields(area: Partial<NewArea>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (area.title !== undefined) out.Title = title(area.title);
  if (area.planId !== undefined) out.PlanId = area.planId;
  if (area.number !== undefined) out.AreaNumber = area.number;
  if (area.nationalGoals !== undefined) out.NationalGoals = area.nationalGoals.join('\n');
  if (area.strategies !== undefined) out.Strategies = area.strategies.join('\n');
  return out;
}

export function goalFields(goal: LocalGoalPatch & Partial<Pick<NewLocalGoal, 'planId'>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (goal.planId !== undefined) out.PlanId = goal.planId;
  if (goal.areaId !== undefined) out.AreaId = goal.areaId;
  if (goal.text !== undefined) {
    out.Title = title(goal.text);
    out.GoalText = goal.text;
  }
  if (goal.nationalGoal !== undefined) out.NationalGoal = goal.nationalGoal ?? '';
  if (goal.kind !== undefined) out.GoalKind = KIND_LABELS[goal.kind];
  if (goal.owners !== undefined) Object.assign(out, ownerFields(goal.owners));
  if (goal.due !== undefined) {
    if (goal.due !== null && !isValidDue(goal.due)) throw new RangeError(`Invalid due date: ${goal.due}`);
    out.DueDate = goal.due ?? '';
  }
  if (goal.start !== undefined) {
    if (goal.start !== null && (goal.start.length !== 10 || dueProblem(goal.start) !== null)) throw new RangeError(`Invalid start date: ${goal.start}`);
    out.StartDate = goal.start ?? '';
  }
  if (goal.status !== undefined) out.GoalStatus = goal.status ? STATUS_LABELS[goal.status] : null;
  if (goal.measure !== undefined) {
    out.MeasureUnit = goal.measure?.unit ?? '';
    out.Baseline = goal.measure?.baseline ?? null;
    out.Target = goal.measure?.target ?? null;
    out.CurrentValue = goal.measure?.current ?? null;
  }
  if (goal.recurrence !== undefined) {
    out.RecurrenceCount = goal.recurrence?.count ?? null;
    out.RecurrencePer = goal.recurrence ? PER_LABELS[goal.recurrence.per] : null;
  }
  if (goal.tariffArea !== undefined) out.TariffArea = goal.tariffArea ? TARIFF_LABELS[goal.tariffArea] : null;
  if (goal.sortOrder !== undefined) out.SortOrder = goal.sortOrder;
  if (goal.tasks !== undefined) out.PlannerTasks = taskLinksValue(goal.tasks);
  if (goal.rollout !== undefined) out.RolloutMeasure = goal.rollout ? JSON.stringify({ stepId: goal.rollout.stepId, roles: goal.rollout.roles }) : '';
  return out;
}

export function checkInFields(checkIn: NewCheckIn): Record<string, unknown> {
  return {
    Title: title(checkIn.comment || checkIn.date),
    PlanId: checkIn.planId,
    GoalId: checkIn.goalId,
    CheckInDate: dateOnlyValue(checkIn.date),
    CheckInValue: checkIn.value,
    CheckInComment: checkIn.comment,
    ClientId: checkIn.clientId,
    ...(checkIn.via
      ? { PlannerTaskId: checkIn.via.taskId, ActorId: checkIn.via.actor?.id ?? '', ActorName: checkIn.via.actor?.displayName ?? '' }
      : {}),
  };
}

export function situationFields(row: Partial<NewSituationRow>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (row.planId !== undefined) out.PlanId = row.planId;
  if (row.area !== undefined) out.Title = title(row.area);
  if (row.now !== undefined) out.NowText = row.now;
  if (row.shortTerm !== undefined) out.ShortTerm = row.shortTerm;
  if (row.longTerm !== undefined) out.LongTerm = row.longTerm;
  if (row.sortOrder !== undefined) out.SortOrder = row.sortOrder;
  return out;
}
