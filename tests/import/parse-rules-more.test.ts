/**
 * More of the importer's text and parsing rules one by one, for the edges that text.test.ts and
 * parse-rules.test.ts leave open: invalid dates and capitalised deadline words, the limits of a
 * heading, the union's name and the period, the counted unit of a measure, line joining at
 * hyphens, page furniture with stray spaces, the template's labels at their length limits, and
 * difflib's choices of matching blocks. Written for plan wording in general, not the samples'.
 */
import { describe, expect, it } from 'vitest';
import { extractDue } from '../../src/import/parse/due.ts';
import { isGoalLike, matchHeading } from '../../src/import/parse/headings.ts';
import { extractMeasure } from '../../src/import/parse/measure.ts';
import { detectPeriod, detectUnion } from '../../src/import/parse/meta.ts';
import type { Para } from '../../src/import/parse/paragraphs.ts';
import { continues, joinLines, joinPieces, type RawLine } from '../../src/import/text/line-join.ts';
import { isPageNumber, isRunningTitle, repeatedRunningLines } from '../../src/import/text/noise.ts';
import { cleanText } from '../../src/import/text/normalize.ts';
import { similarity } from '../../src/import/text/similarity.ts';
import {
  inlineNationalGoal,
  isClosingListHeading,
  isLocalGoalsLabel,
  isLocalSectionHeading,
  isNationalGoalsLabel,
  isSituationHeader,
  isStrategiesLabel,
} from '../../src/import/text/vocabulary.ts';

const para = (text: string, extra: Partial<Para> = {}): Para => ({ text, bullet: false, number: null, ...extra });

describe('deadlines at the edges', () => {
  it('takes no day or month that does not exist', () => {
    expect(extractDue('innen 15.1.2026')).toBe('2026-01-15');
    expect(extractDue('innen 15.12.2026')).toBe('2026-12-15');
    expect(extractDue('innen 15.13.2026')).toBeUndefined();
    expect(extractDue('innen 15.0.2026')).toBeUndefined();
    expect(extractDue('innen 0.3.2026')).toBeUndefined();
  });

  it('reads the deadline words capitalised, as at the start of a sentence', () => {
    expect(extractDue('Senest 3.4.2026 skal alle ha fått tilbud')).toBe('2026-04-03');
    expect(extractDue('Innen mars 2026 er kartlegginga ferdig')).toBe('2026-03');
    expect(extractDue('Innen Mars 2026')).toBe('2026-03');
    expect(extractDue('Innan andre halvår 2026')).toBe('2026-12');
    expect(extractDue('Innen utgangen av 2027')).toBe('2027-12');
    expect(extractDue('Innen 2027')).toBe('2027-12');
  });
});

describe('headings at the edges', () => {
  const goals = ['Flere medlemmer i privat sektor', 'Sterke klubber'];

  it('knows a goal sentence only by how it starts', () => {
    expect(isGoalLike('Synlege klubbar der vi skal vere til stades')).toBe(false);
    expect(isGoalLike('Vi skal vere til stades')).toBe(true);
  });

  it('takes a loose likeness (0.5 to 0.78) only for a line that does not end a sentence', () => {
    expect(matchHeading(para('Flere nye medlemmer i Fjordby'), goals, [])).toEqual({ nationalGoal: goals[0] });
    expect(matchHeading(para('Flere nye medlemmer, m.a. i Fjordby'), goals, [])).toEqual({ nationalGoal: goals[0] });
    expect(matchHeading(para('Flere nye medlemmer i Fjordby.'), goals, [])).toBeNull();
    expect(matchHeading(para('Flere nye medlemmer i Fjordby. '), goals, [])).toBeNull();
    // Exactly 0.5 (14 of 56 characters twice) is still alike; 43 characters are not.
    expect(matchHeading(para('Sterke klubber på de store arbeidsplassene'), goals, [])).toEqual({ nationalGoal: 'Sterke klubber' });
    expect(matchHeading(para('Sterke klubber på alle store arbeidsplasser'), goals, [])).toBeNull();
  });

  it('takes a close likeness (0.78 to 0.9) for a heading of at most 35 words', () => {
    const goal = 'Alle ansatte i kommunen skal ha en hel og fast stilling med forutsigbar arbeidstid og en lønn å leve av slik at de kan planlegge livet sitt og bli i yrket hele arbeidslivet';
    const heading = 'Alle ansatte i Fjordby kommune skal ha hel og fast stilling med forutsigbar arbeidstid og en lønn å leve av slik at de kan planlegge livet og bli værende i yrket gjennom hele arbeidslivet sitt';
    expect(heading.split(' ')).toHaveLength(35);
    expect(matchHeading(para(heading), [goal], [])).toEqual({ nationalGoal: goal });
    expect(matchHeading(para(`${heading} der`), [goal], [])).toBeNull();
  });

  it('takes exactly 0.78 as a close likeness, and exactly 0.9 even for a goal sentence', () => {
    // 39 of 100 characters twice: close, so a full stop at the end does not matter.
    const goal = 'Flere medlemmer i de private barnehager';
    expect(matchHeading(para(`${goal} og i private sykehjem.`), [goal], [])).toEqual({ nationalGoal: goal });
    // 27 of 60 characters twice: a sentence about the union itself, yet as good as the goal.
    expect(matchHeading(para('Vi skal ha fleire medlemmar i Lom'), ['Vi skal ha fleire medlemmar'], [])).toEqual({ nationalGoal: 'Vi skal ha fleire medlemmar' });
    expect(matchHeading(para('Vi skal ha fleire medlemmar i Alver'), ['Vi skal ha fleire medlemmar'], [])).toBeNull();
  });

  it('keeps a heading’s own words, without a closing colon, when it repeats a template goal', () => {
    expect(matchHeading(para('Flere medlemmer, m.a. i privat sektor:'), [], goals)).toEqual({ nationalGoal: 'Flere medlemmer, m.a. i privat sektor' });
    expect(matchHeading(para('Flere medlemmer i privat sektor: '), [], goals)).toEqual({ nationalGoal: 'Flere medlemmer i privat sektor' });
  });

  it('takes a styled heading of at most 20 words as its own national goal', () => {
    const twenty = 'Arbeidsmiljø, sykefravær og inkludering på alle arbeidsplasser i kommunen og i de kommunale foretakene i hele perioden 2026 til 2027';
    expect(twenty.split(' ')).toHaveLength(20);
    expect(matchHeading(para(twenty, { heading: 2 }), goals, [])).toEqual({ nationalGoal: twenty });
    expect(matchHeading(para(twenty.replace('perioden', 'perioden fra'), { heading: 2 }), goals, [])).toBeNull();
    expect(matchHeading(para('Bemanningsnorm 1:3', { heading: 3 }), goals, [])).toEqual({ nationalGoal: 'Bemanningsnorm 1:3' });
  });
});

describe('the union and the period at the edges', () => {
  it('takes the first of equally frequent names and periods', () => {
    expect(detectUnion('Fagforbundet Alver skal verve. Fagforbundet Bergen skal kurse.')).toBe('Fagforbundet Alver');
    expect(detectUnion('Ansatte i Alver kommune og i Bergen kommune.')).toBe('Fagforbundet Alver');
    expect(detectPeriod('Handlingsplan 2026–2027. Neste plan 2028–2029.')).toEqual({ from: 2026, to: 2027 });
  });

  it('joins a name broken at a hyphen, and folds white space inside it', () => {
    expect(detectUnion('Fagforbundet Sør- \nVaranger skal verve.')).toBe('Fagforbundet Sør-Varanger');
    expect(detectUnion('Fagforbundet Nord  Fron skal verve.')).toBe('Fagforbundet Nord Fron');
  });

  it('leaves out abbreviations after the name, and names that are not the union’s', () => {
    expect(detectUnion('Fagforbundet Alver NAV skal samarbeide med NAV.')).toBe('Fagforbundet Alver');
    // Two mentions that leave no name ('KS', 'Spekter') do not outvote the one that does.
    expect(detectUnion('Fagforbundet Alver. Fagforbundet KS. Fagforbundet Spekter.')).toBe('Fagforbundet Alver');
    expect(detectUnion('Vi organiserer ansatte i Iveland kommune.')).toBe('Fagforbundet Iveland');
    expect(detectUnion('Fagforbundet Alver og KS har møte')).toBe('Fagforbundet Alver');
  });

  it('takes a period of one to four years', () => {
    expect(detectPeriod('Plan 2026–2026')).toBeNull();
    expect(detectPeriod('Strategiplan 2024–2028')).toEqual({ from: 2024, to: 2028 });
    expect(detectPeriod('Plan for 2026 – 2027')).toEqual({ from: 2026, to: 2027 });
  });
});

describe('measures at the edges', () => {
  it('finds the counted noun up to eight words before "N ganger"', () => {
    expect(extractMeasure('Holde klubbmøter med ledelsen og tillitsvalgte i hver enhet 4 ganger i året')).toEqual({ value: 4, unit: 'klubbmøter', per: 'year' });
    expect(extractMeasure('Holde klubbmøter med ledelsen og alle tillitsvalgte i hver enhet 4 ganger i året')).toEqual({ value: 4, unit: 'ganger', per: 'year' });
    expect(extractMeasure('Vi holder medlemsmøter, minst 2 ganger i året')).toEqual({ value: 2, unit: 'medlemsmøter', per: 'year' });
    expect(extractMeasure('Faste samtaler med ledelsen i Fjordby, 4 ganger i året')).toEqual({ value: 4, unit: 'samtaler', per: 'year' });
    expect(extractMeasure('Holde medlemsmøter fire ganger i året for alle nye medlemmer')).toEqual({ value: 4, unit: 'medlemsmøter', per: 'year' });
    expect(extractMeasure('Kommunen planlegger to overganger')).toEqual({ value: 2, unit: 'overganger', per: null });
  });

  it('skips a full-time position of 100 %, but not a hundred of anything else', () => {
    expect(extractMeasure('Alle skal få tilbud om 100 % fast stilling')).toBeUndefined();
    expect(extractMeasure('Verve 100 nye medlemmer')).toEqual({ value: 100, unit: 'medlemmer', per: null });
  });

  it('reads "N ganger" only right after the number, and large amounts with spaces', () => {
    expect(extractMeasure('Holde 4 kurs for tillitsvalgte, og evaluere hver gang')).toEqual({ value: 4, unit: 'kurs', per: null });
    expect(extractMeasure('Bruke 1 500 000 kroner på verving')).toEqual({ value: 1500000, unit: 'kr', per: null });
  });

  it('reads per cent written tight or spaced, and only right after the number', () => {
    expect(extractMeasure('Øke organisasjonsgraden med 5%')).toEqual({ value: 5, unit: '%', per: null });
    expect(extractMeasure('Verve 20 nye medlemmer, en økning på 5 prosent')).toEqual({ value: 20, unit: 'medlemmer', per: null });
  });

  it('reads kroner written after the amount, and only right after it', () => {
    expect(extractMeasure('Sette av 5000 kroner til kurs')).toEqual({ value: 5000, unit: 'kr', per: null });
    expect(extractMeasure('Sette av 5000,- til kurs')).toEqual({ value: 5000, unit: 'kr', per: null });
    expect(extractMeasure('Sette av kr 2000 til kurs')).toEqual({ value: 2000, unit: 'kr', per: null });
    expect(extractMeasure('Verve 30 medlemmer og sette av 5000 kroner')).toEqual({ value: 30, unit: 'medlemmer', per: null });
  });

  it('takes the unit’s word, an abbreviation with its number, and stops at punctuation', () => {
    expect(extractMeasure('Verve 20 nye medlemmer i Sør-Varanger')).toEqual({ value: 20, unit: 'medlemmer', per: null });
    expect(extractMeasure('Vi skal verve flere (minst 20 medlemmer).')).toEqual({ value: 20, unit: 'medlemmer', per: null });
    expect(extractMeasure('Gjennomføre 3 ISO 9001 revisjoner')).toEqual({ value: 3, unit: 'ISO 9001', per: null });
    expect(extractMeasure('Besøke 5 NAV-kontor årlig')).toEqual({ value: 5, unit: 'NAV-kontor', per: 'year' });
    expect(extractMeasure('Delta på 2 AMU, deretter rapportere til styret')).toEqual({ value: 2, unit: 'AMU', per: null });
    expect(extractMeasure('12 nye tillitsvalgte skal skoleres')).toEqual({ value: 12, unit: 'tillitsvalgte', per: null });
  });

  it('skips references and names written before a number, but not a sentence’s first word', () => {
    expect(extractMeasure('Følge opp kapittel 10 arbeidsmiljøloven om arbeidstid')).toBeUndefined();
    expect(extractMeasure('Alle tillitsvalgte skal bruke Office 365 daglig')).toBeUndefined();
    expect(extractMeasure('Etter årsmøtet: alle skal bruke Office 365 daglig')).toBeUndefined();
    expect(extractMeasure('Mål: Verve 20 nye medlemmer')).toEqual({ value: 20, unit: 'medlemmer', per: null });
    expect(extractMeasure('Besøke alle skolene i Sør-Odal 2 ganger i året')).toEqual({ value: 2, unit: 'ganger', per: 'year' });
  });

  it('chooses by position, leaves today’s figure, and reads the period after the target', () => {
    expect(extractMeasure('Fire medlemsmøter og 2 kurs i året')).toEqual({ value: 4, unit: 'medlemsmøter', per: 'year' });
    expect(extractMeasure('Vi har i dag 40 tillitsvalgte og ønsker oss 50 tillitsvalgte')).toEqual({ value: 50, unit: 'tillitsvalgte', per: null });
    expect(extractMeasure('Ha 4 møter i året, og 1 i måneden')).toEqual({ value: 4, unit: 'møter', per: 'year' });
    expect(extractMeasure('I året som gikk vervet vi 30, nå skal vi verve 5 medlemmer i måneden')).toEqual({ value: 5, unit: 'medlemmer', per: 'month' });
  });
});

describe('line joining, page furniture and cleaning at the edges', () => {
  const line = (text: string, blankBefore = 0): RawLine => ({ text, blankBefore });

  it('looks past the indent of the next line and the spaces after the previous one', () => {
    expect(continues('Verve', line('  125 nye'))).toBe(true);
    expect(continues('Sør- ', line('Varanger', 1))).toBe(true);
  });

  it('keeps a hyphen tight only at the end of one piece before a capital', () => {
    expect(joinPieces('Sør-Varanger og', 'Nordre Follo')).toBe('Sør-Varanger og Nordre Follo');
    expect(joinPieces('helse-', 'og omsorg i Fjordby')).toBe('helse- og omsorg i Fjordby');
    expect(joinPieces('Fagforbundet Sør-', 'Varanger')).toBe('Fagforbundet Sør-Varanger');
    expect(joinLines([line('Fagforbundet Sør-  '), line('Varanger skal verve.')])).toEqual([{ text: 'Fagforbundet Sør-Varanger skal verve.', bullet: false }]);
  });

  it('knows page numbers and running titles with stray spaces and abbreviations', () => {
    expect(isPageNumber('Side 2 av 10 ')).toBe(true);
    expect(isRunningTitle('Fagforbundet St. Hanshaugen')).toBe(true);
    expect(isRunningTitle('Årsmøtet 2026: ')).toBe(false);
    // Ten words at most ('2026–2027' is two).
    expect(isRunningTitle('Handlingsplan for Fagforbundet Fjordby 2026–2027 vedtatt av årsmøtet 2026')).toBe(true);
    expect(isRunningTitle('Handlingsplan for Fagforbundet Fjordby 2026–2027 vedtatt av årsmøtet i 2026')).toBe(false);
    // Trailing spaces do not make a running title a different line.
    expect(repeatedRunningLines(['Fagforbundet Alver ', 'Fagforbundet Alver', 'Fagforbundet Alver  '])).toEqual(new Set(['Fagforbundet Alver']));
  });

  it('replaces an export marker by a space', () => {
    expect(cleanText('Verve[bookmark: _Toc1]nye')).toBe('Verve nye');
    expect(cleanText('Verve [bookmark : _Toc2]nye')).toBe('Verve nye');
  });
});

describe('the template’s labels at the edges', () => {
  it('knows the labels only as whole lines', () => {
    expect(isNationalGoalsLabel('Nasjonale hovedmål:')).toBe(true);
    expect(isNationalGoalsLabel('Kommentar til nasjonale mål')).toBe(false);
    expect(isStrategiesLabel('Lokale strategier')).toBe(false);
    expect(inlineNationalGoal('Hovedmål: Øke organisasjonsgraden ')).toBe('Øke organisasjonsgraden');
    expect(inlineNationalGoal('Hovedmål: nr 2')).toBeNull();
    expect(inlineNationalGoal('Kommentar til hovedmål: mer tid')).toBeNull();
    expect(inlineNationalGoal('  Hovedmål: Flere lærlinger')).toBe('Flere lærlinger');
    expect(inlineNationalGoal('Hovudmål 11: Fleire lærlingar')).toBe('Fleire lærlingar');
    expect(inlineNationalGoal('Hovedmål:Flere lærlinger')).toBe('Flere lærlinger');
  });

  it('knows a local section heading as a whole line, numbered or not', () => {
    expect(isLocalSectionHeading('10 Lokale utfordringer')).toBe(true);
    expect(isLocalSectionHeading('Status for lokale utfordringer')).toBe(false);
    expect(isLocalSectionHeading('Lokale mål er beskrevet under hvert område.')).toBe(false);
  });

  it('knows a local goals label by its closing colon, at most 80 characters', () => {
    expect(isLocalGoalsLabel('Lokale mål: ')).toBe(true);
    expect(isLocalGoalsLabel('Status: våre mål')).toBe(false);
    expect(isLocalGoalsLabel('Dette er Fagforbundet Fjordby sine egne mål:')).toBe(true);
    expect(isLocalGoalsLabel('Dette er det Fagforbundet Fjordby sine egne mål:')).toBe(false);
    for (const label of ['Vår målsetting:', 'Vår målsetjing:', 'Aktivitet:']) expect(isLocalGoalsLabel(label), label).toBe(true);
    expect(isLocalGoalsLabel('Mål og ansvar:')).toBe(false);
    const label = `Fagforbundet ${'Ø'.repeat(57)} sine mål:`;
    expect(label).toHaveLength(80);
    expect(isLocalGoalsLabel(label)).toBe(true);
  });

  it('knows the situation table’s header of at most 16 words, with area, situation and horizon', () => {
    expect(isSituationHeader('Utfordringer på kort og lang sikt')).toBe(false);
    expect(isSituationHeader('Område | Kort sikt | Lang sikt')).toBe(false);
    expect(isSituationHeader('Nåsituasjon | Kort sikt | Lang sikt')).toBe(false);
    expect(isSituationHeader('Område | Nåsituasjon i fagforeningen | Utfordringer på kort sikt (1 år) | Utfordringer på lang sikt (2 år)')).toBe(true);
    expect(isSituationHeader('Område | Nåsituasjon i fagforeningen | Utfordringer på kort sikt (1 år) | Utfordringer på lang sikt (2–4 år)')).toBe(false);
  });

  it('knows a closing list heading by its closing colon, at most 120 characters', () => {
    expect(isClosingListHeading('I perioden skal fagforeninga: ')).toBe(true);
    expect(isClosingListHeading('I løpet av 2026 og 2027:')).toBe(true);
    expect(isClosingListHeading('I perioden: dette skal vi gjøre')).toBe(false);
    expect(isClosingListHeading('Styret skal i perioden:')).toBe(true);
    expect(isClosingListHeading('Mål i perioden:')).toBe(false);
    const heading = (length: number): string => `I perioden skal fagforeningen arbeide for ${'x'.repeat(length - 43)}:`;
    expect(heading(120)).toHaveLength(120);
    expect(isClosingListHeading(heading(120))).toBe(true);
    expect(isClosingListHeading(heading(121))).toBe(false);
  });
});

describe('similarity: difflib’s choice of blocks', () => {
  // Expected ratios are Python's difflib.SequenceMatcher(None, a, b).ratio().
  it('takes the first longest block and recurses on both sides of it', () => {
    expect(similarity('nye', 'verve')).toBeCloseTo(0.25, 10);
    expect(similarity('og og', 'og')).toBeCloseTo(4 / 7, 10);
    expect(similarity('aaaaaa', 'aaba')).toBeCloseTo(0.6, 10);
    expect(similarity('nye alle at', 'en arbeid og at for')).toBeCloseTo(14 / 30, 10);
  });

  it('compares texts whose lengths just allow the asked-for score', () => {
    expect(similarity('Verve', 'Verve nye', 10 / 14)).toBeCloseTo(10 / 14, 10);
  });
});
