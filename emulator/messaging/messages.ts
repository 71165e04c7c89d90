/**
 * Channel messages shared by the three ways into a channel: Graph (graph/channel-messages.ts), the
 * Workflows webhook (workflows-webhook.ts) and the Bot Connector (bot-connector.ts). Stored in
 * `TenantState.messaging` (tenant.json), rendered by the Graph handlers.
 */
import { createHash } from 'node:crypto';
import type {
  ChannelMessageState,
  ChannelState,
  MessagingState,
  TeamState,
  TeamsAppState,
  TenantState,
} from '../state/tenant-state.ts';
import type { TenantStore } from '../state/tenant-store.ts';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * A channel post may be about 28 KB "including text, image links, mentions, reactions"
 * [learn: /microsoftteams/limits-specifications-teams, via facts §8]. How Teams counts the bytes is
 * not confirmed; the emulator counts the message as stored (body, subject, summary, each
 * attachment's content string, name and URLs, mention texts) in UTF-8, not the JSON envelope.
 */
export const CHANNEL_MESSAGE_MAX_BYTES = 28 * 1024;

export function messagingState(store: TenantStore): MessagingState {
  return (store.state.messaging ??= { lastMessageId: 0, messages: [], webhooks: [] });
}

/** The team's channel with this id (thread ids compared case-insensitively, as Graph does). */
export function findChannel(team: TeamState, channelId: string): ChannelState | undefined {
  const wanted = channelId.toLowerCase();
  return team.channels.find((c) => c.id.toLowerCase() === wanted);
}

/** The team and channel of a channel (thread) id, in any team of the tenant. */
export function locateChannel(store: TenantStore, channelId: string): { team: TeamState; channel: ChannelState } | undefined {
  for (const team of store.state.teams) {
    const channel = findChannel(team, channelId);
    if (channel) return { team, channel };
  }
  return undefined;
}

/** The catalog app whose bot has this Microsoft App ID. */
export function appOfBot(state: TenantState, botId: string): TeamsAppState | undefined {
  const wanted = botId.toLowerCase();
  return state.teamsApps?.find((a) => a.botId !== null && a.botId.toLowerCase() === wanted);
}

export function isAppInstalled(team: TeamState, app: TeamsAppState): boolean {
  return team.installedAppIds?.includes(app.id) ?? false;
}

export function findMessage(store: TenantStore, team: TeamState, channel: ChannelState, messageId: string): ChannelMessageState | undefined {
  return messagingState(store).messages.find((m) => m.id === messageId && m.teamId === team.id && m.channelId === channel.id);
}

/** Root messages (replyToId null) or the replies of one root, newest first. */
export function channelMessages(store: TenantStore, team: TeamState, channel: ChannelState, replyToId: string | null): ChannelMessageState[] {
  return messagingState(store)
    .messages.filter((m) => m.teamId === team.id && m.channelId === channel.id && m.replyToId === replyToId)
    .sort((a, b) => Number(b.id) - Number(a.id));
}

/** Graph channel message ids are epoch milliseconds of creation; the emulator keeps them unique and increasing. */
function nextMessageId(messaging: MessagingState, now: number): number {
  const id = Math.max(now, messaging.lastMessageId + 1);
  messaging.lastMessageId = id;
  return id;
}

export type NewChannelMessage = Omit<ChannelMessageState, 'id' | 'createdDateTime'>;

/** Stores a message with a new id and creation time (the id's instant). */
export function addMessage(store: TenantStore, message: NewChannelMessage): ChannelMessageState {
  const messaging = messagingState(store);
  const id = nextMessageId(messaging, Date.now());
  const stored: ChannelMessageState = { ...message, id: String(id), createdDateTime: new Date(id).toISOString() };
  messaging.messages.push(stored);
  store.changed();
  return stored;
}

/** A reproducible 32-hex-digit attachment id (as Teams gives bot card attachments). */
export function attachmentId(store: TenantStore): string {
  return createHash('sha1').update(store.nextGuid('attachment')).digest('hex').slice(0, 32);
}

/** UTF-8 bytes of a message as stored (see CHANNEL_MESSAGE_MAX_BYTES). */
export function messageBytes(message: Pick<ChannelMessageState, 'body' | 'subject' | 'summary' | 'attachments' | 'mentions'>): number {
  const parts: (string | null)[] = [message.body.content, message.subject, message.summary];
  for (const a of message.attachments) parts.push(a.content, a.name, a.contentUrl, a.thumbnailUrl, a.contentType, a.id);
  for (const m of message.mentions) parts.push(m.mentionText);
  return parts.reduce((sum, p) => sum + (p === null ? 0 : Buffer.byteLength(p, 'utf8')), 0);
}

/**
 * Checks an Adaptive Card (as an object): `type` "AdaptiveCard" and a `version` "major.minor" no
 * higher than `maxVersion`. Returns the reason it is refused, or undefined.
 */
export function adaptiveCardProblem(card: unknown, maxVersion: string): string | undefined {
  if (typeof card !== 'object' || card === null || Array.isArray(card)) return 'The Adaptive Card content must be a JSON object.';
  const c = card as Record<string, unknown>;
  if (c.type !== 'AdaptiveCard') return "The Adaptive Card content must have type 'AdaptiveCard'.";
  if (typeof c.version !== 'string' || !/^\d+\.\d+$/.test(c.version)) return "The Adaptive Card must have a version such as '1.4'.";
  if (compareVersions(c.version, maxVersion) > 0) return `Adaptive Card version ${c.version} is not supported; the highest is ${maxVersion}.`;
  return undefined;
}

function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor !== bMajor ? aMajor - bMajor : aMinor - bMinor;
}

/** `<attachment id="X"></attachment>` ids in a message body, in order. */
export function attachmentRefs(content: string): string[] {
  return [...content.matchAll(/<attachment\s+id\s*=\s*["']([^"']*)["']\s*(?:\/>|>\s*<\/attachment>)/gi)].map((m) => m[1] ?? '');
}

/** Escapes text for an HTML body. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
