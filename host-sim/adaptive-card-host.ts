/**
 * Adaptive Cards in the host page's Channel view, rendered as Teams renders them: with Microsoft's
 * `adaptivecards` renderer (the package the app builds its cards with, src/cards/reminder-cards.ts)
 * and a host config that mirrors Teams', a Markdown subset for TextBlocks and `<at>` mentions.
 *
 * Host config: the numbers and colours of Microsoft's published Teams host configs,
 * microsoft/AdaptiveCards `samples/HostConfig/microsoft-teams-light.json` and
 * `microsoft-teams-dark.json` (MIT; also shipped with the Adaptive Cards Designer as its "Microsoft
 * Teams" host): Segoe UI 12/14/14/18/24 px at weights 200/400/600, spacing 8/12/16/20/24 with
 * padding 16, separator #EEEEEE, image sizes 32/52/100, six actions in a row with 8 px between
 * them, ShowCard inline in the emphasis style, and the light (#252424 on #ffffff, accent #6264a7)
 * and dark (#ffffff on #2d2c2c, accent #a6a7dc) palettes. Two departures: the light sample's fonts
 * sit under `fontStyles`, which adaptivecards 3 does not read (it reads `fontTypes`), so they are
 * given as `fontTypes` here; and the high-contrast palette (no published sample) is this page's own,
 * white on black with yellow accents as Teams' contrast theme.
 *
 * Markdown (facts §9: bold, italic, lists, links in TextBlock and Fact; no headers, tables, images,
 * and no HTML): the text is HTML-escaped first and only the markup built here is added, so nothing
 * in a card's text reaches the page as HTML. TextRuns are never Markdown (the renderer does that).
 *
 * Mentions: `<at>Name</at>` in a TextBlock is shown highlighted when the card's
 * `msteams.entities` has a mention with that text (facts §9); without one it is shown plainly,
 * marked as unresolved (Teams would not notify anyone).
 */
import * as AdaptiveCards from 'adaptivecards';
import type { SimTheme } from './protocol';

/** Teams renders Adaptive Cards up to version 1.5 (facts §9). */
export const TEAMS_MAX_CARD_VERSION = { major: 1, minor: 5 } as const;

interface Palette {
  background: string;
  emphasis: string;
  text: string;
  subtle: string;
  dark: [string, string];
  light: [string, string];
  accent: [string, string];
  good: [string, string];
  warning: [string, string];
  attention: [string, string];
  /** Text on the coloured container styles (accent, good, attention, warning). */
  onColoured: [string, string];
  separator: string;
}

// Colours as in Microsoft's Teams host configs (see above); #AARRGGBB as the renderer reads them.
const LIGHT: Palette = {
  background: '#ffffff',
  emphasis: '#fff9f8f7',
  text: '#ff252424',
  subtle: '#bf252424',
  dark: ['#252424', '#bf252424'],
  light: ['#ffffff', '#fff3f2f1'],
  accent: ['#6264a7', '#8b8cc7'],
  good: ['#92c353', '#e592c353'],
  warning: ['#f8d22a', '#e5f8d22a'],
  attention: ['#c4314b', '#e5c4314b'],
  onColoured: ['#ff252424', '#bf252424'],
  separator: '#EEEEEE',
};

const DARK: Palette = {
  background: '#ff2d2c2c',
  emphasis: '#ff292828',
  text: '#ffffffff',
  subtle: '#bfffffff',
  dark: ['#ff201f1f', '#ff2d2c2c'],
  light: ['#ffffffff', '#bfffffff'],
  accent: ['#ffa6a7dc', '#ff8b8cc7'],
  good: ['#ff92c353', '#e592c353'],
  warning: ['#fff8d22a', '#e5f8d22a'],
  attention: ['#ffd74654', '#e5d74654'],
  onColoured: ['#ff201f1f', '#ff2d2c2c'],
  separator: '#EEEEEE',
};

/** The host page's own high-contrast palette (no published Teams sample). */
const CONTRAST: Palette = {
  background: '#000000',
  emphasis: '#000000',
  text: '#ffffff',
  subtle: '#ffffff',
  dark: ['#ffffff', '#ffffff'],
  light: ['#ffffff', '#ffffff'],
  accent: ['#ffff00', '#ffff00'],
  good: ['#3ff23f', '#3ff23f'],
  warning: ['#ffff00', '#ffff00'],
  attention: ['#ff7b7b', '#ff7b7b'],
  onColoured: ['#000000', '#000000'],
  separator: '#ffffff',
};

const PALETTES: Record<SimTheme, Palette> = { default: LIGHT, dark: DARK, contrast: CONTRAST };

/** The coloured container styles' backgrounds, the same in both published Teams samples. */
const COLOURED_BACKGROUNDS = { accent: '#C7DEF9', good: '#CCFFCC', attention: '#FFC5B2', warning: '#FFE2B2' } as const;

function foregrounds(palette: Palette, onColoured: boolean): Record<string, { default: string; subtle: string }> {
  const pair = ([main, subtle]: [string, string]) => ({ default: main, subtle });
  return {
    default: onColoured ? pair(palette.onColoured) : { default: palette.text, subtle: palette.subtle },
    dark: pair(palette.dark),
    light: pair(palette.light),
    accent: pair(palette.accent),
    good: pair(palette.good),
    warning: pair(palette.warning),
    attention: pair(palette.attention),
  };
}

function fontType(fontFamily: string) {
  return {
    fontFamily,
    fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
    fontWeights: { lighter: 200, default: 400, bolder: 600 },
  };
}

/** The host config object (JSON, as a host config file) for a theme; card headings at `headingLevel`. */
export function teamsHostConfigJson(theme: SimTheme, headingLevel = 4): Record<string, unknown> {
  const palette = PALETTES[theme];
  const coloured = (backgroundColor: string) => ({
    backgroundColor: theme === 'contrast' ? '#000000' : backgroundColor,
    foregroundColors: foregrounds(palette, theme !== 'contrast'),
  });
  return {
    choiceSetInputValueSeparator: ',',
    supportsInteractivity: true,
    spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: palette.separator },
    imageSizes: { small: 32, medium: 52, large: 100 },
    fontTypes: {
      default: fontType("'Segoe UI', Tahoma, Geneva, Verdana, sans-serif"),
      monospace: fontType("'Courier New', Courier, monospace"),
    },
    containerStyles: {
      default: { backgroundColor: palette.background, foregroundColors: foregrounds(palette, false) },
      emphasis: { backgroundColor: palette.emphasis, foregroundColors: foregrounds(palette, false) },
      accent: coloured(COLOURED_BACKGROUNDS.accent),
      good: coloured(COLOURED_BACKGROUNDS.good),
      attention: coloured(COLOURED_BACKGROUNDS.attention),
      warning: coloured(COLOURED_BACKGROUNDS.warning),
    },
    actions: {
      maxActions: 6,
      spacing: 'Default',
      buttonSpacing: 8,
      showCard: { actionMode: 'Inline', inlineTopMargin: 16, style: 'emphasis' },
      preExpandSingleShowCardAction: false,
      actionsOrientation: 'Horizontal',
      actionAlignment: 'Left',
    },
    adaptiveCard: { allowCustomStyle: false },
    imageSet: { imageSize: 'Medium', maxImageHeight: 100 },
    factSet: {
      title: { size: 'Default', color: 'Default', isSubtle: false, weight: 'Bolder', wrap: true },
      value: { size: 'Default', color: 'Default', isSubtle: false, weight: 'Default', wrap: true },
      spacing: 16,
    },
    textBlock: { headingLevel },
  };
}

export function teamsHostConfig(theme: SimTheme, headingLevel = 4): AdaptiveCards.HostConfig {
  return new AdaptiveCards.HostConfig(teamsHostConfigJson(theme, headingLevel));
}

// ---------------------------------------------------------------------------------- Markdown

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** The mentions the card being rendered declares (msteams.entities), by their text `<at>Name</at>`. */
let activeMentions: ReadonlySet<string> = new Set();

/** Only web links become anchors; anything else (javascript:, data:, relative) stays text. */
const SAFE_URL = /^(https?:\/\/|mailto:)[^\s]+$/i;

function inline(escaped: string): string {
  const tokens: string[] = [];
  // Placeholders for finished markup: a private-use character, removed from the text first.
  const hold = (html: string) => `\uE000${tokens.push(html) - 1}\uE000`;
  let text = escaped.replace(/\uE000/g, '');
  // Mentions before anything else, so emphasis characters in a name cannot split one.
  text = text.replace(/&lt;at&gt;([\s\S]*?)&lt;\/at&gt;/g, (_m, name: string) => {
    const known = activeMentions.has(`<at>${decodeEntities(name)}</at>`);
    return hold(
      known
        ? `<span class="mention" data-mention="true">${name}</span>`
        : `<span class="mention-unresolved" title="No msteams.entities mention for this name: Teams would not show it as a mention">${name}</span>`,
    );
  });
  // Links: [text](url); the URL is already escaped, so it cannot leave its attribute.
  text = text.replace(/\[([^\]\n]+)\]\(([^()\s]+)\)/g, (whole, label: string, url: string) =>
    SAFE_URL.test(decodeEntities(url)) ? hold(`<a href="${url}" rel="noopener noreferrer">${label}</a>`) : whole,
  );
  text = text
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/__(?=\S)([\s\S]*?\S)__/g, '<strong>$1</strong>')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '<del>$1</del>')
    .replace(/(^|[^*\w])\*(?=\S)([^*\n]*?\S)\*(?![*\w])/g, '$1<em>$2</em>')
    .replace(/(^|[^_\w])_(?=\S)([^_\n]*?\S)_(?![_\w])/g, '$1<em>$2</em>');
  return text.replace(/\uE000(\d+)\uE000/g, (_m, index: string) => tokens[Number(index)] ?? '');
}

function decodeEntities(escaped: string): string {
  return escaped.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => Object.entries(ESCAPES).find(([, e]) => e === entity)?.[0] ?? entity);
}

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*(\d+)\.\s+(.*)$/;

/** Teams' Markdown subset to HTML built from escaped text: paragraphs, line breaks, lists, emphasis, links, mentions. */
export function markdownToSafeHtml(text: string): string {
  const blocks = escapeHtml(text.replace(/\r\n?/g, '\n')).split(/\n{2,}/);
  return blocks
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      if (lines.every((line) => BULLET.test(line))) {
        return `<ul>${lines.map((line) => `<li>${inline(BULLET.exec(line)?.[1] ?? '')}</li>`).join('')}</ul>`;
      }
      // As in CommonMark, a block of "N. …" lines is a list numbered from its first N, so a
      // Norwegian date opening a line ("20. mai") shows as list item 20 (Teams: not confirmed).
      if (lines.every((line) => NUMBERED.test(line))) {
        const start = NUMBERED.exec(lines[0] ?? '')?.[1] ?? '1';
        const items = lines.map((line) => `<li>${inline(NUMBERED.exec(line)?.[2] ?? '')}</li>`).join('');
        return `<ol${start === '1' ? '' : ` start="${Number(start)}"`}>${items}</ol>`;
      }
      return `<p>${lines.map(inline).join('<br>')}</p>`;
    })
    .join('');
}

AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = markdownToSafeHtml(text);
  result.didProcess = true;
};
// A card is not a tab stop of its own (its actions and inputs are); Teams' cards are not either.
AdaptiveCards.GlobalSettings.setTabIndexAtCardRoot = false;

// ---------------------------------------------------------------------------------- rendering

export interface CardRenderOptions {
  theme: SimTheme;
  /** The aria-level of the card's `style: heading` TextBlocks (below the post's own heading). */
  headingLevel: number;
  /** Action.OpenUrl (from: 'action') or a link in a TextBlock (from: 'text'). */
  openUrl(url: string, from: 'action' | 'text'): void;
  /** Action.Submit / Action.Execute: the host has no bot to send them to. */
  unsupportedAction(type: string, title: string): void;
}

export type CardRendering =
  | { ok: true; element: HTMLElement; mentions: string[]; warnings: string[]; fullWidth: boolean }
  | { ok: false; reason: string; fallbackText: string };

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** The `<at>…</at>` texts a card declares in `msteams.entities`. */
export function cardMentionTexts(json: Record<string, unknown>): string[] {
  const entities = record(json.msteams).entities;
  if (!Array.isArray(entities)) return [];
  return entities
    .map(record)
    .filter((entity) => entity.type === 'mention' && typeof entity.text === 'string')
    .map((entity) => entity.text as string);
}

function versionTooHigh(version: unknown): boolean {
  if (typeof version !== 'string') return false;
  const match = /^(\d+)\.(\d+)/.exec(version);
  if (!match) return false;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  return major > TEAMS_MAX_CARD_VERSION.major || (major === TEAMS_MAX_CARD_VERSION.major && minor > TEAMS_MAX_CARD_VERSION.minor);
}

/**
 * One attachment's card: `content` as Graph has it (a JSON string) or as a bot or webhook sends it
 * (an object).
 */
export function renderAdaptiveCard(content: unknown, options: CardRenderOptions): CardRendering {
  let json: Record<string, unknown>;
  try {
    json = record(typeof content === 'string' ? JSON.parse(content) : content);
  } catch (error) {
    return { ok: false, reason: `its content is not JSON (${error instanceof Error ? error.message : String(error)})`, fallbackText: '' };
  }
  const fallbackText = typeof json.fallbackText === 'string' ? json.fallbackText : '';
  if (json.type !== 'AdaptiveCard') return { ok: false, reason: 'its content is not an AdaptiveCard', fallbackText };
  if (versionTooHigh(json.version)) {
    return { ok: false, reason: `version ${String(json.version)}: Teams shows cards up to 1.5`, fallbackText };
  }

  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = teamsHostConfig(options.theme, options.headingLevel);
  card.onExecuteAction = (action) => {
    if (action instanceof AdaptiveCards.OpenUrlAction) {
      if (action.url) options.openUrl(action.url, 'action');
    } else if (action instanceof AdaptiveCards.SubmitAction || action instanceof AdaptiveCards.ExecuteAction) {
      options.unsupportedAction(action.getJsonTypeName(), action.title ?? '');
    }
  };
  card.onAnchorClicked = (_element, anchor) => {
    options.openUrl(anchor.href, 'text');
    return true;
  };
  const context = new AdaptiveCards.SerializationContext();
  card.parse(json, context);
  const warnings: string[] = [];
  for (let i = 0; i < context.eventCount; i++) warnings.push(context.getEventAt(i).message);

  const mentions = cardMentionTexts(json);
  activeMentions = new Set(mentions);
  let element: HTMLElement | undefined;
  try {
    element = card.render();
  } catch (error) {
    return { ok: false, reason: `the renderer failed (${error instanceof Error ? error.message : String(error)})`, fallbackText };
  } finally {
    activeMentions = new Set();
  }
  if (!element) return { ok: false, reason: 'the renderer returned nothing', fallbackText };
  // `msteams.width: "Full"` (facts §9) lets the card use the post's whole width.
  const fullWidth = record(json.msteams).width === 'Full';
  return { ok: true, element, mentions, warnings, fullWidth };
}
