/** Page furniture in extracted text: page numbers and running headers/footers. */
import { normKey } from './normalize.ts';

export const PAGE_NUMBER = /^(?:side|s\.|page|sida)?\s*[-–]?\s*\d{1,3}\s*[-–]?\s*(?:(?:av|of|\/)\s*\d{1,3})?$/iu;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/**
 * A short line naming the plan or union, as running headers do. Words are bounded by letters, not
 * by `\b` (which knows only ASCII letters: 'Årsmøtet' has no \b before its 'å').
 */
export function isRunningTitle(text: string): boolean {
  const k = normKey(text);
  return k.split(' ').length <= 10 && /(?<![\p{L}\p{N}_])(handlingsplan\p{L}*|fagforbundet|årsmøte\p{L}*)(?![\p{L}\p{N}_])/u.test(k) && !/[.:!?]$/.test(text.trim());
}

/** Shapes of lines repeated at least `min` times that look like running headers or footers. */
export function repeatedRunningLines(lines: readonly string[], min = 3): Set<string> {
  const counts = new Map<string, number>();
  for (const l of lines) {
    const s = l.replace(/\d+/g, '#').trim();
    if (s && isRunningTitle(l)) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= min).map(([s]) => s));
}
