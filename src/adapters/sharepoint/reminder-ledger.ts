/**
 * The reminder ledger over the team site's 'Påminnelseslogg' list (schema.ts `reminders`): one item
 * per plan and reminder key, the key held in the unique ClientId column, so a reminder can be
 * claimed by one run only (a second create with the key is refused by SharePoint, facts §17). A
 * claim is then marked sent with the message's id, or released when the post was refused.
 *
 * Every write is exactly once (graph/idempotent.ts) or conditional (If-Match), so two runners, a
 * crash half-way, or a retry after a lost answer never leave two claims or undo another run's work.
 */
import type { GraphApi } from '../../graph/client';
import { createExactlyOnce } from '../../graph/idempotent';
import { GraphRequestError } from '../../graph/errors';
import { fieldEquals, withQuery } from '../../graph/odata';
import type { Reminder } from '../../domain/reminders';
import { optStr, str, type ListItem } from './mappers';
import { LEDGER_STATE_LABELS } from './schema';
import { SiteListsManager, type SiteLists } from './site-lists';

export type ReminderVia = 'graph' | 'bot' | 'workflow';

export interface LedgerEntry {
  /** The list item's id. */
  readonly id: string;
  readonly planId: string;
  readonly key: string;
  readonly goalId: string;
  readonly state: 'claimed' | 'sent';
  readonly runId: string;
  /** ISO instant of the claim. */
  readonly claimedAt: string;
  readonly via: string | null;
  readonly channelId: string | null;
  readonly messageId: string | null;
  readonly etag: string | undefined;
}

/** The ledger as the reminder service uses it (a port, so the service is tested over any store). */
export interface ReminderLedger {
  entries(planId: string): Promise<LedgerEntry[]>;
  /** Claims a reminder for a run: the entry as stored, whose runId says who holds it (another run when it came first). */
  claim(planId: string, reminder: Reminder, claim: { readonly runId: string; readonly at: string; readonly via: ReminderVia; readonly channelId: string }): Promise<LedgerEntry>;
  /** Marks a claim sent with the message that carried it. */
  markSent(entry: LedgerEntry, messageId: string): Promise<void>;
  /** Gives up a claim (its post was refused, or it was left by a crashed run): false when someone changed it first. */
  release(entry: LedgerEntry): Promise<boolean>;
}

const STATE_BY_LABEL: Readonly<Record<string, LedgerEntry['state']>> = { [LEDGER_STATE_LABELS.claimed]: 'claimed', [LEDGER_STATE_LABELS.sent]: 'sent' };

/** The ledger key of a reminder in a plan: the ClientId of its item. */
export const ledgerKey = (planId: string, key: string): string => `${planId}:${key}`;

export function toLedgerEntry(item: ListItem): LedgerEntry {
  const f = item.fields ?? {};
  return {
    id: item.id,
    planId: str(f, 'PlanId'),
    key: str(f, 'ReminderKey'),
    goalId: str(f, 'GoalId'),
    // An unreadable state is treated as sent: a reminder is never posted twice because of a hand edit.
    state: STATE_BY_LABEL[str(f, 'ReminderState')] ?? 'sent',
    runId: str(f, 'RunId'),
    claimedAt: str(f, 'ClaimedAt'),
    via: optStr(f, 'Via'),
    channelId: optStr(f, 'ChannelId'),
    messageId: optStr(f, 'MessageId'),
    etag: item.eTag,
  };
}

export class SharePointReminderLedger implements ReminderLedger {
  private readonly site: SiteListsManager;

  constructor(
    private readonly graph: GraphApi,
    teamId: string,
    site?: SiteListsManager,
  ) {
    this.site = site ?? new SiteListsManager(graph, teamId);
  }

  async entries(planId: string): Promise<LedgerEntry[]> {
    const path = await this.itemsPath();
    // PlanId is indexed, so the filter holds on lists past the view threshold (facts §5).
    const items = await this.graph.getAll<ListItem>(withQuery(path, { expand: 'fields', filter: fieldEquals('PlanId', planId), top: 5000 }));
    return items.map(toLedgerEntry);
  }

  async claim(planId: string, reminder: Reminder, claim: { runId: string; at: string; via: ReminderVia; channelId: string }): Promise<LedgerEntry> {
    const path = await this.itemsPath();
    const clientId = ledgerKey(planId, reminder.key);
    const item = await createExactlyOnce<ListItem>({
      create: () =>
        this.graph.post<ListItem>(path, {
          fields: {
            Title: `${reminder.rule} ${reminder.day}`,
            PlanId: planId,
            ClientId: clientId,
            GoalId: reminder.goalId,
            ReminderKey: reminder.key,
            ReminderState: LEDGER_STATE_LABELS.claimed,
            RunId: claim.runId,
            ClaimedAt: claim.at,
            Via: claim.via,
            ChannelId: claim.channelId,
          },
        }),
      find: async () => (await this.graph.getAll<ListItem>(withQuery(path, { expand: 'fields', filter: fieldEquals('ClientId', clientId), top: 1 })))[0] ?? null,
    });
    return toLedgerEntry(item);
  }

  async markSent(entry: LedgerEntry, messageId: string): Promise<void> {
    const path = await this.itemsPath();
    await this.graph.patch(`${path}/${encodeURIComponent(entry.id)}/fields`, { ReminderState: LEDGER_STATE_LABELS.sent, MessageId: messageId });
  }

  async release(entry: LedgerEntry): Promise<boolean> {
    const path = await this.itemsPath();
    try {
      await this.graph.delete(`${path}/${encodeURIComponent(entry.id)}`, entry.etag ? { headers: { 'If-Match': entry.etag } } : undefined);
      return true;
    } catch (err) {
      // Changed (412) or removed (404) by another run since it was read.
      if (err instanceof GraphRequestError && (err.status === 412 || err.status === 404)) return false;
      throw err;
    }
  }

  private async itemsPath(): Promise<string> {
    let lists: SiteLists = await this.site.locate();
    if (!lists.lists.has('reminders')) {
      // A site provisioned before reminders existed gets the ledger list now.
      await this.site.provision();
      lists = await this.site.locate();
    }
    const list = lists.lists.get('reminders');
    if (!list) throw new Error('The reminder ledger list could not be created');
    return `/sites/${lists.siteId}/lists/${list.id}/items`;
  }
}
