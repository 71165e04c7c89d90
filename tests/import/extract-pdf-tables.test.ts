/**
 * Tables in PDFs as office exports print them (src/import/extract/pdf-grid.ts): cells merged into one
 * text run by pdf.js, rows told from paragraphs inside a cell by the size of the gaps, a cell's own
 * line gaps, rows that go on at the top of the next page, and a whole table drawn with pdf-lib (padded
 * bordered cells, wrapped text, a running header and footer) read back end to end.
 */
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { Block, TableBlock } from '../../src/import/blocks.ts';
import type { Line, Segment } from '../../src/import/extract/pdf-geometry.ts';
import { buildGrid, gridLength, rowThreshold, splitAtColumns } from '../../src/import/extract/pdf-grid.ts';
import { extractPdf } from '../../src/import/extract/pdf.ts';

const seg = (text: string, x: number, right = x + 40, y?: number): Segment => ({ text, x, right, ...(y === undefined ? {} : { y }) });
const line = (y: number, segments: Segment[], page = 0): Line => ({ page, y, fontSize: 10, segments });
const texts = (t: TableBlock): string[][][] => t.rows.map((r) => r.map((c) => c.map((p) => p.text)));

describe('splitAtColumns: cells pdf.js merged into one run', () => {
  /** "organisasjonsbygging" filling its cell, run together with the next cell's "sektor og helse". */
  const merged: Segment = {
    text: 'organisasjonsbygging sektor og helse',
    x: 61,
    right: 262,
    pieces: [
      { x: 61, right: 153, at: 0 },
      { x: 157, right: 262, at: 21 },
    ],
  };

  it('cuts a segment where one of its items begins at a later column', () => {
    expect(splitAtColumns(merged, [61, 157, 330])).toEqual([
      { text: 'organisasjonsbygging', x: 61, right: 153, pieces: [{ x: 61, right: 153, at: 0 }] },
      { text: 'sektor og helse', x: 157, right: 262, pieces: [{ x: 157, right: 262, at: 0 }] },
    ]);
  });

  it('leaves a segment whole when no item begins at a column, or it has no items recorded', () => {
    expect(splitAtColumns(merged, [61, 200])).toEqual([merged]);
    const plain = seg('Tekst', 61);
    expect(splitAtColumns(plain, [61, 157])).toEqual([plain]);
  });

  it('a merged line no longer ends the table, and its cells land in their columns', () => {
    const lines = [
      line(700, [seg('Område', 61), seg('Mål', 157)]),
      line(688, [seg('1. Tariffmakt og', 61, 127), seg('Øke graden i kommunal', 157, 316)]),
      line(676, [merged]),
    ];
    expect(gridLength(lines, 0, 12)).toBe(3);
    expect(texts(buildGrid(lines, 12, 539))).toEqual([
      [['Område', '1. Tariffmakt og organisasjonsbygging'], ['Mål', 'Øke graden i kommunal sektor og helse']],
    ]);
  });
});

describe('rowThreshold: rows and paragraphs by the size of the gaps', () => {
  it('with breaks of two sizes, the bigger ones are rows', () => {
    expect(rowThreshold([12, 16, 12, 22.5, 16, 22.5], 12)).toBe(22.5);
  });

  it('with breaks of one size, every break is a row; without breaks there is no threshold', () => {
    expect(rowThreshold([12, 20, 21, 12], 12)).toBe(20);
    expect(rowThreshold([12, 12, 14.3], 12)).toBeNull();
  });

  it('two sizes need a ratio of at least 1.25', () => {
    expect(rowThreshold([16, 20], 12)).toBe(20);
    expect(rowThreshold([16, 19.9], 12)).toBe(16);
  });
});

describe('buildGrid: rows, paragraphs and empty cells of a padded table', () => {
  // Pitch 12 inside cells, 16 between a cell's paragraphs, 22 between rows.
  const table = (): TableBlock =>
    buildGrid(
      [
        line(700, [seg('Nasjonale mål', 50), seg('Våre mål', 250)]),
        line(678, [seg('Øke graden i', 50), seg('Verve 60 medlemmer.', 250)]),
        line(666, [seg('kommunal sektor', 50)]),
        line(662, [seg('Besøke fire plasser.', 250, 400, 662)]),
        line(650, [seg('og i helse', 50)]),
        line(628, [seg('Øke tallet', 250)]),
        line(616, [seg('Holde kurs.', 250, 330, 616)]),
      ],
      14,
      500,
    );

  it('a gap bigger than the paragraph gaps starts a row; a row may leave its first cell empty', () => {
    expect(texts(table())).toEqual([
      [['Nasjonale mål'], ['Våre mål']],
      [['Øke graden i kommunal sektor', 'og i helse'], ['Verve 60 medlemmer.', 'Besøke fire plasser.']],
      [[], ['Øke tallet', 'Holde kurs.']],
    ]);
  });

  it('measures a cell\'s paragraph gap from its own line before, at its own baseline', () => {
    // "Besøke …" is gathered into the line at 666 but sits at 662: 16 below its cell's line before.
    const cell = table().rows[1]?.[1] ?? [];
    expect(cell.map((p) => p.text)).toEqual(['Verve 60 medlemmer.', 'Besøke fire plasser.']);
  });
});

describe('buildGrid: a row at the top of the next page', () => {
  const grid = (first: string, before = 'Øke organisasjonsgraden i', right = 200): string[][][] =>
    texts(
      buildGrid(
        [
          line(700, [seg('Mål', 50), seg('Tiltak', 250)]),
          line(680, [seg(before, 50, right), seg('Verve.', 250)]),
          line(780, [seg(first, 50)], 1),
        ],
        12,
        500,
      ),
    );

  it('goes on with the row when every piece on it continues its cell', () => {
    expect(grid('kommunal sektor')).toEqual([
      [['Mål'], ['Tiltak']],
      [['Øke organisasjonsgraden i kommunal sektor'], ['Verve.']],
    ]);
  });

  it('starts a row when a piece on it does not continue its cell', () => {
    expect(grid('Likelønn', 'Øke organisasjonsgraden', 150)).toEqual([
      [['Mål'], ['Tiltak']],
      [['Øke organisasjonsgraden'], ['Verve.']],
      [['Likelønn'], []],
    ]);
    expect(grid('Tiltak', 'Mål', 150).length).toBe(3);
  });
});

describe('gridLength: a first-column line after a paragraph gap', () => {
  const lines = (x: number, gap: number): Line[] => [
    line(700, [seg('A', 50), seg('B', 250)]),
    line(678, [seg('C', 50), seg('D', 250)]),
    line(678 - gap, [seg('Etter', x)]),
  ];

  it('stays in the table when it sits at the column\'s start, no further below than a gap the table has', () => {
    expect(gridLength(lines(50, 16), 0, 12)).toBe(3);
    expect(gridLength(lines(50, 22), 0, 12)).toBe(3);
    expect(gridLength(lines(50, 23.2), 0, 12)).toBe(2);
  });

  it('ends the table when it sits off the column\'s start, as text beside a padded table does', () => {
    expect(gridLength(lines(51.1, 16), 0, 12)).toBe(2);
    expect(gridLength(lines(46, 16), 0, 12)).toBe(2);
  });
});

/** Draws cells like an office export: bordered, padded, text wrapped in the column, paragraphs spaced. */
function drawRow(page: PDFPage, font: PDFFont, top: number, cells: string[][][], xs: number[], width: number): number {
  let bottom = top;
  cells.forEach((paras, k) => {
    let y = top - 14;
    paras.forEach((lines, n) => {
      if (n > 0) y -= 4;
      for (const text of lines) {
        page.drawText(text, { x: (xs[k] ?? 0) + 5, y, size: 9.5, font });
        y -= 12;
      }
    });
    bottom = Math.min(bottom, y + 12 - 8);
  });
  xs.forEach((x, k) => page.drawRectangle({ x, y: bottom, width: (xs[k + 1] ?? width) - x, height: top - bottom, borderWidth: 0.5, opacity: 0 }));
  return bottom;
}

describe('extractPdf: a three-column table drawn like an office export', () => {
  it('gives the table\'s rows and cells, joined lines, separate paragraphs and empty cells, without header or footer', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const xs = [56, 152, 330];
    const right = 539;
    const one = doc.addPage([595, 842]);
    one.drawText('Innledning til planen.', { x: 56, y: 772, size: 10.5, font });
    let y = drawRow(one, font, 760, [[['Område']], [['Nasjonale mål']], [['Våre mål']]], xs, right);
    y = drawRow(
      one,
      font,
      y,
      [
        [['1. Tariffmakt og', 'organisasjonsbygging']],
        [['Øke organisasjonsgraden i kommunal', 'sektor'], ['Øke tallet på medlemmer']],
        [['Verve minst 60 nye medlemmer i', 'løpet av perioden'], ['Besøke fire arbeidsplasser']],
      ],
      xs,
      right,
    );
    drawRow(one, font, y, [[], [['Sikre tillitsvalgte']], []], xs, right);
    const two = doc.addPage([595, 842]);
    y = drawRow(two, font, 772, [[['2. Heltid']], [['Redusere deltid']], [['Holde kurs i året']]], xs, right);
    two.drawText('Avslutning etter tabellen.', { x: 56, y: y - 22, size: 10.5, font });
    [one, two].forEach((p, i) => {
      p.drawText('Handlingsplan 2026', { x: 56, y: 802, size: 8, font });
      p.drawText(`Side ${i + 1} av 2`, { x: 277, y: 40, size: 8, font });
    });
    const blocks: Block[] = await extractPdf(await doc.save());
    const flow = blocks.filter((b) => !(b.kind === 'paragraph' && b.furniture));
    expect(flow.map((b) => (b.kind === 'table' ? texts(b) : b.text))).toEqual([
      'Innledning til planen.',
      [
        [['Område'], ['Nasjonale mål'], ['Våre mål']],
        [
          ['1. Tariffmakt og organisasjonsbygging'],
          ['Øke organisasjonsgraden i kommunal sektor', 'Øke tallet på medlemmer'],
          ['Verve minst 60 nye medlemmer i løpet av perioden', 'Besøke fire arbeidsplasser'],
        ],
        [[], ['Sikre tillitsvalgte'], []],
        [['2. Heltid'], ['Redusere deltid'], ['Holde kurs i året']],
      ],
      'Avslutning etter tabellen.',
    ]);
  });
});
