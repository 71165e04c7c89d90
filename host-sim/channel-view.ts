/**
 * The host page's Channel view: a team's channels and, for the selected one, its posts as Teams
 * shows them (oldest first, newest last, replies indented under their post), read through Graph
 * v1.0 (`GET /teams/{id}/channels/{id}/messages` and `…/messages/{id}/replies`, facts §8; proxied
 * by the host's server to the emulator) as the host's selected user. A dev tool only, plain DOM.
 *
 * Each post shows its sender (user or app), time, subject and body (message-body.ts: text only,
 * never the message's HTML) and its Adaptive Card attachments, rendered by Microsoft's renderer with
 * Teams' host config (adaptive-card-host.ts). Card actions: Action.OpenUrl goes to the host page's
 * `openUrl` (a deep link to the app opens its tab here), Submit/Execute are reported as not
 * available (no bot behind the host). Refresh re-reads; so does the page becoming visible again.
 */
import { renderAdaptiveCard, type CardRenderOptions } from './adaptive-card-host';
import { count, el } from './dom';
import { renderMessageBody, type MessageMention } from './message-body';
import type { SimTheme } from './protocol';

export const NO_POSTS_TEXT = 'No posts yet';
export const ADAPTIVE_CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Graph's largest page for channel messages and replies. */
const PAGE_SIZE = 50;
/** A runaway nextLink chain stops here (50 × 40 = 2,000 posts is more than a dev channel holds). */
const MAX_PAGES = 40;
/** Replies are read this many posts at a time. */
const REPLY_CONCURRENCY = 6;

export interface ChannelRef {
  id: string;
  displayName: string;
}

export interface ChannelViewOptions {
  /** Graph v1.0 on this page's origin, e.g. '/v1.0'. */
  graphBase: string;
  /** The signed-in user's principal name (the emulator's dev token). */
  user: string;
  /** The signed-in user's Entra id (mentions of them are marked), when known. */
  userId?: string | undefined;
  team: { id: string; displayName: string };
  channels: readonly ChannelRef[];
  channelId: string;
  theme: SimTheme;
  /** For times (Intl); an unknown tag falls back to en-GB. */
  locale: string;
  /** The host page URL that shows a channel in this view (the channel links' href). */
  channelHref(channelId: string): string;
  /** A channel was picked in the view (the host updates its URL and pickers; the view reads it). */
  channelChanged(channelId: string): void;
  /** Opens a URL as Teams would; returns a reason when it cannot. `from` says where it was clicked. */
  openUrl(url: string, from: 'action' | 'text'): string | undefined;
  /** Notes for the host's message log. */
  log?: (text: string) => void;
}

export interface ChannelView {
  readonly element: HTMLElement;
  /** Re-reads the selected channel's posts and their replies. */
  refresh(): Promise<void>;
  setTheme(theme: SimTheme): void;
  destroy(): void;
}

interface Attachment {
  id: string;
  contentType: string;
  content: unknown;
  name: string;
  contentUrl: string;
}

export interface Post {
  id: string;
  createdDateTime: string;
  deleted: boolean;
  messageType: string;
  sender: string;
  isApp: boolean;
  subject: string;
  body: { contentType: string; content: string };
  attachments: Attachment[];
  mentions: MessageMention[];
}

interface Thread {
  post: Post;
  replies: Post[];
  repliesFailed: boolean;
}

type StatusKind = 'idle' | 'ok' | 'warning' | 'error';

class GraphRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** A Graph chatMessage as the view needs it. */
export function toPost(raw: Record<string, unknown>): Post {
  const from = record(raw.from);
  const user = record(from.user);
  const application = record(from.application);
  const body = record(raw.body);
  const sender = str(user.displayName) || str(application.displayName) || str(record(from.device).displayName) || 'Unknown sender';
  return {
    id: str(raw.id),
    createdDateTime: str(raw.createdDateTime),
    deleted: typeof raw.deletedDateTime === 'string' && raw.deletedDateTime !== '',
    messageType: str(raw.messageType, 'message'),
    sender,
    isApp: !str(user.displayName) && !!str(application.displayName),
    subject: str(raw.subject),
    body: { contentType: str(body.contentType, 'text'), content: str(body.content) },
    attachments: (Array.isArray(raw.attachments) ? raw.attachments : []).map(record).map((a) => ({
      id: str(a.id),
      contentType: str(a.contentType),
      content: a.content,
      name: str(a.name),
      contentUrl: str(a.contentUrl),
    })),
    mentions: (Array.isArray(raw.mentions) ? raw.mentions : []).map(record).map((m) => {
      const mentioned = record(m.mentioned);
      const mentionedUser = record(mentioned.user);
      const name =
        str(mentionedUser.displayName) || str(record(mentioned.application).displayName) || str(record(mentioned.conversation).displayName);
      return { id: typeof m.id === 'number' ? m.id : Number(m.id), text: str(m.mentionText), name, userId: str(mentionedUser.id) };
    }),
  };
}

/** Oldest first, as Teams lists a channel (newest last); equal times by id (Graph ids grow with time). */
export function byTime(a: Post, b: Post): number {
  const ta = Date.parse(a.createdDateTime);
  const tb = Date.parse(b.createdDateTime);
  if (ta !== tb && !Number.isNaN(ta) && !Number.isNaN(tb)) return ta - tb;
  return a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

let viewCount = 0;

export function createChannelView(options: ChannelViewOptions): ChannelView {
  const prefix = `channel-${++viewCount}`;
  const abort = new AbortController();
  const log = options.log ?? (() => undefined);
  let theme = options.theme;
  let channelId = options.channelId;
  let threads: Thread[] = [];
  let loaded: 'loading' | 'ready' | 'failed' = 'loading';
  let generation = 0;
  let timeFormat: Intl.DateTimeFormat;
  try {
    timeFormat = new Intl.DateTimeFormat(options.locale, { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  }
  const channelName = () => options.channels.find((c) => c.id === channelId)?.displayName ?? 'Channel';

  // ------------------------------------------------------------------ skeleton
  const root = el('section', { className: 'channel-view', 'aria-labelledby': `${prefix}-heading` });
  const nav = el('nav', { className: 'channel-nav', 'aria-label': `Channels of ${options.team.displayName}` });
  const navHeading = el('p', { className: 'channel-nav-team' }, options.team.displayName);
  const navList = el('ul');
  nav.append(navHeading, navList);
  const main = el('div', { className: 'channel-main' });
  const toolbar = el('div', { className: 'channel-toolbar' });
  const heading = el('h2', { id: `${prefix}-heading`, className: 'channel-heading' });
  const refreshButton = el('button', { type: 'button' }, 'Refresh');
  const status = el('p', { className: 'channel-status', role: 'status', 'aria-live': 'polite', 'data-state': 'idle' });
  toolbar.append(heading, refreshButton, status);
  const content = el('div', { className: 'channel-content', role: 'region', tabindex: '0' });
  main.append(toolbar, content);
  root.append(nav, main);

  refreshButton.addEventListener('click', () => void refresh());
  const onVisibility = () => {
    if (document.visibilityState === 'visible' && root.isConnected) void refresh();
  };
  document.addEventListener('visibilitychange', onVisibility);

  const channelLinks = options.channels.map((channel) => {
    const link = el('a', { href: options.channelHref(channel.id), 'data-channel-id': channel.id }, channel.displayName);
    link.addEventListener('click', (event) => {
      // A plain click reads the channel in place; with a modifier the browser opens the link.
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      if (channel.id === channelId) return;
      channelId = channel.id;
      options.channelChanged(channel.id);
      threads = [];
      loaded = 'loading';
      void refresh();
    });
    const item = el('li');
    item.append(link);
    navList.append(item);
    return link;
  });

  /** The current channel marked in the list (the links stay, so focus stays on the one clicked). */
  function renderNav(): void {
    for (const link of channelLinks) {
      // The host's state (theme, locale) may have changed since: the href follows it.
      link.href = options.channelHref(link.dataset.channelId ?? '');
      if (link.dataset.channelId === channelId) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    heading.textContent = channelName();
    content.setAttribute('aria-label', `Posts in ${channelName()}`);
  }

  // ------------------------------------------------------------------ Graph

  /** A same-origin path for a nextLink (Graph gives absolute URLs; the host reaches Graph through its own origin). */
  function sameOrigin(link: string): string {
    try {
      const url = new URL(link, window.location.href);
      const at = url.pathname.indexOf('/v1.0/');
      return at >= 0 ? `${options.graphBase}${url.pathname.slice(at + 5)}${url.search}` : link;
    } catch {
      return link;
    }
  }

  async function graphGet(path: string): Promise<Record<string, unknown>> {
    const url = path.startsWith(options.graphBase) ? path : `${options.graphBase}${path}`;
    let response: Response;
    try {
      response = await fetch(url, { headers: { Authorization: `Bearer dev:${options.user}`, Accept: 'application/json' }, signal: abort.signal });
    } catch (error) {
      throw new GraphRequestError(0, 'network', error instanceof Error ? error.message : String(error));
    }
    log(`Channel GET ${url} → ${response.status}`);
    const text = await response.text();
    let body: Record<string, unknown>;
    try {
      body = text ? record(JSON.parse(text)) : {};
    } catch {
      body = {};
    }
    if (!response.ok) {
      const error = record(body.error);
      throw new GraphRequestError(response.status, str(error.code), str(error.message, `HTTP ${response.status}`));
    }
    return body;
  }

  async function list(path: string): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    let next: string | null = path;
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const body: Record<string, unknown> = await graphGet(next);
      if (Array.isArray(body.value)) out.push(...body.value.map(record));
      const link = body['@odata.nextLink'];
      next = typeof link === 'string' ? sameOrigin(link) : null;
    }
    return out;
  }

  const enc = encodeURIComponent;
  const messagesPath = (id: string) => `/teams/${enc(options.team.id)}/channels/${enc(id)}/messages`;

  /**
   * The roots with `$expand=replies` (channel-list-messages), so one request per page; a root
   * whose answer has no `replies` has them read from `…/messages/{id}/replies`.
   */
  async function readThreads(forChannel: string): Promise<Thread[]> {
    const roots = await list(`${messagesPath(forChannel)}?$top=${PAGE_SIZE}&$expand=replies`);
    const result: (Thread & { expanded: boolean })[] = roots
      .map((raw) => ({
        post: toPost(raw),
        replies: Array.isArray(raw.replies) ? raw.replies.map(record).map(toPost).sort(byTime) : [],
        repliesFailed: false,
        expanded: Array.isArray(raw.replies),
      }))
      .sort((a, b) => byTime(a.post, b.post));
    const missing = result.filter((thread) => !thread.expanded);
    let next = 0;
    const worker = async () => {
      while (next < missing.length) {
        const thread = missing[next++];
        if (!thread) break;
        try {
          thread.replies = (await list(`${messagesPath(forChannel)}/${enc(thread.post.id)}/replies?$top=${PAGE_SIZE}`)).map(toPost).sort(byTime);
        } catch (error) {
          if (abort.signal.aborted) return;
          thread.repliesFailed = true;
          log(`Channel: replies of ${thread.post.id} not read: ${describe(error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(REPLY_CONCURRENCY, missing.length) }, worker));
    return result.map(({ post, replies, repliesFailed }) => ({ post, replies, repliesFailed }));
  }

  async function refresh(): Promise<void> {
    const mine = ++generation;
    const reading = channelId;
    if (loaded !== 'ready') render();
    setStatus(`Reading ${channelName()}…`);
    root.setAttribute('aria-busy', 'true');
    try {
      const read = await readThreads(reading);
      if (mine !== generation) return;
      threads = read;
      loaded = 'ready';
      render();
      const replies = threads.reduce((sum, t) => sum + t.replies.length, 0);
      const time = new Date().toLocaleTimeString('en-GB');
      setStatus(`Read ${channelName()} at ${time}: ${count(threads.length, 'post')}, ${replyCount(replies)}.`, 'ok');
    } catch (error) {
      if (mine !== generation || abort.signal.aborted) return;
      loaded = 'failed';
      threads = [];
      render();
      setStatus(`Could not read the posts: ${describe(error)}`, 'error');
    } finally {
      if (mine === generation) root.removeAttribute('aria-busy');
    }
  }

  // ------------------------------------------------------------------ rendering

  function setStatus(text: string, kind: StatusKind = 'idle'): void {
    status.textContent = text;
    status.dataset.state = kind;
  }

  function render(): void {
    renderNav();
    const keepScroll = content.contains(document.activeElement);
    const scrollTop = content.scrollTop;
    if (loaded === 'loading') content.replaceChildren(el('p', { className: 'channel-empty' }, 'Reading the posts…'));
    else if (loaded === 'failed') content.replaceChildren(el('p', { className: 'channel-empty' }, 'The posts could not be read. Refresh to try again.'));
    else if (threads.length === 0) content.replaceChildren(el('p', { className: 'channel-empty', 'data-testid': 'no-posts' }, NO_POSTS_TEXT));
    else {
      const posts = el('ol', { className: 'channel-posts' });
      for (const thread of threads) posts.append(renderThread(thread));
      content.replaceChildren(posts);
    }
    // Newest last, in view, as Teams opens a channel; unless the user is working inside the list.
    content.scrollTop = keepScroll ? scrollTop : content.scrollHeight;
  }

  function renderThread(thread: Thread): HTMLElement {
    const item = el('li', { className: 'post-thread' });
    const article = renderPost(thread.post, 3);
    item.append(article);
    if (thread.replies.length > 0) {
      const replies = el('ol', { className: 'post-replies', 'aria-label': `${replyCount(thread.replies.length)} to ${thread.post.sender}` });
      for (const reply of thread.replies) {
        const replyItem = el('li');
        replyItem.append(renderPost(reply, 4));
        replies.append(replyItem);
      }
      article.append(replies);
    } else if (thread.repliesFailed) {
      article.append(el('p', { className: 'post-note' }, 'The replies could not be read.'));
    }
    return item;
  }

  function renderPost(post: Post, level: 3 | 4): HTMLElement {
    const headingId = `${prefix}-post-${post.id}`;
    const timeId = `${headingId}-time`;
    const article = el('article', {
      className: level === 3 ? 'post' : 'post post-reply',
      'aria-labelledby': `${headingId} ${timeId}`,
      'data-message-id': post.id,
    });
    const header = el('div', { className: 'post-header' });
    const sender = el(level === 3 ? 'h3' : 'h4', { id: headingId, className: 'post-sender' }, post.sender);
    if (post.isApp) sender.append(' ', el('span', { className: 'post-badge' }, 'App'));
    const time = el('time', { id: timeId, className: 'post-time' });
    const when = Date.parse(post.createdDateTime);
    if (!Number.isNaN(when)) {
      time.dateTime = post.createdDateTime;
      time.textContent = timeFormat.format(new Date(when));
    } else {
      time.textContent = 'Unknown time';
    }
    header.append(sender, time);
    article.append(header);

    if (post.deleted) {
      article.append(el('p', { className: 'post-note' }, 'This message has been deleted.'));
      return article;
    }
    if (post.subject) article.append(el('p', { className: 'post-subject' }, post.subject));

    const cardOptions: CardRenderOptions = {
      theme,
      headingLevel: level + 1,
      openUrl: (url, from) => open(url, from),
      unsupportedAction: (type, title) =>
        setStatus(`“${title || type}” (${type}) goes to the app's bot in Teams; the local host has no bot to send it to.`, 'warning'),
    };
    const attachmentElement = (attachment: Attachment): HTMLElement => renderAttachment(attachment, post, cardOptions);
    const { element: body, placedAttachments } = renderMessageBody(post.body, {
      mentions: post.mentions,
      selfUserId: options.userId,
      attachment: (id) => {
        const attachment = post.attachments.find((a) => a.id === id);
        return attachment ? attachmentElement(attachment) : el('p', { className: 'post-note' }, `(The body refers to attachment “${id}”, which the message does not have.)`);
      },
      openUrl: (url) => open(url, 'text'),
    });
    if (body.childNodes.length > 0) article.append(body);
    for (const attachment of post.attachments) {
      if (!placedAttachments.has(attachment.id)) article.append(attachmentElement(attachment));
    }
    return article;
  }

  function renderAttachment(attachment: Attachment, post: Post, cardOptions: CardRenderOptions): HTMLElement {
    if (attachment.contentType === ADAPTIVE_CARD_TYPE) {
      const wrapper = el('div', { className: 'post-card', role: 'group', 'aria-label': `Card from ${post.sender}` });
      const rendering = renderAdaptiveCard(attachment.content, cardOptions);
      if (rendering.ok) {
        wrapper.append(rendering.element);
        if (rendering.fullWidth) wrapper.dataset.width = 'full';
        for (const warning of rendering.warnings) log(`Card in ${post.id}: ${warning}`);
      } else {
        wrapper.dataset.failed = 'true';
        wrapper.append(el('p', { className: 'post-note' }, `This card cannot be shown: ${rendering.reason}.`));
        if (rendering.fallbackText) wrapper.append(el('p', {}, rendering.fallbackText));
      }
      return wrapper;
    }
    const label = attachment.name || attachment.contentType || 'attachment';
    if (attachment.contentType === 'reference' && /^https:\/\//i.test(attachment.contentUrl)) {
      const link = el('a', { href: attachment.contentUrl, rel: 'noopener noreferrer', target: '_blank', className: 'post-file' }, label);
      return link;
    }
    return el('p', { className: 'post-note' }, `Attachment “${label}” (${attachment.contentType || 'no content type'}) is not shown by the local host.`);
  }

  function open(url: string, from: 'action' | 'text'): void {
    const refused = options.openUrl(url, from);
    if (refused) setStatus(`Not opened: ${refused}`, 'error');
  }

  // ------------------------------------------------------------------ start

  render();
  void refresh();

  return {
    element: root,
    refresh,
    setTheme(next) {
      if (next === theme) return;
      theme = next;
      if (loaded === 'ready') render();
    },
    destroy() {
      generation++;
      abort.abort();
      document.removeEventListener('visibilitychange', onVisibility);
      root.remove();
    },
  };
}

const replyCount = (n: number): string => (n === 1 ? '1 reply' : `${n} replies`);

function describe(error: unknown): string {
  if (error instanceof GraphRequestError) {
    if (error.status === 0) return `the emulator did not answer (${error.message})`;
    if (error.status === 403) return `access denied (403${error.code ? ` ${error.code}` : ''}): is the user a member of the team?`;
    if (error.status === 404 && error.code === '') return 'the emulator has no channel messages endpoint (404)';
    return `${error.status}${error.code ? ` ${error.code}` : ''}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
