/** .pdf → blocks through unpdf (pdf.js): positioned text items, rebuilt into lines, paragraphs and tables. */
import type { Block } from '../blocks.ts';
import { ImportError } from '../errors.ts';
import type { PdfItem, PdfPage } from './pdf-geometry.ts';
import { layoutToBlocks } from './pdf-layout.ts';

interface RawTextItem {
  readonly str?: string;
  readonly transform?: readonly number[];
  readonly width?: number;
  readonly height?: number;
}

/** A text item in page coordinates: measured from the page's lower-left corner (its media box may not start at 0). */
function toItem(raw: RawTextItem, x0: number, y0: number): PdfItem | null {
  const t = raw.transform;
  if (typeof raw.str !== 'string' || !t || t.length < 6) return null;
  const fontSize = Math.hypot(t[2] ?? 0, t[3] ?? 0) || raw.height || 10;
  return { str: raw.str, x: (t[4] ?? 0) - x0, y: (t[5] ?? 0) - y0, width: raw.width ?? 0, fontSize };
}

function isPasswordError(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  const message = (e as { message?: unknown } | null)?.message;
  return name === 'PasswordException' || (typeof message === 'string' && /password/i.test(message));
}

export async function extractPdf(bytes: Uint8Array): Promise<Block[]> {
  const { getDocumentProxy } = await import('unpdf');
  let pages: PdfPage[];
  try {
    const doc = await getDocumentProxy(new Uint8Array(bytes));
    pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0 = 0, y0 = 0, x1 = 595, y1 = 842] = page.view;
      const content = await page.getTextContent();
      const items = (content.items as readonly RawTextItem[]).map((raw) => toItem(raw, x0, y0)).filter((i): i is PdfItem => i !== null);
      pages.push({ width: x1 - x0, height: y1 - y0, items });
    }
    await doc.destroy();
  } catch (cause) {
    if (cause instanceof ImportError) throw cause;
    throw new ImportError(isPasswordError(cause) ? 'ENCRYPTED_PDF' : 'CORRUPT_PDF', {}, { cause });
  }
  if (!pages.some((p) => p.items.some((i) => /\p{L}/u.test(i.str)))) throw new ImportError('NO_TEXT');
  return layoutToBlocks(pages);
}
