/** Detects table regions (lines whose text sits in aligned columns) and rebuilds their rows and cells. */
import type { ParagraphBlock, TableBlock } from '../blocks.ts';
import { paragraph } from '../blocks.ts';
import { continues, joinLines, type RawLine } from '../text/line-join.ts';
import { endsSentence } from '../text/normalize.ts';
import type { Line, Segment } from './pdf-geometry.ts';

const TOL = 6;
/** A gap of more than this many line pitches inside a table is a break (a new paragraph or row), not a wrap. */
const BREAK = 1.2;
/** Break sizes whose ratio reaches this are of two kinds: the smaller ones paragraph breaks, the bigger ones row breaks. */
const TWO_KINDS = 1.25;
/** A first-column cell sits at its column's start within this many points when the table is aligned with the text. */
const ALIGNED = 1;

function columnOf(seg: Segment, cols: readonly number[]): number {
  for (let k = 0; k < cols.length; k++) if (Math.abs(seg.x - (cols[k] ?? 0)) <= TOL) return k;
  return -1;
}

/** The part of a segment from its `from`-th text item to (not including) its `to`-th. */
function slice(seg: Segment, from: number, to: number): Segment {
  const pieces = seg.pieces ?? [];
  const first = pieces[from];
  if (!first) return seg;
  const end = pieces[to]?.at ?? seg.text.length;
  const own = pieces.slice(from, to);
  return {
    text: seg.text.slice(first.at, end).trimEnd(),
    x: first.x,
    ...(seg.y === undefined ? {} : { y: seg.y }),
    right: Math.max(...own.map((p) => p.right)),
    pieces: own.map((p) => ({ ...p, at: p.at - first.at })),
  };
}

/**
 * A segment cut where one of its text items begins at a later column's start: pdf.js merges the
 * cells of one line into one run when the gap between them is narrow (a long word filling its cell).
 */
export function splitAtColumns(seg: Segment, cols: readonly number[]): Segment[] {
  const pieces = seg.pieces ?? [];
  const cuts = [0];
  pieces.forEach((p, i) => {
    if (i > 0 && cols.some((c) => c > seg.x + TOL && Math.abs(p.x - c) <= TOL)) cuts.push(i);
  });
  if (cuts.length === 1) return [seg];
  return cuts.map((from, n) => slice(seg, from, cuts[n + 1] ?? pieces.length));
}

function splitLine(line: Line, cols: readonly number[]): Line {
  return { ...line, segments: line.segments.flatMap((s) => splitAtColumns(s, cols)) };
}

function fits(line: Line, cols: readonly number[]): boolean {
  return line.segments.every((s) => {
    const k = columnOf(s, cols);
    if (k < 0) return false;
    const next = cols[k + 1];
    return next === undefined || s.right <= next + TOL;
  });
}

/**
 * A line of one cell after a break ends the table: one far below the line before, or one in the first
 * column a paragraph gap below, unless it sits exactly at the column's start (a table aligned with the
 * text) no further below than a gap the table already has.
 */
function endsTable(only: Segment, cols: readonly number[], gap: number, pitch: number, widest: number): boolean {
  if (gap > 2.5 * pitch) return true;
  if (columnOf(only, cols) !== 0 || gap <= 1.3 * pitch) return false;
  const aligned = Math.abs(only.x - (cols[0] ?? 0)) <= ALIGNED;
  return !(aligned && gap <= widest * 1.05);
}

/** Number of lines from `start` that form a table, or 0. */
export function gridLength(lines: readonly Line[], start: number, pitch: number): number {
  const first = lines[start];
  if (!first || first.segments.length < 2) return 0;
  const cols = first.segments.map((s) => s.x);
  let j = start + 1;
  let multi = 1;
  let widest = 0;
  for (; j < lines.length; j++) {
    const raw = lines[j];
    const prev = lines[j - 1];
    if (!raw || !prev) break;
    const l = splitLine(raw, cols);
    if (!fits(l, cols)) break;
    const gap = l.page === prev.page ? prev.y - l.y : pitch;
    if (Math.abs(l.fontSize - first.fontSize) > 0.15 * first.fontSize) break;
    const only = l.segments.length === 1 ? l.segments[0] : undefined;
    if (only && endsTable(only, cols, gap, pitch, widest)) break;
    widest = Math.max(widest, gap);
    if (l.segments.length >= 2) multi++;
  }
  return multi >= 2 ? j - start : 0;
}

interface Placed {
  readonly seg: Segment;
  readonly col: number;
}

/** One line of a table: its cell pieces, and its distance below the line before (null: on a new page, or the first). */
interface Level {
  readonly line: Line;
  readonly placed: readonly Placed[];
  readonly gap: number | null;
}

/** One line of one cell, with its distance below the cell's line before (null: the cell's first, or on a new page). */
interface CellLine {
  readonly seg: Segment;
  readonly gap: number | null;
  readonly page: number;
  readonly y: number;
}

type Row = CellLine[][];

function levelsOf(region: readonly Line[], cols: readonly number[]): Level[] {
  return region.map((raw, i) => {
    const line = splitLine(raw, cols);
    const prev = region[i - 1];
    const placed = line.segments.map((seg) => ({ seg, col: columnOf(seg, cols) })).filter((p) => p.col >= 0);
    return { line, placed, gap: prev && prev.page === line.page ? prev.y - line.y : null };
  });
}

/** A cell piece's own baseline: a line gathers items up to half a font size above or below its own. */
function baseline(seg: Segment, line: Line): number {
  return seg.y ?? line.y;
}

/** A single-spaced line pitch is at most this many font sizes. */
const SINGLE_PITCH = 1.35;

/**
 * The table's own line pitch: the smallest distance between two lines of one column on one page, at
 * most that of single-spaced text (in a table whose cells hold one line each, it is the rows' distance).
 */
function cellPitch(levels: readonly Level[], fallback: number): number {
  const last = new Map<number, { page: number; y: number }>();
  let pitch = Infinity;
  for (const { line, placed } of levels) {
    for (const { seg, col } of placed) {
      const before = last.get(col);
      const y = baseline(seg, line);
      const gap = before && before.page === line.page ? before.y - y : 0;
      if (gap >= 0.8 * line.fontSize) pitch = Math.min(pitch, gap);
      last.set(col, { page: line.page, y });
    }
  }
  const fontSize = Math.max(...levels.map((l) => l.line.fontSize));
  return Math.min(Number.isFinite(pitch) ? pitch : fallback, SINGLE_PITCH * fontSize);
}

/**
 * The smallest gap between lines that starts a row, or null when the table has no breaks at all. When the
 * breaks come in two sizes, the bigger ones separate rows and the smaller ones paragraphs inside a cell;
 * when they come in one size, every break starts a row.
 */
export function rowThreshold(gaps: readonly number[], pitch: number): number | null {
  const breaks = gaps.filter((g) => g > BREAK * pitch).sort((a, b) => a - b);
  const smallest = breaks[0];
  if (smallest === undefined) return null;
  let best = 1;
  let threshold = smallest;
  for (let i = 1; i < breaks.length; i++) {
    const lo = breaks[i - 1] ?? smallest;
    const hi = breaks[i] ?? smallest;
    if (hi / lo > best) {
      best = hi / lo;
      threshold = hi;
    }
  }
  return best >= TWO_KINDS ? threshold : smallest;
}

function columnRight(k: number, cols: readonly number[], rightEdge: number): number {
  return (cols[k + 1] ?? rightEdge) - TOL;
}

/** The line reaches the last quarter of its column: the text wrapped there. */
function reachesColumnEnd(seg: Segment, k: number, cols: readonly number[], rightEdge: number): boolean {
  const right = columnRight(k, cols, rightEdge);
  return seg.right >= right - 0.25 * (right - (cols[k] ?? 0));
}

/** The first line on a new page goes on with the row before it: every cell piece on it continues its cell. */
function continuesRow(row: Row, level: Level, cols: readonly number[], rightEdge: number): boolean {
  return level.placed.every(({ seg, col }) => {
    const before = row[col]?.at(-1);
    if (!before) return false;
    const wrapped = reachesColumnEnd(before.seg, col, cols, rightEdge) && !endsSentence(before.seg.text);
    return continues(before.seg.text, { text: seg.text, blankBefore: 0, wrapped });
  });
}

function startsRow(row: Row | null, level: Level, prevHadFirst: boolean, rowGap: number | null, grid: Grid): boolean {
  if (!row) return true;
  if (level.gap === null) return !continuesRow(row, level, grid.cols, grid.rightEdge);
  if (rowGap !== null) return level.gap >= rowGap;
  // No gaps between rows: a first-column cell after lines without one starts the next row.
  const hasFirst = level.placed.some((p) => p.col === 0);
  return hasFirst && !prevHadFirst && (row[0]?.length ?? 0) > 0;
}

interface Grid {
  readonly cols: readonly number[];
  readonly rightEdge: number;
  readonly pitch: number;
}

function groupRows(levels: readonly Level[], grid: Grid): Row[] {
  const rowGap = rowThreshold(
    levels.flatMap((l) => (l.gap === null ? [] : [l.gap])),
    grid.pitch,
  );
  const rows: Row[] = [];
  let row: Row | null = null;
  let prevHadFirst = false;
  for (const level of levels) {
    if (startsRow(row, level, prevHadFirst, rowGap, grid)) {
      row = grid.cols.map(() => []);
      rows.push(row);
    }
    for (const { seg, col } of level.placed) {
      const cell = row?.[col];
      const before = cell?.at(-1);
      const y = baseline(seg, level.line);
      const gap = before && before.page === level.line.page ? before.y - y : null;
      cell?.push({ seg, gap, page: level.line.page, y });
    }
    prevHadFirst = level.placed.some((p) => p.col === 0);
  }
  return rows;
}

/** A cell's lines as paragraphs: a break (a gap clearly wider than the table's pitch) starts a paragraph. */
function cellParagraphs(cell: readonly CellLine[], k: number, grid: Grid): ParagraphBlock[] {
  const raw: RawLine[] = cell.map((c, i) => {
    const before = cell[i - 1];
    const broken = c.gap !== null && c.gap > BREAK * grid.pitch;
    return {
      text: c.seg.text,
      blankBefore: broken ? 1 : 0,
      breakBefore: broken,
      wrapped: before !== undefined && !broken && reachesColumnEnd(before.seg, k, grid.cols, grid.rightEdge),
    };
  });
  return joinLines(raw).map((p) => paragraph(p.text, p.bullet ? { bullet: true } : {}));
}

export function buildGrid(region: readonly Line[], pitch: number, rightEdge: number): TableBlock {
  // Stryker disable next-line ArrayDeclaration: the fallback serves only an empty region, which has no rows either way.
  const cols = (region[0]?.segments ?? []).map((s) => s.x);
  const levels = levelsOf(region, cols);
  const grid: Grid = { cols, rightEdge, pitch: cellPitch(levels, pitch) };
  const rows = groupRows(levels, grid);
  return { kind: 'table', rows: rows.map((r) => r.map((cell, k) => cellParagraphs(cell, k, grid))) };
}
