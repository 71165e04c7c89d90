/** PDF pages of positioned text → blocks: paragraphs rebuilt from line geometry, tables from columns. */
import type { Block } from '../blocks.ts';
import { paragraph } from '../blocks.ts';
import { continues, isUnfinished, joinPieces, type RawLine } from '../text/line-join.ts';
import { cleanText, endsSentence, hasBullet, startsLowercase } from '../text/normalize.ts';
import { lineLeft, lineRight, lineText, pageLines, type Line, type PdfPage } from './pdf-geometry.ts';
import { buildGrid, gridLength } from './pdf-grid.ts';
import { removeNoise } from './pdf-noise.ts';

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Gaps between consecutive lines of one page, each with the lines either side. */
function lineGaps(lines: readonly Line[]): Array<{ gap: number; above: Line; below: Line }> {
  const out: Array<{ gap: number; above: Line; below: Line }> = [];
  for (let i = 1; i < lines.length; i++) {
    const above = lines[i - 1];
    const below = lines[i];
    if (above && below && above.page === below.page) {
      const gap = above.y - below.y;
      if (gap > 0 && gap < 3 * above.fontSize) out.push({ gap, above, below });
    }
  }
  return out;
}

/** Wider than this many font sizes, the smallest gap between lines is no single-spaced line pitch. */
const WIDE_PITCH = 1.6;
/** The line pitch of single-spaced text, in font sizes, used when the lines' gaps do not show it. */
const SINGLE_PITCH = 1.3;

/**
 * The text at a wide pitch visibly wraps: some line at that pitch goes on with a lower-case word after
 * a line that ends no sentence.
 */
function wrapsAt(pitch: number, gaps: ReadonlyArray<{ gap: number; above: Line; below: Line }>): boolean {
  return gaps.some(
    (g) =>
      Math.abs(g.gap - pitch) <= 0.1 * pitch &&
      !endsSentence(lineText(g.above)) &&
      !hasBullet(lineText(g.below)) &&
      startsLowercase(lineText(g.below)),
  );
}

/**
 * The line pitch: the smallest gap between lines (of at least 0.9 font sizes). When even that gap is wide
 * and no line at it wraps, every line is a paragraph of its own and the gap is paragraph spacing: then
 * the pitch is that of single-spaced text, so that the spacing still separates paragraphs.
 */
export function linePitch(lines: readonly Line[], fontSize: number): number {
  const gaps = lineGaps(lines);
  const values = gaps.map((g) => g.gap);
  if (values.length === 0) return fontSize * 1.2;
  const pitch = Math.min(...values.filter((g) => g >= 0.9 * fontSize).concat([median(values)]));
  if (pitch <= WIDE_PITCH * fontSize || wrapsAt(pitch, gaps)) return pitch;
  return Math.min(pitch, SINGLE_PITCH * fontSize);
}

function metrics(lines: readonly Line[]): { pitch: number; left: number; right: number; fontSize: number } {
  const fontSize = median(lines.map((l) => l.fontSize)) || 10;
  const lefts = lines.map(lineLeft);
  return {
    pitch: linePitch(lines, fontSize),
    left: lefts.length > 0 ? Math.min(...lefts) : 0,
    right: Math.max(0, ...lines.map(lineRight)),
    fontSize,
  };
}

interface Para {
  text: string;
  bullet: boolean;
  heading?: number;
}

type Metrics = ReturnType<typeof metrics>;

/**
 * The first word of `next` would have fitted at the end of `prev` (estimated with `prev`'s average
 * character width): then `prev` was not wrapped at the margin, however close to it it ends.
 */
export function nextWordFits(prev: Line, next: string, right: number): boolean {
  const text = lineText(prev);
  const charWidth = (lineRight(prev) - lineLeft(prev)) / Math.max(1, text.length);
  const word = next.trimStart().split(/\s/, 1)[0] ?? '';
  return lineRight(prev) + charWidth * (1 + word.length) <= right;
}

/** The line was wrapped at the right margin onto the next one. */
function wrapsOnto(prev: Line, line: Line, m: Metrics, gap: number): boolean {
  const prevText = lineText(prev);
  return (
    gap <= 1.45 * m.pitch &&
    lineRight(prev) >= m.right - 0.2 * Math.max(1, m.right - m.left) &&
    !nextWordFits(prev, lineText(line), m.right) &&
    (prev.page === line.page || !endsSentence(prevText))
  );
}

/**
 * A dash that starts a wrapped line in the middle of a sentence ("kommune-," / "- og fylket") is the
 * sentence's own, not a list item: the line before was wrapped at the margin and is unfinished, and
 * the dash line sits at that line's indentation and goes on in lower case.
 */
export function dashContinues(prev: Line, line: Line, wrapped: boolean): boolean {
  return (
    wrapped &&
    /^[-–—]\s+\p{Ll}/u.test(lineText(line).trimStart()) &&
    isUnfinished(lineText(prev)) &&
    Math.abs(lineLeft(line) - lineLeft(prev)) <= 2
  );
}

function rawLineOf(prev: Line | null, line: Line, m: Metrics): RawLine {
  const samePage = prev !== null && prev.page === line.page;
  const gap = prev && samePage ? prev.y - line.y : m.pitch;
  const sizeChange = prev !== null && Math.abs(prev.fontSize - line.fontSize) > 0.15 * m.fontSize;
  return {
    text: lineText(line),
    blankBefore: gap > 3 * m.pitch ? 2 : gap > 1.45 * m.pitch ? 1 : 0,
    wrapped: prev !== null && !sizeChange && wrapsOnto(prev, line, m, gap),
    breakBefore: sizeChange,
  };
}

export function layoutToBlocks(pages: readonly PdfPage[]): Block[] {
  const furniture: Line[] = [];
  const lines = removeNoise(
    pages,
    pages.map((p, i) => pageLines(p, i)),
    furniture,
  ).flat();
  const m = metrics(lines);
  const out: Block[] = [];
  let para: Para | null = null;
  let prev: Line | null = null;
  const flush = (): void => {
    if (para) {
      const text = cleanText(para.text);
      if (text) {
        const extra = { ...(para.bullet ? { bullet: true } : {}), ...(para.heading ? { heading: para.heading } : {}) };
        out.push(paragraph(text, extra));
      }
    }
    para = null;
  };
  for (let i = 0; i < lines.length; ) {
    const line = lines[i];
    if (!line) break;
    const n = gridLength(lines, i, m.pitch);
    if (n > 0) {
      flush();
      out.push(buildGrid(lines.slice(i, i + n), m.pitch, m.right));
      prev = null;
      i += n;
      continue;
    }
    const raw = rawLineOf(prev, line, m);
    const current: Para | null = para;
    const goesOn = current !== null && prev !== null && (dashContinues(prev, line, raw.wrapped === true) || continues(current.text, raw));
    if (current !== null && goesOn) {
      current.text = joinPieces(current.text, raw.text);
    } else {
      flush();
      para = { text: raw.text, bullet: hasBullet(raw.text), ...(line.fontSize > 1.15 * m.fontSize ? { heading: 2 } : {}) };
    }
    prev = line;
    i++;
  }
  flush();
  for (const f of furniture) {
    const text = cleanText(lineText(f));
    if (text) out.push(paragraph(text, { furniture: true }));
  }
  return out;
}
