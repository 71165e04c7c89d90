/** A plain-text line with the layout facts the text extractor cares about. */
import { cleanText } from '../text/normalize.ts';

export interface TxtLine {
  /** Cleaned text; '' for blank lines. */
  readonly text: string;
  /** The line starts with a tab: a table cell in text dumps of Word documents. */
  readonly tab: boolean;
  readonly blank: boolean;
}

export function toTxtLines(source: string): TxtLine[] {
  return source.split(/\r\n|\r|\n|\f/).map((raw) => {
    const text = cleanText(raw);
    const tab = /^\t/.test(raw);
    return { text, tab, blank: text === '' && !tab };
  });
}
