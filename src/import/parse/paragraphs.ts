/** Blocks → a flat list of paragraphs, with the situation table taken aside. */
import type { Block, ParagraphBlock, TableBlock } from '../blocks.ts';
import type { DraftSituationRow } from '../draft.ts';
import { cleanText, hasBullet, hasLetters, leadingNumber, stripBullet } from '../text/normalize.ts';
import { isSituationHeader } from '../text/vocabulary.ts';

export interface Para {
  /** Cleaned text without bullet glyph (numbering kept). */
  readonly text: string;
  readonly bullet: boolean;
  readonly number: number | null;
  readonly heading?: number;
}

export interface Flattened {
  readonly paras: Para[];
  readonly situation: DraftSituationRow[];
}

function toPara(block: ParagraphBlock): Para | null {
  const cleaned = cleanText(block.text);
  const bullet = Boolean(block.bullet) || hasBullet(cleaned);
  const text = cleanText(stripBullet(cleaned));
  if (!hasLetters(text)) return null;
  const para: Para = { text, bullet, number: leadingNumber(text) };
  return block.heading ? { ...para, heading: block.heading } : para;
}

function cellText(cell: ReadonlyArray<ParagraphBlock>): string {
  return cleanText(cell.map((p) => cleanText(stripBullet(cleanText(p.text)))).join(' '));
}

function situationRows(table: TableBlock): DraftSituationRow[] | null {
  const rows = table.rows.map((r) => r.map(cellText));
  const headerIndex = rows.findIndex((r) => isSituationHeader(r.join(' ')));
  if (headerIndex < 0 || headerIndex > 1) return null;
  return rows
    .slice(headerIndex + 1)
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => ({ area: r[0] ?? '', now: r[1] ?? '', shortTerm: r[2] ?? '', longTerm: r.slice(3).join(' ').trim() }));
}

export function flatten(blocks: readonly Block[]): Flattened {
  const paras: Para[] = [];
  const situation: DraftSituationRow[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      const p = toPara(block);
      if (p) paras.push(p);
      continue;
    }
    const rows = situationRows(block);
    if (rows) {
      situation.push(...rows);
      continue;
    }
    for (const row of block.rows) {
      for (const cell of row) {
        for (const b of cell) {
          const p = toPara(b);
          if (p) paras.push(p);
        }
      }
    }
  }
  return { paras, situation };
}
