/**
 * Unit tests of the text before the first area (src/import/parse/preamble.ts): the plan's frame
 * (template text, title, an overview of the areas) set aside, the union's own words kept.
 */
import { describe, expect, it } from 'vitest';
import type { Para } from '../../src/import/parse/paragraphs.ts';
import { preambleUnplaced, readPreamble } from '../../src/import/parse/preamble.ts';

const P = (text: string, extra: Partial<Para> = {}): Para => ({ text, bullet: false, number: null, ...extra });
const UNION = 'Fagforbundet Testdal';

const kindOf = (p: Para, union: string | null = UNION) => {
  const { notUsed, unplaced } = readPreamble([p], union);
  if (unplaced.length > 0) return unplaced.length === 1 && notUsed.length === 0 && unplaced[0] === p.text ? 'unplaced' : 'several';
  return notUsed.length === 1 && notUsed[0]?.text === p.text ? notUsed[0].kind : 'several';
};

describe('readPreamble', () => {
  it.each([
    ['Innledning', P('Innledning')],
    ['Innleiing as a bullet', P('Innleiing', { bullet: true })],
    ['the bare plan name', P('Handlingsplan 2026–2027')],
    ['the description of the plan', P('Handlingsplanen beskriver hvordan fagforeningen skal arbeide i perioden.')],
    ['the strategy plan’s name', P('Strategiplan 2026–2027')],
    ['the instruction to the union', P('Fagforeininga skriv inn sine eigne mål under kvart område.')],
    ['an attachment number', P('Vedlegg 1')],
  ])('takes %s for template text', (_why, p) => {
    expect(kindOf(p)).toBe('template');
  });

  it.each([
    ['a bulleted area title', P('Tariffmakt og organisasjonsbygging', { bullet: true })],
    ['a numbered area title', P('2. Heltid, likelønn og kampen for mindre forskjeller', { number: 2 })],
    ['a numbered nynorsk area title', P('4. Eit trygt og inkluderande arbeidsliv', { number: 4 })],
    ['a bulleted short area name', P('Digitalisering', { bullet: true })],
    ['a bulleted older area name', P('Organisering og verving', { bullet: true })],
  ])('takes %s for a heading', (_why, p) => {
    expect(kindOf(p)).toBe('heading');
  });

  it.each([
    ['the plan title', P('Handlingsplan for Fagforbundet Testdal 2026–2027')],
    ['the plan title in capitals', P('ARBEIDSPLAN FOR FAGFORBUNDET TESTDAL')],
    ['a title that ends in a colon', P('Handlingsplanen til Fagforbundet Testdal:')],
    ['a bulleted title', P('Handlingsplan for Fagforbundet Testdal 2026–2027', { bullet: true })],
    ['the union’s name', P('Fagforbundet Testdal')],
    ['the union’s name in other case and punctuation', P('FAGFORBUNDET – TESTDAL')],
    ['a ten-word title', P('Handlingsplan for Fagforbundet Testdal og omegn i perioden 2026 2027')],
  ])('takes %s for a heading', (_why, p) => {
    expect(kindOf(p)).toBe('heading');
  });

  it.each([
    ['a bullet naming no area', P('Verve 20 nye medlemmer', { bullet: true })],
    ['a bullet that is a sentence about the plan', P('Handlingsplanen skal følgjast opp kvart år.', { bullet: true })],
  ])('leaves %s unplaced', (_why, p) => {
    expect(kindOf(p)).toBe('unplaced');
  });

  it.each([
    ['prose', P('Fagforeininga har 900 medlemmar i Testdal kommune.')],
    ['a sentence naming the plan', P('Denne handlingsplanen vart vedteken av årsmøtet.')],
    ['a title line that ends a sentence', P('Handlingsplan for Fagforbundet Testdal.')],
    ['a line naming the plan in more than ten words', P('Handlingsplan for Fagforbundet Testdal og omegn i perioden 2026 til 2027')],
    ['an area name that is not a list item', P('Digitalisering')],
    ['the union’s name when no union is known', P('Fagforbundet Testdal'), null],
    ['another union’s name', P('Fagforbundet Nabodal')],
  ] as const)('takes %s for introduction', (_why, p, union: string | null = UNION) => {
    expect(kindOf(p, union)).toBe('introduction');
  });

  it('reads a whole preamble in order', () => {
    const paras = [
      P('Handlingsplan for Fagforbundet Testdal 2026–2027'),
      P('Innledning'),
      P('Fagforeininga har 900 medlemmar.'),
      P('Tariffmakt og organisasjonsbygging', { bullet: true }),
      P('Digitalisering', { bullet: true }),
      P('Verve 20 nye medlemmer', { bullet: true }),
      P('Styret møtest kvar månad.'),
      P('Halde kurs', { bullet: true }),
    ];
    expect(readPreamble(paras, UNION)).toEqual({
      notUsed: [
        { text: 'Handlingsplan for Fagforbundet Testdal 2026–2027', kind: 'heading' },
        { text: 'Innledning', kind: 'template' },
        { text: 'Fagforeininga har 900 medlemmar.', kind: 'introduction' },
        { text: 'Tariffmakt og organisasjonsbygging', kind: 'heading' },
        { text: 'Digitalisering', kind: 'heading' },
        { text: 'Styret møtest kvar månad.', kind: 'introduction' },
      ],
      unplaced: ['Verve 20 nye medlemmer', 'Halde kurs'],
    });
  });

  it('returns nothing for nothing', () => {
    expect(readPreamble([], UNION)).toEqual({ notUsed: [], unplaced: [] });
  });
});

describe('preambleUnplaced', () => {
  it('keeps the introduction and the loose bullets in their original order', () => {
    const paras = [
      P('Fagforbundet Testdal'),
      P('Verve 20 nye medlemmer', { bullet: true }),
      P('Innledning'),
      P('Fagforeininga har 900 medlemmar.'),
      P('Digitalisering', { bullet: true }),
      P('Halde kurs', { bullet: true }),
      P('Styret møtest kvar månad.'),
    ];
    expect(preambleUnplaced(paras, UNION)).toEqual(['Verve 20 nye medlemmer', 'Fagforeininga har 900 medlemmar.', 'Halde kurs', 'Styret møtest kvar månad.']);
  });

  it('keeps the union’s name as introduction when the union is not known', () => {
    expect(preambleUnplaced([P('Fagforbundet Testdal'), P('Innledning')], null)).toEqual(['Fagforbundet Testdal']);
  });

  it('is empty when the preamble is only frame', () => {
    expect(preambleUnplaced([P('Handlingsplan 2026–2027'), P('Heltid', { bullet: true }), P('Fagforbundet Testdal')], UNION)).toEqual([]);
  });
});

describe('readPreamble: titles and numbered items', () => {
  it('knows a plan title that begins with a letter outside ASCII', () => {
    expect(readPreamble([{ text: 'Årsplan 2026 for Fagforbundet Testdal', bullet: false, number: null }], 'Fagforbundet Testdal').notUsed).toEqual([
      { text: 'Årsplan 2026 for Fagforbundet Testdal', kind: 'heading' },
    ]);
  });

  it('leaves a numbered item that names no area for the board to place', () => {
    expect(readPreamble([{ text: '1. Verve 20 nye medlemmer', bullet: false, number: 1 }], null)).toEqual({ notUsed: [], unplaced: ['1. Verve 20 nye medlemmer'] });
  });
});
