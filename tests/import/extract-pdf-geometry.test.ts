/**
 * Positioned PDF text → lines and segments (src/import/extract/pdf-geometry.ts), pinned rule by
 * rule on synthetic text items: which items share a line, where a wide gap splits a line into
 * segments (columns), when a space is put between two items, and the line helpers.
 */
import { describe, expect, it } from 'vitest';
import { lineLeft, lineRight, lineText, pageLines, type Line, type PdfItem } from '../../src/import/extract/pdf-geometry.ts';

const item = (str: string, x: number, y: number, width: number, fontSize = 10): PdfItem => ({ str, x, y, width, fontSize });
const lines = (items: PdfItem[], pageIndex = 0): Line[] => pageLines({ width: 595, height: 842, items }, pageIndex);
/** Each line's segments as [text, x, right]. */
const segs = (ls: Line[]): Array<Array<[string, number, number]>> => ls.map((l) => l.segments.map((s) => [s.text, s.x, s.right]));

describe('line helpers', () => {
  const l: Line = { page: 0, y: 100, fontSize: 10, segments: [{ text: 'Mål', x: 50, right: 80 }, { text: 'Tiltak', x: 250, right: 300 }] };
  const empty: Line = { page: 0, y: 100, fontSize: 10, segments: [] };

  it('joins a line\'s segments with single spaces', () => {
    expect(lineText(l)).toBe('Mål Tiltak');
    expect(lineText(empty)).toBe('');
  });

  it('takes the left of the first segment and the right of the last, 0 for a line without segments', () => {
    expect(lineLeft(l)).toBe(50);
    expect(lineRight(l)).toBe(300);
    expect(lineLeft(empty)).toBe(0);
    expect(lineRight(empty)).toBe(0);
  });
});

describe('pageLines: items on one baseline form a line', () => {
  it('orders lines from the top of the page down and items from left to right', () => {
    const out = lines([item('nede', 50, 600, 20), item('til høyre', 300, 700, 40), item('oppe', 50, 700, 20), item('midt', 50, 650, 20)], 3);
    expect(out.map(lineText)).toEqual(['oppe til høyre', 'midt', 'nede']);
    expect(out.map((l) => [l.page, l.y, l.fontSize])).toEqual([
      [3, 700, 10],
      [3, 650, 10],
      [3, 600, 10],
    ]);
  });

  it('puts items on one line when their baselines differ by at most 0.45 of the font size', () => {
    const pair = (dy: number): string[] => lines([item('Verve', 50, 700, 30), item('nye', 83, 700 - dy, 20)]).map(lineText);
    expect(pair(4.5)).toEqual(['Verve nye']);
    expect(pair(4.6)).toEqual(['Verve', 'nye']);
  });

  it('measures the baseline tolerance by the larger font of the two items', () => {
    const big = lines([item('Stor', 50, 700, 30, 10), item('tekst', 90, 691, 30, 20)]);
    expect(big.map(lineText)).toEqual(['Stor tekst']);
    expect(big.map((l) => [l.y, l.fontSize])).toEqual([[700, 20]]);
    const bigFirst = lines([item('Stor', 50, 700, 30, 20), item('tekst', 90, 691, 30, 10)]);
    expect(bigFirst.map(lineText)).toEqual(['Stor tekst']);
    expect(lines([item('Stor', 50, 700, 30, 10), item('tekst', 90, 690.9, 30, 20)]).map(lineText)).toEqual(['Stor', 'tekst']);
  });

  it('uses at least a 1-point font for the tolerance and the line\'s font size', () => {
    const tiny = (dy: number): Line[] => lines([item('a', 50, dy, 1, 0), item('b', 51, 0, 1, 0)]);
    expect(tiny(0.45).map(lineText)).toEqual(['ab']);
    expect(tiny(0.46).map(lineText)).toEqual(['a', 'b']);
    expect(tiny(0)[0]?.fontSize).toBe(1);
  });

  it('compares each item with the line\'s first item, so a slow drift starts a new line', () => {
    const out = lines([item('a', 50, 700, 5), item('b', 56, 696, 5), item('c', 62, 692, 5)]);
    expect(out.map(lineText)).toEqual(['ab', 'c']);
    expect(out.map((l) => l.y)).toEqual([700, 692]);
  });

  it('orders a line\'s items by x even when a lower item lies further left', () => {
    const out = lines([item('høyre', 92, 700, 30), item('venstre', 50, 698, 40)]);
    expect(segs(out)).toEqual([[['venstre høyre', 50, 122]]]);
    expect(out[0]?.y).toBe(700);
  });

  it('leaves out blank items and lines without text', () => {
    const out = lines([item('   ', 50, 800, 20), item('Tekst', 50, 700, 30), item('', 90, 700, 0), item(' \t', 50, 650, 10)]);
    expect(segs(out)).toEqual([[['Tekst', 50, 80]]]);
    expect(lines([])).toEqual([]);
  });

  it('a blank item neither bridges a column gap nor sets the line\'s position', () => {
    const out = lines([item('Mål', 50, 700, 20), item('    ', 75, 701, 20, 30), item('Tiltak', 100, 700, 30)]);
    expect(segs(out)).toEqual([
      [
        ['Mål', 50, 70],
        ['Tiltak', 100, 130],
      ],
    ]);
    expect(out.map((l) => [l.y, l.fontSize])).toEqual([[700, 10]]);
  });

  it('among items on one baseline, measures the tolerance from the leftmost item\'s font', () => {
    // The leftmost item is in 20-point type: an item 8 lower is within 0.45 × 20 of it.
    const small = item('liten', 100, 700, 30, 10);
    const big = item('Stor', 50, 700, 40, 20);
    const lower = item('tekst', 140, 692, 30, 10);
    expect(lines([small, big, lower]).map(lineText)).toEqual(['Stor liten tekst']);
  });

  it('takes the line\'s font size from its largest item', () => {
    const out = lines([item('Liten', 50, 700, 30, 8), item('Stor', 90, 700, 30, 12)]);
    expect(out.map((l) => l.fontSize)).toEqual([12]);
  });
});

describe('pageLines: a wide gap splits a line into segments', () => {
  // Font size 10: a gap of more than 7.5 (0.75 × 10) splits; a gap of more than 1.2 (0.12 × 10) is a space.
  const gapped = (gap: number, fontSize = 10): Array<Array<[string, number, number]>> =>
    segs(lines([item('Mål', 50, 700, 20, fontSize), item('Tiltak', 70 + gap, 700, 30, fontSize)]));

  it('splits at a gap wider than 0.75 of the font size', () => {
    expect(gapped(7.5)).toEqual([[['Mål Tiltak', 50, 107.5]]]);
    expect(gapped(7.6)).toEqual([
      [
        ['Mål', 50, 70],
        ['Tiltak', 77.6, 107.6],
      ],
    ]);
  });

  it('never splits at a gap of 6 points or less, even in small print', () => {
    expect(gapped(6, 4)).toEqual([[['Mål Tiltak', 50, 106]]]);
    expect(gapped(6.1, 4)).toEqual([
      [
        ['Mål', 50, 70],
        ['Tiltak', 76.1, 106.1],
      ],
    ]);
  });

  it('measures the gap by the line\'s largest font', () => {
    const out = lines([item('Mål', 50, 700, 20, 10), item('Tiltak', 84, 700, 30, 10), item('Stor', 200, 700, 20, 20)]);
    expect(segs(out)).toEqual([
      [
        ['Mål Tiltak', 50, 114],
        ['Stor', 200, 220],
      ],
    ]);
  });

  it('puts a space between items more than 0.12 of the font size apart, none when closer', () => {
    expect(gapped(3.5, 25)).toEqual([[['Mål Tiltak', 50, 103.5]]]);
    expect(gapped(3, 25)).toEqual([[['MålTiltak', 50, 103]]]);
    expect(gapped(1.5)).toEqual([[['Mål Tiltak', 50, 101.5]]]);
    expect(gapped(0)).toEqual([[['MålTiltak', 50, 100]]]);
  });

  it('adds no second space when an item already ends or starts with one', () => {
    expect(segs(lines([item('Mål ', 50, 700, 20), item('Tiltak', 75, 700, 30)]))).toEqual([[['Mål Tiltak', 50, 105]]]);
    expect(segs(lines([item('Mål', 50, 700, 20), item(' Tiltak', 75, 700, 30)]))).toEqual([[['Mål Tiltak', 50, 105]]]);
    // Spaces inside the items do not count.
    expect(segs(lines([item('Mål A', 50, 700, 20), item('Tiltak B', 75, 700, 30)]))).toEqual([[['Mål A Tiltak B', 50, 105]]]);
  });

  it('keeps the right edge of the widest item when a later item overlaps it', () => {
    expect(segs(lines([item('Langt ord', 50, 700, 60), item('x', 80, 700, 5)]))).toEqual([[['Langt ordx', 50, 110]]]);
  });

  it('keeps a list mark with its text across a wide gap', () => {
    for (const mark of ['•', '·', '▪', '◦', '●', '■', '-', '–', 'o', '*', '1.', '12)', ' • ', '7)']) {
      const out = segs(lines([item(mark, 50, 700, 5), item('Verve', 80, 700, 30)]));
      expect(out, mark).toEqual([[[`${mark} Verve`.replace(/\s+Verve$/, ' Verve'), 50, 110]]]);
    }
  });

  it('does not treat other short texts as list marks', () => {
    for (const text of ['123.', 'a', '1', '•x', 'x•', '..', '1.2.', '-1.', 'oo', '1. 2.', '3 .']) {
      const out = segs(lines([item(text, 50, 700, 5), item('Verve', 80, 700, 30)]));
      expect(out, text).toEqual([
        [
          [text, 50, 55],
          ['Verve', 80, 110],
        ],
      ]);
    }
  });

  it('splits after a list mark\'s text once it has grown past the mark', () => {
    const out = segs(lines([item('•', 50, 700, 5), item('Verve', 80, 700, 30), item('Tiltak', 200, 700, 30)]));
    expect(out).toEqual([
      [
        ['• Verve', 50, 110],
        ['Tiltak', 200, 230],
      ],
    ]);
  });
});
