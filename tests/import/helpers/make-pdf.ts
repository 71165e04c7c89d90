/**
 * Renders a plan's blocks as a real PDF like an office export: text wrapped at the margin (hard line
 * breaks mid-sentence), a running header, "Side N av M" footers and the situation table as columns.
 */
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { BOTTOM, H, LEADING, MARGIN, PARA_SPACE, SIZE, TOP, W, winAnsi, wrap } from './pdf-page.ts';
import type { Block, TableBlock } from '../../../src/import/blocks.ts';
import { cleanText, hasBullet, stripBullet } from '../../../src/import/text/normalize.ts';




class Writer {
  readonly pages: PDFPage[] = [];
  private page: PDFPage;
  private y = TOP;
  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = this.newPage();
  }
  private newPage(): PDFPage {
    const page = this.doc.addPage([W, H]);
    this.pages.push(page);
    this.page = page;
    this.y = TOP;
    return page;
  }
  private need(height: number): void {
    if (this.y - height < BOTTOM) this.newPage();
  }
  paragraph(raw: string, bullet: boolean, heading: boolean): void {
    const text = winAnsi(cleanText(bullet ? stripBullet(raw) : raw));
    const font = heading ? this.bold : this.font;
    const size = heading ? 13 : SIZE;
    const indent = bullet ? 16 : 0;
    const lines = wrap(text, font, size, W - 2 * MARGIN - indent);
    lines.forEach((l, i) => {
      this.need(LEADING);
      if (bullet && i === 0) this.page.drawText('•', { x: MARGIN + 2, y: this.y, size, font });
      this.page.drawText(l, { x: MARGIN + indent, y: this.y, size, font });
      this.y -= heading ? LEADING + 4 : LEADING;
    });
    this.y -= PARA_SPACE;
  }
  table(t: TableBlock): void {
    const widths = [95, 125, 131, 132];
    const pad = 5;
    for (const row of t.rows) {
      const cells = widths.map((w, k) =>
        wrap(winAnsi(cleanText((row[k] ?? []).map((p) => p.text).join(' '))), this.font, 9.5, w - 2 * pad),
      );
      const height = Math.max(1, ...cells.map((c) => c.length)) * 12 + 2 * pad;
      this.need(height);
      let x = MARGIN;
      cells.forEach((lines, k) => {
        const w = widths[k] ?? 100;
        this.page.drawRectangle({ x, y: this.y - height + 10, width: w, height, borderWidth: 0.5, opacity: 0 });
        lines.forEach((l, i) => this.page.drawText(l, { x: x + pad, y: this.y - pad - i * 12, size: 9.5, font: this.font }));
        x += w;
      });
      this.y -= height;
    }
    this.y -= PARA_SPACE;
  }
  decorate(title: string): void {
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      page.drawText(winAnsi(title), { x: MARGIN, y: H - 40, size: 8, font: this.font });
      page.drawText(`Side ${i + 1} av ${total}`, { x: W / 2 - 20, y: 40, size: 8, font: this.font });
    });
  }
}

export async function makePdf(blocks: readonly Block[], runningTitle = 'Handlingsplan 2026–2027'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(doc, font, bold);
  for (const b of blocks) {
    if (b.kind === 'table') w.table(b);
    else {
      const heading = /^\d{1,2}\.\s+\S/.test(b.text) && b.text.split(/\s+/).length <= 12 && !/[.!?]$/.test(b.text);
      w.paragraph(b.text, Boolean(b.bullet) || hasBullet(b.text), heading);
    }
  }
  w.decorate(runningTitle);
  return doc.save();
}
