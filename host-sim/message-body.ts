/**
 * A channel message's body (Graph chatMessage `body{contentType, content}`) as safe DOM for the host
 * page's Channel view. Nothing from the message is ever inserted as HTML: an `html` body is parsed
 * into an inert document (DOMParser: no scripts run, nothing loads) and walked, and only its text
 * comes out, in elements created here without any of the message's attributes: paragraphs and line
 * breaks, lists, bold/italic/underline/strike/code, web links (http/https/mailto only), `<at id="n">`
 * mentions (highlighted, facts §8) and `<attachment id="X">` markers, which the caller fills with
 * the attachment (the card) at that place.
 */

export interface MessageMention {
  /** `mentions[].id`, the number in `<at id="n">`. */
  id: number;
  text: string;
  /** The mentioned user's, application's or conversation's display name; '' when not given. */
  name: string;
  /** The mentioned user's id, when it is a user. */
  userId: string;
}

export interface BodyRenderOptions {
  mentions: readonly MessageMention[];
  /** The signed-in user's id: a mention of them is marked as Teams marks "@you". */
  selfUserId?: string | undefined;
  /** Returns the element standing for `<attachment id>` (its card), or null to leave it out. */
  attachment(id: string): HTMLElement | null;
  /** Clicks on links in the body. */
  openUrl(url: string): void;
}

const BLOCKS = new Set(['P', 'DIV', 'BLOCKQUOTE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'TR', 'SECTION']);
const INLINE: Record<string, keyof HTMLElementTagNameMap> = {
  B: 'strong',
  STRONG: 'strong',
  I: 'em',
  EM: 'em',
  U: 'u',
  S: 's',
  STRIKE: 's',
  DEL: 's',
  CODE: 'code',
  SUB: 'sub',
  SUP: 'sup',
};
/** Elements whose content is never text to show. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'HEAD', 'TITLE', 'SVG', 'MATH']);
const SAFE_LINK = /^(https?:|mailto:)/i;

/** The message body as safe DOM (a `div.post-body`), with the ids of the attachments it placed. */
export function renderMessageBody(
  body: { contentType: string; content: string },
  options: BodyRenderOptions,
): { element: HTMLElement; placedAttachments: Set<string> } {
  const element = document.createElement('div');
  element.className = 'post-body';
  const placedAttachments = new Set<string>();
  if (body.contentType.toLowerCase() !== 'html') {
    element.classList.add('post-body-text');
    element.textContent = body.content;
    return { element, placedAttachments };
  }
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${body.content}</body>`, 'text/html');
  let paragraph: HTMLElement | null = null;

  /** The paragraph inline content goes into (opened on demand, so block markup does not leave empty lines). */
  const current = (): HTMLElement => {
    if (!paragraph) {
      paragraph = document.createElement('p');
      element.append(paragraph);
    }
    return paragraph;
  };
  const endParagraph = () => {
    paragraph = null;
  };

  const walk = (source: Node, target: () => HTMLElement): void => {
    for (const node of Array.from(source.childNodes)) {
      if (node.nodeType === Node.TEXT_NODE) {
        const text = node.textContent ?? '';
        // Whitespace between blocks would open an empty paragraph; inside one it is kept.
        if (target !== current || text.trim() !== '' || paragraph) target().append(text);
        continue;
      }
      if (!(node instanceof Element)) continue;
      const tag = node.tagName.toUpperCase();
      if (SKIPPED.has(tag)) continue;
      if (tag === 'BR') {
        target().append(document.createElement('br'));
      } else if (tag === 'AT') {
        target().append(mention(node, options));
      } else if (tag === 'ATTACHMENT') {
        const id = node.getAttribute('id') ?? '';
        const card = options.attachment(id);
        if (card) {
          placedAttachments.add(id);
          endParagraph();
          element.append(card);
        }
      } else if (tag === 'A') {
        const href = node.getAttribute('href') ?? '';
        if (SAFE_LINK.test(href.trim())) {
          const link = document.createElement('a');
          link.href = href.trim();
          link.rel = 'noopener noreferrer';
          link.target = '_blank';
          link.addEventListener('click', (event) => {
            event.preventDefault();
            options.openUrl(link.href);
          });
          target().append(link);
          walk(node, () => link);
        } else {
          walk(node, target);
        }
      } else if (tag === 'UL' || tag === 'OL') {
        endParagraph();
        const list = document.createElement(tag === 'UL' ? 'ul' : 'ol');
        element.append(list);
        for (const child of Array.from(node.children)) {
          const item = document.createElement('li');
          list.append(item);
          walk(child, () => item);
        }
      } else if (INLINE[tag]) {
        const inner = document.createElement(INLINE[tag]);
        target().append(inner);
        walk(node, () => inner);
      } else if (BLOCKS.has(tag) && target === current) {
        endParagraph();
        walk(node, current);
        endParagraph();
      } else {
        walk(node, target);
      }
    }
  };
  walk(parsed.body, current);
  return { element, placedAttachments };
}

function mention(node: Element, options: BodyRenderOptions): HTMLElement {
  const span = document.createElement('span');
  span.className = 'mention';
  span.dataset.mention = 'true';
  const text = node.textContent ?? '';
  span.textContent = text;
  const id = Number(node.getAttribute('id'));
  const entry = options.mentions.find((m) => m.id === id);
  if (!entry) {
    span.className = 'mention-unresolved';
    span.title = `No mentions[] entry with id ${node.getAttribute('id') ?? '?'}: Teams would not show it as a mention`;
    delete span.dataset.mention;
    return span;
  }
  if (entry.name && entry.name !== text) span.title = entry.name;
  if (options.selfUserId && entry.userId && entry.userId.toLowerCase() === options.selfUserId.toLowerCase()) span.dataset.self = 'true';
  return span;
}
