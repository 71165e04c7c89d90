/**
 * The Org365 rollout as features and runners see it (issue 13): the team's representatives, the
 * rollout's steps, what the tenant says about each of them, and the writes the board and the
 * representatives make. Implemented over the team site's lists and Microsoft Graph by
 * adapters/sharepoint/roster-repository.ts; the rules are in roster.ts.
 *
 * The roster is union membership data (GDPR art. 9): it is read only where it is shown (never with
 * the plan, never into the tab's persisted cache) and written only to the team's own site.
 */
import type { TeamMember, WriteOptions } from './ports';
import type { DirectoryFacts, RepArea, Representative, RepRole, RolloutStep, StepMark } from './roster';

export interface RosterSnapshot {
  /** Every representative, retired ones included, with their own confirmations as marks by 'self'. */
  readonly reps: readonly Representative[];
  /** The plan's steps (built-in ones renamed or retired by the board, and the board's own). */
  readonly steps: readonly RolloutStep[];
  /** Stored steps that could not be read (the defaults are used for them). */
  readonly stepProblems: readonly string[];
  /**
   * What the tenant says now (accounts found by address, the team's members), or null when the
   * directory could not be read (the stored state is shown then, and nothing is written).
   */
  readonly facts: DirectoryFacts | null;
  /** The tenant's display name of each representative's account, by representative id. */
  readonly accountNames: ReadonlyMap<string, string>;
  /** The plan item the steps live on, for saving them with If-Match; null when the team has no plan. */
  readonly plan: { readonly id: string; readonly etag: string | null } | null;
  /** Representatives whose stored Entra id or first-seen days this read brought up to date (the board's read writes them). */
  readonly updated: number;
}

export interface NewRepresentative {
  readonly name: string;
  readonly email: string;
  readonly role: RepRole;
  readonly area: RepArea | null;
  readonly workplace: string;
}

export type RepresentativePatch = Partial<NewRepresentative & { readonly retired: boolean }>;

export interface RosterImportInput {
  /** Chosen once per save attempt (a UUID): every row written carries a key made from it. */
  readonly importId: string;
  readonly added: readonly NewRepresentative[];
  /** Existing representatives with the file's values (id, etag, marks kept). */
  readonly changed: readonly Representative[];
}

export interface RosterImportResult {
  readonly added: number;
  readonly changed: number;
  /** True when this call completed an earlier attempt with the same importId. */
  readonly resumed: boolean;
}

/** The import found the roster changed since its preview (someone else imported or edited): preview again. */
export class RosterChangedError extends Error {
  constructor() {
    super('The roster changed since the preview');
    this.name = 'RosterChangedError';
  }
}

export interface RefreshOptions {
  /** Store what the tenant says (the board, the runner). */
  readonly write?: boolean;
  /**
   * Ask the tenant at all (default true). False: the roster as stored, facts null, one request
   * (a representative's own checklist, the goal editor's steps).
   */
  readonly directory?: boolean;
}

export interface RosterPort {
  /**
   * The roster and what the tenant says about it now. When `write` is set (the board, the runner),
   * Entra ids found and the days tenant steps were first seen are stored (If-Match; a conflict is
   * left for the next read).
   */
  refresh(today: string, options?: RefreshOptions): Promise<RosterSnapshot>;
  /** Adds a representative exactly once per clientId. */
  add(rep: NewRepresentative & { readonly clientId: string }): Promise<Representative>;
  update(id: string, patch: RepresentativePatch, options?: WriteOptions): Promise<Representative>;
  /** The board ticks (a mark) or clears (null) a manual step of a representative (If-Match on the representative). */
  setMark(rep: Representative, stepId: string, mark: StepMark | null): Promise<Representative>;
  /**
   * The signed-in representative confirms a manual step on their own checklist (`on`: the day), or
   * withdraws their confirmation (null). Idempotent.
   */
  confirmOwn(stepId: string, on: string | null): Promise<void>;
  /** Stores the plan's steps (If-Match on the plan item). */
  saveSteps(steps: readonly RolloutStep[], plan: { readonly id: string; readonly etag: string | null }): Promise<{ readonly etag: string | null }>;
  /**
   * Writes an import all-or-nothing: the rows are staged, then published by one write to the plan
   * item; a retry with the same importId completes it without duplicates. RosterChangedError when a
   * changed representative was edited since the preview (nothing is published).
   */
  importRoster(input: RosterImportInput, onProgress?: (done: number, total: number) => void): Promise<RosterImportResult>;
  /** Adds the representative's account to the team as a member (the team's owners only). */
  invite(rep: Representative): Promise<TeamMember>;
}
