/**
 * A channel's Workflows webhook (issue 12, delivery path 3): the URL of the Teams Workflows flow
 * "Post to a channel when a webhook request is received", through which the unattended runner posts
 * reminders without the bot (facts sheet §8). The URL is a secret — whoever holds it can post into
 * the channel — so it is kept per channel in a list only the board (and the app's own identity) can
 * read (adapters/sharepoint/channel-webhooks.ts, list-permissions.ts `boardOnly`).
 */

export interface ChannelWebhook {
  /** The list item's id. */
  readonly id: string;
  /** The Teams channel's id (`19:…@thread.tacv2`), the item's unique key. */
  readonly channelId: string;
  /** The channel's name when the URL was saved, for people reading the list in Microsoft Lists. */
  readonly channelName: string;
  readonly url: string;
  readonly etag: string | undefined;
}

/** Where the runner finds a channel's webhook URL: null when the channel has none (or none it may post to). */
export interface ChannelWebhookStore {
  urlFor(channelId: string): Promise<string | null>;
}

/** The board's webhook settings (Settings → Reminders). */
export interface ChannelWebhooks extends ChannelWebhookStore {
  list(): Promise<ChannelWebhook[]>;
  get(channelId: string): Promise<ChannelWebhook | null>;
  /**
   * Stores the channel's URL: without an eTag the item is created exactly once by the channel's
   * id (ConflictError when someone else stored another URL first); with one, it is updated with
   * If-Match (ConflictError when it changed since, NotFoundError when it was removed).
   */
  set(channelId: string, channelName: string, url: string, etag?: string): Promise<ChannelWebhook>;
  /** Removes the channel's URL (with If-Match when an eTag is given); nothing to remove is no error. */
  remove(channelId: string, etag?: string): Promise<void>;
}

export type WebhookUrlProblem = 'empty' | 'notHttps' | 'notWorkflows';

/**
 * Hosts of Workflows (Power Automate) webhook URLs: flows made before Microsoft's move of HTTP
 * trigger URLs answer on Azure Logic Apps hosts (`prod-NN.<region>.logic.azure.com`, as Learn's
 * Get-AzLogicAppTriggerCallbackUrl example shows), newer ones on Power Platform hosts
 * (`<environment>.NN.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/…`;
 * Learn: Get-AdminFlowWithMigratingTriggerUrl lists the flows whose trigger URL migrates).
 */
const WORKFLOWS_HOST_SUFFIXES = ['.logic.azure.com', '.api.powerplatform.com'] as const;

/** The local emulator's webhooks: `https://localhost:<port>/webhooks/workflows/<id>`. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why a text is not a URL the runner may post reminders to, or null when it is: an https URL of a
 * Workflows webhook host (or of this machine, for the local emulator), without user name or password.
 * Anything else would hand the reminders' contents (goals, names) to a host that is not Workflows.
 */
export function webhookUrlProblem(url: string): WebhookUrlProblem | null {
  const text = url.trim();
  if (text === '') return 'empty';
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return 'notHttps';
  }
  if (parsed.protocol !== 'https:') return 'notHttps';
  if (parsed.username !== '' || parsed.password !== '') return 'notWorkflows';
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (LOOPBACK_HOSTS.has(host)) return null;
  return WORKFLOWS_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix) && host.length > suffix.length) ? null : 'notWorkflows';
}

/** A URL that is not a Workflows webhook was given to be stored: nothing was stored. */
export class WebhookUrlError extends Error {
  constructor(readonly problem: WebhookUrlProblem) {
    super(`Not a Workflows webhook URL (${problem})`);
    this.name = 'WebhookUrlError';
  }
}

/**
 * The webhook list could not be made the board's alone before a URL was written (SharePoint could
 * not be reached from here, refused, or failed), so nothing was stored: a secret is never written
 * into a list stewards might read.
 */
export class WebhookListNotSecuredError extends Error {
  constructor(readonly reason: 'unreachable' | 'denied' | 'failed') {
    super(`The channel webhook list could not be limited to the board (${reason}); nothing was stored`);
    this.name = 'WebhookListNotSecuredError';
  }
}
