/** A plain-text line with the layout facts the text extractor cares about. */
import { cleanText } from '../text/normalize.ts';
import { isPageNumber, repeatedRunningLines } from '../text/noise.ts';

export interface TxtLine {
  /** Cleaned text; '' for blank lines. */
  readonly text: string;
  /** The line starts with a tab: a table cell in text dumps of Word documents. */
  readonly tab: boolean;
  readonly blank: boolean;
}

/** Lines without page numbers and repeated running headers (page furniture is dropped, not blanked). */
export function toTxtLines(source: string): TxtLine[] {
  const raws = source.split(/\r\n|\r|\n|\f/);
  const running = repeatedRunningLines(raws.map(cleanText));
  const out: TxtLine[] = [];
  for (const raw of raws) {
    const text = cleanText(raw);
    if (isPageNumber(text) || running.has(text.replace(/\d+/g, '#'))) continue;
    const tab = /^\t/.test(raw);
    out.push({ text, tab, blank: text === '' && !tab });
  }
  return out;
}
