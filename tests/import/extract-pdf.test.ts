/**
 * The PDF extractor end to end (src/import/extract/pdf.ts) on real PDFs drawn with pdf-lib, and its
 * page furniture rule (src/import/extract/pdf-noise.ts) on synthetic lines: running headers,
 * footers and page numbers in the top and bottom tenth of a page are dropped, nothing else is.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/import/blocks.ts';
import { ImportError } from '../../src/import/errors.ts';
import type { Line, PdfPage } from '../../src/import/extract/pdf-geometry.ts';
import { removeNoise } from '../../src/import/extract/pdf-noise.ts';
import { extractPdf as extractAll } from '../../src/import/extract/pdf.ts';
import { encryptedPdf, scannedPdf } from './helpers/bad-files.ts';

/** The text flow; page furniture (kept as furniture paragraphs, see the test of it) left out. */
const extractPdf = async (bytes: Uint8Array) => (await extractAll(bytes)).filter((b) => !(b.kind === 'paragraph' && b.furniture));

describe('removeNoise: page furniture', () => {
  const L = (text: string, y: number): Line => ({ page: 0, y, fontSize: 10, segments: [{ text, x: 50, right: 100 }] });
  /** A page 1000 high: its top tenth lies above 900, its bottom tenth below 100. */
  const P: PdfPage = { width: 600, height: 1000, items: [] };
  const clean = (linesByPage: Line[][], pages: PdfPage[] = linesByPage.map(() => P)): string[][] =>
    removeNoise(pages, linesByPage).map((ls) => ls.map((l) => l.segments.map((s) => s.text).join(' ')));

  it('drops a page number in the top or bottom tenth, even in a one-page document', () => {
    expect(clean([[L('Side 1 av 2', 950), L('Verve 60 medlemmer.', 500), L('3', 50)]])).toEqual([['Verve 60 medlemmer.']]);
  });

  it('knows a page number with white space around it', () => {
    expect(clean([[L(' Side 3 av 4 ', 950), L('Tekst.', 500)]])).toEqual([['Tekst.']]);
  });

  it('keeps a number in the body of the page', () => {
    expect(clean([[L('12', 500), L('2026', 200)]])).toEqual([['12', '2026']]);
  });

  it('counts the margins from exactly one tenth of the page height', () => {
    expect(clean([[L('7', 900.1), L('8', 900), L('9', 100), L('10', 99.9)]])).toEqual([['8', '9']]);
  });

  it('uses each page\'s own height', () => {
    const small: PdfPage = { width: 400, height: 500, items: [] };
    expect(clean([[L('4', 460), L('5', 440)]], [small])).toEqual([['5']]);
  });

  it('drops a line repeated in the margins of two pages', () => {
    const page = (n: number): Line[] => [L('Handlingsplan Testdal', 950), L(`Tekst ${n}.`, 500)];
    expect(clean([page(1), page(2)])).toEqual([['Tekst 1.'], ['Tekst 2.']]);
  });

  it('keeps a line repeated in the body, and a margin line that is not repeated', () => {
    expect(clean([[L('Handlingsplan Testdal', 500), L('Forside', 950)], [L('Handlingsplan Testdal', 500)]])).toEqual([
      ['Handlingsplan Testdal', 'Forside'],
      ['Handlingsplan Testdal'],
    ]);
  });

  it('counts a line in the margin of one page and the body of another once', () => {
    expect(clean([[L('Handlingsplan Testdal', 950)], [L('Handlingsplan Testdal', 500)]])).toEqual([['Handlingsplan Testdal'], ['Handlingsplan Testdal']]);
  });

  it('counts pages, not lines: a line twice in one page\'s margins is not repeated', () => {
    expect(clean([[L('Testdal', 950), L('Testdal', 50)], [L('Annet', 950)]])).toEqual([['Testdal', 'Testdal'], ['Annet']]);
  });

  it('needs the line on at least half of the pages', () => {
    const doc = (pages: number, withHeader: number): string[][] =>
      clean(Array.from({ length: pages }, (_, p) => [...(p < withHeader ? [L('Testdal', 950)] : []), L('Tekst.', 500)]));
    expect(doc(5, 2)).toEqual([['Testdal', 'Tekst.'], ['Testdal', 'Tekst.'], ['Tekst.'], ['Tekst.'], ['Tekst.']]);
    expect(doc(5, 3)).toEqual([['Tekst.'], ['Tekst.'], ['Tekst.'], ['Tekst.'], ['Tekst.']]);
    expect(doc(4, 2)).toEqual([['Tekst.'], ['Tekst.'], ['Tekst.'], ['Tekst.']]);
  });

  it('compares margin lines with their numbers, spacing and case ignored', () => {
    const pair = (a: string, b: string): string[][] => clean([[L(a, 950), L('Tekst.', 500)], [L(b, 950), L('Tekst.', 500)]]);
    expect(pair('Rapport 2026', 'Rapport 12')).toEqual([['Tekst.'], ['Tekst.']]);
    expect(pair('Fagforbundet  Testdal', 'Fagforbundet Testdal')).toEqual([['Tekst.'], ['Tekst.']]);
    expect(pair('FAGFORBUNDET', 'Fagforbundet')).toEqual([['Tekst.'], ['Tekst.']]);
    expect(pair('Fagforbundet ', 'Fagforbundet ')).toEqual([['Tekst.'], ['Tekst.']]);
    // A number stands for any number, not for none; spacing is folded, not removed.
    expect(pair('Rapport 2026', 'Rapport')).toEqual([
      ['Rapport 2026', 'Tekst.'],
      ['Rapport', 'Tekst.'],
    ]);
    expect(pair('Fag forbundet', 'Fagforbundet')).toEqual([
      ['Fag forbundet', 'Tekst.'],
      ['Fagforbundet', 'Tekst.'],
    ]);
    expect(pair('Fagforbundet Testdal', 'Fagforbundet Vestdal')).toEqual([
      ['Fagforbundet Testdal', 'Tekst.'],
      ['Fagforbundet Vestdal', 'Tekst.'],
    ]);
  });

  it('leaves the lines of a page it has no size for as they are', () => {
    expect(clean([[L('Tekst.', 500)], [L('3', 950), L('Testdal', 50)]], [P])).toEqual([['Tekst.'], ['3', 'Testdal']]);
  });
});

type Text = [text: string, x: number, y: number, size?: number];

/** A PDF with the given texts drawn in Helvetica; each page A4 unless given a media box. */
async function drawPdf(pages: Array<{ texts: Text[]; box?: [x: number, y: number, width: number, height: number] }>): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const p of pages) {
    const page = doc.addPage([595, 842]);
    if (p.box) page.setMediaBox(...p.box);
    for (const [text, x, y, size = 10] of p.texts) page.drawText(text, { x, y, size, font });
  }
  return doc.save();
}

const para = (text: string, extra: { heading?: number; bullet?: boolean } = {}): Block => ({ kind: 'paragraph', text, ...extra });
const cells = (...rows: string[][]): Block => ({ kind: 'table', rows: rows.map((r) => r.map((text) => [{ kind: 'paragraph', text }])) });

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImportError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('extractPdf: a real PDF', () => {
  it('reads headings by size, paragraphs and a table, without the running header and the page numbers', async () => {
    const furniture = (n: number): Text[] => [
      ['Handlingsplan 2026-2027', 56, 800, 8],
      [`Side ${n} av 2`, 280, 40, 8],
    ];
    const bytes = await drawPdf([
      {
        texts: [
          ...furniture(1),
          ['1. Organisering', 56, 760, 14],
          ['Vi skal verve.', 56, 736],
          ['Alle skal med.', 56, 722],
          ['Nasjonale mål', 56, 698],
          ['Lokale mål', 300, 698],
          ['Øke graden.', 56, 674],
          ['Verve 60.', 300, 674],
          ['Etter tabellen.', 56, 646],
        ],
      },
      { texts: [...furniture(2), ['Siste side.', 56, 760]] },
    ]);
    expect(await extractPdf(bytes)).toStrictEqual([
      para('1. Organisering', { heading: 2 }),
      para('Vi skal verve.'),
      para('Alle skal med.'),
      cells(['Nasjonale mål', 'Lokale mål'], ['Øke graden.', 'Verve 60.']),
      para('Etter tabellen.'),
      para('Siste side.'),
    ]);
  });

  it('keeps running headers and page numbers as furniture, after the text', async () => {
    const page = (n: number): { texts: Text[] } => ({ texts: [['Testdal fagforening', 56, 800, 8], [`Tekst på side ${n}.`, 56, 400], [String(n), 290, 30, 8]] });
    const blocks = await extractAll(await drawPdf([page(1), page(2)]));
    expect(blocks.filter((b) => b.kind === 'paragraph' && b.furniture).map((b) => (b.kind === 'paragraph' ? b.text : ''))).toStrictEqual([
      'Testdal fagforening',
      '1',
      'Testdal fagforening',
      '2',
    ]);
    expect(blocks.slice(0, 2)).toStrictEqual([para('Tekst på side 1.'), para('Tekst på side 2.')]);
  });

  it('judges the page margins by each page\'s own size', async () => {
    const page = (n: number): { texts: Text[]; box: [number, number, number, number] } => ({
      box: [0, 0, 400, 500],
      texts: [
        ['Testdal fagforening', 56, 470, 8],
        [`Tekst på side ${n}.`, 56, 300],
      ],
    });
    expect(await extractPdf(await drawPdf([page(1), page(2)]))).toStrictEqual([para('Tekst på side 1.'), para('Tekst på side 2.')]);
  });

  it('measures positions from the corner of a page whose media box does not start at 0', async () => {
    // Media box 10…410 × 100…600, 500 high: the footer at y 120 lies 20 above the page's foot, the
    // header at y 560 lies 460 above it, each within a tenth of the page's height from its edge.
    const page = (n: number): { texts: Text[]; box: [number, number, number, number] } => ({
      box: [10, 100, 400, 500],
      texts: [
        ['Testdal fagforening', 66, 560, 8],
        [`Tekst på side ${n}.`, 66, 400],
        [String(n), 200, 120, 8],
      ],
    });
    expect(await extractPdf(await drawPdf([page(1), page(2)]))).toStrictEqual([para('Tekst på side 1.'), para('Tekst på side 2.')]);
  });

  it('lines up pages whose media boxes start at different x', async () => {
    // Page 2's box starts at x 200, so its text drawn at x 256 sits at the same margin as page 1's at 56.
    const bytes = await drawPdf([
      { texts: [['Innledning her.', 56, 700], ['Vi skal verve nye medlemmer over hele landet', 56, 100]] },
      { box: [200, 0, 395, 842], texts: [['Testdal kommune.', 256, 760], ['Siste linje her.', 256, 746]] },
    ]);
    expect(await extractPdf(bytes)).toStrictEqual([
      para('Innledning her.'),
      para('Vi skal verve nye medlemmer over hele landet Testdal kommune.'),
      para('Siste linje her.'),
    ]);
  });

  it('refuses a file that is not a PDF as corrupt', async () => {
    expect(await codeOf(extractPdf(new TextEncoder().encode('%PDF-1.7 not really')))).toBe('CORRUPT_PDF');
  });

  it('refuses an encrypted PDF as encrypted', async () => {
    expect(await codeOf(extractPdf(encryptedPdf()))).toBe('ENCRYPTED_PDF');
  });

  it('refuses a PDF without letters in its text as having no text', async () => {
    expect(await codeOf(extractPdf(await scannedPdf()))).toBe('NO_TEXT');
    expect(await codeOf(extractPdf(await drawPdf([{ texts: [['2026 - 2027', 56, 700]] }])))).toBe('NO_TEXT');
  });

  it('accepts a PDF whose only letters are on a later page', async () => {
    const bytes = await drawPdf([{ texts: [['2026', 56, 700]] }, { texts: [['Mål.', 56, 700], ['Vi skal verve mange nye medlemmer.', 56, 686]] }]);
    expect(await extractPdf(bytes)).toStrictEqual([para('2026'), para('Mål.'), para('Vi skal verve mange nye medlemmer.')]);
  });
});
