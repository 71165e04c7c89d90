/**
 * Builds .docx and .pdf files from a plan's source .txt file, independently of the importer: nothing
 * here calls or imports code from src/import, so a change in the importer's own text segmentation
 * cannot change the fixtures it is tested on.
 *
 * The text is read as it stands. In Word, every paragraph of the text (see sourceParagraphs)
 * becomes a paragraph, a leading tab an indent. In the PDF,
 * the same paragraphs are drawn at the left margin, wrapped at the right margin as a word processor
 * prints them, with space between paragraphs, and every page gets a running header and a
 * "Side N av M" footer like an office export.
 */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts, type PDFPage } from 'pdf-lib';
import { BOTTOM, H, LEADING, MARGIN, PARA_SPACE, SIZE, TOP, W, winAnsi, wrap } from './pdf-page.ts';

export interface SourceLine {
  /** The line's text without its leading tab(s) and trailing white space; never empty. */
  readonly text: string;
  /** How many blank lines came just before it. */
  readonly blanksBefore: number;
  /** The line started with a tab (the .txt export's table cells and indented text). */
  readonly indented: boolean;
}

/** The non-blank lines of a UTF-8 text file, in order. */
export function sourceLines(bytes: Uint8Array): SourceLine[] {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const out: SourceLine[] = [];
  let blanks = 0;
  for (const raw of text.split(/\r\n|\r|\n/)) {
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

/**
 * The text's paragraphs. The text export keeps one paragraph per line, but wraps long ones (also
 * across a blank line in a PDF export); a wrapped line (see continues) is joined to the paragraph
 * before it. Any other line (a capital, a list number, a bullet glyph, a tab-led table cell) starts
 * a paragraph of its own.
 */
export function sourceParagraphs(bytes: Uint8Array): SourceLine[] {
  const out: SourceLine[] = [];
  for (const l of sourceLines(bytes)) {
    const prev = out[out.length - 1];
    if (prev && continues(prev, l)) {
      out[out.length - 1] = { ...prev, text: `${prev.text.replace(/\s+$/u, '')} ${l.text.trim()}` };
    } else {
      out.push(l);
    }
  }
  return out;
}

/** A Word document with one paragraph per paragraph of the source text. */
export async function docxFromText(bytes: Uint8Array): Promise<Uint8Array> {
  const children = sourceParagraphs(bytes).map(
    (l) =>
      new Paragraph({
        children: [new TextRun(l.text)],
        ...(l.indented ? { indent: { left: 720 } } : {}),
      }),
  );
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const INDENT = 24;



/** A PDF that prints the source text's paragraphs in Helvetica on A4 pages. */
export async function pdfFromText(bytes: Uint8Array, runningTitle = 'Handlingsplan 2026–2027'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages: PDFPage[] = [];
  let page = doc.addPage([W, H]);
  pages.push(page);
  let y = TOP;
  for (const l of sourceParagraphs(bytes)) {
    const x = MARGIN + (l.indented ? INDENT : 0);
    for (const part of wrap(winAnsi(l.text), font, SIZE, W - MARGIN - x)) {
      if (y < BOTTOM) {
        page = doc.addPage([W, H]);
        pages.push(page);
        y = TOP;
      }
      page.drawText(part, { x, y, size: SIZE, font });
      y -= LEADING;
    }
    y -= PARA_SPACE;
  }
  pages.forEach((p, i) => {
    p.drawText(winAnsi(runningTitle), { x: MARGIN, y: H - 40, size: 8, font });
    p.drawText(`Side ${i + 1} av ${pages.length}`, { x: W / 2 - 20, y: 40, size: 8, font });
  });
  return doc.save();
}
