/**
 * Text before the first area. Template boilerplate, the plan's title and an overview list of the
 * areas are the plan's frame; the union's own prose is its introduction; a bullet that names no
 * area (or a numbered item) may be a goal written before the areas, so it is left for the board to place.
 */
import type { DraftNotUsed } from '../draft.ts';
import { normKey } from '../text/normalize.ts';
import { isBoilerplate } from '../text/vocabulary.ts';
import type { Para } from './paragraphs.ts';
import { isTemplateAreaTitle, matchAreaHeading } from './template-match.ts';

function isTitleLine(text: string, union: string | null): boolean {
  const k = normKey(text);
  const words = k.split(' ').length;
  if (union && k === normKey(union)) return true;
  // Word edges by letters, not \b (which knows only ASCII letters: 'årsplan' has no \b before its 'å').
  return words <= 10 && /(?<!\p{L})(handlingsplan|arbeidsplan|årsplan|strategiplan)\p{L}*/u.test(k) && !/[.!?]$/.test(text.trim());
}

export interface Preamble {
  readonly notUsed: DraftNotUsed[];
  readonly unplaced: string[];
}

export function readPreamble(paras: readonly Para[], union: string | null): Preamble {
  const notUsed: DraftNotUsed[] = [];
  const unplaced: string[] = [];
  for (const p of paras) {
    if (isBoilerplate(p.text)) notUsed.push({ text: p.text, kind: 'template' });
    else if ((p.bullet || p.number !== null) && (isTemplateAreaTitle(p.text) || matchAreaHeading(p.text))) notUsed.push({ text: p.text, kind: 'heading' });
    else if (isTitleLine(p.text, union)) notUsed.push({ text: p.text, kind: 'heading' });
    else if (p.bullet || p.number !== null) unplaced.push(p.text);
    else notUsed.push({ text: p.text, kind: 'introduction' });
  }
  return { notUsed, unplaced };
}

/** The union's own words before the areas (its introduction and loose bullets), in order. */
export function preambleUnplaced(paras: readonly Para[], union: string | null): string[] {
  const { notUsed, unplaced } = readPreamble(paras, union);
  const own = new Set([...unplaced, ...notUsed.filter((n) => n.kind === 'introduction').map((n) => n.text)]);
  return paras.map((p) => p.text).filter((t) => own.has(t));
}
