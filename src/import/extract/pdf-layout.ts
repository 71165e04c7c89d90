/** PDF pages of positioned text → blocks: paragraphs rebuilt from line geometry, tables from columns. */
import type { Block } from '../blocks.ts';
import { paragraph } from '../blocks.ts';
import { continues, joinPieces, type RawLine } from '../text/line-join.ts';
import { cleanText, endsSentence, hasBullet } from '../text/normalize.ts';
import { lineLeft, lineRight, lineText, pageLines, type Line, type PdfPage } from './pdf-geometry.ts';
import { buildGrid, gridLength } from './pdf-grid.ts';
import { removeNoise } from './pdf-noise.ts';

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function metrics(lines: readonly Line[]): { pitch: number; left: number; right: number; fontSize: number } {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1];
    const b = lines[i];
    if (a && b && a.page === b.page) {
      const g = a.y - b.y;
      if (g > 0 && g < 3 * a.fontSize) gaps.push(g);
    }
  }
  const fontSize = median(lines.map((l) => l.fontSize)) || 10;
  const lefts = lines.map(lineLeft);
  return {
    pitch: gaps.length > 0 ? Math.min(...gaps.filter((g) => g >= 0.9 * fontSize).concat([median(gaps)])) : fontSize * 1.2,
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

export function layoutToBlocks(pages: readonly PdfPage[]): Block[] {
  const lines = removeNoise(pages, pages.map((p, i) => pageLines(p, i))).flat();
  const m = metrics(lines);
  const textWidth = Math.max(1, m.right - m.left);
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
    const text = lineText(line);
    const samePage = prev !== null && prev.page === line.page;
    const gap = prev && samePage ? prev.y - line.y : m.pitch;
    const sizeChange = prev !== null && Math.abs(prev.fontSize - line.fontSize) > 0.15 * m.fontSize;
    const raw: RawLine = {
      text,
      blankBefore: gap > 3 * m.pitch ? 2 : gap > 1.45 * m.pitch ? 1 : 0,
      wrapped:
        prev !== null &&
        !sizeChange &&
        gap <= 1.45 * m.pitch &&
        lineRight(prev) >= m.right - 0.2 * textWidth &&
        (samePage || !endsSentence(lineText(prev))),
      breakBefore: sizeChange,
    };
    const current: Para | null = para;
    if (current !== null && continues(current.text, raw)) {
      current.text = joinPieces(current.text, text);
    } else {
      flush();
      para = { text, bullet: hasBullet(text), ...(line.fontSize > 1.15 * m.fontSize ? { heading: 2 } : {}) };
    }
    prev = line;
    i++;
  }
  flush();
  return out;
}
