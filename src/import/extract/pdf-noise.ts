/** Takes running headers, footers and page numbers out of the text flow; `furniture` keeps them. */
import { PAGE_NUMBER } from '../text/noise.ts';
import { lineText, type Line, type PdfPage } from './pdf-geometry.ts';

function shape(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Two margin lines are at the same place on their pages when their baselines are this close. */
const SAME_PLACE = 2;

/**
 * Takes page numbers and running headers and footers out of the text flow: a margin line (top or bottom
 * tenth of the page) whose shape (digits aside) comes back at the same height on at least half the
 * pages. A title at the top of the first page that repeats the running header's words at another
 * height stays in the text.
 */
export function removeNoise(pages: readonly PdfPage[], linesByPage: readonly Line[][], furniture: Line[] = []): Line[][] {
  const marginLines = new Map<string, Array<{ page: number; y: number }>>();
  const inMargin = (line: Line, page: PdfPage): boolean => line.y > page.height * 0.9 || line.y < page.height * 0.1;
  linesByPage.forEach((lines, p) => {
    const page = pages[p];
    if (!page) return;
    for (const line of lines) {
      if (!inMargin(line, page)) continue;
      const s = shape(lineText(line));
      const seen = marginLines.get(s) ?? [];
      seen.push({ page: p, y: line.y });
      marginLines.set(s, seen);
    }
  });
  const repeated = (line: Line): boolean => {
    // Stryker disable next-line ArrayDeclaration: it is asked only about margin lines, all of which are in the map.
    const seen = marginLines.get(shape(lineText(line))) ?? [];
    const pagesThere = new Set(seen.filter((o) => Math.abs(o.y - line.y) <= SAME_PLACE).map((o) => o.page));
    return pages.length >= 2 && pagesThere.size >= Math.max(2, pages.length * 0.5);
  };
  return linesByPage.map((lines, p) => {
    const page = pages[p];
    if (!page) return lines;
    return lines.filter((line) => {
      const text = lineText(line).trim();
      if (!inMargin(line, page)) return true;
      const keep = !PAGE_NUMBER.test(text) && !repeated(line);
      if (!keep) furniture.push(line);
      return keep;
    });
  });
}
