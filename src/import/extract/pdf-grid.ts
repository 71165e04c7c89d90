/** Detects table regions (lines whose text sits in aligned columns) and rebuilds their rows and cells. */
import type { ParagraphBlock, TableBlock } from '../blocks.ts';
import { paragraph } from '../blocks.ts';
import { joinLines, type RawLine } from '../text/line-join.ts';
import type { Line, Segment } from './pdf-geometry.ts';

const TOL = 6;

function columnOf(seg: Segment, cols: readonly number[]): number {
  for (let k = 0; k < cols.length; k++) if (Math.abs(seg.x - (cols[k] ?? 0)) <= TOL) return k;
  return -1;
}

function fits(line: Line, cols: readonly number[]): boolean {
  return line.segments.every((s) => {
    const k = columnOf(s, cols);
    if (k < 0) return false;
    const next = cols[k + 1];
    return next === undefined || s.right <= next + TOL;
  });
}

/** Number of lines from `start` that form a table, or 0. */
export function gridLength(lines: readonly Line[], start: number, pitch: number): number {
  const first = lines[start];
  if (!first || first.segments.length < 2) return 0;
  const cols = first.segments.map((s) => s.x);
  let j = start + 1;
  let multi = 1;
  for (; j < lines.length; j++) {
    const l = lines[j];
    const prev = lines[j - 1];
    if (!l || !prev || !fits(l, cols)) break;
    const gap = l.page === prev.page ? prev.y - l.y : pitch;
    if (Math.abs(l.fontSize - first.fontSize) > 0.15 * first.fontSize) break;
    const only = l.segments.length === 1 ? l.segments[0] : undefined;
    if (only && (gap > 2.5 * pitch || (columnOf(only, cols) === 0 && gap > 1.3 * pitch))) break;
    if (l.segments.length >= 2) multi++;
  }
  return multi >= 2 ? j - start : 0;
}

export function buildGrid(region: readonly Line[], pitch: number, rightEdge: number): TableBlock {
  // Stryker disable next-line ArrayDeclaration: the fallback serves only an empty region, which has no rows either way.
  const cols = (region[0]?.segments ?? []).map((s) => s.x);
  const rows: Array<Array<Array<{ seg: Segment; gap: number }>>> = [];
  let row: Array<Array<{ seg: Segment; gap: number }>> | null = null;
  let prev: Line | null = null;
  // Stryker disable next-line BooleanLiteral: the first line starts a row whatever it says.
  let prevHadFirst = false;
  for (const line of region) {
    const gap = prev && prev.page === line.page ? prev.y - line.y : pitch * 2;
    const placed = line.segments.map((s) => ({ seg: s, col: columnOf(s, cols) }));
    const hasFirst = placed.some((p) => p.col === 0);
    const restart = hasFirst && !prevHadFirst && (row?.[0]?.length ?? 0) > 0;
    if (!row || gap > 1.3 * pitch || restart) {
      row = cols.map(() => []);
      rows.push(row);
    }
    for (const p of placed) row[p.col]?.push({ seg: p.seg, gap });
    prev = line;
    prevHadFirst = hasFirst;
  }
  const cellParas = (cell: Array<{ seg: Segment; gap: number }>, k: number): ParagraphBlock[] => {
    const colRight = (cols[k + 1] ?? rightEdge) - TOL;
    const colWidth = colRight - (cols[k] ?? 0);
    const raw: RawLine[] = cell.map((c, i) => {
      const before = cell[i - 1];
      return {
        text: c.seg.text,
        blankBefore: i > 0 && c.gap > 1.6 * pitch ? 1 : 0,
        wrapped: before !== undefined && before.seg.right >= colRight - 0.25 * colWidth && c.gap <= 1.6 * pitch,
      };
    });
    return joinLines(raw).map((p) => paragraph(p.text, p.bullet ? { bullet: true } : {}));
  };
  return { kind: 'table', rows: rows.map((r) => r.map(cellParas)) };
}
