/**
 * Builds .docx and .pdf files from a plan's source .txt file, independently of the importer: nothing
 * here calls or imports code from src/import, so a change in the importer's own text segmentation
 * cannot change the fixtures it is tested on.
 *
 * The text is read as it stands. Outside tables, every paragraph of the text (see sourceParagraphs)
 * becomes a Word paragraph, a leading tab an indent; in the PDF the same paragraphs are drawn at the
 * left margin, wrapped at the right margin as a word processor prints them, with space between
 * paragraphs.
 *
 * Tables follow the convention of Word's text export (fixtures/plans/README.md): a table is a run of
 * tab-led lines; a blank line ends a row; each row has one tab-led line per cell ("\t" alone is an
 * empty cell) and a cell's further paragraphs are lines led by two tabs. The first row's cell count
 * is the column count. A run that is not such a table (one row only, a first row of one cell, rows
 * of unequal length, as in raw exports like sor-varanger's) stays indented paragraphs. A table
 * becomes a real Word table (one Paragraph per cell paragraph) and, in the PDF, bordered columns side
 * by side with the text wrapped inside each column, a row moved to the next page when it does not
 * fit there (split only when it is taller than a page). Every PDF page gets a running header and a
 * "Side N av M" footer like an office export.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { BOTTOM, H, LEADING, MARGIN, PARA_SPACE, SIZE, TOP, W, winAnsi, wrap } from './pdf-page.ts';

export interface SourceLine {
  /** The line's text without its leading tab(s) and trailing white space; never empty. */
  readonly text: string;
  /** How many blank lines came just before it. */
  readonly blanksBefore: number;
  /** The line started with a tab (the .txt export's table cells and indented text). */
  readonly indented: boolean;
}

/** A table of the source text: rows of cells, each cell a list of paragraphs ([] when empty). */
export interface SourceTable {
  readonly rows: ReadonlyArray<ReadonlyArray<readonly string[]>>;
  /** The first row's cell count; every row has exactly this many cells. */
  readonly columns: number;
}

export type SourceBlock =
  | { readonly kind: 'paragraph'; readonly line: SourceLine }
  | { readonly kind: 'table'; readonly table: SourceTable };

function rawLines(bytes: Uint8Array): string[] {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  return text.split(/\r\n|\r|\n/);
}

const isBlank = (raw: string): boolean => raw.trim() === '';
const isTabLed = (raw: string): boolean => raw.startsWith('\t');

/** The non-blank lines of some raw lines, in order. */
function linesOf(raws: readonly string[]): SourceLine[] {
  const out: SourceLine[] = [];
  let blanks = 0;
  for (const raw of raws) {
    const line = raw.replace(/\s+$/u, '');
    const body = line.replace(/^\t+/, '');
    if (body.trim() === '') {
      blanks++;
      continue;
    }
    out.push({ text: body, blanksBefore: blanks, indented: /^\t/.test(line) });
    blanks = 0;
  }
  return out;
}

/** The non-blank lines of a UTF-8 text file, in order (tables included, as indented lines). */
export function sourceLines(bytes: Uint8Array): SourceLine[] {
  return linesOf(rawLines(bytes));
}

/**
 * A run of tab-led and blank lines read as a table, or null when it does not follow the convention
 * (then it stays indented paragraphs).
 */
function tableOf(run: readonly string[]): SourceTable | null {
  const rows: string[][][] = [];
  let row: string[][] | null = null;
  for (const raw of run) {
    if (!isTabLed(raw) && isBlank(raw)) {
      row = null;
      continue;
    }
    if (!isTabLed(raw)) return null;
    if (!row) {
      row = [];
      rows.push(row);
    }
    const text = raw.replace(/^\t+/, '').replace(/\s+/gu, ' ').trim();
    const last = row[row.length - 1];
    if (raw.startsWith('\t\t') && text !== '' && last) last.push(text);
    else row.push(text === '' ? [] : [text]);
  }
  const columns = rows[0]?.length ?? 0;
  if (rows.length < 2 || columns < 2 || rows.some((r) => r.length !== columns)) return null;
  return { rows, columns };
}

/** Whether raws[at], a plain line, has a tab-led line as its nearest non-blank neighbour on both sides. */
function singlePlainLineInRun(raws: readonly string[], at: number): boolean {
  const neighbour = (step: number): string | undefined => {
    for (let k = at + step; k >= 0 && k < raws.length; k += step) {
      const line = raws[k] ?? '';
      if (isTabLed(line) || !isBlank(line)) return line;
    }
    return undefined;
  };
  const before = neighbour(-1);
  const after = neighbour(1);
  return before !== undefined && after !== undefined && isTabLed(before) && isTabLed(after);
}

/**
 * A wrapped line: one that begins with a lower-case letter, or with a number that is not a list
 * number ("1. ", "2) ") after a line that does not end a sentence or a label.
 */
function continues(prev: SourceLine, line: SourceLine): boolean {
  if (prev.indented || line.indented) return false;
  const t = line.text.trimStart();
  if (/^\p{Ll}/u.test(t)) return true;
  return /^\d/.test(t) && !/^\d{1,2}[.)]\s/.test(t) && !/[.:!?]\s*$/.test(prev.text);
}

/** Paragraphs of some lines: a wrapped line (see continues) is joined to the paragraph before it. */
function paragraphsOf(lines: readonly SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (prev && continues(prev, l)) {
      out[out.length - 1] = { ...prev, text: `${prev.text.replace(/\s+$/u, '')} ${l.text.trim()}` };
    } else {
      out.push(l);
    }
  }
  return out;
}

/**
 * The text's paragraphs and tables in order. Outside tables the text export keeps one paragraph per
 * line, but wraps long ones (also across a blank line in a PDF export); a wrapped line is joined to
 * the paragraph before it. Any other line (a capital, a list number, a bullet glyph, a tab-led line)
 * starts a paragraph of its own. A table interrupts the paragraphs: no line is joined across it.
 */
export function sourceBlocks(bytes: Uint8Array): SourceBlock[] {
  const raws = rawLines(bytes);
  const out: SourceBlock[] = [];
  let text: string[] = [];
  const flush = (): void => {
    for (const line of paragraphsOf(linesOf(text))) out.push({ kind: 'paragraph', line });
    text = [];
  };
  let i = 0;
  while (i < raws.length) {
    const raw = raws[i] ?? '';
    if (!isTabLed(raw)) {
      text.push(raw);
      i++;
      continue;
    }
    // The run: tab-led and blank lines up to the next line of plain text (trailing blanks excluded).
    // A single plain line between two tab-led lines stays in the run: a raw export that dropped the
    // tab of a cell's further paragraph (sor-varanger), which makes the run no table.
    let end = i;
    let lastTab = i;
    while (end < raws.length) {
      const line = raws[end] ?? '';
      if (isTabLed(line)) lastTab = end;
      else if (!isBlank(line) && !singlePlainLineInRun(raws, end)) break;
      end++;
    }
    const run = raws.slice(i, lastTab + 1);
    const table = tableOf(run);
    if (table) {
      flush();
      out.push({ kind: 'table', table });
    } else {
      text.push(...run);
    }
    i = lastTab + 1;
  }
  flush();
  return out;
}

/** The text's paragraphs outside tables (see sourceBlocks); the paragraphs of its tables' cells are not included. */
export function sourceParagraphs(bytes: Uint8Array): SourceLine[] {
  return sourceBlocks(bytes).flatMap((b) => (b.kind === 'paragraph' ? [b.line] : []));
}

/** Relative column widths by column count (the union's own goals get the widest column). */
function columnShares(columns: number): number[] {
  if (columns === 2) return [0.4, 0.6];
  if (columns === 3) return [0.2, 0.36, 0.44];
  return Array.from({ length: columns }, () => 1 / columns);
}

/** Text width of an A4 page with Word's default 2.54 cm margins, in twentieths of a point. */
const DOCX_TEXT_WIDTH = 9026;

function docxTable(t: SourceTable): Table {
  const widths = columnShares(t.columns).map((s) => Math.round(s * DOCX_TEXT_WIDTH));
  return new Table({
    width: { size: DOCX_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: t.rows.map(
      (r) =>
        new TableRow({
          children: r.map(
            (cell, k) =>
              new TableCell({
                width: { size: widths[k] ?? 0, type: WidthType.DXA },
                children: cell.length > 0 ? cell.map((p) => new Paragraph({ children: [new TextRun(p)] })) : [new Paragraph({})],
              }),
          ),
        }),
    ),
  });
}

/** A Word document with one paragraph per paragraph of the source text and a Word table per table. */
export async function docxFromText(bytes: Uint8Array): Promise<Uint8Array> {
  return docxFromBlocks(sourceBlocks(bytes));
}

/** A Word document of some blocks (see sourceBlocks), built the same way as docxFromText. */
export async function docxFromBlocks(blocks: readonly SourceBlock[]): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [];
  for (const b of blocks) {
    if (b.kind === 'table') {
      children.push(docxTable(b.table));
      // Word always puts a paragraph after a table; two tables in a row would otherwise merge.
      children.push(new Paragraph({}));
    } else {
      children.push(
        new Paragraph({
          children: [new TextRun(b.line.text)],
          ...(b.line.indented ? { indent: { left: 720 } } : {}),
        }),
      );
    }
  }
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const INDENT = 24;
const CELL_SIZE = 9.5;
const CELL_LEADING = 12;
const CELL_PAD = 5;
/** Extra space between two paragraphs of one cell. */
const CELL_PARA_SPACE = 4;

class PdfWriter {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = TOP;
  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
  ) {
    this.newPage();
  }
  private newPage(): void {
    this.page = this.doc.addPage([W, H]);
    this.pages.push(this.page);
    this.y = TOP;
  }
  paragraph(l: SourceLine): void {
    const x = MARGIN + (l.indented ? INDENT : 0);
    for (const part of wrap(winAnsi(l.text), this.font, SIZE, W - MARGIN - x)) {
      if (this.y < BOTTOM) this.newPage();
      this.page.drawText(part, { x, y: this.y, size: SIZE, font: this.font });
      this.y -= LEADING;
    }
    this.y -= PARA_SPACE;
  }
  table(t: SourceTable): void {
    const total = W - 2 * MARGIN;
    const widths = columnShares(t.columns).map((s) => Math.floor(s * total));
    for (const row of t.rows) {
      // Each cell's lines with their offset below the row's top edge.
      const cells = row.map((paras, k) => {
        const lines: Array<{ text: string; dy: number }> = [];
        let dy = CELL_PAD + CELL_SIZE;
        paras.forEach((p, n) => {
          if (n > 0) dy += CELL_PARA_SPACE;
          for (const part of wrap(winAnsi(p), this.font, CELL_SIZE, (widths[k] ?? 100) - 2 * CELL_PAD)) {
            lines.push({ text: part, dy });
            dy += CELL_LEADING;
          }
        });
        return lines;
      });
      const bottomOf = (lines: Array<{ dy: number }>): number => (lines.length ? (lines[lines.length - 1]?.dy ?? 0) : CELL_SIZE);
      const height = Math.max(...cells.map(bottomOf)) + CELL_PAD + 3;
      // The space above BOTTOM on a page: the row moves to a new page when it does not fit.
      const top = this.y + CELL_SIZE + CELL_PAD;
      if (this.y < TOP && top - height < BOTTOM - LEADING && height <= TOP - BOTTOM) {
        this.newPage();
      }
      this.drawRow(cells, widths, height);
    }
    this.y -= PARA_SPACE;
  }
  /** Draws a row from the current position, continuing on new pages if it is taller than the rest of the page. */
  private drawRow(cells: Array<Array<{ text: string; dy: number }>>, widths: number[], height: number): void {
    let rowTop = this.y + CELL_SIZE + CELL_PAD;
    let shift = 0;
    let rest = height;
    for (;;) {
      const room = rowTop - (BOTTOM - LEADING);
      const part = Math.min(rest, room);
      let x = MARGIN;
      cells.forEach((lines, k) => {
        const w = widths[k] ?? 100;
        this.page.drawRectangle({ x, y: rowTop - part, width: w, height: part, borderWidth: 0.5, opacity: 0 });
        for (const l of lines) {
          const dy = l.dy - shift;
          if (dy > 0 && dy <= part - 2) this.page.drawText(l.text, { x: x + CELL_PAD, y: rowTop - dy, size: CELL_SIZE, font: this.font });
        }
        x += w;
      });
      if (rest <= room) {
        this.y = rowTop - part - CELL_SIZE - CELL_PAD;
        return;
      }
      // Lines that did not fit go to the next page, the first of them one line below the row's new top.
      const left = cells.flatMap((lines) => lines.map((l) => l.dy - shift).filter((dy) => dy > part - 2));
      const cut = Math.min(...left) - (CELL_PAD + CELL_SIZE);
      shift += cut;
      rest = height - shift;
      this.newPage();
      rowTop = this.y + CELL_SIZE + CELL_PAD;
    }
  }
  decorate(title: string): void {
    this.pages.forEach((p, i) => {
      p.drawText(winAnsi(title), { x: MARGIN, y: H - 40, size: 8, font: this.font });
      p.drawText(`Side ${i + 1} av ${this.pages.length}`, { x: W / 2 - 20, y: 40, size: 8, font: this.font });
    });
  }
}

/** A PDF that prints the source text's paragraphs and tables in Helvetica on A4 pages. */
export async function pdfFromText(bytes: Uint8Array, runningTitle = 'Handlingsplan 2026–2027'): Promise<Uint8Array> {
  return pdfFromBlocks(sourceBlocks(bytes), runningTitle);
}

/** A PDF of some blocks (see sourceBlocks), printed the same way as pdfFromText. */
export async function pdfFromBlocks(blocks: readonly SourceBlock[], runningTitle = 'Handlingsplan 2026–2027'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const w = new PdfWriter(doc, font);
  for (const b of blocks) {
    if (b.kind === 'table') w.table(b.table);
    else w.paragraph(b.line);
  }
  w.decorate(runningTitle);
  return doc.save();
}
