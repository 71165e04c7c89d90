/**
 * The importer's text rules one by one (src/import/text): cleaning, bullets and numbers, the
 * comparison key, page furniture, re-joining hard-broken lines, similarity, and the template's
 * vocabulary in bokmål and nynorsk. The accuracy tests run them on whole plans; these pin each rule,
 * so that a change to one is caught where it happens.
 */
import { describe, expect, it } from 'vitest';
import { continues, isUnfinished, joinLines, joinPieces, type RawLine } from '../../src/import/text/line-join.ts';
import { isPageNumber, isRunningTitle, repeatedRunningLines } from '../../src/import/text/noise.ts';
import { cleanText, endsSentence, hasBullet, hasLetters, leadingNumber, normKey, startsLowercase, stripBullet, stripLeadingNumber } from '../../src/import/text/normalize.ts';
import { bestMatch, similarity } from '../../src/import/text/similarity.ts';
import {
  inlineNationalGoal,
  isBoilerplate,
  isClosingListHeading,
  isLocalGoalsLabel,
  isLocalSectionHeading,
  isNationalGoalsLabel,
  isSituationHeader,
  isStrategiesLabel,
} from '../../src/import/text/vocabulary.ts';

describe('cleaning and the comparison key', () => {
  it('folds white space, drops soft hyphens, zero-width characters and export markers', () => {
    expect(cleanText('  Verve\u00a0125\t nye\u2007medlemmer \n')).toBe('Verve 125 nye medlemmer');
    expect(cleanText('Med\u00adlem\u200bs\u200cmø\u200dte\ufeff')).toBe('Medlemsmøte');
    expect(cleanText('[bookmark: _Toc1]Mål [image: ] her [IMAGE:x]')).toBe('Mål her');
    expect(cleanText('a\u202fb')).toBe('a b');
  });

  it('knows bullets and numbered items, and strips them', () => {
    for (const bullet of ['• Verve', '· Verve', '- Verve', '– Verve', '— Verve', '* Verve', '▪ Verve', 'o Verve', '  ► Verve']) {
      expect(hasBullet(bullet), bullet).toBe(true);
      expect(stripBullet(bullet), bullet).toBe('Verve');
    }
    expect(hasBullet('organisere')).toBe(false);
    expect(hasBullet('-Verve')).toBe(false);
    expect(hasBullet('Verve - nå')).toBe(false);
    expect(leadingNumber('3. Tittel')).toBe(3);
    expect(leadingNumber(' 12) Tittel')).toBe(12);
    expect(leadingNumber('123. Tittel')).toBeNull();
    expect(leadingNumber('3.Tittel')).toBeNull();
    expect(leadingNumber('2026 mål')).toBeNull();
    expect(stripLeadingNumber('3. Tittel')).toBe('Tittel');
    expect(stripLeadingNumber('Tittel 3.')).toBe('Tittel 3.');
  });

  it('makes a key as the scorer does: lower case, punctuation and bullets as single spaces, % kept', () => {
    expect(normKey('  • Øke  ORGANISASJONSGRADEN – med 5 %!  ')).toBe('øke organisasjonsgraden med 5 %');
    expect(normKey('KL*AR-kurs/Org365')).toBe('kl ar kurs org365');
    expect(normKey('snake_case·x')).toBe('snake_case x');
    expect(normKey('e\u0301')).toBe('é');
    expect(normKey('...')).toBe('');
  });

  it('tells letters, sentence ends and lower-case starts', () => {
    expect(hasLetters('2026 – 27')).toBe(false);
    expect(hasLetters('2026 år')).toBe(true);
    for (const end of ['ferdig.', 'ferdig!', 'ferdig?', 'Mål:', 'og;', 'sa «ja.»', 'ferdig.) ', 'sa "ja."']) expect(endsSentence(end), end).toBe(true);
    expect(endsSentence('ikke ferdig')).toBe(false);
    expect(endsSentence('ferdig,')).toBe(false);
    expect(startsLowercase('  øke')).toBe(true);
    expect(startsLowercase('Øke')).toBe(false);
    expect(startsLowercase('5 nye')).toBe(false);
  });
});

describe('page furniture', () => {
  it('knows page numbers in bokmål, nynorsk and English', () => {
    for (const line of ['3', ' 12 ', '- 4 -', 'Side 2', 'side 2 av 10', 'Sida 3', 'Page 1 of 3', 's. 7', '2/5', '– 3 –']) expect(isPageNumber(line), line).toBe(true);
    for (const line of ['1234', 'Side', 'Verve 12', '12 medlemmer', 'side 2 av']) expect(isPageNumber(line), line).toBe(false);
  });

  it('knows running titles and keeps only those repeated often enough', () => {
    expect(isRunningTitle('Handlingsplan 2026–2027 Fagforbundet Alver')).toBe(true);
    expect(isRunningTitle('Årsmøtet 2026')).toBe(true);
    expect(isRunningTitle('Handlingsplanen skal følges opp.')).toBe(false);
    expect(isRunningTitle('Verve 125 nye medlemmer')).toBe(false);
    expect(isRunningTitle(`Fagforbundet ${'ord '.repeat(10)}`)).toBe(false);
    const lines = ['Handlingsplan 2026 side 1', 'Verve', 'Handlingsplan 2026 side 2', 'Fagforbundet Alver', 'Handlingsplan 2026 side 3', 'Fagforbundet Alver'];
    expect(repeatedRunningLines(lines)).toEqual(new Set(['Handlingsplan # side #']));
    expect(repeatedRunningLines(lines, 2)).toEqual(new Set(['Handlingsplan # side #', 'Fagforbundet Alver']));
    expect(repeatedRunningLines(['Verve', 'Verve', 'Verve'])).toEqual(new Set());
  });
});

describe('re-joining hard-broken lines', () => {
  const line = (text: string, blankBefore = 0, extra: Partial<RawLine> = {}): RawLine => ({ text, blankBefore, ...extra });

  it('sees an unfinished sentence by its last character or a dangling word', () => {
    for (const prev of ['Verve nye medlemmer og', 'Kurs i Teams,', 'Sør-', 'Kurs &', 'Mål (', 'alle plasstillitsvalgte skal']) expect(isUnfinished(prev), prev).toBe(true);
    for (const prev of ['Verve nye medlemmer', 'Kurs i Teams.', 'OG']) expect(isUnfinished(prev), prev).toBe(prev === 'OG');
    expect(isUnfinished('alle  ')).toBe(true);
  });

  it('continues a line by layout, case and blank lines, and never into a new item', () => {
    expect(continues('Verve nye', line('medlemmer'))).toBe(true);
    expect(continues('Verve nye', line('• medlemmer'))).toBe(false);
    expect(continues('Verve nye', line('3. medlemmer'))).toBe(false);
    expect(continues('Verve nye', line('Medlemmer', 0, { wrapped: true }))).toBe(true);
    expect(continues('Verve nye', line('medlemmer', 0, { breakBefore: true }))).toBe(false);
    expect(continues('Verve nye', line('medlemmer', 2))).toBe(false);
    expect(continues('Verve nye.', line('medlemmer'))).toBe(false);
    expect(continues('Verve', line('125 nye'))).toBe(true);
    expect(continues('Verve', line('125 nye', 1))).toBe(false);
    expect(continues('Verve nye medlemmer og', line('Organisere'))).toBe(true);
    expect(continues('Verve nye medlemmer', line('Organisere'))).toBe(false);
    expect(continues('Sør-', line('Varanger', 1))).toBe(true);
    expect(continues('Sør', line('Varanger', 1))).toBe(false);
  });

  it('keeps a hyphenated name tight, and joins other pieces with one space', () => {
    expect(joinPieces('Sør-', 'Varanger')).toBe('Sør-Varanger');
    expect(joinPieces('Sør- ', 'Varanger')).toBe('Sør- Varanger');
    expect(joinPieces('lønns-', 'og arbeidsvilkår')).toBe('lønns- og arbeidsvilkår');
    expect(joinPieces('Verve  ', '  nye')).toBe('Verve nye');
  });

  it('rebuilds paragraphs, marking bullets and dropping empty lines', () => {
    expect(
      joinLines([line('• Verve 125 nye'), line('medlemmer i 2026.'), line('   '), line('Kurse alle', 1), line('plasstillitsvalgte i Teams. ')]),
    ).toEqual([
      { text: '• Verve 125 nye medlemmer i 2026.', bullet: true },
      { text: 'Kurse alle plasstillitsvalgte i Teams.', bullet: false },
    ]);
    expect(joinLines([line('Sør-'), line('Varanger')])).toEqual([{ text: 'Sør-Varanger', bullet: false }]);
    expect(joinLines([])).toEqual([]);
  });
});

describe('similarity', () => {
  it('is difflib’s ratio on the normalised texts', () => {
    expect(similarity('Verve 125 nye medlemmer', 'verve 125 nye medlemmer!')).toBe(1);
    expect(similarity('abcd', 'abce')).toBeCloseTo(0.75, 10);
    // difflib: 'abxcd' vs 'abcd' → matching blocks 'ab' + 'cd' = 4, ratio 2·4/9.
    expect(similarity('abxcd', 'abcd')).toBeCloseTo(8 / 9, 10);
    expect(similarity('abc', 'xyz')).toBe(0);
    expect(similarity('', 'abc')).toBe(0);
    expect(similarity('...', '...')).toBe(0);
    // Recursion on both sides of the longest match: 'qabcr' vs 'xabcy' → 'abc' only.
    expect(similarity('qabcr', 'xabcy')).toBeCloseTo(0.6, 10);
    // difflib takes the longest block first ('ab' or 'ef'…), then recurses only on its sides: 0.5.
    expect(similarity('ab cd ef', 'ef cd ab')).toBeCloseTo(0.5, 10);
  });

  it('rules out by length alone only below the asked-for score', () => {
    expect(similarity('ab', 'abcdefghij', 0.5)).toBe(0);
    expect(similarity('ab', 'abcdefghij')).toBeCloseTo(4 / 12, 10);
    expect(similarity('abcd', 'abce', 0.75)).toBeCloseTo(0.75, 10);
  });

  it('finds the best candidate and its index', () => {
    expect(bestMatch('Verve nye medlemmer', ['Kurs i Teams', 'Verve nye medlem', 'Verve nye medlemmer i år'])).toEqual({ index: 1, score: similarity('Verve nye medlemmer', 'Verve nye medlem') });
    expect(bestMatch('x', [])).toEqual({ index: -1, score: 0 });
    expect(bestMatch('abc', ['xyz'])).toEqual({ index: -1, score: 0 });
    expect(bestMatch('abcd', ['abce', 'abcd'])).toEqual({ index: 1, score: 1 });
  });
});

describe('the template’s words, in bokmål and nynorsk', () => {
  it('knows the situation table’s header row', () => {
    expect(isSituationHeader('Område | Nåsituasjon | Utfordringer kort sikt | Utfordringer lang sikt')).toBe(true);
    expect(isSituationHeader('Område Nåsituasjon Utfordringar lang sikt')).toBe(true);
    expect(isSituationHeader('Nåsituasjon og utfordringer')).toBe(false);
    expect(isSituationHeader(`Område situasjon kort sikt ${'ord '.repeat(14)}`)).toBe(false);
  });

  it('knows the national goals and strategies labels, and a national goal written inline', () => {
    for (const label of ['Nasjonale mål 2026 – 2027:', 'Hovedmål', 'Hovudmål:', 'Nasjonale hovudmål for perioden', 'Nasjonale mål for 2026']) expect(isNationalGoalsLabel(label), label).toBe(true);
    expect(isNationalGoalsLabel('Nasjonale mål er viktige')).toBe(false);
    expect(inlineNationalGoal('Hovedmål: Øke organisasjonsgraden')).toBe('Øke organisasjonsgraden');
    expect(inlineNationalGoal('Nasjonalt hovudmål 2 – Sterke tillitsvalde')).toBe('Sterke tillitsvalde');
    expect(inlineNationalGoal('Hovedmål: 12')).toBeNull();
    expect(inlineNationalGoal('Øke organisasjonsgraden')).toBeNull();
    for (const label of ['Strategier:', 'Nasjonale strategiar for perioden', 'Strategier 2026 2027']) expect(isStrategiesLabel(label), label).toBe(true);
    expect(isStrategiesLabel('Strategier for verving av nye')).toBe(false);
  });

  it('knows the labels of the union’s own goals, short and ending in a colon', () => {
    for (const label of ['Fagforbundet Alver sine mål:', 'Lokale mål:', 'Tiltak:', 'Våre målsettingar:', 'Aktiviteter:']) expect(isLocalGoalsLabel(label), label).toBe(true);
    expect(isLocalGoalsLabel('Lokale mål')).toBe(false);
    expect(isLocalGoalsLabel('Dette er en lang setning om hva fagforeningen vil gjøre med mål:')).toBe(false);
    expect(isLocalGoalsLabel(`${'x'.repeat(80)} mål:`)).toBe(false);
    expect(isLocalGoalsLabel('Verve nye medlemmer:')).toBe(false);
  });

  it('knows the template’s boilerplate and the closing and local section headings', () => {
    for (const text of ['Vedlegg 2', 'Innleiing', 'Handlingsplan for Alver 2026–2027', 'Strategiplanen er vedtatt av landsmøtet', '2026 2027', '']) expect(isBoilerplate(text), text).toBe(true);
    expect(isBoilerplate('Verve 125 nye medlemmer')).toBe(false);
    for (const text of ['I perioden skal fagforeninga:', 'I 2026 og 2027 vil vi:', 'Styret skal i heile perioden:']) expect(isClosingListHeading(text), text).toBe(true);
    expect(isClosingListHeading('I perioden skal fagforeninga')).toBe(false);
    expect(isClosingListHeading('Verve nye:')).toBe(false);
    for (const text of ['Lokale utfordringar', 'Våre mål', '7 Egne satsingsområder', 'Lokale tiltak for fagforeningen']) expect(isLocalSectionHeading(text), text).toBe(true);
    expect(isLocalSectionHeading('Lokale forhold')).toBe(false);
  });
});
