/** The A4 page and Helvetica text both generated-PDF helpers draw with (make-pdf.ts, from-text.ts). */
import type { PDFFont } from 'pdf-lib';

export const W = 595;
export const H = 842;
export const MARGIN = 56;
export const TOP = H - 70;
export const BOTTOM = 80;
export const SIZE = 10.5;
export const LEADING = 14;
export const PARA_SPACE = 8;

/** Helvetica (WinAnsi) cannot draw every character; tabs become spaces, anything else it lacks '?'. */
export function winAnsi(s: string): string {
  return s.replace(/\t/g, ' ').replace(/[^\u0020-\u007e\u00a0-\u00ff–—•‘’“”…€]/gu, '?');
}

/** Words wrapped into lines no wider than `width` at `size`. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}
