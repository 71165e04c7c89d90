/**
 * Recovers the situation table from plain text, where it arrives either as tab-led cells (Word text
 * dumps) or flattened column by column (PDF text dumps).
 */
import type { ParagraphBlock, TableBlock } from '../blocks.ts';
import { paragraph } from '../blocks.ts';
import { leadingNumber, normKey } from '../text/normalize.ts';
import { isBoilerplate, isSituationHeader } from '../text/vocabulary.ts';
import type { TxtLine } from './txt-lines.ts';

export interface TableRead {
  readonly table: TableBlock;
  /** Index of the first line after the table. */
  readonly end: number;
}

function toTable(rows: string[][]): TableBlock {
  return {
    kind: 'table',
    rows: rows.map((cells) => cells.map((c): ParagraphBlock[] => (c.trim() ? [paragraph(c.trim())] : []))),
  };
}

function headerColumns(header: string): string[] {
  const k = normKey(header);
  const cols = ['Område'];
  if (/situasjon/.test(k)) cols.push('Nåsituasjon');
  if (/kort sikt/.test(k)) cols.push('Utfordringer kort sikt');
  if (/lang sikt/.test(k)) cols.push('Utfordringer lang sikt');
  return cols;
}

function isSectionStart(text: string): boolean {
  return leadingNumber(text) !== null || isBoilerplate(text);
}

function isHeaderCell(text: string): boolean {
  return /omr[åa]de|situasjon|sikt|utfordring/iu.test(text) && text.split(/\s+/).length <= 5;
}

/** Tab-led header cells starting at `start`: "\tOmråde", "\tNåsituasjon", ... */
export function readTabbedTable(lines: readonly TxtLine[], start: number): TableRead | null {
  let k = start;
  const header: string[] = [];
  while (k < lines.length && lines[k]?.tab && header.length < 6 && isHeaderCell(lines[k]?.text ?? '')) {
    header.push(lines[k]?.text ?? '');
    k++;
  }
  if (header.length < 3 || !isSituationHeader(header.join(' '))) return null;
  const width = header.length;
  const cells: string[] = [];
  let blanks = 0;
  for (; k < lines.length; k++) {
    const line = lines[k];
    if (!line) break;
    if (line.blank) {
      blanks++;
      continue;
    }
    if (line.tab && line.depth >= 2 && cells.length > 0) {
      // A further paragraph of the cell above (see txt-cells.ts).
      cells[cells.length - 1] = `${cells[cells.length - 1] ?? ''} ${line.text}`.trim();
    } else if (line.tab) {
      cells.push(line.text);
    } else {
      if (blanks >= 2 || cells.length === 0 || isSectionStart(line.text)) break;
      cells[cells.length - 1] = `${cells[cells.length - 1] ?? ''} ${line.text}`.trim();
    }
    blanks = 0;
  }
  const rows: string[][] = [header];
  for (let i = 0; i < cells.length; i += width) rows.push(cells.slice(i, i + width));
  while (rows.length > 1 && (rows[rows.length - 1] ?? []).every((c) => !c.trim())) rows.pop();
  return { table: toTable(rows), end: k };
}

/** "Heltidskultur Det er framleis" → ["Heltidskultur", "Det er framleis"]: a short label cell run into the next cell. */
export function splitLabel(line: string): [string, string] | null {
  const words = line.split(' ');
  for (let i = 1; i < words.length && i <= 4; i++) {
    const prev = words[i - 1] ?? '';
    const word = words[i] ?? '';
    if (/\p{Ll}$/u.test(prev) && /^\p{Lu}/u.test(word)) {
      return [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    }
    if (/[.,;:!?]$/.test(prev)) return null;
  }
  return null;
}


/** A one-line header followed by blank-separated chunks, each one cell. */
export function readFlatTable(lines: readonly TxtLine[], start: number): TableRead | null {
  const headerText = lines[start]?.text ?? '';
  if (!isSituationHeader(headerText)) return null;
  const header = headerColumns(headerText);
  const width = header.length;
  const chunks: string[][] = [];
  let k = start + 1;
  let blanks = 0;
  let current: string[] | null = null;
  for (; k < lines.length; k++) {
    const line = lines[k];
    if (!line) break;
    if (line.blank || !line.text) {
      blanks++;
      current = null;
      continue;
    }
    if (blanks >= 3 && chunks.length > 0) break;
    if (!current && isSectionStart(line.text)) break;
    if (!current) {
      current = [];
      chunks.push(current);
    }
    current.push(line.text);
    blanks = 0;
  }
  const end = k;
  const rows: string[][] = [header];
  let row: string[] | null = null;
  for (const chunk of chunks) {
    const text = chunk.join(' ');
    const split = splitLabel(chunk[0] ?? '');
    const startsRow = !row || row.length >= width || (row.length >= 2 && split !== null);
    if (startsRow) {
      if (split) {
        const rest = [split[1], ...chunk.slice(1)].join(' ');
        row = [split[0], rest];
      } else {
        row = [text];
      }
      rows.push(row);
    } else if (row) {
      row.push(text);
    }
  }
  for (const r of rows) while (r.length < width) r.push('');
  return { table: toTable(rows), end };
}
