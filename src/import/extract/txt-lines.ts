/** A plain-text line with the layout facts the text extractor cares about. */
import { cleanText } from '../text/normalize.ts';
import { isPageNumber, repeatedRunningLines } from '../text/noise.ts';

export interface TxtLine {
  /** Cleaned text; '' for blank lines. */
  readonly text: string;
  /** The line starts with a tab: a table cell in text dumps of Word documents. */
  readonly tab: boolean;
  /** Leading tabs: two or more mark a further paragraph of the cell above. */
  readonly depth: number;
  readonly blank: boolean;
  /** A page number or a repeated running header or footer. */
  readonly furniture?: boolean;
}

/** Lines, with page numbers and repeated running headers marked as furniture (kept, never a blank). */
export function toTxtLines(source: string): TxtLine[] {
  const raws = source.split(/\r\n|\r|\n|\f/);
  // A table cell (tab-led) is never a running header, however often a table's header row repeats.
  const running = repeatedRunningLines(raws.filter((r) => !/^\t/.test(r)).map(cleanText));
  const out: TxtLine[] = [];
  for (const raw of raws) {
    const text = cleanText(raw);
    const depth = /^\t*/.exec(raw)?.[0].length ?? 0;
    if (text && depth === 0 && (isPageNumber(text) || running.has(text.replace(/\d+/g, '#')))) {
      out.push({ text, tab: false, depth: 0, blank: false, furniture: true });
      continue;
    }
    out.push({ text, tab: depth > 0, depth, blank: text === '' && depth === 0 });
  }
  return out;
}
