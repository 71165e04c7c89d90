/**
 * When a PDF line was wrapped at the margin and when it ends a paragraph (src/import/extract/pdf-layout.ts),
 * and which margin lines are page furniture (pdf-noise.ts): the line pitch of text whose paragraphs are
 * all one line long, a next word that would still have fitted, a dash that begins a wrapped line, and a
 * title that repeats the running header's words.
 */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/import/blocks.ts';
import type { Line, PdfItem, PdfPage } from '../../src/import/extract/pdf-geometry.ts';
import { dashContinues, layoutToBlocks, linePitch, nextWordFits } from '../../src/import/extract/pdf-layout.ts';
import { removeNoise } from '../../src/import/extract/pdf-noise.ts';

const t = (str: string, y: number, o: { x?: number; w?: number } = {}): PdfItem => ({ str, x: o.x ?? 50, y, width: o.w ?? 100, fontSize: 10 });
const page = (items: PdfItem[]): PdfPage => ({ width: 595, height: 842, items });
const texts = (blocks: Block[]): string[] => blocks.flatMap((b) => (b.kind === 'paragraph' && !b.furniture ? [b.text] : []));
const L = (text: string, y: number, o: { x?: number; right?: number; page?: number } = {}): Line => ({
  page: o.page ?? 0,
  y,
  fontSize: 10,
  segments: [{ text, x: o.x ?? 50, right: o.right ?? 150 }],
});

describe('linePitch: paragraphs of one line each', () => {
  it('takes a gap wider than 1.6 font sizes for paragraph spacing when no line at it wraps', () => {
    const lines = [L('Første avsnitt.', 700), L('Andre avsnitt.', 678), L('Tredje avsnitt.', 656)];
    expect(linePitch(lines, 10)).toBe(13);
    expect(linePitch([L('A.', 700), L('B.', 684), L('C.', 668)], 10)).toBe(16);
  });

  it('keeps a wide pitch at which a line goes on in lower case after an unfinished one (double spacing)', () => {
    const lines = [L('Vi skal verve nye', 700), L('medlemmer i år.', 678), L('Neste avsnitt.', 656)];
    expect(linePitch(lines, 10)).toBe(22);
  });

  it('one-line paragraphs far apart stay apart even when they reach the margin', () => {
    const out = layoutToBlocks([
      page([
        t('Fagforeininga skal gje alle nye tillitsvalde opplæring innan utgangen av 2026.', 700, { w: 450 }),
        t('Vi skal halde digitalt medlemsmøte fire gonger i året.', 678, { w: 300 }),
        t('Hovudtillitsvald skal ha faste møte med kommunedirektøren kvar månad i perioden.', 656, { w: 440 }),
        t('Neste mål her.', 634),
      ]),
    ]);
    expect(texts(out)).toEqual([
      'Fagforeininga skal gje alle nye tillitsvalde opplæring innan utgangen av 2026.',
      'Vi skal halde digitalt medlemsmøte fire gonger i året.',
      'Hovudtillitsvald skal ha faste møte med kommunedirektøren kvar månad i perioden.',
      'Neste mål her.',
    ]);
  });
});

describe('nextWordFits: a line that ends short of the margin by more than the next word', () => {
  // 20 characters over 100 points: 5 points a character.
  const prev = L('abcdefghij klmnopqrs', 700, { right: 150 });

  it('the next line\'s first word and a space fitting before the right margin: no wrap', () => {
    expect(nextWordFits(prev, 'Strategiar 2026', 205)).toBe(true);
    expect(nextWordFits(prev, 'Strategiar 2026', 204.9)).toBe(false);
  });

  it('a bullet item ending short of the margin by more than the next word does not run into the heading below', () => {
    const out = layoutToBlocks([
      page([t('Innleiing her.', 700), t('Lang linje som går heilt ut til margen og endar her', 686, { w: 450 })]),
      page([t('• Tillitsvalde og medlemmar er trygge i digitale omstillingsprosessar', 700, { w: 380 }), t('Strategiar', 686, { w: 50 })]),
    ]);
    expect(texts(out)).toEqual([
      'Innleiing her.',
      'Lang linje som går heilt ut til margen og endar her',
      '• Tillitsvalde og medlemmar er trygge i digitale omstillingsprosessar',
      'Strategiar',
    ]);
  });
});

describe('dashContinues: a dash at the start of a wrapped line', () => {
  const prev = L('- Vi skal ha dialog med partia, særleg om kommune,', 700, { right: 500 });

  it('continues a sentence that the wrapped line before leaves unfinished, at its indentation, in lower case', () => {
    expect(dashContinues(prev, L('- og fylkestingsvalet 2027', 686), true)).toBe(true);
  });

  it('is a list item otherwise', () => {
    expect(dashContinues(prev, L('- og fylkestingsvalet 2027', 686), false)).toBe(false);
    expect(dashContinues(prev, L('- Neste punkt', 686), true)).toBe(false);
    expect(dashContinues(prev, L('- og fylkestingsvalet 2027', 686, { x: 60 }), true)).toBe(false);
    const finished = L('- Vi skal ha dialog med partia om kommunevalet.', 700, { right: 500 });
    expect(dashContinues(finished, L('- og fylkestingsvalet 2027', 686), true)).toBe(false);
  });

  it('joins the dash line to its item in the text flow', () => {
    const out = layoutToBlocks([
      page([
        t('- Innføre nye verktøy', 700),
        t('- Gjennomføre dialog med lokale partier, særlig med fokus på kommune,', 686, { w: 450 }),
        t('- og fylkestingsvalg 2027', 672),
        t('- Skolere egne tillitsvalgte', 658),
      ]),
    ]);
    expect(texts(out)).toEqual([
      '- Innføre nye verktøy',
      '- Gjennomføre dialog med lokale partier, særlig med fokus på kommune, - og fylkestingsvalg 2027',
      '- Skolere egne tillitsvalgte',
    ]);
  });
});

describe('removeNoise: a title with the running header\'s words', () => {
  const P: PdfPage = { width: 600, height: 1000, items: [] };
  const text = (ls: Line[][]): string[][] => ls.map((p) => p.map((l) => l.segments.map((s) => s.text).join(' ')));

  it('keeps a margin line whose words repeat on other pages only at another height', () => {
    const pages = [
      [L('Handlingsplan 2026', 960), L('Handlingsplan 2026', 930), L('Tekst.', 500)],
      [L('Handlingsplan 2026', 960), L('Mer tekst.', 500)],
    ];
    const furniture: Line[] = [];
    expect(text(removeNoise([P, P], pages, furniture))).toEqual([['Handlingsplan 2026', 'Tekst.'], ['Mer tekst.']]);
    expect(furniture.map((l) => l.y)).toEqual([960, 960]);
  });

  it('takes lines up to 2 points apart for the same place', () => {
    const pages = [[L('Handlingsplan', 960), L('Tekst.', 500)], [L('Handlingsplan', 958), L('Mer.', 500)], [L('Handlingsplan', 957.9), L('Mest.', 500)]];
    expect(text(removeNoise([P, P, P], pages))).toEqual([['Tekst.'], ['Mer.'], ['Mest.']]);
    const apart = [[L('Handlingsplan', 960), L('Tekst.', 500)], [L('Handlingsplan', 957.9), L('Mer.', 500)]];
    expect(text(removeNoise([P, P], apart))).toEqual([['Handlingsplan', 'Tekst.'], ['Handlingsplan', 'Mer.']]);
  });
});
