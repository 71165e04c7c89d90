/**
 * Ports: what the app needs from the outside world, in domain terms only.
 * Adapters (adapters/*) implement them over Microsoft Graph; tests may implement them in memory.
 */
import type {
  Area,
  CheckIn,
  GoalComment,
  GoalVersion,
  LocalGoal,
  LocalGoalPatch,
  Plan,
  PlanSnapshot,
  SituationRow,
  PersonRef,
} from './plan';

export type TeamRole = 'board' | 'steward';

export interface TeamMember extends PersonRef {
  readonly role: TeamRole;
}

export interface TeamInfo {
  readonly id: string;
  readonly displayName: string;
  readonly description: string;
}

export interface ChannelInfo {
  readonly id: string;
  readonly displayName: string;
}

export interface Directory {
  me(): Promise<PersonRef>;
  joinedTeams(): Promise<TeamInfo[]>;
  teamMembers(teamId: string): Promise<TeamMember[]>;
  channels(teamId: string): Promise<ChannelInfo[]>;
}

/** A person's account in the tenant (Microsoft Entra user). */
export interface DirectoryUser {
  /** The Entra object id: what the app stores and matches people by. */
  readonly id: string;
  readonly displayName: string;
  /** Null for a user without a mailbox; often not the sign-in name. */
  readonly mail: string | null;
  readonly userPrincipalName: string;
}

/** An e-mail address as the roster compares it: trimmed, lower case (Entra compares case-insensitively). */
export const normaliseAddress = (address: string): string => address.trim().toLowerCase();

/**
 * The tenant's directory as the union's roster needs it (issue 13): find the representatives' accounts
 * by the addresses the board has, and add one who is missing to the team.
 */
export interface RosterDirectory {
  /**
   * The users whose mail or sign-in name (userPrincipalName) is one of these addresses, compared
   * case-insensitively, keyed by the normalised address they were found by (`normaliseAddress`).
   * Addresses that match nobody are absent from the map.
   */
  findUsersByAddress(addresses: readonly string[]): Promise<Map<string, DirectoryUser>>;
  /**
   * Makes the user a member (not an owner) of the team, exactly once: adding someone who is already
   * in the team succeeds and returns them as they are. Refused (AccessDeniedError) unless the
   * signed-in user owns the team; NotFoundError for an unknown user.
   */
  addTeamMember(teamId: string, userId: string): Promise<TeamMember>;
}

/** Thrown when a write is rejected because the stored item changed since it was read. */
export class ConflictError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} was changed by someone else`);
    this.name = 'ConflictError';
  }
}

/** Thrown when an item no longer exists (deleted, possibly in Microsoft Lists). */
export class NotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} no longer exists`);
    this.name = 'NotFoundError';
  }
}

/**
 * The store refused the write because the person may not make it (HTTP 403: e.g. a steward writing
 * to a list only the board may change, once the lists carry their own permissions).
 */
export class AccessDeniedError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`Not allowed to change ${entity} ${id}`);
    this.name = 'AccessDeniedError';
  }
}

export interface GoalUpdate {
  readonly id: string;
  readonly patch: LocalGoalPatch;
  readonly ifMatch?: string | null;
}

export type GoalUpdateResult = { readonly id: string; readonly ok: true; readonly goal: LocalGoal } | { readonly id: string; readonly ok: false; readonly error: Error };

export interface WriteOptions {
  /** Send the item's eTag so that a stale write is rejected with ConflictError. Default true. */
  readonly ifMatch?: string | null;
}

export type NewLocalGoal = Omit<LocalGoal, 'id' | 'etag' | 'modified' | 'modifiedBy'>;
export type NewArea = Omit<Area, 'id' | 'etag'>;
/** A new check-in or comment has no author field: the store records who created it from the token. */
export type NewCheckIn = Omit<CheckIn, 'id' | 'clientId' | 'author'> & { readonly clientId: string };
export type NewComment = Omit<GoalComment, 'id' | 'created' | 'clientId' | 'author'> & { readonly clientId: string };
export type NewSituationRow = Omit<SituationRow, 'id' | 'etag'>;
/** Every create carries a client key (ClientId); the repository makes one when the caller gives none. */
export type NewPlan = Omit<Plan, 'id' | 'etag'> & { readonly clientId?: string };

export interface ListHealth {
  readonly key: string;
  readonly displayName: string;
  readonly listId: string | null;
  readonly state: 'ok' | 'missing' | 'outdated' | 'repaired' | 'created';
  readonly missingColumns: readonly string[];
  readonly version: number;
}

export interface StorageHealth {
  readonly lists: readonly ListHealth[];
}

/**
 * Who may change what in a list (set with SharePoint, not only in the UI): 'boardEdits' — the
 * board edits, stewards read; 'stewardsAddOwn' — stewards add items and change only their own;
 * 'boardOnly' — the board reads and edits, stewards have no access at all (a list of secrets).
 */
export type ListAccessRule = 'boardEdits' | 'stewardsAddOwn' | 'boardOnly';

export interface ListPermission {
  readonly key: string;
  readonly displayName: string;
  readonly rule: ListAccessRule;
  /** ok: as the rule asks; inherited: the site's (every member may edit); different: changed by someone. */
  readonly state: 'ok' | 'inherited' | 'different';
}

/**
 * The lists' permissions: ok, notApplied (some list is not as its rule asks), or why they could not
 * be read or set from here: unreachable (no answer, e.g. the browser's cross-origin call refused),
 * denied (no consent or not a site owner), failed (anything else).
 */
export interface PermissionsHealth {
  readonly state: 'ok' | 'notApplied' | 'unreachable' | 'denied' | 'failed';
  readonly lists: readonly ListPermission[];
  /** The site's URL, for the `npm run provision -- --site <url>` advice. */
  readonly siteUrl?: string;
}

/** What upgrading owners stored by user name (before schema v3) to Entra ids did. */
export interface OwnerUpgrade {
  /** Goals whose owner was matched to a team member and is now stored by id. */
  readonly upgraded: number;
  /** Owners that matched no team member: kept as they were, for the board to assign again. */
  readonly unmatched: ReadonlyArray<{ readonly goalId: string; readonly goalText: string; readonly stored: string }>;
}

/** The plan of one team, kept in that team's site. */
export interface PlanRepository {
  /** Creates or upgrades the lists (idempotent) and reports what it found and did. */
  provision(): Promise<StorageHealth>;
  /** Inspects the lists without changing anything. */
  health(): Promise<StorageHealth>;
  /**
   * Moves owners stored by user name (OwnerUpn, before schema v3) to Entra ids, once: each is
   * matched to the team member whose e-mail it is (what the earlier app stored); others are reported.
   */
  upgradeOwners(members: readonly TeamMember[]): Promise<OwnerUpgrade>;
  /** The lists' permissions as SharePoint has them (read through SharePoint REST). */
  permissions(): Promise<PermissionsHealth>;
  /** Gives the lists their permissions (board: needs a site owner and SharePoint consent). */
  applyPermissions(): Promise<PermissionsHealth>;
  /** The team's plan, or null when the team has none yet. */
  load(): Promise<PlanSnapshot | null>;

  createPlan(plan: NewPlan): Promise<Plan>;
  updatePlan(id: string, patch: Partial<NewPlan>, options?: WriteOptions): Promise<Plan>;

  createArea(area: NewArea): Promise<Area>;
  createGoal(goal: NewLocalGoal): Promise<LocalGoal>;
  updateGoal(id: string, patch: LocalGoalPatch, options?: WriteOptions): Promise<LocalGoal>;
  deleteGoal(id: string, options?: WriteOptions): Promise<void>;
  getGoal(id: string): Promise<LocalGoal>;
  /**
   * Changes many goals in `$batch` requests (20 a request, a few in parallel), each with its own
   * If-Match; one goal's refusal (ConflictError, NotFoundError, AccessDeniedError) is its result,
   * not a failure of the others. Results in input order.
   */
  updateGoals(updates: readonly GoalUpdate[]): Promise<GoalUpdateResult[]>;

  updateArea(id: string, patch: Partial<NewArea>, options?: WriteOptions): Promise<Area>;

  /** Stores a check-in exactly once per clientId, however often it is retried or replayed. */
  addCheckIn(checkIn: NewCheckIn): Promise<CheckIn>;
  checkInsOf(goalId: string): Promise<CheckIn[]>;
  /** Stores a comment exactly once per clientId. */
  addComment(comment: NewComment): Promise<GoalComment>;
  /** The goal's stored versions, newest first. */
  goalHistory(goalId: string): Promise<GoalVersion[]>;

  createSituationRow(row: NewSituationRow): Promise<SituationRow>;
  updateSituationRow(id: string, patch: Partial<NewSituationRow>, options?: WriteOptions): Promise<SituationRow>;
  deleteSituationRow(id: string, options?: WriteOptions): Promise<void>;
}
