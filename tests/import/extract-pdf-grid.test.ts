/**
 * Table detection in PDF text lines (src/import/extract/pdf-grid.ts), pinned rule by rule on
 * synthetic lines: which lines form a table (gridLength), and how they become rows, cells and the
 * cells' paragraphs (buildGrid). Columns here start at x = 50 and x = 250, the line pitch is 10 and
 * the text's right edge 500, so every tolerance has exact numbers either side of it.
 */
import { describe, expect, it } from 'vitest';
import type { ParagraphBlock, TableBlock } from '../../src/import/blocks.ts';
import type { Line, Segment } from '../../src/import/extract/pdf-geometry.ts';
import { buildGrid, gridLength } from '../../src/import/extract/pdf-grid.ts';

const PITCH = 10;
const RIGHT_EDGE = 500;

const seg = (text: string, x: number, right = x + 40): Segment => ({ text, x, right });
const line = (y: number, segments: Segment[], opts: { page?: number; fontSize?: number } = {}): Line => ({
  page: opts.page ?? 0,
  y,
  fontSize: opts.fontSize ?? 10,
  segments,
});
/** A line with a cell in each of the two columns. */
const two = (y: number, left = 'Venstre', right = 'Høyre', opts: { page?: number; fontSize?: number } = {}): Line =>
  line(y, [seg(left, 50), seg(right, 250)], opts);
const one = (y: number, x: number, text = 'Tekst', opts: { page?: number; fontSize?: number } = {}): Line =>
  line(y, [seg(text, x)], opts);

/** The table's cells as texts: rows → cells → paragraph texts. */
const texts = (t: TableBlock): string[][][] => t.rows.map((r) => r.map((c) => c.map((p) => p.text)));

describe('gridLength: where a table starts and ends', () => {
  it('a line with fewer than two segments never starts a table', () => {
    expect(gridLength([one(700, 50), two(690), two(680)], 0, PITCH)).toBe(0);
    expect(gridLength([line(700, []), two(690)], 0, PITCH)).toBe(0);
  });

  it('a one-segment line never starts a table, even when the lines below it have two segments in its column', () => {
    const lines = [one(700, 50), line(690, [seg('A', 50, 52), seg('B', 54)]), line(680, [seg('C', 50, 52), seg('D', 54)])];
    expect(gridLength(lines, 0, PITCH)).toBe(0);
  });

  it('a segment left of the first column is in no column and ends the table', () => {
    expect(gridLength([two(700), line(690, [seg('Utenfor', 3, 20), seg('B', 250)])], 0, PITCH)).toBe(0);
    expect(gridLength([two(700), two(690), line(680, [seg('Utenfor', 3, 20), seg('B', 250)])], 0, PITCH)).toBe(2);
  });

  it('a start past the last line is no table', () => {
    expect(gridLength([two(700), two(690)], 2, PITCH)).toBe(0);
  });

  it('two aligned two-column lines are a table of two lines, and a paragraph line after them ends it', () => {
    expect(gridLength([two(700), two(690)], 0, PITCH)).toBe(2);
    expect(gridLength([two(700), two(690), one(680, 100, 'Løpende tekst')], 0, PITCH)).toBe(2);
  });

  it('counts the table from its start line, not from the top of the list', () => {
    const lines = [one(720, 50, 'Innledning'), two(700), two(690), two(680), one(670, 120)];
    expect(gridLength(lines, 1, PITCH)).toBe(3);
    expect(gridLength(lines, 2, PITCH)).toBe(2);
  });

  it('a header line followed only by one-column lines is no table', () => {
    expect(gridLength([two(700), one(690, 250), one(680, 250)], 0, PITCH)).toBe(0);
    expect(gridLength([two(700), one(690, 250), one(680, 250), two(670)], 0, PITCH)).toBe(4);
  });

  it('a cell may start up to 6 points either side of its column', () => {
    const at = (x0: number, x1: number): number => gridLength([two(700), line(690, [seg('A', x0), seg('B', x1)])], 0, PITCH);
    expect(at(56, 250)).toBe(2);
    expect(at(44, 250)).toBe(2);
    expect(at(56.1, 250)).toBe(0);
    expect(at(43.9, 250)).toBe(0);
    expect(at(50, 256)).toBe(2);
    expect(at(50, 244)).toBe(2);
    expect(at(50, 256.1)).toBe(0);
    expect(at(50, 243.9)).toBe(0);
  });

  it('a cell may reach at most 6 points into the next column; the last column has no right limit', () => {
    const reach = (right0: number, right1: number): number =>
      gridLength([two(700), line(690, [seg('A', 50, right0), seg('B', 250, right1)])], 0, PITCH);
    expect(reach(256, 2000)).toBe(2);
    expect(reach(256.1, 300)).toBe(0);
  });

  it('a line whose text overruns into the next column ends the table there', () => {
    const lines = [two(700), two(690), line(680, [seg('For lang tekst', 50, 300)]), two(670)];
    expect(gridLength(lines, 0, PITCH)).toBe(2);
  });

  it('a line whose font size differs by more than 15 % ends the table', () => {
    const withSize = (fontSize: number): number => gridLength([two(700), two(690, 'A', 'B', { fontSize })], 0, PITCH);
    expect(withSize(11.5)).toBe(2);
    expect(withSize(8.5)).toBe(2);
    expect(withSize(11.6)).toBe(0);
    expect(withSize(8.4)).toBe(0);
  });

  it('the font size is compared with the first line of the table, not the previous line', () => {
    const lines = [two(700), two(690, 'A', 'B', { fontSize: 11.5 }), two(680, 'A', 'B', { fontSize: 13 })];
    expect(gridLength(lines, 0, PITCH)).toBe(2);
  });

  it('a one-cell line in a later column stays in the table up to 2.5 pitches below the line before', () => {
    expect(gridLength([two(700), two(690), one(665, 250)], 0, PITCH)).toBe(3);
    expect(gridLength([two(700), two(690), one(664.9, 250)], 0, PITCH)).toBe(2);
  });

  it('a one-cell line in the first column stays in the table only up to 1.3 pitches below the line before', () => {
    expect(gridLength([two(700), two(690), one(677, 50)], 0, PITCH)).toBe(3);
    expect(gridLength([two(700), two(690), one(676.9, 50)], 0, PITCH)).toBe(2);
    // The 1.3-pitch limit is the first column's alone: a later column may lie 2 pitches below.
    expect(gridLength([two(700), two(690), one(670, 250)], 0, PITCH)).toBe(3);
  });

  it('a line with cells in two columns stays in the table however far below it lies', () => {
    expect(gridLength([two(700), two(600)], 0, PITCH)).toBe(2);
  });

  it('a line on the next page counts as one pitch below the line before, wherever it sits', () => {
    const lines = [two(300), two(290), one(780, 50, 'Fortsatt', { page: 1 })];
    expect(gridLength(lines, 0, PITCH)).toBe(3);
    const lower = [two(700), two(690), one(500, 50, 'Fortsatt', { page: 1 })];
    expect(gridLength(lower, 0, PITCH)).toBe(3);
    // On the same page the same line would be far below and end the table.
    expect(gridLength([two(700), two(690), one(500, 50)], 0, PITCH)).toBe(2);
  });
});

describe('buildGrid: rows, cells and the cells\' paragraphs', () => {
  const grid = (region: Line[]): TableBlock => buildGrid(region, PITCH, RIGHT_EDGE);

  it('builds one row per table row and one cell per column', () => {
    const t = grid([two(700, 'Nasjonale mål', 'Lokale mål'), two(680, 'Øke organisasjonsgraden.', 'Verve 60 medlemmer.')]);
    expect(t.kind).toBe('table');
    expect(texts(t)).toEqual([
      [['Nasjonale mål'], ['Lokale mål']],
      [['Øke organisasjonsgraden.'], ['Verve 60 medlemmer.']],
    ]);
  });

  it('a region without lines is a table without rows', () => {
    expect(grid([])).toEqual({ kind: 'table', rows: [] });
  });

  it('a line more than 1.2 of the table\'s own pitches below the one before starts a row; one at 1.2 pitches continues it', () => {
    // The first column's lines 10 apart set the table's pitch to 10.
    const rows = (gap: number): string[][][] =>
      texts(grid([two(700, 'A.', 'B.'), one(690, 50, 'E.'), two(690 - gap, 'C.', 'D.')]));
    expect(rows(12.1)).toEqual([
      [['A.', 'E.'], ['B.']],
      [['C.'], ['D.']],
    ]);
    expect(rows(12)).toEqual([[['A.', 'E.', 'C.'], ['B.', 'D.']]]);
  });

  it('in a table of one-line cells, the rows\' distance is no line pitch: the pitch is at most 1.35 font sizes', () => {
    // 10-point type: the pitch is at most 13.5, so lines more than 16.2 apart (16.3) start rows, closer ones (16.1) do not.
    expect(texts(grid([two(700, 'A.', 'B.'), two(683.7, 'C.', 'D.')]))).toEqual([
      [['A.'], ['B.']],
      [['C.'], ['D.']],
    ]);
    expect(texts(grid([two(700, 'A.', 'B.'), two(683.9, 'C.', 'D.')]))).toEqual([[['A.', 'C.'], ['B.', 'D.']]]);
  });

  it('a row whose first cell wraps over two lines stays one row', () => {
    const t = grid([
      two(700, 'Mål', 'Tiltak'),
      line(680, [seg('Flere arbeidsgivere skal ha', 50, 200), seg('Alle HTV skal ta det opp.', 250)]),
      line(670, [seg('heltidskultur.', 50)]),
      two(650, 'Likelønn.', 'Lønnskartlegging.'),
    ]);
    expect(texts(t)).toEqual([
      [['Mål'], ['Tiltak']],
      [['Flere arbeidsgivere skal ha heltidskultur.'], ['Alle HTV skal ta det opp.']],
      [['Likelønn.'], ['Lønnskartlegging.']],
    ]);
  });

  it('a first-column cell after lines without one starts a new row even when close below', () => {
    const t = grid([two(700, 'Mål A.', 'Tiltak 1.'), one(690, 250, 'Tiltak 2.'), two(680, 'Mål B.', 'Tiltak 3.')]);
    expect(texts(t)).toEqual([
      [['Mål A.'], ['Tiltak 1.', 'Tiltak 2.']],
      [['Mål B.'], ['Tiltak 3.']],
    ]);
  });

  it('a first-column cell joins a row whose first cell is still empty', () => {
    const t = grid([two(700, 'Mål A.', 'Tiltak 1.'), one(680, 250, 'Tiltak 2.'), two(670, 'Mål B.', 'Tiltak 3.')]);
    expect(texts(t)).toEqual([
      [['Mål A.'], ['Tiltak 1.']],
      [['Mål B.'], ['Tiltak 2.', 'Tiltak 3.']],
    ]);
  });

  it('a line on the next page starts a row, however close its position', () => {
    const t = grid([two(100, 'Mål A.', 'Tiltak 1.'), two(780, 'Mål B.', 'Tiltak 2.', { page: 1 }), two(770, 'Mål C.', 'Tiltak 3.', { page: 1 })]);
    expect(texts(t)).toEqual([
      [['Mål A.'], ['Tiltak 1.']],
      [['Mål B.', 'Mål C.'], ['Tiltak 2.', 'Tiltak 3.']],
    ]);
    const close = grid([two(700, 'Mål A.', 'Tiltak 1.'), two(695, 'Mål B.', 'Tiltak 2.', { page: 1 })]);
    expect(texts(close)).toEqual([
      [['Mål A.'], ['Tiltak 1.']],
      [['Mål B.'], ['Tiltak 2.']],
    ]);
  });

  it('a segment outside every column is left out', () => {
    const t = grid([two(700, 'A.', 'B.'), line(690, [seg('C.', 50), seg('Utenfor', 400)])]);
    expect(texts(t)).toEqual([[['A.', 'C.'], ['B.']]]);
  });

  it('a cell line reaching the last quarter of its column continues on the next line', () => {
    // First column: 50 … 244 (the next column less 6), its last quarter starts at 195.5.
    const first = (right: number): string[][][] =>
      texts(grid([line(700, [seg('Verve nye medlemmer', 50, right), seg('X.', 250)]), one(690, 50, 'Testdal kommune')]));
    expect(first(195.5)).toEqual([[['Verve nye medlemmer Testdal kommune'], ['X.']]]);
    expect(first(195.4)).toEqual([[['Verve nye medlemmer', 'Testdal kommune'], ['X.']]]);
    // Last column: 250 … 494 (the text's right edge less 6), its last quarter starts at 433.
    const last = (right: number): string[][][] =>
      texts(grid([line(700, [seg('X.', 50), seg('Verve nye medlemmer', 250, right)]), one(690, 250, 'Testdal kommune')]));
    expect(last(433)).toEqual([[['X.'], ['Verve nye medlemmer Testdal kommune']]]);
    expect(last(432.9)).toEqual([[['X.'], ['Verve nye medlemmer', 'Testdal kommune']]]);
  });

  it('short cell lines join only as unfinished sentences do, with no blank line between them', () => {
    const t = grid([two(700, 'Vi skal verve og', 'Mål.'), one(690, 50, 'Beholde medlemmer'), one(680, 50, '2026 er året')]);
    expect(texts(t)).toEqual([[['Vi skal verve og Beholde medlemmer 2026 er året'], ['Mål.']]]);
  });

  it('within a cell, a line more than 1.2 of the table\'s pitches below the cell\'s line before starts a new paragraph', () => {
    // The first column's lines 10 apart set the pitch; the second column's gap decides its paragraphs.
    const cell = (gap: number, first: Segment): string[][][] =>
      texts(grid([line(700, [seg('A', 50), first]), one(690, 50, 'B'), one(700 - gap, 250, 'nye medlemmer')]));
    expect(cell(12, seg('Vi skal verve', 250))).toEqual([[['A', 'B'], ['Vi skal verve nye medlemmer']]]);
    expect(cell(12.1, seg('Vi skal verve', 250))).toEqual([[['A', 'B'], ['Vi skal verve', 'nye medlemmer']]]);
    // A line reaching the column's last quarter wraps onto the next only within 1.2 pitches.
    expect(cell(12, seg('Verve', 250, 440))).toEqual([[['A', 'B'], ['Verve nye medlemmer']]]);
    expect(cell(12.1, seg('Verve', 250, 440))).toEqual([[['A', 'B'], ['Verve', 'nye medlemmer']]]);
  });

  it('marks a bulleted cell paragraph as a bullet and leaves the others plain', () => {
    const t = grid([two(700, '• Verve', 'Mål.')]);
    const expected: ParagraphBlock[][][] = [[[{ kind: 'paragraph', text: '• Verve', bullet: true }], [{ kind: 'paragraph', text: 'Mål.' }]]];
    expect(t.rows).toStrictEqual(expected);
  });

  it('takes its columns from the first line of the region', () => {
    const t = grid([line(700, [seg('A.', 60), seg('B.', 300)]), line(690, [seg('C.', 60), seg('D.', 300)])]);
    expect(texts(t)).toEqual([[['A.', 'C.'], ['B.', 'D.']]]);
  });
});
