/**
 * Posting reminder cards through the channel's Workflows webhook (issue 12, delivery path 3:
 * unattended, without a bot): the Workflows template "Post to a channel when a webhook request is
 * received" takes `{"type":"message","attachments":[{"contentType":
 * "application/vnd.microsoft.card.adaptive","contentUrl":null,"content":{…card…}}]}` (the card an
 * object, version 1.4) and answers 202 Accepted with no body (facts §8; learn:
 * /microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using and
 * /microsoftteams/platform/task-modules-and-cards/cards/cards-format).
 *
 * The URL is the secret: the board stores it per channel (adapters/sharepoint/channel-webhooks.ts,
 * a list only the board and the app can read). The webhook says nothing about the message it made,
 * so a post is found again, after a lost answer, among the channel's messages through Graph
 * (app-only, `ChannelMessage.Read.Group`), by the markers its card carries.
 */
import type { ReminderCard } from '../../cards/reminder-cards';
import type { GraphApi } from '../../graph/client';
import { postJson, type JsonPostOptions } from '../http/json-post';
import { ADAPTIVE_CARD } from './bot-connector-poster';
import { findMarkers, type ChannelPoster, type ChannelRef } from './channel-poster';

/** Where a channel's webhook URL comes from (the board's setting). */
export interface ChannelWebhookUrls {
  urlFor(channelId: string): Promise<string | null>;
}

/** The channel has no webhook URL: the board adds one in Settings. */
export class NoWebhookError extends Error {
  constructor(readonly channelId: string) {
    super(`The channel ${channelId} has no Workflows webhook URL (the board adds one in Settings)`);
    this.name = 'NoWebhookError';
  }
}

export interface WorkflowPosterOptions {
  readonly webhooks: ChannelWebhookUrls;
  /** Graph, app-only, to find lost posts. */
  readonly graph: GraphApi;
  readonly fetch?: typeof fetch;
  readonly retry?: Pick<JsonPostOptions, 'maxRetries' | 'retryDelaySeconds' | 'maxWaitSeconds'>;
}

export function workflowPayload(card: ReminderCard): Record<string, unknown> {
  return { type: 'message', attachments: [{ contentType: ADAPTIVE_CARD, contentUrl: null, content: card.card }] };
}

export class WorkflowPoster implements ChannelPoster {
  readonly via = 'workflow' as const;
  readonly target = 'workflow' as const;
  private readonly urls = new Map<string, Promise<string | null>>();

  constructor(private readonly options: WorkflowPosterOptions) {}

  async post(channel: ChannelRef, card: ReminderCard): Promise<null> {
    const url = await this.urlOf(channel.channelId);
    if (!url) throw new NoWebhookError(channel.channelId);
    await postJson(url, workflowPayload(card), { ...(this.options.fetch ? { fetch: this.options.fetch } : {}), ...this.options.retry });
    return null;
  }

  /** Whether the channel has a webhook URL (read once; the posts use the same). */
  async hasWebhook(channelId: string): Promise<boolean> {
    return (await this.urlOf(channelId)) !== null;
  }

  find(channel: ChannelRef, markers: readonly string[], since: string): Promise<Map<string, string>> {
    return findMarkers(this.options.graph, channel, markers, since);
  }

  private urlOf(channelId: string): Promise<string | null> {
    let url = this.urls.get(channelId);
    if (!url) {
      url = this.options.webhooks.urlFor(channelId);
      this.urls.set(channelId, url);
    }
    return url;
  }
}
