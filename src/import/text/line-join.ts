/**
 * Rebuilds paragraphs from hard-broken lines (PDF exports, text dumps): a line continues the
 * previous one when the sentence is visibly unfinished.
 */
import { cleanText, endsSentence, hasBullet, leadingNumber, startsLowercase } from './normalize.ts';

export interface RawLine {
  readonly text: string;
  /** Blank lines between this line and the previous one. */
  readonly blankBefore: number;
  /** Layout says this line continues the previous one (e.g. PDF line wrapped at the margin). */
  readonly wrapped?: boolean;
  /** Layout says this line starts a new paragraph (indent, bigger gap, table cell start). */
  readonly breakBefore?: boolean;
}

export interface JoinedParagraph {
  readonly text: string;
  readonly bullet: boolean;
}

const DANGLING_WORDS = new Set([
  'og', 'i', 'for', 'til', 'med', 'på', 'av', 'som', 'at', 'å', 'en', 'ein', 'ei', 'et', 'eit', 'der',
  'om', 'fra', 'frå', 'mot', 'under', 'over', 'etter', 'innen', 'innan', 'samt', 'eller', 'de', 'dei',
  'den', 'det', 'hos', 'ved', 'mellom', 'gjennom', 'blant', 'slik', 'både', 'sine', 'sitt', 'sin', 'si',
  'våre', 'vår', 'vårt', 'alle', 'skal', 'vil', 'kan', 'må', 'har', 'er', 'blir', 'vert',
]);

/** The previous text visibly continues on the next line. */
export function isUnfinished(prev: string): boolean {
  const t = prev.trimEnd();
  if (/[-‐,&(]$/.test(t)) return true;
  const last = /(\p{L}+)$/u.exec(t);
  return last !== null && DANGLING_WORDS.has((last[1] ?? '').toLowerCase());
}

function startsItem(text: string): boolean {
  return hasBullet(text) || leadingNumber(text) !== null;
}

export function continues(prev: string, line: RawLine): boolean {
  if (line.breakBefore) return false;
  if (startsItem(line.text)) return false;
  if (line.wrapped) return true;
  if (line.blankBefore > 1) return false;
  if (endsSentence(prev)) return false;
  const next = line.text.trimStart();
  if (startsLowercase(next)) return true;
  if (/^\d/.test(next) && line.blankBefore === 0) return true;
  if (line.blankBefore === 0) return isUnfinished(prev);
  return line.blankBefore === 1 && /\p{L}-$/u.test(prev.trimEnd());
}

/** Join two pieces of one sentence: "Sør-" + "Varanger" keeps the hyphen tight. */
export function joinPieces(prev: string, next: string): string {
  const a = prev.trimEnd();
  const b = next.trimStart();
  if (/\p{L}-$/u.test(a) && /^\p{Lu}/u.test(b) && !/\s$/.test(prev)) return a + b;
  return `${a} ${b}`;
}

export function joinLines(lines: readonly RawLine[]): JoinedParagraph[] {
  const out: Array<{ text: string; bullet: boolean }> = [];
  for (const line of lines) {
    const text = line.text.replace(/\s+$/, '');
    if (!text.trim()) continue;
    const last = out[out.length - 1];
    if (last && continues(last.text, line)) {
      last.text = joinPieces(last.text, text);
    } else {
      out.push({ text, bullet: hasBullet(text) });
    }
  }
  return out.map((p) => ({ text: cleanText(p.text), bullet: p.bullet }));
}
