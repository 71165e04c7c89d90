/**
 * Classification against the strategy plan (src/import/parse/template-match.ts), the vocabulary of
 * frames and closing notes, headings, and what an area's body sets aside (notUsed) or marks for
 * review. Texts of our own, not the fixtures'.
 */
import { describe, expect, it } from 'vitest';
import { NATIONAL_TEMPLATE } from '../../src/import/national-template.ts';
import { parseAreaBody } from '../../src/import/parse/area-body.ts';
import type { AreaSegment } from '../../src/import/parse/areas.ts';
import { isOwnHeading, matchHeading } from '../../src/import/parse/headings.ts';
import { detectUnion } from '../../src/import/parse/meta.ts';
import type { Para } from '../../src/import/parse/paragraphs.ts';
import { matchAreaHeading, quotedPrefix, referenceHit, type TemplateRef } from '../../src/import/parse/template-match.ts';
import { leadingNumber } from '../../src/import/text/normalize.ts';
import { isClosingListHeading, isClosingNote, isLocalSectionHeading } from '../../src/import/text/vocabulary.ts';

const para = (text: string, extra: Partial<Para> = {}): Para => ({ text, bullet: false, number: leadingNumber(text), ...extra });
const nb = NATIONAL_TEMPLATE.nb;
const nn = NATIONAL_TEMPLATE.nn;

describe('area headings by name', () => {
  it.each([
    ['Organisasjonsbygging', 1],
    ['3. Tariffmakt', 1],
    ['Heltid og likelønn', 2],
    ['Heiltid og likeløn', 2],
    ['Satsingsområde 2: Kampen mot deltid', 2],
    ['Gode offentlige tjenester', 3],
    ['Trygt arbeidsliv', 4],
    ['Fagligpolitisk arbeid', 5],
    ['Alliansar og påverknad', 5],
    ['Digitalisering og Org365', 6],
    [nn[4]?.title ?? '', 5],
  ])('%s → area %i', (text, area) => {
    expect(matchAreaHeading(text)?.number).toBe(area);
  });

  it.each([
    'Heltid og digitalisering', // two areas named
    'Vi skal jobbe for heltid.', // a sentence
    'Heltid for alle ansatte i kommunen innen utgangen av perioden vår', // too long
    'Heltid i Fjordby kommune sine barnehager', // more than one word of its own
    'Medlemspleie',
    '',
  ])('not an area: %s', (text) => {
    expect(matchAreaHeading(text)).toBeNull();
  });
});

describe('quotations of the strategy plan', () => {
  const goal = nb[0]?.nationalGoals[0] ?? '';
  const strategy = nn[1]?.strategies[0] ?? '';

  it('knows a national goal and a strategy, in either language, with the area they belong to', () => {
    expect(referenceHit(goal)).toMatchObject({ kind: 'national', area: 1, score: 1 });
    expect(referenceHit(strategy)).toMatchObject({ kind: 'strategy', area: 2, text: strategy });
    expect(referenceHit(`${goal.toUpperCase()}.`)).toMatchObject({ kind: 'national', area: 1 });
  });

  it('knows a shortened quotation of five words or more by what it contains', () => {
    const short = goal.split(' ').slice(0, 6).join(' ');
    expect(short.split(' ')).toHaveLength(6);
    expect(referenceHit(short)?.kind).toBe('national');
    expect(referenceHit(goal.split(' ').slice(0, 4).join(' '))).toBeNull();
  });

  it('takes a quotation with numbers of its own as the union’s goal', () => {
    expect(referenceHit(`${goal} med 40 nye medlemmer`)).toBeNull();
    // A number the reference has is no reason.
    const withNumber = nb[0]?.nationalGoals.find((g) => /\d/.test(g)) ?? '';
    expect(referenceHit(withNumber)?.kind).toBe('national');
  });

  it('takes nothing of fewer than three words or unlike every item', () => {
    expect(referenceHit('Øke graden')).toBeNull();
    expect(referenceHit('Holde fire medlemsmøter i året for alle medlemmer')).toBeNull();
  });

  it('finds where a whole quotation ends when a new sentence runs on after it', () => {
    const text = `${goal} kartlegge alle arbeidsplasser i kommunen`;
    expect(quotedPrefix(text)).toBe(goal.length);
    expect(quotedPrefix(`${goal} og i private barnehager`)).toBeNull();
    expect(quotedPrefix(`${goal} to`)).toBeNull();
    expect(quotedPrefix('Vi skal kartlegge alle arbeidsplasser i kommunen innen mars')).toBeNull();
  });
});

describe('frames and closing notes', () => {
  it.each([
    'Vedtatt på årsmøtet 12. februar 2026.',
    'Vedteke av styret 3. mars 2026',
    'Vi ønsker alle medlemmer et godt år!',
    'Styret takkar for innsatsen.',
    'Med vennlig hilsen styret',
    'Venleg helsing leiaren',
    'Godt nytt år!',
  ])('a closing note: %s', (text) => {
    expect(isClosingNote(text)).toBe(true);
  });

  it.each(['Verve 20 nye medlemmer innen årsmøtet.', 'Vedtak om lokale lønnstillegg følges opp.', 'Takke nei til konkurranseutsetting'])('not a closing note: %s', (text) => {
    expect(isClosingNote(text)).toBe(false);
  });

  it('knows the union’s closing section by its opening sentence', () => {
    expect(isClosingListHeading('Fagforbundet Sjøvik skal i løpet av 2026–27:')).toBe(true);
    expect(isClosingListHeading('Fagforbundet Øvre Dal vil i 2026 og 2027:')).toBe(true);
    expect(isClosingListHeading('Fagforeininga skal i perioden:')).toBe(true);
    expect(isClosingListHeading('Fagforbundet Sjøvik skal verve 20 medlemmer:')).toBe(false);
    expect(isClosingListHeading('Fagforbundet Sjøvik skal i løpet av 2026–27')).toBe(false);
  });

  it('takes a local heading with a colon as a label, not a section', () => {
    expect(isLocalSectionHeading('Lokale mål')).toBe(true);
    expect(isLocalSectionHeading('Lokale mål:')).toBe(false);
  });
});

describe('headings', () => {
  const listed = ['Redusere bruken av deltid og sørge for hele, faste stillinger'];

  it('takes a shortened national goal as the heading of the one it shortens', () => {
    expect(matchHeading(para('Redusere bruken av deltid'), listed, [])).toEqual({ nationalGoal: listed[0] });
    // Not a sentence, not with numbers, not the union speaking.
    expect(matchHeading(para('Redusere bruken av deltid.'), listed, [])).toBeNull();
    expect(matchHeading(para('Redusere bruken av deltid med 10'), listed, [])).toBeNull();
  });

  it('needs no numbers in a heading only weakly like a national goal', () => {
    const weak = 'Redusere bruken av deltid i barnehagene';
    expect(matchHeading(para(weak), listed, [])).not.toBeNull();
    expect(matchHeading(para(`${weak} 2026`), listed, [])).toBeNull();
  });

  it('knows a short heading of the union’s own above a sentence', () => {
    const next = para('Alle som forhandler skal ha kurs innen våren.');
    expect(isOwnHeading(para('Lønnsoppgjøret'), next)).toBe(true);
    expect(isOwnHeading(para('Lokale forhandlinger'), next)).toBe(true);
    expect(isOwnHeading(para('Alle tillitsvalgte bruker KL*AR'), next)).toBe(false);
    expect(isOwnHeading(para('lønnsoppgjøret'), next)).toBe(false);
    expect(isOwnHeading(para('Lønn 2026'), next)).toBe(false);
    expect(isOwnHeading(para('Lønnsoppgjøret.'), next)).toBe(false);
    expect(isOwnHeading(para('Lønnsoppgjøret', { bullet: true }), next)).toBe(false);
    expect(isOwnHeading(para('Lønnsoppgjøret'), para('Kurs.'))).toBe(false);
    expect(isOwnHeading(para('Lønnsoppgjøret'), para('Alle skal ha kurs'))).toBe(false);
    expect(isOwnHeading(para('Lønnsoppgjøret'), undefined)).toBe(false);
  });
});

describe('what an area’s body sets aside and marks', () => {
  const ref = (n: number): TemplateRef => {
    const r = matchAreaHeading(nb[n - 1]?.title ?? '');
    if (!r) throw new Error('no area');
    return r;
  };
  const seg = (paras: Para[], template: TemplateRef | null = null, heading = 'Området'): AreaSegment => ({
    heading,
    title: 'Området',
    number: 1,
    kind: template ? 'national' : 'local',
    template,
    paras,
  });
  const [g1 = '', g2 = ''] = nb[0]?.nationalGoals ?? [];

  it('keeps labels, headings, template text and closing notes with what they were taken for', () => {
    const result = parseAreaBody(
      seg([
        para('Nasjonale mål:'),
        para(g1),
        para('Fagforeningen skriver inn sine egne målsettinger her.'),
        para(g1),
        para('Verve 30 medlemmer.'),
        para('Lokale mål:'),
        para('Vedtatt på årsmøtet 2. mars 2026.'),
      ], ref(1), 'Satsingsområde 1: Området'),
      1,
    );
    expect(result.notUsed).toEqual([
      { text: 'Satsingsområde 1', kind: 'label' },
      { text: 'Nasjonale mål:', kind: 'label' },
      { text: 'Fagforeningen skriver inn sine egne målsettinger her.', kind: 'template' },
      { text: g1, kind: 'heading' },
      { text: 'Lokale mål:', kind: 'label' },
      { text: 'Vedtatt på årsmøtet 2. mars 2026.', kind: 'introduction' },
    ]);
    expect(result.area.localGoals.map((g) => [g.text, g.nationalGoal])).toEqual([['Verve 30 medlemmer.', g1]]);
  });

  it('takes quotations without a label as national goals; goals after a list of them stand under none', () => {
    const result = parseAreaBody(seg([para(g1), para(g2), para('Verve 30 medlemmer.'), para(g1), para('Holde kurs.')], ref(1)), 1);
    expect(result.area.nationalGoals).toEqual([g1, g2]);
    expect(result.area.localGoals.map((g) => g.nationalGoal)).toEqual([null, g1]);
  });

  it('reads table columns by role and marks what the strategy plan does not know', () => {
    const result = parseAreaBody(
      seg([para('Et mål strategiplanen ikke har', { role: 'national' }), para('Verve 30 medlemmer', { role: 'local' }), para(g1, { role: 'national' }), para(g1, { role: 'local' })], ref(1)),
      1,
    );
    expect(result.area.nationalGoals).toEqual(['Et mål strategiplanen ikke har', g1]);
    expect(result.area.review).toEqual({ nationalGoals: [0], strategies: [] });
    // In the union's own column a quotation is the union's goal.
    expect(result.area.localGoals.map((g) => [g.text, g.nationalGoal])).toEqual([
      ['Verve 30 medlemmer', 'Et mål strategiplanen ikke har'],
      [g1, g1],
    ]);
  });

  it('marks a goal that resembles a national goal or strategy, unless it names numbers', () => {
    const strategy = nb[0]?.strategies[0] ?? '';
    const near = `${strategy.split(' ').slice(0, 5).join(' ')} i alle enheter i kommunen vår`;
    const result = parseAreaBody(seg([para('Lokale mål:'), para(near), para(`${near} 2026`)]), 1);
    expect(result.area.localGoals.map((g) => g.review)).toEqual(['mayBeStrategy', undefined]);
  });

  it('gives no review field when nothing is doubtful', () => {
    expect(parseAreaBody(seg([para('Verve 30 medlemmer.')]), 1).area).not.toHaveProperty('review');
  });
});

describe('the union’s name', () => {
  it('does not run on to the next line', () => {
    expect(detectUnion('Fagforbundet Midtfjord\nVedtatt på årsmøtet')).toBe('Fagforbundet Midtfjord');
    expect(detectUnion('Fagforbundet Øvre Dal skal verve')).toBe('Fagforbundet Øvre Dal');
  });
});
