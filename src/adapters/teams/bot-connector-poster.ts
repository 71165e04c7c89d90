/**
 * Posting reminder cards as the app's bot, through the Bot Connector REST API (issue 12, delivery
 * path 2: unattended, on the app's own identity). Each card starts a new thread in the channel:
 * `POST {serviceUrl}/v3/conversations` with `isGroup: true`, `channelData.channel.id` (the channel's
 * `19:…` id) and the card as the first activity → `{id, activityId}` (facts §16.4; learn:
 * /microsoftteams/platform/resources/bot-v3/bot-conversations/bots-conv-proactive and the Bot
 * Connector API reference). The bot's token comes from the client credentials flow with scope
 * `https://api.botframework.com/.default` (facts §16.2), through the runner's token source.
 *
 * The bot must be installed in the team (the app's package carries it, so installing the app
 * installs it: facts §16.1); otherwise the Connector answers 403 and the reminders are released for
 * a later run. A post whose answer was lost is looked for among the channel's messages through
 * Graph, which the app reads app-only with the resource-specific permission
 * `ChannelMessage.Read.Group` granted when the team installed it (learn: /graph/api/channel-list-messages).
 *
 * serviceUrl: the global proactive URL for the public cloud unless told otherwise (facts §16.3:
 * treat it as opaque; an unattended runner never receives an incoming activity to take it from).
 */
import type { ReminderCard } from '../../cards/reminder-cards';
import type { GraphApi, TokenSource } from '../../graph/client';
import { postJson, type JsonPostOptions } from '../http/json-post';
import { findMarkers, type ChannelPoster, type ChannelRef } from './channel-poster';

/** Public cloud proactive serviceUrl (facts §16.3). */
export const PUBLIC_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';
/** The Bot Connector's token scope (facts §16.2). */
export const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com/.default';
export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export interface BotConnectorPosterOptions {
  /** The bot's Microsoft App ID (the Entra application id of its registration). */
  readonly botId: string;
  readonly tenantId: string;
  /** Graph, app-only, to find lost posts. */
  readonly graph: GraphApi;
  readonly getToken: TokenSource;
  readonly serviceUrl?: string;
  readonly fetch?: typeof fetch;
  readonly retry?: Pick<JsonPostOptions, 'maxRetries' | 'retryDelaySeconds' | 'maxWaitSeconds'>;
}

interface ConversationResourceResponse {
  readonly id?: string;
  readonly activityId?: string;
}

/** The ConversationParameters that start a thread in a channel with the card as its first message. */
export function channelConversation(botId: string, tenantId: string, channelId: string, card: ReminderCard): Record<string, unknown> {
  return {
    isGroup: true,
    bot: { id: `28:${botId}` },
    tenantId,
    channelData: { channel: { id: channelId }, tenant: { id: tenantId } },
    activity: {
      type: 'message',
      summary: card.summary,
      attachments: [{ contentType: ADAPTIVE_CARD, content: card.card }],
    },
  };
}

export class BotConnectorPoster implements ChannelPoster {
  readonly via = 'bot' as const;
  readonly target = 'bot' as const;
  private readonly base: string;

  constructor(private readonly options: BotConnectorPosterOptions) {
    this.base = (options.serviceUrl ?? PUBLIC_SERVICE_URL).replace(/\/+$/, '');
  }

  async post(channel: ChannelRef, card: ReminderCard): Promise<string> {
    const { body } = await postJson<ConversationResourceResponse>(
      `${this.base}/v3/conversations`,
      channelConversation(this.options.botId, this.options.tenantId, channel.channelId, card),
      { token: () => this.options.getToken([BOT_FRAMEWORK_SCOPE]), ...(this.options.fetch ? { fetch: this.options.fetch } : {}), ...this.options.retry },
    );
    // The new thread's root message is the activity; its id is the channel message's id.
    const id = body?.activityId ?? /;messageid=(\d+)/.exec(body?.id ?? '')?.[1];
    return id ?? '';
  }

  find(channel: ChannelRef, markers: readonly string[], since: string): Promise<Map<string, string>> {
    return findMarkers(this.options.graph, channel, markers, since);
  }
}
