/**
 * Delimited text (.csv, .tsv, .txt) → records, as Excel opens such a file: fields separated by
 * ';' (what Norwegian Excel writes), ',' or a tab; a field in double quotes may hold the separator,
 * line breaks and doubled quotes (""); CRLF, LF or CR line ends. A first line `sep=;` (Excel's hint)
 * names the separator and is not a row. The text is decoded by the plan importer's decodeText.
 */

export type Delimiter = ';' | ',' | '\t';
export const DELIMITERS: readonly Delimiter[] = [';', ',', '\t'];

export function parseDelimited(text: string, delimiter: Delimiter): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let started = false; // the current field has a character (or an opening quote) already
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (ch === '"' && !started) {
      quoted = true;
      started = true;
    } else if (ch === delimiter) {
      record.push(field);
      field = '';
      started = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      started = false;
    } else {
      field += ch;
      started = true;
    }
  }
  if (started || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Excel's `sep=X` first line: the separator it names, or null. */
export function separatorHint(text: string): Delimiter | null {
  const m = /^sep=(.)\r?(?:\n|$)/i.exec(text);
  const d = m?.[1];
  return d === ';' || d === ',' || d === '\t' ? d : null;
}

/** Without a `sep=` line: the records as each separator reads them (the caller picks the one whose header it recognises). */
export function candidateReadings(text: string): Array<{ delimiter: Delimiter; records: string[][] }> {
  const hint = separatorHint(text);
  if (hint) return [{ delimiter: hint, records: parseDelimited(text.replace(/^sep=.(?:\r\n|\r|\n|$)/i, ''), hint) }];
  return DELIMITERS.filter((d) => text.includes(d)).map((delimiter) => ({ delimiter, records: parseDelimited(text, delimiter) }));
}
