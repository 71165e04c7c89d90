/**
 * The Bot Connector (Bot Framework REST API v3) as Teams runs it, for a bot that posts into team
 * channels: the emulator's `<origin>/botframework/` is the bot's serviceUrl (facts §16.3: treat
 * serviceUrl as opaque). Facts §16.2, §16.4, §16.5, §16.7; Learn = https://learn.microsoft.com.
 *
 * - `POST /v3/conversations` (ConversationParameters `{isGroup, channelData: {channel: {id}},
 *   activity, tenantId?}`) creates a new thread in the channel: its first post is `activity`;
 *   answers `{id: "<channel id>;messageid=<message id>", activityId}` [Learn
 *   /microsoftteams/platform/resources/bot-v3/bot-conversations/bots-conv-proactive; Learn
 *   /azure/bot-service/rest-api/bot-framework-rest-connector-api-reference].
 * - `POST /v3/conversations/{conversationId}/activities`: a bare channel id posts a new root
 *   message, `{channel id};messageid={root id}` replies in that thread (as the Teams SDK's
 *   `send`/`reply` address threads, facts §16.4); answers ResourceResponse `{id}`.
 * - `POST /v3/conversations/{conversationId}/activities/{activityId}` (reply to activity): a reply
 *   in the thread of that activity [API reference]; that Teams threads it so is not confirmed.
 *
 * Token: `Authorization: Bearer dev-app:<bot app id>;aud=https://api.botframework.com`, as the
 * emulator's token endpoint (login.ts) hands out; a real token's audience is
 * https://api.botframework.com (facts §16.2). A Graph user token, another audience or no token
 * → 401; a token for an app id that is no registered bot → 401 `BotNotRegistered`.
 * Errors are ErrorResponse `{"error": {code, message}}` [API reference]; codes and messages from
 * Learn /microsoftteams/platform/bots/how-to/conversations/conversation-messages#status-code-responses:
 * 401 BotNotRegistered, 403 BotNotInConversationRoster (the bot's app is not installed in the
 * team: "For a group chat or team, the app that contains your bot must be first installed in that
 * location", Learn …/bots/how-to/conversations/send-proactive-messages), 404 ConversationNotFound,
 * 413 MessageSizeTooBig (a bot message may be 100 KB, facts §9), 429 Throttled with Retry-After
 * (rate-limit.ts). 400 `BadSyntax` (not JSON) and `BadArgument` (invalid values) are the codes seen
 * in Microsoft's SDK tests; their exact use is not confirmed.
 *
 * Not confirmed, strict readings: success status 201 for both posts (facts §16.4: 200/201/202
 * all count as success); an Adaptive Card above version 1.5 → 400 (Teams renders 1.5 or earlier,
 * facts §9); an activity other than `message`, or one with neither text nor attachments → 400;
 * `isGroup: false`, `members`, or a `tenantId` of another tenant when creating a channel thread
 * → 400. The message is stored as a channel message from the bot (`from.application`), so Graph
 * lists it (graph/channel-messages.ts): body HTML with the text (mentions as `<at id="N">`) and
 * `<attachment id>` tags, each card's content as a JSON string.
 */
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  adaptiveCardProblem,
  addMessage,
  appOfBot,
  attachmentId,
  escapeHtml,
  findChannel,
  findMessage,
  isAppInstalled,
  locateChannel,
  type NewChannelMessage,
} from './messages.ts';
import type { RateLimiter } from './rate-limit.ts';
import { ServiceError, isJsonObject, parseJsonBody, type ServiceRequest, type ServiceResponse } from './types.ts';
import type { ChannelState, MessageAttachmentState, MessageMentionState, TeamState, TeamsAppState } from '../state/tenant-state.ts';
import type { TenantStore } from '../state/tenant-store.ts';

/** The serviceUrl path of the emulator's Bot Connector (below the origin). */
export const BOT_CONNECTOR_BASE = '/botframework';
/** The audience of Bot Connector tokens (facts §16.2). */
export const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';
/** A bot message may be 100 KB (facts §9: older docs said 40 KB); 413 MessageSizeTooBig above. */
export const BOT_MESSAGE_MAX_BYTES = 100 * 1024;
/** Teams renders Adaptive Cards up to 1.5 (facts §9). */
const BOT_MAX_CARD_VERSION = '1.5';

const errorResponse = (status: number, code: string, message: string, headers: Record<string, string> = {}): ServiceError =>
  new ServiceError(status, { error: { code, message } }, headers);
const badArgument = (message: string): ServiceError => errorResponse(400, 'BadArgument', message);
const conversationNotFound = (): ServiceError => errorResponse(404, 'ConversationNotFound', 'Conversation not found.');

interface Thread {
  team: TeamState;
  channel: ChannelState;
  /** The thread's root message id, or null for a new root post. */
  rootId: string | null;
}

export class BotConnector {
  constructor(
    private readonly store: TenantStore,
    private readonly limiter: RateLimiter,
  ) {}

  /** `req.path` is below BOT_CONNECTOR_BASE, e.g. '/v3/conversations'. */
  handle(req: ServiceRequest, path: string): ServiceResponse {
    const app = this.authenticate(req.headers.authorization);
    const segments = path.split('/').filter((s) => s.length > 0).map(safeDecode);
    if (segments[0]?.toLowerCase() !== 'v3' || segments[1]?.toLowerCase() !== 'conversations') {
      throw errorResponse(404, 'NotFound', `The Bot Connector has no resource '${path}'.`);
    }
    const rest = segments.slice(2);
    const isCreate = rest.length === 0;
    const isSend = rest.length === 2 && rest[1]?.toLowerCase() === 'activities';
    const isReply = rest.length === 3 && rest[1]?.toLowerCase() === 'activities';
    if (!isCreate && !isSend && !isReply) throw errorResponse(404, 'NotFound', `The emulator's Bot Connector does not implement '${path}'.`);
    if (req.method !== 'POST') throw errorResponse(405, 'MethodNotAllowed', `The emulator's Bot Connector accepts only POST on '${path}'.`);

    if (req.raw.length > BOT_MESSAGE_MAX_BYTES) throw errorResponse(413, 'MessageSizeTooBig', 'Message size too large.');
    const parsed = parseJsonBody(req.raw);
    if (!parsed.ok) throw errorResponse(400, 'BadSyntax', 'The request body is not valid JSON.');
    if (!isJsonObject(parsed.value)) throw errorResponse(400, 'BadSyntax', 'The request body must be a JSON object.');
    const body = parsed.value;

    if (isCreate) {
      const thread = this.threadForCreate(body);
      const activity = body.activity;
      if (activity === undefined || activity === null) throw badArgument('Creating a conversation in a channel needs an activity (its first message).');
      const stored = this.post(app, thread, activity);
      return { status: 201, headers: {}, body: { id: `${thread.channel.id};messageid=${stored}`, activityId: stored } };
    }
    const thread = this.threadOf(rest[0] ?? '');
    if (isReply) {
      const target = findMessage(this.store, thread.team, thread.channel, rest[2] ?? '');
      if (!target) throw errorResponse(404, 'NotFound', `The activity '${rest[2] ?? ''}' was not found in this conversation.`);
      thread.rootId = target.replyToId ?? target.id;
    }
    const stored = this.post(app, thread, body);
    return { status: 201, headers: {}, body: { id: stored } };
  }

  private authenticate(header: string | undefined): TeamsAppState {
    const denied = (): ServiceError =>
      errorResponse(401, 'Unauthorized', 'Authorization has been denied for this request.', { 'WWW-Authenticate': 'Bearer realm="api.botframework.com"' });
    const m = header ? /^Bearer\s+dev-app:([^;\s]+);aud=(\S+)\s*$/i.exec(header) : null;
    if (!m) throw denied();
    if ((m[2] ?? '').toLowerCase() !== BOT_FRAMEWORK_AUDIENCE) throw denied();
    const app = appOfBot(this.store.state, m[1] ?? '');
    if (!app) throw errorResponse(401, 'BotNotRegistered', 'No registration found for this bot.');
    return app;
  }

  /** The channel of a create-conversation request (ConversationParameters). */
  private threadForCreate(body: Record<string, unknown>): Thread {
    if (body.isGroup === false) throw badArgument('A conversation in a channel is a group conversation (isGroup must be true).');
    if (Array.isArray(body.members) && body.members.length > 0) throw badArgument('A channel conversation takes no members.');
    const channelData = body.channelData;
    const channel = isJsonObject(channelData) ? channelData.channel : undefined;
    const channelId = isJsonObject(channel) ? channel.id : undefined;
    if (typeof channelId !== 'string' || channelId.length === 0) throw badArgument('channelData.channel.id (the channel\'s thread id) is required.');
    const tenantIds = [body.tenantId, isJsonObject(channelData) && isJsonObject(channelData.tenant) ? channelData.tenant.id : undefined];
    for (const tenantId of tenantIds) {
      if (tenantId !== undefined && (typeof tenantId !== 'string' || tenantId.toLowerCase() !== this.store.state.tenantId.toLowerCase())) {
        throw badArgument(`The tenant '${String(tenantId)}' is not this bot's tenant.`);
      }
    }
    const found = locateChannel(this.store, channelId);
    if (!found) throw conversationNotFound();
    return { ...found, rootId: null };
  }

  /** `19:…@thread.tacv2` or `19:…@thread.tacv2;messageid=<root id>`. */
  private threadOf(conversationId: string): Thread {
    const m = /^([^;]+?)(?:;messageid=(\d+))?$/i.exec(conversationId);
    const found = m ? locateChannel(this.store, m[1] ?? '') : undefined;
    if (!m || !found) throw conversationNotFound();
    const rootId = m[2];
    if (rootId === undefined) return { ...found, rootId: null };
    const root = findMessage(this.store, found.team, found.channel, rootId);
    if (!root || root.replyToId !== null) throw conversationNotFound();
    return { ...found, rootId: root.id };
  }

  /** Checks the activity, the installation and the rate, then stores the message; returns its id. */
  private post(app: TeamsAppState, thread: Thread, activity: unknown): string {
    const message = this.toMessage(app, thread, activity);
    if (!isAppInstalled(thread.team, app)) throw errorResponse(403, 'BotNotInConversationRoster', 'The bot is not part of the conversation roster.');
    // The channel still exists (it may have been looked up before a change): re-check.
    if (!findChannel(thread.team, thread.channel.id)) throw conversationNotFound();
    const wait = this.limiter.take(`${app.botId ?? app.id}|${thread.channel.id.toLowerCase()}`);
    if (wait > 0) throw errorResponse(429, 'Throttled', 'Too many requests.', { 'Retry-After': String(wait) });
    return addMessage(this.store, message).id;
  }

  private toMessage(app: TeamsAppState, thread: Thread, activity: unknown): NewChannelMessage {
    if (!isJsonObject(activity)) throw badArgument('The activity must be a JSON object.');
    if (activity.type !== 'message') throw badArgument(`Only 'message' activities are posted to a channel, not '${String(activity.type)}'.`);
    const text = activity.text;
    if (text !== undefined && text !== null && typeof text !== 'string') throw badArgument('The activity text must be a string.');
    const attachments = this.attachments(activity.attachments);
    const hasText = typeof text === 'string' && text.trim().length > 0;
    if (!hasText && attachments.length === 0) throw badArgument('The activity has neither text nor attachments.');
    const { html, mentions } = hasText ? this.textWithMentions(text, activity.entities) : { html: '', mentions: [] };
    const summary = activity.summary;
    return {
      teamId: thread.team.id,
      channelId: thread.channel.id,
      replyToId: thread.rootId,
      from: { kind: 'application', id: app.botId ?? app.id, displayName: app.displayName },
      subject: null,
      summary: typeof summary === 'string' ? summary : null,
      importance: 'normal',
      body: { contentType: 'html', content: `${html ? `<p>${html}</p>` : ''}${attachments.map((a) => `<attachment id="${a.id}"></attachment>`).join('')}` },
      attachments,
      mentions,
    };
  }

  private attachments(value: unknown): MessageAttachmentState[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw badArgument('The activity attachments must be an array.');
    return value.map((raw: unknown, index) => {
      if (!isJsonObject(raw) || typeof raw.contentType !== 'string' || raw.contentType.length === 0) {
        throw badArgument(`Attachment ${index} needs a contentType.`);
      }
      if (raw.contentType.toLowerCase() === ADAPTIVE_CARD_CONTENT_TYPE) {
        // The Bot Framework takes the card as an object (facts §16.4), unlike Graph.
        const problem = adaptiveCardProblem(raw.content, BOT_MAX_CARD_VERSION);
        if (problem) throw badArgument(`Attachment ${index}: ${problem}`);
      }
      const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
      if (raw.content === undefined && text(raw.contentUrl) === null) throw badArgument(`Attachment ${index} needs content or a contentUrl.`);
      return {
        id: attachmentId(this.store),
        contentType: raw.contentType,
        contentUrl: text(raw.contentUrl),
        content: raw.content === undefined || raw.content === null ? null : JSON.stringify(raw.content),
        name: text(raw.name),
        thumbnailUrl: text(raw.thumbnailUrl),
      };
    });
  }

  /**
   * The text as HTML with its mentions: each mention entity whose `text` (e.g. `<at>Name</at>`)
   * is in the message text becomes `<at id="N">Name</at>`; others are ignored, as Teams ignores a
   * mention whose text is not in the message (facts §16.4). The mentioned id is a user's Entra id
   * or UPN (resolved to the user) or a Teams `29:` id (kept as it is).
   */
  private textWithMentions(text: string, entities: unknown): { html: string; mentions: MessageMentionState[] } {
    const found: { at: number; length: number; id: string; name: string }[] = [];
    for (const e of Array.isArray(entities) ? entities : []) {
      if (!isJsonObject(e) || e.type !== 'mention' || !isJsonObject(e.mentioned)) continue;
      const marker = e.text;
      const id = e.mentioned.id;
      if (typeof marker !== 'string' || marker.length === 0 || typeof id !== 'string') continue;
      let at = text.indexOf(marker);
      while (at >= 0 && found.some((f) => at < f.at + f.length && f.at < at + marker.length)) at = text.indexOf(marker, at + 1);
      if (at < 0) continue;
      const inner = marker.replace(/^<at>/i, '').replace(/<\/at>$/i, '');
      found.push({ at, length: marker.length, id, name: typeof e.mentioned.name === 'string' ? e.mentioned.name : inner });
    }
    found.sort((a, b) => a.at - b.at);
    let html = '';
    let position = 0;
    const mentions: MessageMentionState[] = found.map((f, n) => {
      const inner = text.slice(f.at, f.at + f.length).replace(/^<at>/i, '').replace(/<\/at>$/i, '');
      html += `${escapeHtml(text.slice(position, f.at))}<at id="${n}">${escapeHtml(inner)}</at>`;
      position = f.at + f.length;
      const user = this.store.userById(f.id) ?? this.store.userByUpn(f.id);
      return { id: n, mentionText: inner, userId: user?.id ?? f.id, displayName: user?.displayName ?? f.name };
    });
    html += escapeHtml(text.slice(position));
    return { html, mentions };
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
