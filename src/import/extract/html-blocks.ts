/** mammoth's HTML → blocks: paragraphs, headings, list items and tables (cells keep their paragraphs). */
import type { Block, ParagraphBlock } from '../blocks.ts';
import { paragraph } from '../blocks.ts';
import { tokenizeHtml } from './html-tokens.ts';

interface ListState {
  readonly ordered: boolean;
  counter: number;
}

interface TableState {
  rows: ParagraphBlock[][][];
  row: ParagraphBlock[][] | null;
  cell: ParagraphBlock[] | null;
}

interface Pending {
  text: string;
  heading?: number;
  bullet?: boolean;
  number?: number;
}

export function htmlToBlocks(html: string): Block[] {
  const out: Block[] = [];
  const lists: ListState[] = [];
  const tables: TableState[] = [];
  let pending: Pending | null = null;

  /** The table's current row, started (and added to the table) if there is none yet. */
  const currentRow = (t: TableState): ParagraphBlock[][] => {
    if (!t.row) {
      t.row = [];
      t.rows.push(t.row);
    }
    return t.row;
  };
  const emit = (p: ParagraphBlock): void => {
    const table = tables[tables.length - 1];
    if (table) {
      if (!table.cell) {
        table.cell = [];
        currentRow(table).push(table.cell);
      }
      table.cell.push(p);
    } else {
      out.push(p);
    }
  };
  const flush = (): void => {
    if (!pending) return;
    const text = pending.number !== undefined ? `${pending.number}. ${pending.text}` : pending.text;
    if (text.trim()) {
      const extra: Omit<ParagraphBlock, 'kind' | 'text'> = {
        ...(pending.bullet ? { bullet: true } : {}),
        ...(pending.heading ? { heading: pending.heading } : {}),
      };
      emit(paragraph(text, extra));
    }
    pending = null;
  };

  for (const tok of tokenizeHtml(html)) {
    if (tok.type === 'text') {
      (pending ??= { text: '' }).text += tok.text;
      continue;
    }
    const tag = tok.tag;
    if (tok.type === 'open') {
      if (tag === 'br') {
        if (pending) pending.text += '\n';
      } else if (tag === 'p' || /^h[1-6]$/.test(tag)) {
        flush();
        pending = /^h[1-6]$/.test(tag) ? { text: '', heading: Number(tag[1]) } : { text: '' };
      } else if (tag === 'ul' || tag === 'ol') {
        flush();
        lists.push({ ordered: tag === 'ol', counter: 0 });
      } else if (tag === 'li') {
        flush();
        const list = lists[lists.length - 1];
        if (list) list.counter++;
        pending = list?.ordered ? { text: '', number: list.counter } : { text: '', bullet: true };
      } else if (tag === 'table') {
        flush();
        tables.push({ rows: [], row: null, cell: null });
      } else if (tag === 'tr') {
        flush();
        const t = tables[tables.length - 1];
        if (t) {
          t.row = [];
          t.rows.push(t.row);
          t.cell = null;
        }
      } else if (tag === 'td' || tag === 'th') {
        flush();
        const t = tables[tables.length - 1];
        if (t) {
          t.cell = [];
          currentRow(t).push(t.cell);
        }
      }
      continue;
    }
    if (tag === 'p' || /^h[1-6]$/.test(tag) || tag === 'li') {
      flush();
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      lists.pop();
    } else if (tag === 'td' || tag === 'th') {
      flush();
      const t = tables[tables.length - 1];
      if (t) t.cell = null;
    } else if (tag === 'table') {
      flush();
      const t = tables.pop();
      if (t) {
        const block: Block = { kind: 'table', rows: t.rows };
        if (tables.length > 0) for (const row of t.rows) for (const cell of row) for (const p of cell) emit(p);
        else out.push(block);
      }
    }
  }
  flush();
  return out;
}
