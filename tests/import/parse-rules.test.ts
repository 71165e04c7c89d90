/**
 * The importer's parsing rules one by one (src/import/parse): deadlines, measures, the plan's
 * language, union and period, sentences, and headings that repeat a national goal. Written for the
 * wording of plans in general (bokmål and nynorsk), not the samples'.
 */
import { describe, expect, it } from 'vitest';
import { extractDue } from '../../src/import/parse/due.ts';
import { matchHeading, isGoalLike } from '../../src/import/parse/headings.ts';
import { extractMeasure } from '../../src/import/parse/measure.ts';
import { detectLanguage, detectPeriod, detectUnion } from '../../src/import/parse/meta.ts';
import { splitSentences } from '../../src/import/parse/sentences.ts';
import type { Para } from '../../src/import/parse/paragraphs.ts';

describe('deadlines', () => {
  it('reads a day, in words or numbers, and refuses days that do not exist', () => {
    expect(extractDue('Kurse alle innen 1. mars 2026')).toBe('2026-03-01');
    expect(extractDue('Kurse alle innan 15 Oktober 2027.')).toBe('2027-10-15');
    expect(extractDue('senest 3.4.2026')).toBe('2026-04-03');
    expect(extractDue('seinast 30.11.2027')).toBe('2027-11-30');
    // A day that does not exist is no deadline at all (never rolled over into the next month).
    expect(extractDue('innen 31. april 2026')).toBeUndefined();
    expect(extractDue('innen 30.2.2026')).toBeUndefined();
    expect(extractDue('innen 29. februar 2028')).toBe('2028-02-29');
    expect(extractDue('innen 29. februar 2027')).toBeUndefined();
  });

  it('reads a month, a half year and a year, with or without "utgangen av"', () => {
    expect(extractDue('innen utgangen av mars 2026')).toBe('2026-03');
    expect(extractDue('i løpet av september 2027')).toBe('2027-09');
    expect(extractDue('innan slutten av første halvår 2026')).toBe('2026-06');
    expect(extractDue('innen 1. halvår 2027')).toBe('2027-06');
    expect(extractDue('innen andre halvår 2026')).toBe('2026-12');
    expect(extractDue('innan fyrste halvår 2026')).toBe('2026-06');
    expect(extractDue('innen utgangen av 2027')).toBe('2027-12');
    expect(extractDue('innen året 2026')).toBe('2026-12');
    expect(extractDue('seinast enden av 2026')).toBe('2026-12');
  });

  it('needs a word that makes it a deadline', () => {
    expect(extractDue('Årsmøtet i mars 2026 vedtok planen')).toBeUndefined();
    expect(extractDue('I 2026 skal vi verve 100')).toBeUndefined();
    expect(extractDue('minnen 2026')).toBeUndefined();
    expect(extractDue('')).toBeUndefined();
  });
});

describe('measures', () => {
  it('finds the counted target with its unit and period', () => {
    expect(extractMeasure('Vi skal ha minst 4 medlemsmøter i året')).toEqual({ value: 4, unit: 'medlemsmøter', per: 'year' });
    expect(extractMeasure('Verve 125 nye medlemmer')).toEqual({ value: 125, unit: 'medlemmer', per: null });
    expect(extractMeasure('Besøke 1 arbeidsplass per måned')).toEqual({ value: 1, unit: 'arbeidsplass', per: 'month' });
    expect(extractMeasure('Øke organisasjonsgraden med 5 %')).toEqual({ value: 5, unit: '%', per: null });
    expect(extractMeasure('Auke med 3 prosentpoeng kvart år')).toEqual({ value: 3, unit: 'prosentpoeng', per: 'year' });
    expect(extractMeasure('Sette av 36 000 kr til verving')).toEqual({ value: 36000, unit: 'kr', per: null });
    expect(extractMeasure('Sette av kr. 36.000 årleg')).toEqual({ value: 36000, unit: 'kr', per: 'year' });
    expect(extractMeasure('Bruke 2,5 dagar')).toEqual({ value: 2.5, unit: 'dagar', per: null });
  });

  it('reads numbers written as words, and "N ganger" as the thing counted', () => {
    expect(extractMeasure('Arrangere fire medlemsmøter årlig')).toEqual({ value: 4, unit: 'medlemsmøter', per: 'year' });
    expect(extractMeasure('Faste møter med alle PTV 2 gonger i året')).toEqual({ value: 2, unit: 'møter', per: 'year' });
    expect(extractMeasure('Ha samlinger ein gong i månaden')).toEqual({ value: 1, unit: 'samlinger', per: 'month' });
    expect(extractMeasure('Gjennomføre tolv kurs')).toBeUndefined();
  });

  it('prefers the target to today’s figure, and skips years, dates, references and capitalised names', () => {
    expect(extractMeasure('Fra 40 medlemmer i dag til 60 medlemmer')).toEqual({ value: 60, unit: 'medlemmer', per: null });
    expect(extractMeasure('Vi har 40 medlemmer. Målet er 60 medlemmer')).toEqual({ value: 40, unit: 'medlemmer', per: null });
    expect(extractMeasure('I 2026 skal vi verve medlemmer')).toBeUndefined();
    expect(extractMeasure('Innen 1. mars skal alle kurses')).toBeUndefined();
    expect(extractMeasure('Jf. § 12 i loven')).toBeUndefined();
    expect(extractMeasure('Kurs i Org 365 for alle')).toBeUndefined();
    expect(extractMeasure('Alle i 100 % stilling skal få tilbud')).toBeUndefined();
    expect(extractMeasure('Telefon 12-34')).toBeUndefined();
    expect(extractMeasure('Verve medlemmer')).toBeUndefined();
  });

  it('takes the period nearest after the target when a sentence names both', () => {
    expect(extractMeasure('Ha 2 møter i måneden, og 20 i året')).toEqual({ value: 2, unit: 'møter', per: 'month' });
    expect(extractMeasure('Hvert år skal vi ha 3 kurs')).toEqual({ value: 3, unit: 'kurs', per: 'year' });
  });
});

describe('the plan’s language, union and period', () => {
  it('tells nynorsk from bokmål by their own words, bokmål on a tie', () => {
    expect(detectLanguage('Fagforeininga skal auke talet på medlemmar og gjennomføre kurs for tillitsvalde.')).toBe('nn');
    expect(detectLanguage('Fagforeningen skal øke antall medlemmer og gjennomføre kurs for tillitsvalgte.')).toBe('nb');
    expect(detectLanguage('Verve.')).toBe('nb');
  });

  it('finds the union by its most frequent name, or by its municipality', () => {
    expect(detectUnion('Fagforbundet Alver skal verve. Fagforbundet Alver vil kurse. Fagforbundet sentralt har strategiplanen.')).toBe('Fagforbundet Alver');
    expect(detectUnion('Fagforbundet Sør-\nVaranger skal verve.')).toBe('Fagforbundet Sør-Varanger');
    expect(detectUnion('Fagforbundet Nord og Sør skal verve')).toBe('Fagforbundet Nord og Sør');
    expect(detectUnion('Fagforbundet KS og Spekter')).toBeNull();
    expect(detectUnion('Vi organiserer ansatte i Bergen kommune og i Bergen kommune sine selskap.')).toBe('Fagforbundet Bergen');
    expect(detectUnion('Det kommune skal ikke telle')).toBeNull();
    expect(detectUnion('Ingen navn her')).toBeNull();
  });

  it('finds the period as the most frequent pair of years', () => {
    expect(detectPeriod('Handlingsplan 2026–2027. Strategiplan 2024-2027. Handlingsplan 2026 - 2027')).toEqual({ from: 2026, to: 2027 });
    expect(detectPeriod('Plan 2026/2027')).toEqual({ from: 2026, to: 2027 });
    expect(detectPeriod('2027-2026 and 2020-2030')).toBeNull();
    expect(detectPeriod('ingen år')).toBeNull();
  });
});

describe('sentences', () => {
  it('splits at sentence ends, not after abbreviations or ordinal numbers', () => {
    expect(splitSentences('Verve hundre. Kurse alle! Hvorfor? Fordi.')).toEqual(['Verve hundre.', 'Kurse alle!', 'Hvorfor?', 'Fordi.']);
    // A number with a full stop may be an ordinal ('100. gang'): no split after it.
    expect(splitSentences('Verve 100. Kurse alle')).toEqual(['Verve 100. Kurse alle']);
    expect(splitSentences('Sette av kr. 5000 pr. år. Møte ca. 4 ganger, jf. Vedtektene.')).toEqual(['Sette av kr. 5000 pr. år.', 'Møte ca. 4 ganger, jf. Vedtektene.']);
    expect(splitSentences('Innen 1. Mars skal alle, f.eks. Ola, kurses.')).toEqual(['Innen 1. Mars skal alle, f.eks. Ola, kurses.']);
    expect(splitSentences('slutt. neste')).toEqual(['slutt. neste']);
    expect(splitSentences('  ')).toEqual([]);
  });
});

describe('headings that repeat a national goal', () => {
  const para = (text: string, extra: Partial<Para> = {}): Para => ({ text, bullet: false, number: null, ...extra });
  const goals = ['Auke organisasjonsgraden i kommunal sektor', 'Sterke og synlege tillitsvalde'];

  it('knows sentences the union writes about itself', () => {
    expect(isGoalLike('Fagforbundet Alver skal verve 100')).toBe(true);
    expect(isGoalLike('Vi vil kurse alle')).toBe(true);
    expect(isGoalLike('Styret jobbar for fleire medlemmar')).toBe(true);
    expect(isGoalLike('Auke organisasjonsgraden')).toBe(false);
  });

  it('matches a heading to the plan’s national goal, never a bullet or a goal sentence', () => {
    expect(matchHeading(para('Auke organisasjonsgraden i kommunal sektor:'), goals, [])).toEqual({ nationalGoal: goals[0] });
    expect(matchHeading(para('Sterke og synlege tillitsvalde'), goals, [])).toEqual({ nationalGoal: goals[1] });
    expect(matchHeading(para('Auke organisasjonsgraden i kommunal sektor', { bullet: true }), goals, [])).toBeNull();
    expect(matchHeading(para('Fagforbundet skal auke organisasjonsgraden i kommunal sektor'), goals, [])).toBeNull();
  });

  it('uses the template’s goals only when the plan lists none, and keeps the heading’s own words', () => {
    expect(matchHeading(para('Auke organisasjonsgraden i kommunal sektor.'), [], goals)).toEqual({ nationalGoal: 'Auke organisasjonsgraden i kommunal sektor' });
    expect(matchHeading(para('Heilt anna tema'), [], goals)).toBeNull();
    expect(matchHeading(para('Heilt anna tema', { heading: 2 }), [], goals)).toEqual({ nationalGoal: 'Heilt anna tema' });
    expect(matchHeading(para('Heilt anna tema:', { heading: 2 }), [], goals)).toBeNull();
    expect(matchHeading(para('Ein heil setning som sluttar.', { heading: 2 }), [], goals)).toBeNull();
  });
});
