/** Positioned text → lines and segments (runs of text separated by wide gaps). */

export interface PdfItem {
  readonly str: string;
  readonly x: number;
  /** Baseline, PDF space (origin bottom-left). */
  readonly y: number;
  readonly width: number;
  readonly fontSize: number;
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly items: readonly PdfItem[];
}

/** Where one text item begins inside a segment: its left and right edge, and its offset in the segment's text. */
export interface Piece {
  readonly x: number;
  readonly right: number;
  readonly at: number;
}

export interface Segment {
  text: string;
  readonly x: number;
  right: number;
  /** Baseline of its first item, when it differs from the line's (lines gather items a little above or below). */
  readonly y?: number;
  /** The text items merged into this segment, in order (a table reader may split it where one begins at a column). */
  pieces?: Piece[];
}

export interface Line {
  readonly page: number;
  readonly y: number;
  readonly fontSize: number;
  readonly segments: Segment[];
}

export function lineText(line: Line): string {
  return line.segments.map((s) => s.text).join(' ');
}

export function lineLeft(line: Line): number {
  return line.segments[0]?.x ?? 0;
}

export function lineRight(line: Line): number {
  return line.segments[line.segments.length - 1]?.right ?? 0;
}

const LIST_MARK = /^\s*([•·▪◦●■\-–o*]|\d{1,2}[.)])\s*$/u;

function toSegments(items: PdfItem[], fontSize: number): Segment[] {
  const segs: Segment[] = [];
  for (const it of items.sort((a, b) => a.x - b.x)) {
    const last = segs[segs.length - 1];
    const gap = last ? it.x - last.right : Infinity;
    const columnGap = gap > Math.max(0.75 * fontSize, 6);
    if (last && !(columnGap && !LIST_MARK.test(last.text))) {
      const space = gap > 0.12 * fontSize && !/\s$/.test(last.text) && !/^\s/.test(it.str);
      last.text += space ? ' ' : '';
      (last.pieces ??= []).push({ x: it.x, right: it.x + it.width, at: last.text.length });
      last.text += it.str;
      last.right = Math.max(last.right, it.x + it.width);
    } else {
      segs.push({ text: it.str, x: it.x, right: it.x + it.width, y: it.y, pieces: [{ x: it.x, right: it.x + it.width, at: 0 }] });
    }
  }
  // Stryker disable next-line MethodExpression,ConditionalExpression,StringLiteral: pageLines passes only items with text, so no segment is blank.
  return segs.filter((s) => s.text.trim() !== '');
}

export function pageLines(page: PdfPage, pageIndex: number): Line[] {
  const items = page.items.filter((i) => i.str.trim() !== '');
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  for (const it of sorted) {
    const g = groups[groups.length - 1];
    const ref = g?.[0];
    if (g && ref && Math.abs(ref.y - it.y) <= 0.45 * Math.max(ref.fontSize, it.fontSize, 1)) g.push(it);
    else groups.push([it]);
  }
  // Stryker disable next-line MethodExpression: every group holds an item with text, so no line is without segments.
  return groups
    .map((g) => {
      const fontSize = Math.max(...g.map((i) => i.fontSize), 1);
      // Stryker disable next-line OptionalChaining: a group is never empty.
      return { page: pageIndex, y: g[0]?.y ?? 0, fontSize, segments: toSegments(g, fontSize) };
    })
    .filter((l) => l.segments.length > 0);
}
