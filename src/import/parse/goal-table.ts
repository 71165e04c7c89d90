/**
 * The template's goal table in any of its shapes: area | national goals | the union's goals, or
 * national goals | the union's goals, or area | the union's goals; with or without a header row,
 * one row per area or one row per national goal (the area cell then only on an area's first row).
 *
 * Each column's role is read from the header's labels when there are any, else from the content,
 * judged against the national strategy plan: a column whose cells name its areas is the area
 * column, one whose paragraphs are its national goals the national column, and the remaining text
 * column the union's own. The table is then read out as paragraphs tagged with their role, so the
 * classifier (area-body.ts) needs no knowledge of the layout.
 */
import type { ParagraphBlock, TableBlock } from '../blocks.ts';
import { cleanText, hasLetters, leadingNumber, normKey, stripBullet } from '../text/normalize.ts';
import { bestMatch } from '../text/similarity.ts';
import { isNationalGoalsLabel, isStrategiesLabel } from '../text/vocabulary.ts';
import type { Para, ParaRole } from './paragraphs.ts';
import { ALL_NATIONAL_GOALS, ALL_STRATEGIES, matchAreaHeading, referenceHit } from './template-match.ts';

type ColumnRole = 'area' | 'national' | 'strategy' | 'local';

export interface GoalTable {
  readonly paras: Para[];
  /** The header row's cells (labels): read, not content. */
  readonly labels: string[];
}

type Cell = ReadonlyArray<ParagraphBlock>;

const cellTexts = (cell: Cell): string[] => cell.map((p) => cleanText(stripBullet(cleanText(p.text)))).filter(hasLetters);

function labelRole(text: string): ColumnRole | null {
  const k = normKey(text);
  if (!k || text.length > 80 || k.split(' ').length > 8) return null;
  if (isNationalGoalsLabel(text.replace(/:$/, '')) || /\bnasjonal/.test(k) || /\bhoved ?m[åa]l|\bhovud ?m[åa]l/.test(k)) return 'national';
  // 'Strategiske områder' names the areas: asked before the strategies.
  if (/^(satsings|innsats|strategisk |prioritert )?omr[åa]de(r|ne)?$|^tema$|^(strategiske|prioriterte) omr[åa]de/.test(k)) return 'area';
  if (isStrategiesLabel(text.replace(/:$/, '')) || /^strategi/.test(k)) return 'strategy';
  if (/(lokal|v[åa]re|eigne|egne|fagforening|fagforeining|fagforbundet|tiltak|aktivitet|m[åa]l)/.test(k)) return 'local';
  return null;
}

function headerRoles(row: readonly Cell[]): ColumnRole[] | null {
  const roles = row.map((c) => labelRole(cellTexts(c).join(' ')));
  if (roles.some((r) => r === null)) return null;
  const set = new Set(roles);
  return set.size === roles.length && set.has('local') ? (roles as ColumnRole[]) : null;
}

/** Share of a column's non-empty cells in which `test` holds for the first (or any) paragraph. */
function share(rows: ReadonlyArray<readonly Cell[]>, col: number, test: (texts: string[]) => boolean): number {
  let n = 0;
  let hit = 0;
  for (const row of rows) {
    const texts = cellTexts(row[col] ?? []);
    if (texts.length === 0) continue;
    n++;
    if (test(texts)) hit++;
  }
  return n === 0 ? 0 : hit / n;
}

const isNationalText = (t: string): boolean => bestMatch(t, ALL_NATIONAL_GOALS, 0.72).score >= 0.72;
const isStrategyText = (t: string): boolean => bestMatch(t, ALL_STRATEGIES, 0.72).score >= 0.72;

function contentRoles(rows: ReadonlyArray<readonly Cell[]>, width: number): ColumnRole[] | null {
  const roles: Array<ColumnRole | null> = Array.from({ length: width }, () => null);
  const areaShare = (c: number) => share(rows, c, (ts) => ts.length <= 2 && matchAreaHeading(ts.join(' ')) !== null);
  const nationalShare = (c: number) => share(rows, c, (ts) => ts.some(isNationalText));
  const strategyShare = (c: number) => share(rows, c, (ts) => ts.some(isStrategyText));
  for (let c = 0; c < width; c++) {
    if (areaShare(c) >= 0.5) roles[c] = 'area';
    else if (nationalShare(c) >= 0.5) roles[c] = 'national';
    else if (strategyShare(c) >= 0.5) roles[c] = 'strategy';
  }
  const free = roles.map((r, c) => (r === null ? c : -1)).filter((c) => c >= 0);
  // Exactly one column is left for the union's own goals, and it is not the first.
  if (free.length !== 1 || (free[0] ?? 0) === 0) return null;
  roles[free[0] ?? 0] = 'local';
  const known = roles.filter((r): r is ColumnRole => r !== null);
  return new Set(known).size === known.length && (known.includes('national') || known.includes('area')) ? known : null;
}

const hitScore = (text: string): number => referenceHit(text, 0.6)?.score ?? 0;

/**
 * A national goal or strategy broken over lines of its cell is one item: a piece that does not end
 * a sentence is joined to the next when that starts in lower case, or when together they quote the
 * strategy plan better than either piece alone.
 */
export function joinBrokenItems(texts: readonly string[]): string[] {
  const out: string[] = [];
  for (const text of texts) {
    const prev = out[out.length - 1];
    if (prev !== undefined && !/[.!?:;]$/.test(prev)) {
      const joined = `${prev} ${text}`;
      if (/^\p{Ll}/u.test(text) || hitScore(joined) > Math.max(hitScore(prev), hitScore(text))) {
        out[out.length - 1] = joined;
        continue;
      }
    }
    out.push(text);
  }
  return out;
}

/** The goal table read as role-tagged paragraphs, or null when the table is not one. */
export function readGoalTable(table: TableBlock, toPara: (block: ParagraphBlock, role: ParaRole) => Para | null): GoalTable | null {
  const [first, ...rest] = table.rows;
  if (!first) return null;
  const width = first.length;
  if (width < 2 || width > 4 || table.rows.some((r) => r.length !== width)) return null;
  const fromHeader = headerRoles(first);
  const body = fromHeader ? rest : table.rows;
  const roles = fromHeader ?? contentRoles(body, width);
  if (!roles || body.length === 0) return null;
  const paras: Para[] = [];
  for (const row of body) {
    roles.forEach((role, c) => {
      const cell = row[c] ?? [];
      if (role === 'area') {
        // An area cell is one heading, however many lines it was broken into.
        const title = cellTexts(cell).join(' ');
        if (title) paras.push({ text: title, bullet: false, number: leadingNumber(title), role: 'area' });
        return;
      }
      if (role === 'national' || role === 'strategy') {
        for (const text of joinBrokenItems(cellTexts(cell))) {
          const p = toPara({ kind: 'paragraph', text }, role);
          if (p) paras.push(p);
        }
        return;
      }
      for (const block of cell) {
        const p = toPara(block, role);
        if (p) paras.push(p);
      }
    });
  }
  return { paras, labels: fromHeader ? first.map((c) => cellTexts(c).join(' ')).filter(hasLetters) : [] };
}
