/**
 * Sending a plan's reminders to its channel, each exactly once (issue 12), for the tab's 'Send
 * reminders now' and the unattended runner alike:
 *
 * 1. Claims left by an interrupted run (older than `staleAfterMs`) are settled first: a claim whose
 *    marker is found among the channel's messages is marked sent; one that is not is released, so
 *    its reminder is due again below.
 * 2. The rules (domain/reminders.ts) give what is due, leaving out every reminder in the ledger.
 * 3. Each due reminder is claimed in the ledger (a unique key: of two runs, one gets it).
 * 4. The reminders this run holds are composed into posts and cards (cards/reminder-cards.ts) and
 *    posted one card at a time. A post whose answer was lost is looked for in the channel by its
 *    markers before it is posted again (graph/idempotent.ts). Claims are then marked sent.
 * 5. A post the channel refused releases its claims, so the next run tries again; an answer lost for
 *    good leaves them claimed, for step 1 of a later run to settle.
 */
import { buildReminderCards, type ReminderCard } from '../../cards/reminder-cards';
import { mapBounded } from '../../graph/client';
import { createExactlyOnce, defaultDelay, isAmbiguousFailure } from '../../graph/idempotent';
import type { PlanSnapshot } from '../../domain/plan';
import { NoReminderChannelError, type ReminderPort, type ReminderPreview, type ReminderSendReport } from '../../domain/reminder-port';
import { composePosts, planReminderRun, readReminderSettings, reminderMarker, type Reminder, type TaskState } from '../../domain/reminders';
import type { LedgerEntry, ReminderLedger } from '../sharepoint/reminder-ledger';
import type { ChannelPoster, ChannelRef } from '../teams/channel-poster';

export interface ReminderServiceOptions {
  readonly teamId: string;
  readonly ledger: ReminderLedger;
  readonly poster: ChannelPoster;
  readonly goalLink: (goalId: string) => string | null;
  readonly reportLink: (goalId: string) => string | null;
  /** The goals' Planner tasks (the Planner capability), when the plan has them. */
  readonly tasks?: (snapshot: PlanSnapshot) => Promise<TaskState[]>;
  readonly runId?: () => string;
  /** A claim older than this belongs to an interrupted run (default 15 minutes). */
  readonly staleAfterMs?: number;
  /** Ledger writes in flight at once (default 4). */
  readonly concurrency?: number;
}

/** A post whose answer was lost and whose channel could not be read to see whether it landed. */
export class PostOutcomeUnknownError extends Error {
  constructor(cause: unknown) {
    super('The post may or may not have been made: its answer was lost and the channel could not be read', { cause });
    this.name = 'PostOutcomeUnknownError';
  }
}

export const DEFAULT_STALE_AFTER_MS = 15 * 60 * 1000;
/** Messages older than a claim by this much cannot carry it (clocks of runners and Teams differ a little). */
const CLOCK_SLACK_MS = 5 * 60 * 1000;

export class ReminderService implements ReminderPort {
  constructor(private readonly options: ReminderServiceOptions) {}

  async preview(snapshot: PlanSnapshot, now: Date, options: { readonly manual?: boolean } = {}): Promise<ReminderPreview> {
    const plan = snapshot.plan;
    const { settings, problems } = readReminderSettings(plan.reminderSettings);
    const entries = await this.options.ledger.entries(plan.id);
    const taken = new Set(entries.map((e) => e.key));
    const { tasks, tasksUnavailable } = await this.readTasks(snapshot);
    const run = planReminderRun({ plan, goals: snapshot.goals, checkIns: snapshot.checkIns, tasks, settings, sent: taken }, now, { manual: options.manual ?? true });
    const cards = run.posts.flatMap((post) => buildReminderCards(post, this.cardContext(snapshot, run.day), this.options.poster.target));
    return {
      day: run.day,
      channelId: plan.reminderChannelId ?? null,
      channelName: plan.reminderChannelName ?? null,
      cards: cards.map((c) => ({ card: c.card, summary: c.summary, keys: c.keys, bytes: c.bytes, goalIds: goalIdsOf(c.keys, run.posts.flatMap(remindersOf)) })),
      inProgress: entries.filter((e) => e.state === 'claimed').length,
      settingsProblems: problems.map((p) => p.field),
      tasksUnavailable,
    };
  }

  async send(snapshot: PlanSnapshot, now: Date, options: { readonly only?: readonly string[]; readonly manual?: boolean } = {}): Promise<ReminderSendReport> {
    const { ledger, poster } = this.options;
    const plan = snapshot.plan;
    if (!plan.reminderChannelId) throw new NoReminderChannelError();
    const channel: ChannelRef = { teamId: this.options.teamId, channelId: plan.reminderChannelId };
    const { settings } = readReminderSettings(plan.reminderSettings);
    const runId = this.options.runId?.() ?? globalThis.crypto.randomUUID();
    const at = now.toISOString();
    const limit = this.options.concurrency ?? 4;

    // 1. Settle what interrupted runs left.
    const entries = await ledger.entries(plan.id);
    const staleBefore = now.getTime() - (this.options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS);
    const stale = entries.filter((e) => e.state === 'claimed' && !(Date.parse(e.claimedAt) >= staleBefore));
    let recovered = 0;
    const released = new Set<string>();
    // A run that cannot read the channel (the tab, with ChannelMessage.Send only) cannot tell whether
    // those posts were made: it leaves them to a run that can, and sends the rest.
    const found = stale.length > 0 ? await this.findStale(channel, plan.id, stale) : null;
    if (found) {
      await mapBounded(stale, limit, async (entry) => {
        const messageId = found.get(reminderMarker(plan.id, entry.key, entry.runId));
        if (messageId !== undefined) await persist(() => ledger.markSent(entry, messageId));
        else if (await persist(() => ledger.release(entry))) released.add(entry.key);
        else return;
        recovered++;
      });
    }

    // 2. What is due, leaving out everything in the ledger.
    const taken = new Set(entries.filter((e) => !released.has(e.key)).map((e) => e.key));
    const { tasks, tasksUnavailable } = await this.readTasks(snapshot);
    const run = planReminderRun({ plan, goals: snapshot.goals, checkIns: snapshot.checkIns, tasks, settings, sent: taken }, now, { manual: options.manual ?? false });
    const only = options.only ? new Set(options.only) : null;
    const due = run.posts.flatMap(remindersOf).filter((r) => !only || only.has(r.key));

    // 3. Claim them: a reminder another run claimed first is theirs to post.
    const claims = await mapBounded(due, limit, (r) => ledger.claim(plan.id, r, { runId, at, via: poster.via, channelId: channel.channelId }));
    const entryOf = new Map<string, LedgerEntry>();
    const owned: Reminder[] = [];
    due.forEach((r, i) => {
      const entry = claims[i] as LedgerEntry;
      if (entry.runId === runId && entry.state === 'claimed') {
        owned.push(r);
        entryOf.set(r.key, entry);
      }
    });

    // 4. Post what this run holds, a card at a time, in order.
    const cards = composePosts(owned, settings).flatMap((post) => buildReminderCards(post, { ...this.cardContext(snapshot, run.day), runId }, poster.target));
    let posted = 0;
    let reminders = 0;
    const failed: Array<{ goalIds: string[]; error: Error }> = [];
    for (const card of cards) {
      const mine = card.keys.map((k) => entryOf.get(k)).filter((e): e is LedgerEntry => e !== undefined);
      let messageId: string | null;
      try {
        messageId = await this.postOnce(channel, card, plan.id, runId, at);
      } catch (error) {
        // 5. Refused: free the claims for the next run. Lost for good, or not known (the channel could
        // not be read to check): the claims stay, and a later run settles them (step 1).
        if (!isAmbiguousFailure(error) && !(error instanceof PostOutcomeUnknownError)) await mapBounded(mine, limit, (entry) => persist(() => ledger.release(entry)).catch(() => false));
        failed.push({ goalIds: goalIdsOf(card.keys, owned), error: error instanceof Error ? error : new Error(String(error)) });
        continue;
      }
      posted++;
      reminders += card.keys.length;
      // The post is made. Marking its claims may still fail for good (the ledger unreachable): they
      // stay claimed, and a later run finds the post by its markers and marks them (step 1).
      await mapBounded(mine, limit, (entry) => persist(() => ledger.markSent(entry, messageId ?? '')).catch(() => undefined));
    }
    return { posted, reminders, skipped: due.length - owned.length, recovered, failed, tasksUnavailable };
  }

  /** The messages carrying stale claims' markers, or null when the channel cannot be read. */
  private async findStale(channel: ChannelRef, planId: string, stale: readonly LedgerEntry[]): Promise<Map<string, string> | null> {
    const since = Math.min(...stale.map((e) => Date.parse(e.claimedAt) || 0)) - CLOCK_SLACK_MS;
    try {
      return await this.options.poster.find(channel, stale.map((e) => reminderMarker(planId, e.key, e.runId)), new Date(Math.max(0, since)).toISOString());
    } catch (error) {
      if (isAmbiguousFailure(error)) throw error;
      return null;
    }
  }

  /**
   * The goals' Planner tasks; when Planner cannot be read (a premium plan, a plan deleted, no
   * access) the goals are still reminded of, and the caller is told the tasks are missing.
   */
  private async readTasks(snapshot: PlanSnapshot): Promise<{ tasks: TaskState[]; tasksUnavailable: boolean }> {
    if (!this.options.tasks) return { tasks: [], tasksUnavailable: false };
    try {
      return { tasks: await this.options.tasks(snapshot), tasksUnavailable: false };
    } catch {
      return { tasks: [], tasksUnavailable: true };
    }
  }

  /** Posts a card once: after an ambiguous failure it is looked for by its markers before it is posted again. */
  private postOnce(channel: ChannelRef, card: ReminderCard, planId: string, runId: string, claimedAt: string): Promise<string | null> {
    const { poster } = this.options;
    const markers = card.keys.map((k) => reminderMarker(planId, k, runId));
    const since = new Date(Date.parse(claimedAt) - CLOCK_SLACK_MS).toISOString();
    return createExactlyOnce<string | null>({
      create: () => poster.post(channel, card),
      find: async () => {
        let found: Map<string, string>;
        try {
          found = await poster.find(channel, markers, since);
        } catch (error) {
          // Without a look at the channel (e.g. no permission to read it) nobody knows whether the post landed.
          if (isAmbiguousFailure(error)) throw error;
          throw new PostOutcomeUnknownError(error);
        }
        return found.size > 0 ? ([...found.values()][0] as string) : null;
      },
    });
  }

  private cardContext(snapshot: PlanSnapshot, day: string) {
    return {
      plan: snapshot.plan,
      goals: snapshot.goals,
      areas: snapshot.areas,
      checkIns: snapshot.checkIns,
      today: day,
      goalLink: this.options.goalLink,
      reportLink: this.options.reportLink,
    };
  }
}

/** A write that may be repeated safely, retried after ambiguous failures (throttling that outlasted the client's retries, 5xx, no answer). */
async function persist<T>(write: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts || !isAmbiguousFailure(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, defaultDelay(attempt, error)));
    }
  }
}

function remindersOf(post: ReturnType<typeof composePosts>[number]): Reminder[] {
  return (post.kind === 'goal' ? [post.goal] : post.goals).flatMap((g) => g.reminders);
}

function goalIdsOf(keys: readonly string[], reminders: readonly Reminder[]): string[] {
  const wanted = new Set(keys);
  return [...new Set(reminders.filter((r) => wanted.has(r.key)).map((r) => r.goalId))];
}
