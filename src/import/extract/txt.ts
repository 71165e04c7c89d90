/** Plain text → blocks. */
import type { Block } from '../blocks.ts';
import { paragraph } from '../blocks.ts';
import { joinLines, type RawLine } from '../text/line-join.ts';
import { decodeText } from './decode.ts';
import { toTxtLines, type TxtLine } from './txt-lines.ts';
import { readCellTable } from './txt-cells.ts';
import { readFlatTable, readTabbedTable } from './txt-table.ts';

function flush(raw: RawLine[], out: Block[]): void {
  for (const p of joinLines(raw)) out.push(paragraph(p.text, p.bullet ? { bullet: true } : {}));
  raw.length = 0;
}

/** The nearest line in a direction that is not blank. */
function nextText(lines: readonly TxtLine[], from: number, step: 1 | -1): TxtLine | undefined {
  for (let k = from + step; k >= 0 && k < lines.length; k += step) if (!lines[k]?.blank) return lines[k];
  return undefined;
}

export function textToBlocks(source: string): Block[] {
  const all: TxtLine[] = toTxtLines(source);
  // Page furniture is taken aside (it must not break a sentence that runs across a page) and kept;
  // the blank lines around it are the page break, not a paragraph break.
  const lines = all.filter((l, i) => !l.furniture && !(l.blank && (nextText(all, i, 1)?.furniture || nextText(all, i, -1)?.furniture)));
  const out: Block[] = [];
  const raw: RawLine[] = [];
  let blanks = 0;
  for (let i = 0; i < lines.length; ) {
    const line = lines[i];
    if (!line) break;
    const flat = line.tab || line.blank ? null : readFlatTable(lines, i);
    const table = line.tab ? (readTabbedTable(lines, i) ?? readCellTable(lines, i)) : flat;
    if (table) {
      flush(raw, out);
      if (flat) out.push(paragraph(line.text, { tableHeader: true }));
      out.push(table.table);
      i = table.end;
      blanks = 2;
      continue;
    }
    if (line.blank || !line.text) {
      blanks++;
      i++;
      continue;
    }
    raw.push({ text: line.text, blankBefore: blanks, breakBefore: line.tab });
    blanks = 0;
    i++;
  }
  flush(raw, out);
  for (const f of all) if (f.furniture) out.push(paragraph(f.text, { furniture: true }));
  return out;
}

export function extractTxt(bytes: Uint8Array): Block[] {
  return textToBlocks(decodeText(bytes));
}
