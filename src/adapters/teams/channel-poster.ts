/**
 * Posting reminder cards into a team's channel, and finding them again.
 *
 * `ChannelPoster` is the delivery port of the reminder service: Graph channel messages with the
 * user's delegated `ChannelMessage.Send` (this file), the bot through the Bot Connector, or a
 * Workflows webhook. Whatever posted it, a card lands among the channel's messages, which Graph
 * lists (`GET /teams/{id}/channels/{id}/messages`), so a post whose answer was lost is looked for
 * there by the markers its card carries before anything is posted again.
 */
import type { GraphApi, Page } from '../../graph/client';
import type { ReminderCard } from '../../cards/reminder-cards';

export interface ChannelRef {
  readonly teamId: string;
  readonly channelId: string;
}

export interface ChannelPoster {
  /** How it posts, as the ledger records it. */
  readonly via: 'graph' | 'bot' | 'workflow';
  /** The card flavour its path accepts (cards/reminder-cards.ts CARD_TARGETS). */
  readonly target: 'graph' | 'bot' | 'workflow';
  /** Posts one card as a new message; the message's id (null when the path does not say, as a Workflows webhook). */
  post(channel: ChannelRef, card: ReminderCard): Promise<string | null>;
  /** Of the markers given, those found in the channel's messages posted since an instant, with the message's id. */
  find(channel: ChannelRef, markers: readonly string[], since: string): Promise<Map<string, string>>;
}

/** A chatMessage as far as finding markers needs it (learn: /graph/api/resources/chatmessage). */
interface ChatMessage {
  readonly id: string;
  readonly createdDateTime?: string;
  readonly attachments?: ReadonlyArray<{ readonly contentType?: string; readonly content?: string | null }>;
}

/** Pages of messages read at most when looking for a lost post (50 each: learn /graph/api/channel-list-messages). */
export const FIND_PAGES = 10;

export const messagesPath = (channel: ChannelRef) => `/teams/${encodeURIComponent(channel.teamId)}/channels/${encodeURIComponent(channel.channelId)}/messages`;

/** Markers (`"id":"hp-…"` in a card's JSON) found in a message's adaptive card attachments. */
export function markersIn(message: ChatMessage, wanted: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const attachment of message.attachments ?? []) {
    const content = attachment.content;
    if (typeof content !== 'string') continue;
    for (const match of content.matchAll(/"id"\s*:\s*"(hp-[0-9a-f]{16})"/g)) if (wanted.has(match[1] as string)) found.push(match[1] as string);
  }
  return found;
}

/**
 * Looks through a channel's messages, newest first, for cards carrying the markers, until every
 * marker is found, the messages are older than `since`, or FIND_PAGES pages were read.
 */
export async function findMarkers(graph: GraphApi, channel: ChannelRef, markers: readonly string[], since: string): Promise<Map<string, string>> {
  const wanted = new Set(markers);
  const found = new Map<string, string>();
  let page: Page<ChatMessage> | null = await graph.get<Page<ChatMessage>>(`${messagesPath(channel)}?$top=50`);
  for (let n = 0; page && n < FIND_PAGES; n++) {
    let older = true;
    for (const message of page.value) {
      if ((message.createdDateTime ?? '') >= since) older = false;
      for (const marker of markersIn(message, wanted)) found.set(marker, message.id);
    }
    if (found.size === wanted.size || (older && page.value.length > 0)) break;
    const next: string | undefined = page['@odata.nextLink'];
    page = next ? await graph.get<Page<ChatMessage>>(next) : null;
  }
  return found;
}

/**
 * Graph channel messages with the signed-in user's delegated `ChannelMessage.Send`
 * (learn: /graph/api/channel-post-messages; facts §8): the card goes in an attachment whose content
 * is the card's JSON as a string, referenced from the body by `<attachment id>`.
 */
export class GraphChannelPoster implements ChannelPoster {
  readonly via = 'graph' as const;
  readonly target = 'graph' as const;

  constructor(private readonly graph: GraphApi) {}

  async post(channel: ChannelRef, card: ReminderCard): Promise<string> {
    const attachmentId = globalThis.crypto.randomUUID();
    const message = await this.graph.post<ChatMessage>(messagesPath(channel), {
      body: { contentType: 'html', content: `<attachment id="${attachmentId}"></attachment>` },
      summary: card.summary,
      attachments: [
        { id: attachmentId, contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: JSON.stringify(card.card), name: null, thumbnailUrl: null },
      ],
    });
    return message.id;
  }

  find(channel: ChannelRef, markers: readonly string[], since: string): Promise<Map<string, string>> {
    return findMarkers(this.graph, channel, markers, since);
  }
}
