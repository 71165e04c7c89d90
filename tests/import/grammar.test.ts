/** Measure, deadline, language and encoding rules in bokmål and nynorsk. */
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/import/extract/decode.ts';
import { extractDue } from '../../src/import/parse/due.ts';
import { extractMeasure } from '../../src/import/parse/measure.ts';
import { detectLanguage } from '../../src/import/parse/meta.ts';

describe('measure', () => {
  it.each([
    ['Vi skal setje av kr. 36.000 til vervekampanjar per år.', 36000, 'year'],
    ['Organisasjonsgraden skal auke med 1,5 prosent', 1.5, null],
    ['Gjennomføre minst 4 medlemsmøter i året', 4, 'year'],
    ['Besøke 1 arbeidsplass kvar månad', 1, 'month'],
    ['Drøftingsmøte minst en gang pr. år', 1, 'year'],
    ['Holde fire medlemsmøter hvert år', 4, 'year'],
    ['Gjennomføre 4 samlingar både i 2026 og 2027', 4, 'year'],
    ['Vi har i dag 40 tillitsvalde og skal auke til 55 tillitsvalde', 55, null],
  ])('%s', (text, value, per) => {
    expect(extractMeasure(text)).toMatchObject({ value, per });
  });

  it.each([
    'Delta aktivt på 1 mai',
    'Krav etter arbeidsmiljøloven § 14-3',
    'Kommunen skal lyse ut 100% stillinger som hovedregel',
    'Følge opp vedtaket om et sterkere tre part samarbeid',
    'Opplæring i org 365 / teams',
    'Valet i 2027 er viktig',
  ])('no measure: %s', (text) => {
    expect(extractMeasure(text)).toBeUndefined();
  });
});

describe('deadline', () => {
  it.each([
    ['innen februar 2026', '2026-02'],
    ['innan utgangen av 2027', '2027-12'],
    ['innen 1. mars 2026', '2026-03-01'],
    ['innen 2027', '2027-12'],
    ['senest 31.12.2026', '2026-12-31'],
    ['innan første halvår 2027', '2027-06'],
  ])('%s', (text, due) => {
    expect(extractDue(`Styret skal gjere dette ${text}.`)).toBe(due);
  });

  it('a standing item "til utgangen av" is no deadline, nor is the period', () => {
    expect(extractDue('Fast sak i alle møte til utgangen av 2027.')).toBeUndefined();
    expect(extractDue('Handlingsplan for perioden 2026–2027')).toBeUndefined();
  });
});

describe('language', () => {
  it('tells nynorsk from bokmål', () => {
    expect(detectLanguage('Fagforeininga skal auke talet på medlemmar og ikkje gløyme dei tillitsvalde.')).toBe('nn');
    expect(detectLanguage('Fagforeningen skal øke antallet medlemmer og ikke glemme de tillitsvalgte.')).toBe('nb');
  });
});

describe('text decoding', () => {
  it('accepts UTF-8 with BOM and falls back to Windows-1252', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x4d, 0xc3, 0xa5, 0x6c]))).toBe('Mål');
    expect(decodeText(new Uint8Array([0x4d, 0xe5, 0x6c, 0x20, 0xf8, 0x6b, 0x65, 0x20, 0x96, 0x20, 0x80]))).toBe('Mål øke – €');
  });
});
