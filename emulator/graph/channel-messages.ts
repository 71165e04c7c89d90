/**
 * Channel messages on Graph v1.0 (facts §8): post, list, get and reply, delegated (the caller is a
 * member or owner of the team). Messages posted by the Workflows webhook and by the bot
 * (messaging/) are in the same lists, sent by an application.
 *
 * Sources (Learn = https://learn.microsoft.com):
 * - Send: Learn /graph/api/channel-post-messages and /graph/api/chatmessage-post ("Only the body
 *   property is mandatory"; 201 + chatMessage; a plain body without contentType comes back as
 *   "text"; card attachments referenced as `<attachment id="X"></attachment>` with the same id in
 *   `attachments`, `content` a JSON string; mentions as `<at id="N">` + `mentions[]`).
 * - Reply: Learn /graph/api/chatmessage-post-replies (same body, 201).
 * - List: Learn /graph/api/channel-list-messages (roots without replies, `$top` default 20 and
 *   at most 50 per page, `@odata.nextLink` for the next page, `$expand=replies`; "the other OData
 *   query parameters are not currently supported").
 * - Replies: Learn /graph/api/chatmessage-list-replies (`$top` at most 50).
 * - Get: Learn /graph/api/chatmessage-get (a message, or a reply under `…/replies/{reply-id}`).
 * - Sender: Learn /graph/api/resources/chatmessagefromidentityset (`application` "(for instance,
 *   bot)" or `user`); a bot's message has `from.application {id, displayName,
 *   applicationIdentityType: "bot"}` and `from.user` null (the chatmessage-get sample).
 *
 * Not confirmed, strict readings: the order (newest first, as both list samples are); `$top`
 * above 50 or below 1 → 400; other query options → 400; unknown or read-only properties in a post
 * → 400; Adaptive Card content must parse and be version 1.5 or lower (Teams renders 1.5, facts §9);
 * mentions must match `<at id>` tags and name users of the tenant; a post over ~28 KB → 413
 * ("A Graph-specific limit/status: not confirmed (413 expected)", facts §8); a reply id read as a
 * root message (`…/messages/{reply-id}`) → 404.
 *
 * App-only (graph/app-permissions.ts): reading needs ChannelMessage.Read.Group (RSC, where the app
 * is installed) or ChannelMessage.Read.All, else 403. Posting has no application permission but
 * Teamwork.Migrate.All, for importing messages into a channel in migration mode (Learn
 * /graph/api/channel-post-messages, /graph/api/chatmessage-post; facts §8), which the emulator
 * does not model: an app's post or reply → 403 `Forbidden` "Message POST is allowed in
 * application-only context only for import purposes. …" [issue: MicrosoftDocs/msteams-docs#12992
 * (the message)]; status and code not confirmed. The app posts through the Bot Connector instead.
 */
import { GraphError, badRequest } from '../core/graph-error.ts';
import type { Router } from '../core/router.ts';
import { created, ok, type HandlerContext } from '../core/types.ts';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  CHANNEL_MESSAGE_MAX_BYTES,
  adaptiveCardProblem,
  addMessage,
  attachmentRefs,
  channelMessages,
  findChannel,
  findMessage,
  messageBytes,
} from '../messaging/messages.ts';
import { queryOption } from '../odata/query-options.ts';
import type { ChannelMessageState, ChannelState, MessageAttachmentState, MessageMentionState, TeamState } from '../state/tenant-state.ts';
import type { TenantStore } from '../state/tenant-store.ts';
import { requireTeam } from './access.ts';
import { CHANNEL_MESSAGES_READ } from './app-permissions.ts';

/** Default and largest page of messages and replies (channel-list-messages, chatmessage-list-replies). */
export const MESSAGES_PAGE_SIZE = 20;
export const MESSAGES_MAX_PAGE_SIZE = 50;
/** Teams renders Adaptive Cards up to 1.5 (facts §9); Graph's own rule is not confirmed. */
const GRAPH_MAX_CARD_VERSION = '1.5';

const BASE = '/teams/{teamId}/channels/{channelId}/messages';
const POST_PROPERTIES = ['body', 'subject', 'summary', 'importance', 'attachments', 'mentions'];
const ATTACHMENT_PROPERTIES = ['id', 'contentType', 'contentUrl', 'content', 'name', 'thumbnailUrl', 'teamsAppId'];

const messageNotFound = (): GraphError => new GraphError(404, 'NotFound', 'Message not found.');
const invalid = (message: string): GraphError => badRequest(message, 'BadRequest');

// ---------------------------------------------------------------------------------------------
// Access

interface ChannelAccess {
  team: TeamState;
  channel: ChannelState;
}

function requireChannel(ctx: HandlerContext): ChannelAccess {
  const team = requireTeam(ctx, ctx.params.teamId ?? '', CHANNEL_MESSAGES_READ);
  const channel = findChannel(team, ctx.params.channelId ?? '');
  if (!channel) throw new GraphError(404, 'NotFound', 'Channel not found');
  return { team, channel };
}

function requireRoot(ctx: HandlerContext, access: ChannelAccess): ChannelMessageState {
  const message = findMessage(ctx.store, access.team, access.channel, ctx.params.messageId ?? '');
  if (!message || message.replyToId !== null) throw messageNotFound();
  return message;
}

// ---------------------------------------------------------------------------------------------
// Rendering

function messagePath(baseUrl: string, team: TeamState, channel: ChannelState): string {
  return `${baseUrl}/$metadata#teams('${team.id}')/channels('${encodeURIComponent(channel.id)}')/messages`;
}

export function renderMessage(store: TenantStore, m: ChannelMessageState): Record<string, unknown> {
  const tenantId = store.state.tenantId;
  const root = m.replyToId ?? m.id;
  const from =
    m.from.kind === 'user'
      ? { application: null, device: null, user: { id: m.from.id, displayName: m.from.displayName, userIdentityType: 'aadUser' } }
      : { application: { id: m.from.id, displayName: m.from.displayName, applicationIdentityType: 'bot' }, device: null, user: null };
  return {
    id: m.id,
    replyToId: m.replyToId,
    etag: m.id,
    messageType: 'message',
    createdDateTime: m.createdDateTime,
    lastModifiedDateTime: m.createdDateTime,
    lastEditedDateTime: null,
    deletedDateTime: null,
    subject: m.subject,
    summary: m.summary,
    chatId: null,
    importance: m.importance,
    locale: 'en-us',
    webUrl: `https://teams.microsoft.com/l/message/${encodeURIComponent(m.channelId)}/${m.id}?groupId=${m.teamId}&tenantId=${tenantId}&createdTime=${m.id}&parentMessageId=${root}`,
    policyViolation: null,
    eventDetail: null,
    from,
    body: { contentType: m.body.contentType, content: m.body.content },
    channelIdentity: { teamId: m.teamId, channelId: m.channelId },
    attachments: m.attachments.map((a) => ({ ...a })),
    mentions: m.mentions.map((x) => ({
      id: x.id,
      mentionText: x.mentionText,
      mentioned: { application: null, device: null, conversation: null, user: { id: x.userId, displayName: x.displayName, userIdentityType: 'aadUser' } },
    })),
    reactions: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Posting

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown, property: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalid(`The property '${property}' must be a string.`);
  return value;
}

function parseAttachments(value: unknown): MessageAttachmentState[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid("The property 'attachments' must be an array.");
  const seen = new Set<string>();
  return value.map((raw: unknown) => {
    if (!isObject(raw)) throw invalid('Each attachment must be an object.');
    for (const key of Object.keys(raw)) {
      if (key !== '@odata.type' && !ATTACHMENT_PROPERTIES.includes(key)) throw invalid(`The property '${key}' does not exist on type 'microsoft.graph.chatMessageAttachment'.`);
    }
    const id = raw.id;
    if (typeof id !== 'string' || id.length === 0) throw invalid('Each attachment needs an id.');
    if (seen.has(id)) throw invalid(`Duplicate attachment id '${id}'.`);
    seen.add(id);
    const contentType = raw.contentType;
    if (typeof contentType !== 'string' || contentType.length === 0) throw invalid(`Attachment '${id}' needs a contentType.`);
    if (raw.content !== undefined && raw.content !== null && typeof raw.content !== 'string') {
      // Graph takes a card's content as a JSON string, unlike the Bot Framework (facts §8).
      throw invalid(`The content of attachment '${id}' must be a string (a card as serialised JSON).`);
    }
    const attachment: MessageAttachmentState = {
      id,
      contentType,
      contentUrl: optionalString(raw.contentUrl, 'contentUrl'),
      content: optionalString(raw.content, 'content'),
      name: optionalString(raw.name, 'name'),
      thumbnailUrl: optionalString(raw.thumbnailUrl, 'thumbnailUrl'),
    };
    if (attachment.content === null && attachment.contentUrl === null) throw invalid(`Attachment '${id}' needs content or a contentUrl.`);
    if (contentType.toLowerCase() === ADAPTIVE_CARD_CONTENT_TYPE) {
      let card: unknown;
      try {
        card = JSON.parse(attachment.content ?? '');
      } catch {
        throw invalid(`The content of Adaptive Card attachment '${id}' is not valid JSON.`);
      }
      const problem = adaptiveCardProblem(card, GRAPH_MAX_CARD_VERSION);
      if (problem) throw invalid(problem);
    }
    return attachment;
  });
}

function parseMentions(store: TenantStore, value: unknown): MessageMentionState[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid("The property 'mentions' must be an array.");
  const seen = new Set<number>();
  return value.map((raw: unknown) => {
    if (!isObject(raw)) throw invalid('Each mention must be an object.');
    const id = raw.id;
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) throw invalid('Each mention needs a whole-number id.');
    if (seen.has(id)) throw invalid(`Duplicate mention id ${id}.`);
    seen.add(id);
    if (typeof raw.mentionText !== 'string' || raw.mentionText.length === 0) throw invalid(`Mention ${id} needs a mentionText.`);
    const mentioned = raw.mentioned;
    const user = isObject(mentioned) ? mentioned.user : undefined;
    if (!isObject(user) || typeof user.id !== 'string') throw invalid(`Mention ${id} must mention a user (mentioned.user.id); the emulator supports user mentions only.`);
    if (user.userIdentityType !== undefined && user.userIdentityType !== 'aadUser') throw invalid(`Mention ${id}: userIdentityType must be 'aadUser'.`);
    const known = store.userById(user.id);
    if (!known) throw invalid(`Mention ${id} names the user '${user.id}', who is not in this tenant.`);
    return { id, mentionText: raw.mentionText, userId: known.id, displayName: typeof user.displayName === 'string' ? user.displayName : known.displayName };
  });
}

/** Posting needs a signed-in user: an app is refused before anything else (see the file's header). */
function requirePostingUser(ctx: HandlerContext): NonNullable<HandlerContext['user']> {
  if (!ctx.user) {
    throw new GraphError(
      403,
      'Forbidden',
      'Message POST is allowed in application-only context only for import purposes. Refer to https://docs.microsoft.com/microsoftteams/platform/graph-api/import-messages/import-external-messages-to-teams for more details.',
    );
  }
  return ctx.user;
}

/** Validates a chatMessage create body as Graph documents it, and stores the message. */
function postMessage(ctx: HandlerContext, access: ChannelAccess, replyToId: string | null): ChannelMessageState {
  const user = requirePostingUser(ctx);
  const input = ctx.req.body;
  if (!isObject(input)) throw invalid('The request body must be a chatMessage object.');
  for (const key of Object.keys(input)) {
    if (key === '@odata.type') continue;
    if (!POST_PROPERTIES.includes(key)) throw invalid(`The property '${key}' cannot be set when sending a message.`);
  }
  const body = input.body;
  if (!isObject(body) || typeof body.content !== 'string') throw invalid("The property 'body' with a string 'content' is required.");
  const contentType = body.contentType === undefined || body.contentType === null ? 'text' : String(body.contentType).toLowerCase();
  if (contentType !== 'text' && contentType !== 'html') throw invalid(`Unknown body contentType '${String(body.contentType)}'; use 'text' or 'html'.`);
  const importance = input.importance ?? 'normal';
  if (importance !== 'normal' && importance !== 'high' && importance !== 'urgent') throw invalid(`Unknown importance '${String(importance)}'.`);
  const level: ChannelMessageState['importance'] = importance;

  const attachments = parseAttachments(input.attachments);
  const refs = attachmentRefs(body.content);
  for (const ref of refs) {
    if (!attachments.some((a) => a.id === ref)) throw invalid(`The body refers to the attachment '${ref}', which is not in 'attachments'.`);
  }
  for (const a of attachments) {
    if (!refs.includes(a.id)) throw invalid(`The attachment '${a.id}' is not referenced in the body as <attachment id="${a.id}"></attachment>.`);
  }
  const mentions = parseMentions(ctx.store, input.mentions);
  const tagged = [...body.content.matchAll(/<at\s+id\s*=\s*["']?(\d+)["']?\s*>/gi)].map((m) => Number(m[1]));
  for (const id of tagged) if (!mentions.some((m) => m.id === id)) throw invalid(`The body has <at id="${id}">, which is not in 'mentions'.`);
  for (const m of mentions) if (!tagged.includes(m.id)) throw invalid(`The mention ${m.id} is not in the body as <at id="${m.id}">…</at>.`);

  const message = {
    teamId: access.team.id,
    channelId: access.channel.id,
    replyToId,
    from: { kind: 'user' as const, id: user.id, displayName: user.displayName },
    subject: optionalString(input.subject, 'subject'),
    summary: optionalString(input.summary, 'summary'),
    importance: level,
    body: { contentType, content: body.content } as ChannelMessageState['body'],
    attachments,
    mentions,
  };
  if (messageBytes(message) > CHANNEL_MESSAGE_MAX_BYTES) {
    throw new GraphError(413, 'RequestEntityTooLarge', `The message is larger than ${CHANNEL_MESSAGE_MAX_BYTES} bytes.`);
  }
  return addMessage(ctx.store, message);
}

// ---------------------------------------------------------------------------------------------
// Listing

const LIST_OPTIONS = new Set(['top', 'skiptoken', 'expand']);
const REPLIES_OPTIONS = new Set(['top', 'skiptoken']);

function checkQueryOptions(ctx: HandlerContext, allowed: ReadonlySet<string>): void {
  for (const key of ctx.req.query.keys()) {
    const name = key.replace(/^\$/, '').toLowerCase();
    if (!allowed.has(name)) throw invalid(`The query option '${key}' is not supported on this resource.`);
  }
}

function pageSize(ctx: HandlerContext): number {
  const raw = queryOption(ctx.req.query, 'top');
  if (raw === undefined) return MESSAGES_PAGE_SIZE;
  const n = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= MESSAGES_MAX_PAGE_SIZE)) throw invalid(`Invalid page size '${raw}': $top must be between 1 and ${MESSAGES_MAX_PAGE_SIZE}.`);
  return n;
}

/** A page of messages (newest first) after the skiptoken's message; the token is the last id shown. */
function page(ctx: HandlerContext, all: ChannelMessageState[]): { items: ChannelMessageState[]; nextLink?: string } {
  const top = pageSize(ctx);
  const token = queryOption(ctx.req.query, 'skiptoken');
  let start = 0;
  if (token !== undefined) {
    const before = Buffer.from(token, 'base64url').toString('utf8');
    if (!/^\d+$/.test(before)) throw invalid('The $skiptoken is invalid.');
    start = all.findIndex((m) => Number(m.id) < Number(before));
    if (start < 0) start = all.length;
  }
  const items = all.slice(start, start + top);
  const last = items[items.length - 1];
  if (start + top >= all.length || !last) return { items };
  const query = ctx.req.rawQuery
    .split('&')
    .filter((p) => p.length > 0 && !/^\$?skiptoken=/i.test(p))
    .concat(`$skiptoken=${Buffer.from(last.id, 'utf8').toString('base64url')}`);
  return { items, nextLink: `${ctx.baseUrl}${ctx.req.path}?${query.join('&')}` };
}

function expandsReplies(ctx: HandlerContext): boolean {
  const expand = queryOption(ctx.req.query, 'expand');
  if (expand === undefined) return false;
  if (expand.trim().toLowerCase() !== 'replies') throw invalid(`Only $expand=replies is supported on messages, not '${expand}'.`);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Routes

export function registerChannelMessagesRoutes(router: Router): void {
  router.add('POST', BASE, (ctx) => {
    requirePostingUser(ctx);
    const access = requireChannel(ctx);
    const message = postMessage(ctx, access, null);
    return created({ '@odata.context': `${messagePath(ctx.baseUrl, access.team, access.channel)}/$entity`, ...renderMessage(ctx.store, message) });
  });

  router.add('GET', BASE, (ctx) => {
    const access = requireChannel(ctx);
    checkQueryOptions(ctx, LIST_OPTIONS);
    const expand = expandsReplies(ctx);
    const { items, nextLink } = page(ctx, channelMessages(ctx.store, access.team, access.channel, null));
    const value = items.map((m) => {
      const rendered = renderMessage(ctx.store, m);
      if (!expand) return rendered;
      const replies = channelMessages(ctx.store, access.team, access.channel, m.id).slice(0, 1000);
      return { ...rendered, replies: replies.map((r) => renderMessage(ctx.store, r)) };
    });
    return ok({
      '@odata.context': messagePath(ctx.baseUrl, access.team, access.channel),
      '@odata.count': value.length,
      ...(nextLink !== undefined ? { '@odata.nextLink': nextLink } : {}),
      value,
    });
  });

  router.add('GET', `${BASE}/{messageId}`, (ctx) => {
    const access = requireChannel(ctx);
    const message = requireRoot(ctx, access);
    return ok({ '@odata.context': `${messagePath(ctx.baseUrl, access.team, access.channel)}/$entity`, ...renderMessage(ctx.store, message) });
  });

  router.add('GET', `${BASE}/{messageId}/replies`, (ctx) => {
    const access = requireChannel(ctx);
    const root = requireRoot(ctx, access);
    checkQueryOptions(ctx, REPLIES_OPTIONS);
    const { items, nextLink } = page(ctx, channelMessages(ctx.store, access.team, access.channel, root.id));
    return ok({
      '@odata.context': `${messagePath(ctx.baseUrl, access.team, access.channel)}('${root.id}')/replies`,
      '@odata.count': items.length,
      ...(nextLink !== undefined ? { '@odata.nextLink': nextLink } : {}),
      value: items.map((m) => renderMessage(ctx.store, m)),
    });
  });

  router.add('POST', `${BASE}/{messageId}/replies`, (ctx) => {
    requirePostingUser(ctx);
    const access = requireChannel(ctx);
    const root = requireRoot(ctx, access);
    const reply = postMessage(ctx, access, root.id);
    return created({
      '@odata.context': `${messagePath(ctx.baseUrl, access.team, access.channel)}('${root.id}')/replies/$entity`,
      ...renderMessage(ctx.store, reply),
    });
  });

  router.add('GET', `${BASE}/{messageId}/replies/{replyId}`, (ctx) => {
    const access = requireChannel(ctx);
    const root = requireRoot(ctx, access);
    const reply = findMessage(ctx.store, access.team, access.channel, ctx.params.replyId ?? '');
    if (!reply || reply.replyToId !== root.id) throw messageNotFound();
    return ok({
      '@odata.context': `${messagePath(ctx.baseUrl, access.team, access.channel)}('${root.id}')/replies/$entity`,
      ...renderMessage(ctx.store, reply),
    });
  });
}
