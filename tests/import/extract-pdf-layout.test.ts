/**
 * PDF pages of positioned text → blocks (src/import/extract/pdf-layout.ts), pinned rule by rule on
 * synthetic pages: the line pitch and margins it measures, when a line continues the paragraph
 * before it (wrapped at the margin, across a page break, at a small gap), when a bigger gap or a
 * font change starts a new one, headings by size, and tables between paragraphs.
 */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/import/blocks.ts';
import type { PdfItem, PdfPage } from '../../src/import/extract/pdf-geometry.ts';
import { layoutToBlocks } from '../../src/import/extract/pdf-layout.ts';

/** One text item; by default at the left margin (x = 50), 100 wide, in 10-point type. */
const t = (str: string, y: number, o: { x?: number; w?: number; fs?: number } = {}): PdfItem => ({
  str,
  x: o.x ?? 50,
  y,
  width: o.w ?? 100,
  fontSize: o.fs ?? 10,
});
const page = (items: PdfItem[]): PdfPage => ({ width: 595, height: 842, items });
const layout = (...pages: PdfItem[][]): Block[] => layoutToBlocks(pages.map(page));
/** Paragraph texts in order; a table shows as its cell texts joined by ' | '. */
const texts = (blocks: Block[]): string[] =>
  blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((r) => r.map((c) => c.map((p) => p.text).join(' / ')).join(' | ')).join(' || ')));

describe('layoutToBlocks: lines wrapped at the right margin', () => {
  // Text from x = 50 to the widest line's right edge 500: a line reaching 410 (the last 20 % of the
  // width) is taken to wrap onto the next, as the next line's first word is too long for the rest of it
  // (a first word that would have fitted there is pinned in extract-pdf-wraps.test.ts).
  const wrapDoc = (right: number): string[] =>
    texts(
      layout([
        t('Vi skal verve nye medlemmer i Testdal', 700, { w: right - 50 }),
        t('Kommuneadministrasjonen og region.', 686),
        t('Neste avsnitt kommer her.', 672, { x: 100, w: 400 }),
      ]),
    );

  it('joins a line reaching the last fifth of the text width to the next line', () => {
    expect(wrapDoc(410)).toEqual(['Vi skal verve nye medlemmer i Testdal Kommuneadministrasjonen og region.', 'Neste avsnitt kommer her.']);
  });

  it('keeps a shorter line apart when nothing else says the sentence goes on', () => {
    expect(wrapDoc(409.9)).toEqual(['Vi skal verve nye medlemmer i Testdal', 'Kommuneadministrasjonen og region.', 'Neste avsnitt kommer her.']);
  });

  it('a wrapped line continues the paragraph even after a full stop on the same page', () => {
    const out = layout([t('Vi skal verve nye medlemmer.', 700, { w: 450 }), t('Alle skal med.', 686)]);
    expect(texts(out)).toEqual(['Vi skal verve nye medlemmer. Alle skal med.']);
  });

  it('a line wrapped at the foot of a page continues on the next page unless it ends a sentence', () => {
    const across = (first: string): string[] =>
      texts(layout([t('Innledning her.', 300), t(first, 286, { w: 450 })], [t('Testdal kommune.', 700), t('Siste linje her.', 686)]));
    expect(across('Vi skal verve nye medlemmer')).toEqual(['Innledning her.', 'Vi skal verve nye medlemmer Testdal kommune.', 'Siste linje her.']);
    expect(across('Vi skal verve nye medlemmer.')).toEqual(['Innledning her.', 'Vi skal verve nye medlemmer.', 'Testdal kommune.', 'Siste linje her.']);
  });

  it('a line at the top of the next page counts as one pitch below the line before', () => {
    // Far apart on the page, but a page apart: no blank line, so an unfinished sentence goes on.
    const out = layout([t('Innledning her.', 700), t('Vi skal verve og', 686)], [t('Nye medlemmer.', 200), t('Siste linje her.', 186, { w: 450 })]);
    expect(texts(out)).toEqual(['Innledning her.', 'Vi skal verve og Nye medlemmer.', 'Siste linje her.']);
  });
});

describe('layoutToBlocks: gaps between lines', () => {
  // Lines 12 apart (single-spaced 10-point type): the pitch is 12, a gap above 17.4 (1.45 pitches) is
  // a blank line, above 36 two.
  const gapDoc = (first: string, second: string, gap: number): string[] =>
    texts(
      layout([
        t('Første linje her.', 700),
        t('Andre linje her.', 688),
        t('Tredje linje her.', 676),
        t(first, 664),
        t(second, 664 - gap),
        t('Siste linje her.', 652 - gap, { w: 450 }),
      ]),
    );
  const HEAD = ['Første linje her.', 'Andre linje her.', 'Tredje linje her.'];

  it('an unfinished sentence goes on across a gap of up to 1.45 pitches', () => {
    expect(gapDoc('Vi skal verve og', 'Nye medlemmer.', 17.4)).toEqual([...HEAD, 'Vi skal verve og Nye medlemmer.', 'Siste linje her.']);
  });

  it('a gap of more than 1.45 pitches is a paragraph break for an unfinished sentence', () => {
    expect(gapDoc('Vi skal verve og', 'Nye medlemmer.', 17.5)).toEqual([...HEAD, 'Vi skal verve og', 'Nye medlemmer.', 'Siste linje her.']);
  });

  it('a lower-case line goes on across a gap of up to 3 pitches, not across a bigger one', () => {
    expect(gapDoc('Vi skal verve', 'medlemmer i år.', 36)).toEqual([...HEAD, 'Vi skal verve medlemmer i år.', 'Siste linje her.']);
    expect(gapDoc('Vi skal verve', 'medlemmer i år.', 36.5)).toEqual([...HEAD, 'Vi skal verve', 'medlemmer i år.', 'Siste linje her.']);
  });

  it('a hyphenated word goes on across a single blank line', () => {
    expect(gapDoc('Vi skal verve i Sør-', 'Varanger.', 24)).toEqual([...HEAD, 'Vi skal verve i Sør-Varanger.', 'Siste linje her.']);
  });

  it('ignores gaps smaller than 0.9 of the font size when measuring the pitch', () => {
    // Gaps 14, 5, 14, 14, 14: the 5 (a line squeezed in) must not set the pitch.
    const out = layout([
      t('Første linje her.', 700),
      t('Andre linje her.', 686),
      t('Fotnote her.', 681),
      t('Tredje linje her.', 667),
      t('Vi skal verve og', 653),
      t('Nye medlemmer.', 639, { w: 450 }),
    ]);
    expect(texts(out)).toEqual(['Første linje her.', 'Andre linje her.', 'Fotnote her.', 'Tredje linje her.', 'Vi skal verve og Nye medlemmer.']);
  });

  it('counts a gap of exactly 0.9 font sizes when measuring the pitch', () => {
    // Gaps 14, 9, 14, 14, 14: the pitch is 9, so a gap of 14 (above 1.45 × 9) is a blank line.
    const out = layout([
      t('Første linje her.', 700),
      t('Andre linje her.', 686),
      t('Tredje linje her.', 677),
      t('Fjerde linje her.', 663),
      t('Vi skal verve og', 649),
      t('Nye medlemmer.', 635, { w: 450 }),
    ]);
    expect(texts(out)).toEqual(['Første linje her.', 'Andre linje her.', 'Tredje linje her.', 'Fjerde linje her.', 'Vi skal verve og', 'Nye medlemmer.']);
  });

  it('a line wrapped at the margin goes on across a gap of exactly 1.45 pitches, not more', () => {
    const wrapped = (gap: number): string[] =>
      texts(
        layout([
          t('Første linje her.', 700),
          t('Andre linje her.', 688),
          t('Vi skal verve nye medlemmer i Testdal', 676, { w: 450 }),
          t('Kommune og region.', 676 - gap),
        ]),
      );
    expect(wrapped(17.4)).toEqual(['Første linje her.', 'Andre linje her.', 'Vi skal verve nye medlemmer i Testdal Kommune og region.']);
    expect(wrapped(17.5)).toEqual(['Første linje her.', 'Andre linje her.', 'Vi skal verve nye medlemmer i Testdal', 'Kommune og region.']);
  });

  it('takes the median gap as the pitch when it is smaller than every ordinary gap', () => {
    // Gaps 8, 8, 8, 12: no gap reaches 9 but the 12, whose median is 8, so 12 is a blank line.
    const out = layout([
      t('Tekst A.', 700),
      t('Tekst B.', 692),
      t('Tekst C.', 684),
      t('Vi skal verve og', 676),
      t('Nye medlemmer.', 664, { w: 450 }),
    ]);
    expect(texts(out)).toEqual(['Tekst A.', 'Tekst B.', 'Tekst C.', 'Vi skal verve og', 'Nye medlemmer.']);
  });

  it('takes 1.2 font sizes as the pitch when no two lines are close enough to measure one', () => {
    // Lines 30 apart (3 font sizes: too far to measure): the pitch is 12, so 30 is one blank line.
    const out = layout([t('Vi skal verve', 700), t('medlemmer i år.', 670), t('Vi skal verve og', 640), t('Nye medlemmer.', 610, { w: 450 })]);
    expect(texts(out)).toEqual(['Vi skal verve medlemmer i år.', 'Vi skal verve og', 'Nye medlemmer.']);
  });

  it('measures no pitch across a page break', () => {
    // Page 1 ends at y 200 and page 2 starts at y 175: not a 25-point gap, so the pitch stays 12.
    const out = layout(
      [t('Vi skal verve', 700), t('medlemmer i år.', 670), t('Mer tekst her.', 200)],
      [t('Vi skal verve og', 175), t('Nye medlemmer.', 145, { w: 450 })],
    );
    expect(texts(out)).toEqual(['Vi skal verve medlemmer i år.', 'Mer tekst her.', 'Vi skal verve og', 'Nye medlemmer.']);
  });
});

describe('layoutToBlocks: font sizes', () => {
  const sizeDoc = (fs: number): Block[] =>
    layout([
      t('Første linje her.', 700),
      t('Andre linje her.', 686),
      t('Vi skal verve og', 672),
      t('Nye medlemmer.', 658, { fs }),
      t('Siste linje her.', 644, { w: 450 }),
    ]);

  it('a line up to 15 % larger continues the paragraph and is no heading', () => {
    expect(sizeDoc(11.5)).toStrictEqual([
      { kind: 'paragraph', text: 'Første linje her.' },
      { kind: 'paragraph', text: 'Andre linje her.' },
      { kind: 'paragraph', text: 'Vi skal verve og Nye medlemmer.' },
      { kind: 'paragraph', text: 'Siste linje her.' },
    ]);
  });

  it('a line more than 15 % larger starts a paragraph and is a heading', () => {
    expect(sizeDoc(11.6)).toStrictEqual([
      { kind: 'paragraph', text: 'Første linje her.' },
      { kind: 'paragraph', text: 'Andre linje her.' },
      { kind: 'paragraph', text: 'Vi skal verve og' },
      { kind: 'paragraph', text: 'Nye medlemmer.', heading: 2 },
      { kind: 'paragraph', text: 'Siste linje her.' },
    ]);
  });

  it('a paragraph in type exactly 15 % larger is no heading', () => {
    const out = layout([t('Første linje her.', 700), t('Andre linje her.', 686), t('Nye medlemmer.', 672, { fs: 11.5 }), t('Siste linje her.', 658, { w: 450 })]);
    expect(out).toStrictEqual([
      { kind: 'paragraph', text: 'Første linje her.' },
      { kind: 'paragraph', text: 'Andre linje her.' },
      { kind: 'paragraph', text: 'Nye medlemmer.' },
      { kind: 'paragraph', text: 'Siste linje her.' },
    ]);
  });

  it('measures sizes against the document\'s median type size', () => {
    // Body text in 20-point type, lines 28 apart: a 22-point line is neither a heading nor a size change.
    const big = (s2: number): Block[] =>
      layout([
        t('Første linje her.', 700, { fs: 20 }),
        t('Andre linje her.', 672, { fs: 20 }),
        t('Vi skal verve og', 644, { fs: 20 }),
        t('Nye medlemmer.', 616, { fs: s2 }),
        t('Siste linje her.', 588, { fs: 20, w: 450 }),
      ]);
    expect(big(22)).toStrictEqual([
      { kind: 'paragraph', text: 'Første linje her.' },
      { kind: 'paragraph', text: 'Andre linje her.' },
      { kind: 'paragraph', text: 'Vi skal verve og Nye medlemmer.' },
      { kind: 'paragraph', text: 'Siste linje her.' },
    ]);
    expect(big(23.5)).toStrictEqual([
      { kind: 'paragraph', text: 'Første linje her.' },
      { kind: 'paragraph', text: 'Andre linje her.' },
      { kind: 'paragraph', text: 'Vi skal verve og' },
      { kind: 'paragraph', text: 'Nye medlemmer.', heading: 2 },
      { kind: 'paragraph', text: 'Siste linje her.' },
    ]);
  });

  it('a smaller line after a larger one starts a paragraph even when the larger one wraps', () => {
    const out = layout([
      t('Første linje her.', 700),
      t('Andre linje her.', 686),
      t('Tariffmakt og organisering', 668, { fs: 14, w: 450 }),
      t('Vi skal verve.', 654),
    ]);
    expect(out).toStrictEqual([
      { kind: 'paragraph', text: 'Første linje her.' },
      { kind: 'paragraph', text: 'Andre linje her.' },
      { kind: 'paragraph', text: 'Tariffmakt og organisering', heading: 2 },
      { kind: 'paragraph', text: 'Vi skal verve.' },
    ]);
  });
});

describe('layoutToBlocks: paragraphs and tables', () => {
  it('marks bulleted lines as bullets and starts a paragraph at each bullet', () => {
    const out = layout([
      t('Vi skal:', 700),
      t('• verve nye medlemmer i hele', 686, { w: 450 }),
      t('• holde kurs for tillitsvalgte', 672, { w: 450 }),
      t('kommunen.', 658),
    ]);
    expect(out).toStrictEqual([
      { kind: 'paragraph', text: 'Vi skal:' },
      { kind: 'paragraph', text: '• verve nye medlemmer i hele', bullet: true },
      { kind: 'paragraph', text: '• holde kurs for tillitsvalgte kommunen.', bullet: true },
    ]);
  });

  it('drops a paragraph that is empty once cleaned', () => {
    expect(layout([t('[image: logo]', 700), t('Tekst her.', 686, { w: 450 })])).toStrictEqual([{ kind: 'paragraph', text: 'Tekst her.' }]);
  });

  it('an empty document has no blocks', () => {
    expect(layout([])).toEqual([]);
  });

  it('puts a table between the paragraphs around it and ends the paragraph before it', () => {
    const out = layout([
      t('Vi skal verve og', 700),
      t('Nasjonale mål', 686),
      t('Lokale mål', 686, { x: 300, w: 60 }),
      t('Øke graden.', 662),
      t('Verve 60.', 662, { x: 300, w: 60 }),
      t('Etter tabellen.', 634, { x: 120, w: 380 }),
    ]);
    expect(out.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(texts(out)).toEqual(['Vi skal verve og', 'Nasjonale mål | Lokale mål || Øke graden. | Verve 60.', 'Etter tabellen.']);
  });

  it('builds the table\'s cells up to the text\'s right edge', () => {
    // The last column runs to 500 - 6 = 494; its last quarter starts at 494 - 0.25 × 194 = 445.5.
    const tableDoc = (right: number): string[] =>
      texts(
        layout([
          t('Innledning her.', 714),
          t('Mål', 700),
          t('Tiltak', 700, { x: 300, w: 60 }),
          t('Øke graden.', 676),
          t('Verve nye medlemmer', 676, { x: 300, w: right - 300 }),
          t('Testdal kommune', 662, { x: 300, w: 60 }),
          t('Etter tabellen her.', 634, { x: 120, w: 380 }),
        ]),
      );
    expect(tableDoc(445.5)).toEqual(['Innledning her.', 'Mål | Tiltak || Øke graden. | Verve nye medlemmer Testdal kommune', 'Etter tabellen her.']);
    expect(tableDoc(445.4)).toEqual(['Innledning her.', 'Mål | Tiltak || Øke graden. | Verve nye medlemmer / Testdal kommune', 'Etter tabellen her.']);
  });
});
