/** Blocks → a flat list of paragraphs, with the situation table taken aside. */
import type { Block, ParagraphBlock, TableBlock } from '../blocks.ts';
import type { DraftSituationRow } from '../draft.ts';
import { cleanText, hasBullet, hasLetters, leadingNumber, stripBullet } from '../text/normalize.ts';
import { isNationalGoalsLabel, isSituationHeader } from '../text/vocabulary.ts';

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

/** A label heading the union's own column: 'Lokale mål', 'Fagforbundet X sine mål', 'Våre tiltak'. */
function isOwnGoalsColumnLabel(text: string): boolean {
  const t = text.trim().replace(/:$/, '');
  return t.length <= 80 && t.split(/\s+/).length <= 7 && /(m[åa]l|m[åa]lsetting(ar|er)?|m[åa]lsetjing(ar)?|tiltak|aktivitet(ar|er)?)$/iu.test(t);
}

/**
 * The template's two-column goal table: a header row 'Nasjonale mål … | <the union's> mål', then one
 * row per national goal with the union's goals beside it. Read as the text layout the parser knows:
 * a 'Nasjonale mål' label with the left cells as its list, then each national goal repeated as a
 * heading followed by the goals of its row. The header row itself is template text, not a goal.
 */
function goalTableParas(table: TableBlock): Para[] | null {
  const [header, ...rows] = table.rows;
  if (!header || header.length !== 2 || rows.length === 0) return null;
  if (!isNationalGoalsLabel(cellText(header[0] ?? [])) || !isOwnGoalsColumnLabel(cellText(header[1] ?? []))) return null;
  if (rows.some((r) => r.length !== 2)) return null;
  const national = rows.map((r) => cellText(r[0] ?? [])).filter(hasLetters);
  const paras: Para[] = [{ text: cellText(header[0] ?? []), bullet: false, number: null }];
  for (const goal of national) paras.push({ text: goal, bullet: true, number: null });
  for (const row of rows) {
    const heading = cellText(row[0] ?? []);
    if (hasLetters(heading)) paras.push({ text: heading, bullet: false, number: null });
    for (const b of row[1] ?? []) {
      const p = toPara(b);
      if (p) paras.push(p);
    }
  }
  return paras;
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
    const goalTable = goalTableParas(block);
    if (goalTable) {
      paras.push(...goalTable);
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
