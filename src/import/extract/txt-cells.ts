/**
 * Any table in a Word text dump, not only the situation table: its cells arrive as tab-led lines, a
 * cell's further paragraphs led by two tabs, rows separated by a blank line. When every row has the
 * same number of cells (two or more), the lines are read back as a table; anything less regular is
 * left to the paragraph reader (the parser then classifies the flattened cells by their text).
 */
import type { ParagraphBlock, TableBlock } from '../blocks.ts';
import { paragraph } from '../blocks.ts';
import { hasBullet } from '../text/normalize.ts';
import type { TableRead } from './txt-table.ts';
import type { TxtLine } from './txt-lines.ts';

type Cell = ParagraphBlock[];

function cellParagraph(text: string): ParagraphBlock {
  return paragraph(text, hasBullet(text) ? { bullet: true } : {});
}

/** Rows of tab-led lines from `start`, up to the first line that is neither tab-led nor a single blank. */
function readRows(lines: readonly TxtLine[], start: number): { rows: Cell[][]; end: number } {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let k = start;
  for (; k < lines.length; k++) {
    const line = lines[k];
    if (!line) break;
    if (line.blank) {
      if (row.length > 0) rows.push(row);
      row = [];
      if (!lines[k + 1]?.tab) break;
      continue;
    }
    if (!line.tab) break;
    const last = row[row.length - 1];
    if (line.depth >= 2 && last) last.push(cellParagraph(line.text));
    else row.push(line.text ? [cellParagraph(line.text)] : []);
  }
  if (row.length > 0) rows.push(row);
  return { rows, end: k };
}

export function readCellTable(lines: readonly TxtLine[], start: number): TableRead | null {
  if (!lines[start]?.tab) return null;
  const { rows, end } = readRows(lines, start);
  const width = rows[0]?.length ?? 0;
  if (rows.length < 2 || width < 2 || rows.some((r) => r.length !== width)) return null;
  const table: TableBlock = { kind: 'table', rows };
  return { table, end };
}
