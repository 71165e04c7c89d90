/**
 * The SharePoint lists that hold a plan, one set per team site.
 *
 * Internal column names are stable ASCII (they are the keys in item `fields`); display names are
 * Norwegian, since board members also open these lists in Microsoft Lists. Each list carries a
 * marker `[handlingsplan:<key>:v<version>]` in its description, so it is found even when someone
 * renames it, and a later schema version can add columns without losing data.
 */

export type ColumnType =
  | { readonly kind: 'text'; readonly multiline?: boolean }
  | { readonly kind: 'number' }
  | { readonly kind: 'dateTime' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'choice'; readonly choices: readonly string[] };

export interface ColumnSpec {
  readonly name: string;
  readonly displayName: string;
  readonly type: ColumnType;
  readonly indexed?: boolean;
  /** No two items may hold the same value (enforceUniqueValues; needs indexed, facts sheet §17). */
  readonly unique?: boolean;
}

export type ListKey = 'plans' | 'areas' | 'goals' | 'checkIns' | 'situation' | 'comments' | 'reminders' | 'channelWebhooks' | 'roster' | 'rosterConfirmations';

export interface ListSpec {
  readonly key: ListKey;
  readonly displayName: string;
  readonly description: string;
  /**
   * Bumped whenever columns are added. A list's version is read from the columns it has (see
   * `versionOf`); the marker in its description is written once, when the app creates the list
   * (Graph v1.0 documents no update of a list's description).
   */
  readonly version: number;
  /** The version that added each column added after version 1. */
  readonly addedIn?: Readonly<Record<string, number>>;
  /** What the built-in Title column holds, shown as its display name in Microsoft Lists. */
  readonly titleMeaning: string;
  readonly columns: readonly ColumnSpec[];
}

/** Stored choice labels (bokmål, as users see them in Microsoft Lists) for domain values. */
export const STATUS_LABELS = {
  notStarted: 'Ikke startet',
  onTrack: 'I rute',
  atRisk: 'I faresonen',
  behind: 'Forsinket',
  done: 'Fullført',
} as const;

export const KIND_LABELS = {
  measured: 'Måltall',
  recurring: 'Gjentakende',
  milestone: 'Milepæl',
} as const;

export const PER_LABELS = {
  year: 'per år',
  month: 'per måned',
} as const;

export const TARIFF_LABELS = {
  KS: 'KS',
  Spekter: 'Spekter',
  NHO: 'NHO/privat',
  Stat: 'Stat',
  Oslo: 'Oslo kommune',
  Virke: 'Virke',
  Other: 'Annet',
} as const;

export const LANGUAGE_LABELS = { nb: 'Bokmål', nn: 'Nynorsk' } as const;

/** Stored labels of a representative's role (roster list). */
export const REP_ROLE_LABELS = {
  ptv: 'PTV',
  ktv: 'KTV',
  htv: 'HTV',
  safety: 'Verneombud',
  board: 'Styremedlem',
  other: 'Annen',
} as const;

/** Stored labels of a reminder ledger entry's state. */
export const LEDGER_STATE_LABELS = { claimed: 'Reservert', sent: 'Sendt' } as const;

const text = (multiline = false): ColumnType => ({ kind: 'text', multiline });
const number: ColumnType = { kind: 'number' };
const choice = (labels: Record<string, string>): ColumnType => ({ kind: 'choice', choices: Object.values(labels) });

const planId: ColumnSpec = { name: 'PlanId', displayName: 'Plan-ID', type: text(), indexed: true };
const sortOrder: ColumnSpec = { name: 'SortOrder', displayName: 'Rekkefølge', type: number };
/** Key chosen by the writing client, so that a retried create is stored once (added in v2). */
/**
 * The client's key for the create that made the item: unique, so a create sent twice (a retry
 * after a lost answer, a replayed queued check-in, two people's concurrent sends) stores one item
 * and the second is refused (graph/idempotent.ts).
 */
const clientId: ColumnSpec = { name: 'ClientId', displayName: 'Klient-ID', type: text(), indexed: true, unique: true };

export const LISTS: Readonly<Record<ListKey, ListSpec>> = {
  plans: {
    key: 'plans',
    displayName: 'Handlingsplan',
    description: 'Fagforeningens vedtatte handlingsplan. Vedlikeholdes av appen Handlingsplan. [handlingsplan:plans:v6]',
    version: 6,
    addedIn: { ClientId: 2, ImportState: 3, PlannerPlanId: 4, PlannerBuckets: 4, ReminderSettings: 5, RolloutSteps: 6, RosterImport: 6 },
    titleMeaning: 'Fagforening',
    columns: [
      { name: 'PeriodFrom', displayName: 'Periode fra', type: number },
      { name: 'PeriodTo', displayName: 'Periode til', type: number },
      { name: 'AdoptedDate', displayName: 'Vedtatt dato', type: { kind: 'dateTime' } },
      { name: 'PlanLanguage', displayName: 'Målform', type: choice(LANGUAGE_LABELS) },
      { name: 'ReminderChannelId', displayName: 'Kanal for påminnelser (ID)', type: text() },
      { name: 'ReminderChannelName', displayName: 'Kanal for påminnelser', type: text() },
      clientId,
      /**
       * Empty for a complete plan; `pending:<importId>` while an import is still writing the plan's
       * items, so that load() skips it until the one write that clears it (added in v3).
       */
      { name: 'ImportState', displayName: 'Importstatus', type: text() },
      /** The team's Planner plan by id, and each area's bucket as JSON `{areaId: bucketId}` (added in v4). */
      { name: 'PlannerPlanId', displayName: 'Planner-plan (ID)', type: text() },
      { name: 'PlannerBuckets', displayName: 'Planner-bøtter (ID)', type: text(true) },
      /** The board's reminder settings as JSON (domain/reminders.ts `ReminderSettings`; added in v5). */
      { name: 'ReminderSettings', displayName: 'Innstillinger for påminnelser', type: text(true) },
      /** The Org365 rollout's steps as the board configured them (JSON, domain/roster.ts `readRolloutSteps`; added in v6). */
      { name: 'RolloutSteps', displayName: 'Steg i utrullingen', type: text(true) },
      /** The last committed roster import (roster-repository.ts): its staged rows count as written (added in v6). */
      { name: 'RosterImport', displayName: 'Siste import av tillitsvalgte', type: text() },
    ],
  },
  areas: {
    key: 'areas',
    displayName: 'Satsingsområder',
    description: 'Satsingsområder med nasjonale mål og strategier. Vedlikeholdes av appen Handlingsplan. [handlingsplan:areas:v2]',
    version: 2,
    addedIn: { ClientId: 2 },
    titleMeaning: 'Område',
    columns: [
      planId,
      { name: 'AreaNumber', displayName: 'Nummer', type: number },
      { name: 'NationalGoals', displayName: 'Nasjonale mål', type: text(true) },
      { name: 'Strategies', displayName: 'Strategier', type: text(true) },
      clientId,
    ],
  },
  goals: {
    key: 'goals',
    displayName: 'Lokale mål',
    description: 'Fagforeningens egne mål. Vedlikeholdes av appen Handlingsplan. [handlingsplan:goals:v6]',
    version: 6,
    // v3 keeps owners by Entra id (OwnerIds, Owners); v1–v2 kept one owner by user name in OwnerUpn
    // and OwnerName, which stay in older lists until upgradeOwners has moved them.
    addedIn: { ClientId: 2, OwnerIds: 3, Owners: 3, PlannerTasks: 4, RolloutMeasure: 5, StartDate: 6 },
    titleMeaning: 'Mål (kort)',
    columns: [
      planId,
      { name: 'AreaId', displayName: 'Område-ID', type: text(), indexed: true },
      { name: 'GoalText', displayName: 'Måltekst', type: text(true) },
      { name: 'NationalGoal', displayName: 'Nasjonalt mål', type: text(true) },
      { name: 'GoalKind', displayName: 'Måltype', type: choice(KIND_LABELS) },
      /** The owners' Entra object ids, separated by ';' (at most MAX_GOAL_OWNERS), indexed for look-ups. */
      { name: 'OwnerIds', displayName: 'Ansvarlige (ID)', type: text(), indexed: true },
      /** The owners' names and e-mails as JSON, for display only (people are matched on OwnerIds). */
      { name: 'Owners', displayName: 'Ansvarlige', type: text(true) },
      { name: 'DueDate', displayName: 'Frist', type: text() },
      { name: 'GoalStatus', displayName: 'Status', type: choice(STATUS_LABELS) },
      { name: 'MeasureUnit', displayName: 'Enhet', type: text() },
      { name: 'Baseline', displayName: 'Utgangspunkt', type: number },
      { name: 'Target', displayName: 'Målverdi', type: number },
      { name: 'CurrentValue', displayName: 'Nåverdi', type: number },
      { name: 'RecurrenceCount', displayName: 'Antall ganger', type: number },
      { name: 'RecurrencePer', displayName: 'Hyppighet', type: choice(PER_LABELS) },
      { name: 'TariffArea', displayName: 'Tariffområde', type: choice(TARIFF_LABELS) },
      sortOrder,
      clientId,
      /** The goal's Planner tasks as JSON `[{taskId, main, base}]`, `base` being what both sides held at the last sync (added in v4). */
      { name: 'PlannerTasks', displayName: 'Planner-oppgaver (ID)', type: text(true) },
      /** The rollout step that measures the goal, as JSON `{stepId, roles}` (domain/plan.ts RolloutMeasure; added in v5). */
      { name: 'RolloutMeasure', displayName: 'Målt av utrullingen', type: text() },
      /** The day work on the goal starts, YYYY-MM-DD, when the board set one (domain/progress.ts goalStart; added in v6). */
      { name: 'StartDate', displayName: 'Startdato', type: text() },
    ],
  },
  checkIns: {
    key: 'checkIns',
    displayName: 'Innrapporteringer',
    description: 'Fremdrift rapportert på lokale mål. Vedlikeholdes av appen Handlingsplan. [handlingsplan:checkIns:v3]',
    version: 3,
    addedIn: { ClientId: 2, PlannerTaskId: 3, ActorId: 3, ActorName: 3 },
    titleMeaning: 'Rapport',
    columns: [
      planId,
      { name: 'GoalId', displayName: 'Mål-ID', type: text(), indexed: true },
      { name: 'CheckInDate', displayName: 'Dato', type: { kind: 'dateTime' } },
      { name: 'CheckInValue', displayName: 'Verdi', type: number },
      { name: 'CheckInComment', displayName: 'Kommentar', type: text(true) },
      clientId,
      /**
       * For a check-in that records what happened in Planner (added in v3): the task, and who did it
       * there by Entra id and name (the item's author is whoever ran the sync).
       */
      { name: 'PlannerTaskId', displayName: 'Planner-oppgave (ID)', type: text() },
      { name: 'ActorId', displayName: 'Utført av (ID)', type: text() },
      { name: 'ActorName', displayName: 'Utført av', type: text() },
    ],
  },
  situation: {
    key: 'situation',
    displayName: 'Nåsituasjon og utfordringer',
    description: 'Fagforeningens nåsituasjon og utfordringer. Vedlikeholdes av appen Handlingsplan. [handlingsplan:situation:v2]',
    version: 2,
    addedIn: { ClientId: 2 },
    titleMeaning: 'Område',
    columns: [
      planId,
      { name: 'NowText', displayName: 'Nåsituasjon', type: text(true) },
      { name: 'ShortTerm', displayName: 'Utfordringer kort sikt', type: text(true) },
      { name: 'LongTerm', displayName: 'Utfordringer lang sikt', type: text(true) },
      sortOrder,
      clientId,
    ],
  },
  comments: {
    key: 'comments',
    displayName: 'Kommentarer til mål',
    description: 'Kommentarer til lokale mål. Vedlikeholdes av appen Handlingsplan. [handlingsplan:comments:v1]',
    version: 1,
    titleMeaning: 'Kommentar (kort)',
    columns: [
      planId,
      { name: 'GoalId', displayName: 'Mål-ID', type: text(), indexed: true },
      { name: 'CommentText', displayName: 'Kommentar', type: text(true) },
      clientId,
    ],
  },  /**
   * The reminder ledger (issue 12): one item per plan, goal, rule and occurrence, its key enforced
   * unique in ClientId (`<planId>:<reminder key>`), so that however often, however concurrently,
   * reminders are sent (the tab's 'Send now', the scheduled runner, a rerun after a crash), each is
   * claimed by one run and posted once. The board edits, members read (list-permissions.ts).
   */
  reminders: {
    key: 'reminders',
    displayName: 'Påminnelseslogg',
    description: 'Påminnelser som er postet i teamets kanaler. Vedlikeholdes av appen Handlingsplan. [handlingsplan:reminders:v1]',
    version: 1,
    titleMeaning: 'Påminnelse',
    columns: [
      planId,
      clientId,
      { name: 'GoalId', displayName: 'Mål-ID', type: text(), indexed: true },
      { name: 'ReminderKey', displayName: 'Påminnelse (nøkkel)', type: text() },
      { name: 'ReminderState', displayName: 'Tilstand', type: choice(LEDGER_STATE_LABELS) },
      /** The run that claimed it, and when (ISO instant): a claim left by a crashed run is taken over after a while. */
      { name: 'RunId', displayName: 'Kjøring', type: text() },
      { name: 'ClaimedAt', displayName: 'Reservert', type: text() },
      { name: 'Via', displayName: 'Sendt via', type: text() },
      { name: 'ChannelId', displayName: 'Kanal (ID)', type: text() },
      { name: 'MessageId', displayName: 'Melding (ID)', type: text() },
    ],
  },
  /**
   * The channels' Workflows webhook URLs (issue 12, delivery path 3): one item per channel, its id
   * enforced unique in ClientId, so two board members saving at once store one item. A URL is a
   * secret (whoever holds it can post into the channel): the list is the board's alone, stewards
   * have no access to it at all (list-permissions.ts `boardOnly`), and the tab never loads it with
   * the plan (PLAN_LIST_KEYS). Who changed it last is the item's `lastModifiedBy`.
   */
  channelWebhooks: {
    key: 'channelWebhooks',
    displayName: 'Kanalvarsler',
    description: 'Workflows-webhooker som påminnelser postes gjennom, én per kanal. Hemmelig: bare styret har tilgang. Vedlikeholdes av appen Handlingsplan. [handlingsplan:channelWebhooks:v1]',
    version: 1,
    titleMeaning: 'Kanal',
    columns: [
      /** The channel's id (`19:…@thread.tacv2`): the item's key. */
      { ...clientId, displayName: 'Kanal (ID)' },
      { name: 'ChannelName', displayName: 'Kanalnavn', type: text() },
      /** The webhook's URL, a few hundred characters with its signature: multi-line plain text (no 255 limit). */
      { name: 'WebhookUrl', displayName: 'Webhook-URL', type: text(true) },
    ],
  },
  /**
   * The union's representatives and their Org365 rollout (issue 13): union membership data (GDPR
   * art. 9), kept only here. The board edits, members read (list-permissions.ts `boardEdits`); the
   * tab reads it only in the rollout view and the representatives' own checklist, never with the plan.
   * The account steps are never typed: EntraId and Seen are what the tenant said when last read.
   * An import stages its rows (ImportState `pending:<importId>`, Replaces: the row a changed person's
   * staged row stands for) and publishes them with one write to the plan item (RosterImport).
   */
  roster: {
    key: 'roster',
    displayName: 'Tillitsvalgte',
    description: 'Fagforeningens tillitsvalgte og utrullingen av Org365. Personopplysninger: bare teamets medlemmer har tilgang. Vedlikeholdes av appen Handlingsplan. [handlingsplan:roster:v1]',
    version: 1,
    titleMeaning: 'Navn',
    columns: [
      clientId,
      { name: 'Email', displayName: 'E-post', type: text(), indexed: true },
      { name: 'RepRole', displayName: 'Rolle', type: choice(REP_ROLE_LABELS) },
      { name: 'RepArea', displayName: 'Tariffområde', type: choice(TARIFF_LABELS) },
      { name: 'Workplace', displayName: 'Arbeidssted', type: text() },
      { name: 'EntraId', displayName: 'Bruker i Org365 (ID)', type: text() },
      /** Manual steps done, as JSON `{stepId: {on, by}}`. */
      { name: 'StepMarks', displayName: 'Fullførte steg', type: text(true) },
      /** The days the tenant steps were first seen done, as JSON `{stepId: day}`. */
      { name: 'StepsSeen', displayName: 'Steg sett i Org365', type: text(true) },
      { name: 'Retired', displayName: 'Fratrådt', type: { kind: 'boolean' } },
      { name: 'ImportState', displayName: 'Importstatus', type: text(), indexed: true },
      { name: 'Replaces', displayName: 'Erstatter (ID)', type: text() },
    ],
  },
  /**
   * A representative's confirmations of their own training steps: members add items and change only
   * their own (list-permissions.ts `stewardsAddOwn`), so who confirmed is the item's creator, which
   * SharePoint records. ClientId `<user id>:<step id>` (unique) keeps one item per person and step.
   */
  rosterConfirmations: {
    key: 'rosterConfirmations',
    displayName: 'Bekreftelser fra tillitsvalgte',
    description: 'Steg i utrullingen som tillitsvalgte selv har bekreftet. Vedlikeholdes av appen Handlingsplan. [handlingsplan:rosterConfirmations:v1]',
    version: 1,
    titleMeaning: 'Steg',
    columns: [clientId, { name: 'StepId', displayName: 'Steg (ID)', type: text() }, { name: 'DoneOn', displayName: 'Fullført', type: { kind: 'dateTime' } }],
  },
};

export const LIST_KEYS = Object.keys(LISTS) as ListKey[];

/**
 * The lists that make up a plan as the tab loads it, for everyone: not the reminder ledger (read only
 * when reminders are sent), the channels' webhooks (the board's secret, read only in Settings and
 * by the runner) nor the roster and its confirmations (membership data, read only where shown).
 */
export const PLAN_LIST_KEYS: readonly ListKey[] = LIST_KEYS.filter((key) => !['reminders', 'channelWebhooks', 'roster', 'rosterConfirmations'].includes(key));

const MARKER = /\[handlingsplan:([A-Za-z]+):v(\d+)\]/;

/**
 * The schema version a list's columns match: the list's current version when it has every column,
 * else the version before the earliest one that added a column it lacks (0 when a column of the
 * first version is gone).
 */
export function versionOf(spec: ListSpec, columnNames: ReadonlySet<string> | ReadonlyMap<string, unknown>): number {
  const missing = spec.columns.filter((c) => !columnNames.has(c.name));
  if (missing.length === 0) return spec.version;
  return Math.min(...missing.map((c) => spec.addedIn?.[c.name] ?? 1)) - 1;
}

export function parseMarker(description: string | undefined | null): { key: string; version: number } | null {
  const match = description ? MARKER.exec(description) : null;
  return match && match[1] && match[2] ? { key: match[1], version: Number(match[2]) } : null;
}

/** Graph columnDefinition for a column spec (facts sheet §5). */
export function toColumnDefinition(column: ColumnSpec): Record<string, unknown> {
  const base: Record<string, unknown> = {
    name: column.name,
    displayName: column.displayName,
    indexed: column.indexed ?? false,
    ...(column.unique ? { enforceUniqueValues: true } : {}),
  };
  switch (column.type.kind) {
    case 'text':
      // Multi-line columns are plain text, so Microsoft Lists never turns what people write into HTML.
      return { ...base, text: column.type.multiline ? { allowMultipleLines: true, linesForEditing: 6, maxLength: 63999, textType: 'plain' } : { maxLength: 255 } };
    case 'number':
      return { ...base, number: { decimalPlaces: 'automatic' } };
    case 'dateTime':
      return { ...base, dateTime: { displayAs: 'default', format: 'dateOnly' } };
    case 'boolean':
      return { ...base, boolean: {} };
    case 'choice':
      return { ...base, choice: { choices: [...column.type.choices], allowTextEntry: false, displayAs: 'dropDownMenu' } };
  }
}
