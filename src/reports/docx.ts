/**
 * A report (content.ts) as a Word document, with the `docx` package: the same builder in the tab
 * (loaded on demand with `import()`, so the first screens do not carry it) and in the Node runner.
 *
 * Made for reading aloud and navigating: the title in Word's Title style, areas in Heading 1 and
 * their parts in Heading 2 (Word's navigation pane and screen readers see the structure), tables
 * with a header row that repeats on every page and a caption (alt text) saying what they hold, the
 * document's language on every run (its default run properties) and in its properties (title,
 * subject, author, language). Nothing is fetched: no images, fonts or links to outside resources.
 */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { ReportBlock, ReportContent } from './content';

export { DOCX_MIME_TYPE } from './content';

/** The text width of an A4 page with the default margins of 2.54 cm, in twips (docx's defaults). */
const TEXT_WIDTH_TWIPS = 11906 - 2 * 1440;
const MUTED_COLOUR = '595959';

function headingParagraph(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    // The outline level as well as the style, so any reader that builds an outline finds it.
    outlineLevel: level - 1,
    keepNext: true,
    children: [new TextRun(text)],
  });
}

function cellOf(text: string, widthPercent: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: widthPercent, type: WidthType.PERCENTAGE },
    children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
  });
}

function tableOf(block: Extract<ReportBlock, { kind: 'table' }>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: block.widths.map((w) => Math.round((w / 100) * TEXT_WIDTH_TWIPS)),
    rows: [
      // The header row repeats at the top of every page the table runs onto.
      new TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((h, i) => cellOf(h, block.widths[i] ?? 10, true)) }),
      ...block.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((cell, i) => cellOf(cell, block.widths[i] ?? 10, false)) })),
    ],
  });
}

function render(blocks: readonly ReportBlock[]): Array<Paragraph | Table> {
  return blocks.flatMap((block): Array<Paragraph | Table> => {
    switch (block.kind) {
      case 'title':
        return [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(block.text)] })];
      case 'heading':
        return [headingParagraph(block.text, block.level)];
      case 'paragraph':
        return [
          new Paragraph({
            children: [new TextRun({ text: block.text, bold: block.emphasis === 'strong', ...(block.emphasis === 'muted' ? { color: MUTED_COLOUR } : {}) })],
            ...(block.emphasis === 'strong' ? { keepNext: true } : {}),
          }),
        ];
      case 'list':
        return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }));
      case 'table':
        // An empty paragraph after a table keeps two tables (or a table and a heading) apart in Word.
        return [tableOf(block), new Paragraph({ children: [] })];
    }
  });
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/**
 * What the `docx` package does not write: the language in the core properties (`dc:language`) and
 * each table's caption (`w:tblCaption`, the table's alt text in Word, last in `w:tblPr` as the
 * schema orders it). Tables are captioned in document order; the report has no nested tables.
 */
function finishPackage(bytes: Uint8Array, content: ReportContent): Uint8Array {
  const files = unzipSync(bytes);
  const core = files['docProps/core.xml'];
  if (core) files['docProps/core.xml'] = strToU8(strFromU8(core).replace('</cp:coreProperties>', `<dc:language>${escapeXml(content.locale)}</dc:language></cp:coreProperties>`));
  const body = files['word/document.xml'];
  if (body) {
    const captions = content.blocks.flatMap((b) => (b.kind === 'table' ? [b.caption] : []));
    let index = 0;
    files['word/document.xml'] = strToU8(
      strFromU8(body).replace(/<\/w:tblPr>/g, (end) => {
        const caption = captions[index++];
        return caption === undefined ? end : `<w:tblCaption w:val="${escapeXml(caption.slice(0, 255))}"/>${end}`;
      }),
    );
  }
  return zipSync(files);
}

/** The report as .docx bytes. */
export async function buildReportDocx(content: ReportContent): Promise<Uint8Array> {
  const document = new Document({
    title: content.title,
    subject: content.subject,
    creator: content.creator,
    lastModifiedBy: content.creator,
    description: content.title,
    styles: { default: { document: { run: { language: { value: content.locale } } } } },
    sections: [{ children: render(content.blocks) }],
  });
  const packed = new Uint8Array(await Packer.toArrayBuffer(document));
  return finishPackage(packed, content);
}
