/**
 * Channel reminders as features see them (issue 12): a preview of exactly what would be posted now,
 * and the send that posts it, each reminder once (the ledger). Implemented over Microsoft Graph and
 * the team site by adapters/reminders/reminder-service.ts; the rules are in reminders.ts.
 */
import type { PlanSnapshot } from './plan';

/** One message to post: an Adaptive Card (JSON) and the reminders it carries. */
export interface ReminderPreviewCard {
  readonly card: Readonly<Record<string, unknown>>;
  /** The message's plain-text summary (what notifications show). */
  readonly summary: string;
  readonly goalIds: readonly string[];
  readonly keys: readonly string[];
  readonly bytes: number;
}

export interface ReminderPreview {
  /** The local day (Europe/Oslo) the reminders are for. */
  readonly day: string;
  readonly channelId: string | null;
  readonly channelName: string | null;
  readonly cards: readonly ReminderPreviewCard[];
  /** Reminders another run has claimed and is posting now. */
  readonly inProgress: number;
  /** Stored settings that could not be read (the defaults are used for them). */
  readonly settingsProblems: readonly string[];
  /** The goals' Planner tasks could not be read: their reminders are missing from this run. */
  readonly tasksUnavailable: boolean;
}

export interface ReminderSendReport {
  /** Messages posted. */
  readonly posted: number;
  /** Reminders those messages carried. */
  readonly reminders: number;
  /** Reminders another run claimed first (it posts them). */
  readonly skipped: number;
  /** Claims left by an interrupted run: found posted and marked so, or released to be sent again. */
  readonly recovered: number;
  readonly failed: ReadonlyArray<{ readonly goalIds: readonly string[]; readonly error: Error }>;
  /** The goals' Planner tasks could not be read: their reminders were left out. */
  readonly tasksUnavailable: boolean;
}

/** The plan has no reminder channel: the board picks one in Settings. */
export class NoReminderChannelError extends Error {
  constructor() {
    super('The plan has no reminder channel');
    this.name = 'NoReminderChannelError';
  }
}

export interface ReminderPort {
  /**
   * Exactly what a send would post now. `manual` (default true: the tab's 'Send now') is not held
   * back by the delivery window or the digest day; the scheduled runner's dry run passes false.
   */
  preview(snapshot: PlanSnapshot, now: Date, options?: { readonly manual?: boolean }): Promise<ReminderPreview>;
  /**
   * Posts what is due. `only` limits it to the reminders of a preview (what the board saw is what
   * is posted; anything that came due since waits for the next run). `manual` is a board member's
   * 'Send now': not held back by the delivery window or the digest day.
   */
  send(snapshot: PlanSnapshot, now: Date, options?: { readonly only?: readonly string[]; readonly manual?: boolean }): Promise<ReminderSendReport>;
}
