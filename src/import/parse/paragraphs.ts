/** Blocks → a flat list of paragraphs, with the situation table taken aside. */
import type { Block, ParagraphBlock, TableBlock } from '../blocks.ts';
import type { DraftNotUsed, DraftSituationRow } from '../draft.ts';
import { cleanText, hasBullet, hasLetters, leadingNumber, stripBullet } from '../text/normalize.ts';
import { isNationalGoalsLabel, isSituationHeader, isStrategiesLabel } from '../text/vocabulary.ts';
import { readGoalTable } from './goal-table.ts';
import { quotedPrefix } from './template-match.ts';
import { isPageNumber, repeatedRunningLines } from '../text/noise.ts';

/** What a table's layout says a paragraph is (a cell of the area, national-goal, strategy or own-goal column). */
export type ParaRole = 'area' | 'national' | 'strategy' | 'local';

export interface Para {
  /** Cleaned text without bullet glyph (numbering kept). */
  readonly text: string;
  readonly bullet: boolean;
  readonly number: number | null;
  readonly heading?: number;
  readonly role?: ParaRole;
}

export interface Flattened {
  readonly paras: Para[];
  readonly situation: DraftSituationRow[];
  /** Table labels and page furniture: read, not content. */
  readonly notUsed: DraftNotUsed[];
}

function toPara(block: ParagraphBlock, role?: ParaRole): Para | null {
  const cleaned = cleanText(block.text);
  const bullet = Boolean(block.bullet) || hasBullet(cleaned);
  const text = cleanText(stripBullet(cleaned));
  if (!hasLetters(text)) return null;
  const para: Para = { text, bullet, number: leadingNumber(text), ...(role ? { role } : {}) };
  return block.heading ? { ...para, heading: block.heading } : para;
}

function cellText(cell: ReadonlyArray<ParagraphBlock>): string {
  return cleanText(cell.map((p) => cleanText(stripBullet(cleanText(p.text)))).join(' '));
}

function situationRows(table: TableBlock, notUsed: DraftNotUsed[], headerGiven: boolean): DraftSituationRow[] | null {
  const rows = table.rows.map((r) => r.map(cellText));
  const headerIndex = rows.findIndex((r) => isSituationHeader(r.join(' ')));
  if (headerIndex < 0 || headerIndex > 1) return null;
  const labels = rows.slice(0, headerIndex + 1).flat().filter(hasLetters);
  // A header of the reader's making stands for the source's header line, kept already.
  if (!headerGiven) for (const c of labels) notUsed.push({ text: c, kind: 'label' });
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
  const notUsed: DraftNotUsed[] = [];
  let headerGiven = false;
  // Page furniture that came through as text (a document made from an exported text, where
  // 'Side 2 av 5' and the running header stand between paragraphs): set aside, whatever the format.
  const texts = blocks.flatMap((b) => (b.kind === 'paragraph' && !b.furniture ? [cleanText(b.text)] : []));
  const running = repeatedRunningLines(texts, 3);
  // Twice is enough for a line that names the plan itself ('Fagforbundet X – Handlingsplan 2026–2027').
  for (const shape of repeatedRunningLines(texts, 2)) if (/handlingsplan|årsplan|arbeidsplan/iu.test(shape)) running.add(shape);
  const isFurniture = (text: string): boolean => isPageNumber(text) || running.has(text.replace(/\d+/g, '#'));
  for (const block of blocks) {
    const given = headerGiven;
    headerGiven = false;
    if (block.kind === 'paragraph') {
      if (block.tableHeader) {
        notUsed.push({ text: cleanText(block.text), kind: 'label' });
        headerGiven = true;
        continue;
      }
      if (block.furniture || isFurniture(cleanText(block.text))) {
        notUsed.push({ text: cleanText(block.text), kind: 'furniture' });
        continue;
      }
      const p = toPara(block);
      if (p) paras.push(p);
      continue;
    }
    const rows = situationRows(block, notUsed, given);
    if (rows) {
      situation.push(...rows);
      continue;
    }
    const goalTable = goalTableParas(block);
    if (goalTable) {
      paras.push(...goalTable);
      continue;
    }
    const roleTable = readGoalTable(block, toPara);
    if (roleTable) {
      for (const text of roleTable.labels) notUsed.push({ text, kind: 'label' });
      paras.push(...roleTable.paras);
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
  return { paras: splitQuotedPrefixes(joinUnfinished(paras)), situation, notUsed };
}

/** Words no sentence ends with: conjunctions and prepositions (not possessives: '… i alle tariffområda våre' is whole). */
const OPEN_ENDINGS = new Set(['og', 'eller', 'samt', 'til', 'for', 'i', 'på', 'av', 'med', 'om', 'fra', 'frå', 'at', 'å', 'som', 'mot', 'ved', 'hos', 'innen', 'innan', 'gjennom', 'mellom', 'etter', 'under']);

function stopsMidSentence(text: string): boolean {
  const t = text.trimEnd();
  if (/[,&(]$|\p{L}-$/u.test(t)) return true;
  const last = /(\p{L}+)$/u.exec(t)?.[1]?.toLowerCase();
  return last !== undefined && OPEN_ENDINGS.has(last);
}

/**
 * A paragraph that visibly stops mid-sentence ('… årlig til', '… tariffområder, og') goes on in the
 * next one: a document made from exported text, or a page break between, split it. Bullets, list
 * numbers and table cells start items of their own.
 */
export function joinUnfinished(paras: readonly Para[]): Para[] {
  const out: Para[] = [];
  for (const p of paras) {
    const prev = out[out.length - 1];
    if (prev && prev.role === undefined && p.role === undefined && !p.bullet && p.number === null && !prev.heading && stopsMidSentence(prev.text) && !isNationalGoalsLabel(p.text) && !isStrategiesLabel(p.text)) {
      out[out.length - 1] = { ...prev, text: `${prev.text} ${p.text}` };
      continue;
    }
    out.push(p);
  }
  return out;
}

/**
 * A line of the strategy plan that a line join ran into the union's goal below it ('Sikre
 * yrkesskadedekning i alle tariffområda våre' + 'kartleggje …' starting in lower case, in a
 * flattened table) is split off again: the quotation first, the goal after.
 */
export function splitQuotedPrefixes(paras: readonly Para[]): Para[] {
  return paras.flatMap((p): Para[] => {
    if (p.role !== undefined || p.heading) return [p];
    const at = quotedPrefix(p.text);
    if (at === null) return [p];
    const rest = p.text.slice(at).trim();
    return [
      { ...p, text: p.text.slice(0, at).trim() },
      { text: rest, bullet: false, number: null },
    ];
  });
}
