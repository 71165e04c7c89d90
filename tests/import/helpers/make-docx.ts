/** Renders a plan's blocks as a real Word document (lists as Word bullets, the situation table as a Word table). */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import type { Block, ParagraphBlock, TableBlock } from '../../../src/import/blocks.ts';
import { cleanText, stripBullet } from '../../../src/import/text/normalize.ts';

function isAreaHeading(text: string): boolean {
  return /^\d{1,2}\.\s+\S/.test(text) && text.split(/\s+/).length <= 12 && !/[.!?]$/.test(text);
}

function toParagraph(p: ParagraphBlock): Paragraph {
  const text = cleanText(stripBullet(p.text));
  if (p.bullet) return new Paragraph({ text, bullet: { level: 0 } });
  if (isAreaHeading(text)) return new Paragraph({ text, heading: HeadingLevel.HEADING_2 });
  return new Paragraph({ text });
}

function toTable(t: TableBlock): Table {
  const width = Math.max(1, ...t.rows.map((r) => r.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: t.rows.map(
      (r) =>
        new TableRow({
          children: Array.from({ length: width }, (_, k) => {
            const cell = r[k] ?? [];
            const paras = cell.length > 0 ? cell.map(toParagraph) : [new Paragraph({ text: '' })];
            return new TableCell({ children: paras });
          }),
        }),
    ),
  });
}

export async function makeDocx(blocks: readonly Block[]): Promise<Uint8Array> {
  const children = blocks.map((b) => (b.kind === 'paragraph' ? toParagraph(b) : toTable(b)));
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
