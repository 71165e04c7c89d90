/** Plain text → blocks. */
import type { Block } from '../blocks.ts';
import { paragraph } from '../blocks.ts';
import { joinLines, type RawLine } from '../text/line-join.ts';
import { decodeText } from './decode.ts';
import { toTxtLines, type TxtLine } from './txt-lines.ts';
import { readFlatTable, readTabbedTable } from './txt-table.ts';

function flush(raw: RawLine[], out: Block[]): void {
  for (const p of joinLines(raw)) out.push(paragraph(p.text, p.bullet ? { bullet: true } : {}));
  raw.length = 0;
}

export function textToBlocks(source: string): Block[] {
  const lines: TxtLine[] = toTxtLines(source);
  const out: Block[] = [];
  const raw: RawLine[] = [];
  let blanks = 0;
  for (let i = 0; i < lines.length; ) {
    const line = lines[i];
    if (!line) break;
    const table = line.tab ? readTabbedTable(lines, i) : line.blank ? null : readFlatTable(lines, i);
    if (table) {
      flush(raw, out);
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
  return out;
}

export function extractTxt(bytes: Uint8Array): Block[] {
  return textToBlocks(decodeText(bytes));
}
