/** Removes running headers, footers and page numbers. */
import { PAGE_NUMBER } from '../text/noise.ts';
import { lineText, type Line, type PdfPage } from './pdf-geometry.ts';

function shape(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function removeNoise(pages: readonly PdfPage[], linesByPage: readonly Line[][]): Line[][] {
  const marginShapes = new Map<string, Set<number>>();
  const inMargin = (line: Line, page: PdfPage): boolean => line.y > page.height * 0.9 || line.y < page.height * 0.1;
  linesByPage.forEach((lines, p) => {
    const page = pages[p];
    if (!page) return;
    for (const line of lines) {
      if (!inMargin(line, page)) continue;
      const s = shape(lineText(line));
      if (!marginShapes.has(s)) marginShapes.set(s, new Set());
      // Stryker disable next-line OptionalChaining: the line above makes sure the set exists.
      marginShapes.get(s)?.add(p);
    }
  });
  // Stryker disable next-line OptionalChaining: it is asked only about shapes of margin lines, all of which are in the map.
  const repeated = (s: string): boolean => pages.length >= 2 && (marginShapes.get(s)?.size ?? 0) >= Math.max(2, pages.length * 0.5);
  return linesByPage.map((lines, p) => {
    const page = pages[p];
    if (!page) return lines;
    return lines.filter((line) => {
      const text = lineText(line).trim();
      if (!inMargin(line, page)) return true;
      return !PAGE_NUMBER.test(text) && !repeated(shape(text));
    });
  });
}
