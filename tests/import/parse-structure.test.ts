/**
 * The importer's structural parsing one step at a time (src/import/parse): blocks → paragraphs and the
 * situation table, paragraphs → preamble and areas, an area's paragraphs → national goals,
 * strategies and the union's own goals, and the whole draft. The accuracy tests run these on whole
 * plans with tolerant thresholds; these pin each rule on small hand-written inputs in the wording
 * plans use in bokmål and nynorsk, so that a change to one rule is caught where it happens.
 */
import { describe, expect, it } from 'vitest';
import { paragraph, type Block, type ParagraphBlock, type TableBlock } from '../../src/import/blocks.ts';
import { ImportError } from '../../src/import/errors.ts';
import { parseAreaBody as parseAreaBodyWithFrame, toLocalGoal } from '../../src/import/parse/area-body.ts';
import { segmentAreas, type AreaSegment } from '../../src/import/parse/areas.ts';
import type { DraftArea } from '../../src/import/draft.ts';
import { buildDraft } from '../../src/import/parse/build-draft.ts';
import { flatten, type Para } from '../../src/import/parse/paragraphs.ts';
import { preambleUnplaced } from '../../src/import/parse/preamble.ts';
import {
  areaTitleText,
  isTemplateAreaTitle,
  matchesAny,
  matchTemplateArea,
  templateNationalGoals,
  templateStrategies,
  type TemplateRef,
} from '../../src/import/parse/template-match.ts';
import { NATIONAL_TEMPLATE } from '../../src/import/national-template.ts';
import { leadingNumber } from '../../src/import/text/normalize.ts';

/** An area's content and unplaced text; what it read as frame (notUsed) and review marks are tested on their own below. */
function parseAreaBody(...args: Parameters<typeof parseAreaBodyWithFrame>): { area: DraftArea; unplaced: string[] } {
  const { area, unplaced } = parseAreaBodyWithFrame(...args);
  const { review: _review, ...rest } = area;
  return { area: { ...rest, localGoals: rest.localGoals.map(({ review: _r, ...g }) => g) }, unplaced };
}

/** A paragraph as flatten() gives it: the number is read from the text. */
const para = (text: string, extra: Partial<Para> = {}): Para => ({ text, bullet: false, number: leadingNumber(text), ...extra });
const bullet = (text: string, extra: Partial<Para> = {}): Para => para(text, { bullet: true, ...extra });

function templateArea(n: number): TemplateRef {
  const title = NATIONAL_TEMPLATE.nb[n - 1]?.title ?? '';
  const ref = matchTemplateArea(title);
  if (!ref) throw new Error(`no template area ${n}`);
  return ref;
}

describe('area titles and the national template', () => {
  it('strips the number, the "område" prefix and a closing colon or full stop from a title', () => {
    const cases: Array<[string, string]> = [
      ['3. Gode offentlige tjenester med egne ansatte:', 'Gode offentlige tjenester med egne ansatte'],
      ['Satsingsområde 2: Heltid, likelønn og kampen for mindre forskjeller', 'Heltid, likelønn og kampen for mindre forskjeller'],
      ['Satsingområde 1 – Tariffmakt', 'Tariffmakt'],
      ['Innsatsområde 5. Alliansebygging', 'Alliansebygging'],
      ['Område 4 - Eit trygt og inkluderande arbeidsliv', 'Eit trygt og inkluderande arbeidsliv'],
      ['Satsingsområde 3 Gode offentlege tenester', 'Gode offentlege tenester'],
      ['Strategisk område 6: Digitalisering', 'Digitalisering'],
      ['Prioritert område: Digitalisering.', 'Digitalisering'],
      // A PDF line that lost its spaces.
      ['Område6:Digitalisering', 'Digitalisering'],
      ['Digitalisering:  ', 'Digitalisering'],
      ['Digitalisering ', 'Digitalisering'],
      // Only a closing mark goes; abbreviations inside the title stay.
      ['Likelønn, heltid m.m.:', 'Likelønn, heltid m.m.'],
      // 'område' inside the title is part of it.
      ['Gode tjenester i vårt område.', 'Gode tjenester i vårt område'],
      ['Satsingsområde 2:', ''],
    ];
    for (const [text, title] of cases) expect(areaTitleText(text), text).toBe(title);
  });

  it('matches a title to a template area in bokmål or nynorsk', () => {
    expect(matchTemplateArea('2. Heltid, likelønn og kampen for mindre forskjeller:')?.number).toBe(2);
    expect(matchTemplateArea('Satsingsområde 4: Eit trygt og inkluderande arbeidsliv')?.number).toBe(4);
    // Close to the nynorsk title (0.88) but not to the bokmål one (0.76): the better language counts.
    expect(matchTemplateArea('Gode offentlege tenester i eiga regi med eigne tilsette')?.number).toBe(3);
    expect(matchTemplateArea('Gode offentlige tjenester i egen regi med egne ansatte')?.number).toBe(3);
    expect(matchTemplateArea('Et godt og trygt arbeidsliv')).toBeNull();
    expect(matchTemplateArea('Satsingsområde 2:')).toBeNull();
  });

  it('holds the threshold as given, inclusive, and refuses titles over 120 characters', () => {
    expect(matchTemplateArea('Digitalisering', 1)?.number).toBe(6);
    expect(matchTemplateArea('Digitalisering i kommunen', 1)).toBeNull();
    expect(matchTemplateArea('Digitalisering i kommunen', 0.7)?.number).toBe(6);
    const title = NATIONAL_TEMPLATE.nb[4]?.title ?? '';
    const padded = (length: number): string => `${title} ${'x'.repeat(length - title.length - 1)}`;
    expect(padded(120)).toHaveLength(120);
    expect(matchTemplateArea(padded(120), 0.5)?.number).toBe(5);
    expect(matchTemplateArea(padded(121), 0.5)).toBeNull();
  });

  it('gives the template’s national goals and strategies in both languages, none without a template', () => {
    const ref = templateArea(6);
    expect(templateNationalGoals(ref)).toEqual([...(NATIONAL_TEMPLATE.nb[5]?.nationalGoals ?? []), ...(NATIONAL_TEMPLATE.nn[5]?.nationalGoals ?? [])]);
    expect(templateNationalGoals(ref)).toHaveLength(8);
    expect(templateStrategies(ref)).toEqual([...(NATIONAL_TEMPLATE.nb[5]?.strategies ?? []), ...(NATIONAL_TEMPLATE.nn[5]?.strategies ?? [])]);
    expect(templateStrategies(ref)).toHaveLength(6);
    expect(templateNationalGoals(null)).toEqual([]);
    expect(templateStrategies(null)).toEqual([]);
  });

  it('tells whether a text matches any candidate at the threshold', () => {
    expect(matchesAny('Verve nye medlemmer', [], 0)).toBe(false);
    expect(matchesAny('Verve nye medlemmer', ['Kurs', 'verve nye medlemmer'], 1)).toBe(true);
    expect(matchesAny('Verve nye medlemmer', ['Verve nye medlem'], 0.9)).toBe(true);
    expect(matchesAny('Verve nye medlemmer', ['Verve nye medlem'], 0.95)).toBe(false);
  });

  it('knows a template area title closely written, in either language', () => {
    expect(isTemplateAreaTitle('Digitalisering')).toBe(true);
    // 0.875 to the bokmål title, 0.763 to the nynorsk one; and the other way round.
    expect(isTemplateAreaTitle('Gode offentlige tjenester i egen regi med egne ansatte')).toBe(true);
    expect(isTemplateAreaTitle('Gode offentlege tenester i eiga regi med eigne tilsette')).toBe(true);
    // Exactly 0.85 (68 of 80 characters) is close enough, in either language alone.
    expect(isTemplateAreaTitle('Tariffmakt og organisasjonsbygging i kommunene')).toBe(true);
    expect(isTemplateAreaTitle('Mer trygt og inkluderende arbeidsliv for alle')).toBe(true);
    expect(isTemplateAreaTitle('Mer trygt og inkluderande arbeidsliv hos oss')).toBe(true);
    expect(isTemplateAreaTitle('Et godt og trygt arbeidsliv')).toBe(false);
    expect(isTemplateAreaTitle('Verve nye medlemmer')).toBe(false);
  });
});

describe('the preamble', () => {
  it('keeps the union’s own words and drops titles, boilerplate and the overview of areas', () => {
    const paras = [
      para('Fagforbundet Fjordby'),
      para('Handlingsplan 2026–2027 for Fagforbundet St. Hanshaugen'),
      para('Arbeidsplanen vår for 2026 og 2027'),
      para('Innledning'),
      para('Styret ønsker alle velkommen'),
      bullet('Digitalisering'),
      bullet('Verve flere unge medlemmer'),
      para('Handlingsplanen ble vedtatt på årsmøtet 12. februar.'),
      para('Handlingsplan for Fagforbundet Fjordby vedtatt på årsmøtet i februar 2026'),
      para('Handlingsplan for Fagforbundet Fjordby vedtatt på årsmøtet i februar 2026 og 2027'),
      para('Vi viser til arbeidsplanen. '),
    ];
    expect(preambleUnplaced(paras, 'Fagforbundet Fjordby')).toEqual([
      'Styret ønsker alle velkommen',
      'Verve flere unge medlemmer',
      'Handlingsplanen ble vedtatt på årsmøtet 12. februar.',
      'Handlingsplan for Fagforbundet Fjordby vedtatt på årsmøtet i februar 2026 og 2027',
      'Vi viser til arbeidsplanen. ',
    ]);
  });

  it('drops the union’s name as a title only when the union is known', () => {
    expect(preambleUnplaced([para('Fagforbundet Fjordby'), para('Fagforbundet Fjordby organiserer 800 medlemmer')], null)).toEqual([
      'Fagforbundet Fjordby',
      'Fagforbundet Fjordby organiserer 800 medlemmer',
    ]);
    expect(preambleUnplaced([para('FAGFORBUNDET FJORDBY'), para('Fagforbundet Fjordby organiserer 800 medlemmer')], 'Fagforbundet Fjordby')).toEqual([
      'Fagforbundet Fjordby organiserer 800 medlemmer',
    ]);
    expect(preambleUnplaced([], 'Fagforbundet Fjordby')).toEqual([]);
  });
});

describe('blocks to paragraphs', () => {
  const cell = (...texts: string[]): ParagraphBlock[] => texts.map((t) => paragraph(t));
  const table = (...rows: ParagraphBlock[][][]): TableBlock => ({ kind: 'table', rows });

  it('cleans paragraphs, reads bullets, numbers and heading levels, and drops text without letters', () => {
    const { paras, situation } = flatten([
      paragraph('  •  Verve   nye medlemmer '),
      paragraph('Kurs for tillitsvalgte', { bullet: true }),
      paragraph('3. Gode offentlige tjenester', { heading: 2 }),
      paragraph('2026–2027'),
      paragraph('– 4 –'),
      paragraph('[image: logo]'),
      paragraph('Lokale mål'),
    ]);
    expect(paras).toStrictEqual([
      { text: 'Verve nye medlemmer', bullet: true, number: null },
      { text: 'Kurs for tillitsvalgte', bullet: true, number: null },
      { text: '3. Gode offentlige tjenester', bullet: false, number: 3, heading: 2 },
      { text: 'Lokale mål', bullet: false, number: null },
    ]);
    expect(situation).toEqual([]);
  });

  it('takes the situation table aside, with its header in the first or second row', () => {
    const header = [cell('Område'), cell('Nåsituasjon'), cell('Kort sikt'), cell('Lang sikt')];
    const { paras, situation } = flatten([
      table(
        [cell('Nåsituasjon og utfordringer i Fagforbundet Fjordby')],
        header,
        [cell('Økonomi'), cell('Stabil.', '• God buffer.'), cell('Færre kontingentinntekter'), cell('Flere yrkesaktive')],
        [cell(''), cell(' '), cell(''), cell('')],
        [cell('Verving')],
        [cell('Kurs'), cell('Få kurs'), cell('Mangler kursholdere'), cell('Egen kursplan'), cell('Samarbeid med fylket')],
        [cell('Tillitsvalgte'), cell('Mange'), cell('Ingen'), cell('Opplæring'), cell('')],
      ),
    ]);
    expect(paras).toEqual([]);
    expect(situation).toStrictEqual([
      { area: 'Økonomi', now: 'Stabil. God buffer.', shortTerm: 'Færre kontingentinntekter', longTerm: 'Flere yrkesaktive' },
      { area: 'Verving', now: '', shortTerm: '', longTerm: '' },
      { area: 'Kurs', now: 'Få kurs', shortTerm: 'Mangler kursholdere', longTerm: 'Egen kursplan Samarbeid med fylket' },
      { area: 'Tillitsvalgte', now: 'Mange', shortTerm: 'Ingen', longTerm: 'Opplæring' },
    ]);
  });

  it('reads a table whose situation header comes later as ordinary cells', () => {
    const { paras, situation } = flatten([
      table(
        [cell('Nåsituasjon')],
        [cell('Fagforbundet Fjordby')],
        [cell('Område'), cell('Nåsituasjon'), cell('Kort sikt'), cell('Lang sikt')],
        [cell('Økonomi'), cell('Stabil'), cell(''), cell('Flere medlemmer')],
      ),
    ]);
    expect(situation).toEqual([]);
    expect(paras.map((p) => p.text)).toEqual([
      'Nåsituasjon', 'Fagforbundet Fjordby', 'Område', 'Nåsituasjon', 'Kort sikt', 'Lang sikt', 'Økonomi', 'Stabil', 'Flere medlemmer',
    ]);
  });

  it('reads the two-column goal table as a national goals list followed by each goal as a heading', () => {
    const { paras } = flatten([
      table(
        [cell('Nasjonale mål'), cell('Fagforbundet Fjordby sine mål:')],
        [cell('Øke organisasjonsgraden'), cell('Verve 20 nye medlemmer', '• Besøke alle arbeidsplasser', '')],
        [cell(''), cell('Kurs for nye tillitsvalgte')],
        [cell('Sterke klubber'), []],
      ),
    ]);
    expect(paras).toStrictEqual([
      { text: 'Nasjonale mål', bullet: false, number: null },
      { text: 'Øke organisasjonsgraden', bullet: true, number: null },
      { text: 'Sterke klubber', bullet: true, number: null },
      { text: 'Øke organisasjonsgraden', bullet: false, number: null },
      { text: 'Verve 20 nye medlemmer', bullet: false, number: null },
      { text: 'Besøke alle arbeidsplasser', bullet: true, number: null },
      { text: 'Kurs for nye tillitsvalgte', bullet: false, number: null },
      { text: 'Sterke klubber', bullet: false, number: null },
    ]);
  });

  /** 'goal table' when the header row makes it one, 'cells' when it is read cell by cell. */
  function readAs(rows: ParagraphBlock[][][]): 'goal table' | 'cells' | string {
    const texts = flatten([table(...rows)]).paras.map((p) => `${p.text}${p.bullet ? ' •' : ''}`);
    const cells = rows.flatMap((r) => r.flatMap((c) => c.map((p) => p.text))).filter((t) => t.trim() !== '');
    const national = rows[0]?.[0]?.[0]?.text ?? '';
    const goals = rows.slice(1).map((r) => r[0]?.[0]?.text ?? '');
    const own = rows.slice(1).flatMap((r) => [r[0]?.[0]?.text ?? '', ...(r[1] ?? []).map((p) => p.text)]);
    if (JSON.stringify(texts) === JSON.stringify([national, ...goals.map((g) => `${g} •`), ...own])) return 'goal table';
    if (JSON.stringify(texts) === JSON.stringify(cells)) return 'cells';
    return JSON.stringify(texts);
  }
  const goalRows = [[cell('Øke organisasjonsgraden'), cell('Verve 20 nye medlemmer')]];

  it('knows the label of the union’s own column in bokmål and nynorsk', () => {
    const own = [
      'Lokale mål', 'Fagforbundet Fjordby sine mål:', 'Fagforbundet Fjordby: våre mål:', 'Våre målsettinger', 'Vår målsetting', 'Målsettingar',
      'Målsetjing', 'Eigne målsetjingar', 'Tiltak', 'Aktivitet', 'Aktiviteter', 'Aktivitetar', 'Lokale mal', 'Det vi i Fjordby vil nå: mål',
      `Fagforbundet ${'Ø'.repeat(58)} sine mål`,
    ];
    for (const label of own) expect(readAs([[cell('Nasjonale mål 2026–2027'), cell(label)], ...goalRows]), label).toBe('goal table');
    const notOwn = [
      'Kommentar', 'Dette er det vi i Fjordby vil nå: mål', `Fagforbundet ${'Ø'.repeat(59)} sine mål`, 'Ansvar',
    ];
    for (const label of notOwn) expect(readAs([[cell('Nasjonale mål'), cell(label)], ...goalRows]), label).toBe('cells');
    expect(`Fagforbundet ${'Ø'.repeat(58)} sine mål`).toHaveLength(80);
  });

  it('reads other tables cell by cell', () => {
    // Not the template's labels, not two columns, no rows, or a row of three cells.
    expect(readAs([[cell('Hovedmål'), cell('Kommentar')], ...goalRows])).toBe('cells');
    // 'Område | Våre mål' names an area column and the union's own: read by those roles (goal-table.ts).
    expect(flatten([table([cell('Område'), cell('Våre mål')], ...goalRows)]).paras.map((p) => [p.text, p.role])).toEqual([
      ['Øke organisasjonsgraden', 'area'],
      ['Verve 20 nye medlemmer', 'local'],
    ]);
    expect(readAs([[cell('Nasjonale mål'), cell('Våre mål'), cell('Ansvar')], ...goalRows])).toBe('cells');
    expect(readAs([[cell('Nasjonale mål'), cell('Våre mål')]])).toBe('cells');
    expect(readAs([[cell('Nasjonale mål'), cell('Våre mål')], ...goalRows, [cell('Sterke klubber'), cell('Kurs'), cell('Styret')]])).toBe('cells');
    expect(flatten([table()])).toEqual({ paras: [], situation: [], notUsed: [] });
    expect(flatten([table([cell('Ansvar', '', '• Styret'), cell('2026')])]).paras).toStrictEqual([
      { text: 'Ansvar', bullet: false, number: null },
      { text: 'Styret', bullet: true, number: null },
    ]);
  });
});

describe('preamble and areas', () => {
  function outline(paras: Para[]) {
    const { preamble, areas } = segmentAreas(paras);
    return {
      preamble: preamble.map((p) => p.text),
      areas: areas.map((a) => ({
        title: a.title,
        number: a.number,
        kind: a.kind,
        template: a.template?.number ?? null,
        paras: a.paras.map((p) => p.text),
      })),
    };
  }

  it('starts an area at each template title and at local sections after them', () => {
    expect(
      outline([
        para('Handlingsplan for Fagforbundet Fjordby 2026–2027'),
        para('Styret legger fram planen for årsmøtet.'),
        para('1. Tariffmakt og organisasjonsbygging'),
        para('Verve 30 nye medlemmer.'),
        para('Vi mener: gode offentlige tjenester med egne ansatte.'),
        para('2. Heltid, likelønn og kampen for mindre forskjeller:'),
        para('Kartlegge deltid i kommunen.'),
        para('3. Lokale saker'),
        para('Følge opp lønnsoppgjøret.'),
        para('I hele perioden skal fagforeningen:'),
        bullet('Holde medlemsmøter.'),
        para('5. Andre oppgaver'),
        para('Lokale utfordringar'),
        para('Få yngre medlemmer.'),
      ]),
    ).toEqual({
      preamble: ['Handlingsplan for Fagforbundet Fjordby 2026–2027', 'Styret legger fram planen for årsmøtet.'],
      areas: [
        { title: 'Tariffmakt og organisasjonsbygging', number: 1, kind: 'national', template: 1, paras: ['Verve 30 nye medlemmer.', 'Vi mener: gode offentlige tjenester med egne ansatte.'] },
        { title: 'Heltid, likelønn og kampen for mindre forskjeller', number: 2, kind: 'national', template: 2, paras: ['Kartlegge deltid i kommunen.'] },
        { title: 'Lokale saker', number: 3, kind: 'local', template: null, paras: ['Følge opp lønnsoppgjøret.'] },
        { title: 'I hele perioden skal fagforeningen', number: null, kind: 'local', template: null, paras: ['Holde medlemsmøter.'] },
        { title: 'Andre oppgaver', number: 5, kind: 'local', template: null, paras: [] },
        { title: 'Lokale utfordringar', number: null, kind: 'local', template: null, paras: ['Få yngre medlemmer.'] },
      ],
    });
  });

  it('continues the numbering from the areas before, numbered or not', () => {
    // Areas 1 and 3 of the template: the next number is 4.
    expect(
      outline([para('1. Tariffmakt og organisasjonsbygging'), para('Verve.'), para('3. Gode offentlige tjenester med egne ansatte'), para('Kurs.'), para('4. Lokale saker'), para('Følge opp.')]).areas.map((a) => [a.title, a.number]),
    ).toEqual([['Tariffmakt og organisasjonsbygging', 1], ['Gode offentlige tjenester med egne ansatte', 3], ['Lokale saker', 4]]);
    expect(outline([para('1. Tariffmakt og organisasjonsbygging'), para('Verve.'), para('3. Lokale saker'), para('Følge opp.')]).areas.map((a) => a.title)).toEqual([
      'Tariffmakt og organisasjonsbygging',
    ]);
    // Unnumbered areas count one each.
    expect(
      outline([para('Tariffmakt og organisasjonsbygging'), para('Verve.'), para('Heiltid, likeløn og kampen for mindre forskjellar'), para('Kurs.'), para('3. Eigne saker'), para('Følgje opp.')]).areas.map((a) => [a.title, a.number]),
    ).toEqual([['Tariffmakt og organisasjonsbygging', null], ['Heiltid, likeløn og kampen for mindre forskjellar', null], ['Eigne saker', 3]]);
    // An unnumbered local section counts one too.
    expect(
      outline([para('1. Tariffmakt og organisasjonsbygging'), para('Verve.'), para('Lokale utfordringer'), para('Lite tid.'), para('3. Andre saker'), para('Kurs.')]).areas.map((a) => [a.title, a.number]),
    ).toEqual([['Tariffmakt og organisasjonsbygging', 1], ['Lokale utfordringer', null], ['Andre saker', 3]]);
  });

  it('keeps numbered lines and local headings before the first template area in the preamble', () => {
    expect(
      outline([
        para('1. Bakgrunn'),
        para('Fagforeningen har 900 medlemmer.'),
        para('Lokale utfordringer'),
        para('I perioden skal vi:'),
        para('2. Heltid, likelønn og kampen for mindre forskjeller'),
        para('Kartlegge deltid.'),
      ]),
    ).toEqual({
      preamble: ['1. Bakgrunn', 'Fagforeningen har 900 medlemmer.', 'Lokale utfordringer', 'I perioden skal vi:'],
      areas: [{ title: 'Heltid, likelønn og kampen for mindre forskjeller', number: 2, kind: 'national', template: 2, paras: ['Kartlegge deltid.'] }],
    });
  });

  it('takes a numbered heading outside the template as an area when national goals or strategies follow within three paragraphs', () => {
    const areaTitles = (...after: string[]): string[] =>
      outline([para('Fagforeningen har 900 medlemmer.'), para('7. Medlemspleie i Fjordby'), ...after.map((t) => para(t))]).areas.map((a) => `${a.number} ${a.title}`);
    expect(areaTitles('Nasjonale mål:', 'Godt arbeidsmiljø.')).toEqual(['7 Medlemspleie i Fjordby']);
    expect(areaTitles('Strategiar:', 'Godt arbeidsmiljø.')).toEqual(['7 Medlemspleie i Fjordby']);
    expect(areaTitles('Hovudmål: Eit godt arbeidsmiljø for alle')).toEqual(['7 Medlemspleie i Fjordby']);
    expect(areaTitles('Vi vil ha et godt arbeidsmiljø.', 'Det er viktig.', 'Nasjonale mål:')).toEqual(['7 Medlemspleie i Fjordby']);
    expect(areaTitles('Vi vil ha et godt arbeidsmiljø.', 'Det er viktig.', 'Det haster.', 'Nasjonale mål:')).toEqual([]);
    expect(areaTitles('Vi vil ha et godt arbeidsmiljø.')).toEqual([]);
    expect(areaTitles()).toEqual([]);
    // A label before the heading announces nothing.
    expect(outline([para('Strategier:'), para('7. Medlemspleie i Fjordby'), para('Vi vil ha et godt arbeidsmiljø.')]).areas).toEqual([]);
    // Twelve words (the number counts) may be a heading, thirteen are not; a sentence is not.
    const twelve = '7. Et godt og trygt arbeidsmiljø for alle som jobber i Fjordby';
    expect(outline([para(twelve), para('Nasjonale mål:')]).areas.map((a) => a.title)).toEqual([twelve.slice(3)]);
    expect(outline([para(`${twelve} kommune`), para('Nasjonale mål:')]).areas).toEqual([]);
    expect(outline([para('7. Medlemspleie i Fjordby.'), para('Nasjonale mål:')]).areas).toEqual([]);
    expect(outline([para('7. Medlemspleie i Fjordby:'), para('Nasjonale mål:')]).areas).toEqual([]);
  });

  it('takes a run of three or more area titles as an overview, not as headings', () => {
    const overview = [
      para('Planen har seks satsingsområder:'),
      para('Tariffmakt og organisasjonsbygging'),
      para('Heltid, likelønn og kampen for mindre forskjeller'),
      para('Gode offentlige tjenester med egne ansatte'),
      para('Vi starter med de to første.'),
    ];
    expect(outline([...overview, para('1. Tariffmakt og organisasjonsbygging'), para('Verve.'), para('2. Heltid, likelønn og kampen for mindre forskjeller'), para('Kurs.')])).toEqual({
      preamble: overview.map((p) => p.text),
      areas: [
        { title: 'Tariffmakt og organisasjonsbygging', number: 1, kind: 'national', template: 1, paras: ['Verve.'] },
        { title: 'Heltid, likelønn og kampen for mindre forskjeller', number: 2, kind: 'national', template: 2, paras: ['Kurs.'] },
      ],
    });
    // The overview alone, and as the last titles of the plan.
    expect(outline(overview.slice(1, 4))).toEqual({ preamble: overview.slice(1, 4).map((p) => p.text), areas: [] });
    // Two titles in a row are two (the first one empty) areas.
    expect(outline([para('Tariffmakt og organisasjonsbygging'), para('Digitalisering'), para('Kurs i Teams.')]).areas.map((a) => [a.title, a.paras.length])).toEqual([
      ['Tariffmakt og organisasjonsbygging', 0],
      ['Digitalisering', 1],
    ]);
  });

  it('never starts an area at a bullet unless it is numbered', () => {
    expect(
      outline([
        para('Vi prioriterer:'),
        bullet('Digitalisering'),
        para('3. Gode offentlige tjenester med egne ansatte', { bullet: true }),
        para('Kurs.'),
        bullet('Lokale utfordringer'),
        bullet('I perioden skal fagforeningen:'),
        para('4. Lokale utfordringer', { bullet: true }),
        para('Lite tid.'),
      ]),
    ).toEqual({
      preamble: ['Vi prioriterer:', 'Digitalisering'],
      areas: [
        { title: 'Gode offentlige tjenester med egne ansatte', number: 3, kind: 'national', template: 3, paras: ['Kurs.', 'Lokale utfordringer', 'I perioden skal fagforeningen:'] },
        { title: 'Lokale utfordringer', number: 4, kind: 'local', template: null, paras: ['Lite tid.'] },
      ],
    });
  });

  it('skips an unnumbered repeat of an area already seen, but not a numbered one', () => {
    expect(
      outline([
        para('1. Tariffmakt og organisasjonsbygging'),
        para('Verve.'),
        para('2. Heltid, likelønn og kampen for mindre forskjeller'),
        para('Kurs.'),
        para('Tariffmakt og organisasjonsbygging'),
        para('Verve enda mer.'),
        para('1. Tariffmakt og organisasjonsbygging'),
        para('Oppfølging.'),
      ]).areas.map((a) => [a.number, a.title, a.paras]),
    ).toEqual([
      [1, 'Tariffmakt og organisasjonsbygging', ['Verve.']],
      [2, 'Heltid, likelønn og kampen for mindre forskjeller', ['Kurs.', 'Tariffmakt og organisasjonsbygging', 'Verve enda mer.']],
      [1, 'Tariffmakt og organisasjonsbygging', ['Oppfølging.']],
    ]);
  });
});

describe('an area’s body', () => {
  const seg = (paras: Para[], template: TemplateRef | null = null, number: number | null = 1): AreaSegment => ({
    heading: 'Området',
    title: 'Området',
    number,
    kind: template ? 'national' : 'local',
    template,
    paras,
  });
  const area = (fields: { nationalGoals?: string[]; strategies?: string[]; localGoals?: unknown[]; number?: number }) => ({
    number: fields.number ?? 1,
    title: 'Området',
    nationalGoals: fields.nationalGoals ?? [],
    strategies: fields.strategies ?? [],
    localGoals: fields.localGoals ?? [],
  });

  it('makes a local goal with its measure and deadline only where the text names them', () => {
    expect(toLocalGoal('Verve 40 nye medlemmer innen 1. mars 2027', 'Flere medlemmer')).toStrictEqual({
      nationalGoal: 'Flere medlemmer',
      text: 'Verve 40 nye medlemmer innen 1. mars 2027',
      measure: { value: 40, unit: 'medlemmer', per: null },
      due: '2027-03-01',
    });
    expect(toLocalGoal('Holde kurs for tillitsvalgte', null)).toStrictEqual({ nationalGoal: null, text: 'Holde kurs for tillitsvalgte' });
  });

  it('with a template, takes list items by their likeness to the template’s goals and strategies', () => {
    const goal = 'Øke organisasjonsgraden i kommunal sektor og i Spekter helse';
    const result = parseAreaBody(
      seg(
        [
          para('Nasjonale mål:'),
          para(goal),
          para('Øke tallet på yrkesaktive medlemmer'),
          // Closer to no goal than 0.5: the union's own goal, though no label says so.
          para('Verve 40 nye medlemmer på sykehjemmene innen utgangen av 2026.'),
          para('Strategier:'),
          para('Bygge gode klubber med skolerte tillitsvalgte'),
          // Like a strategy (0.61), but it is the national goal above: a heading.
          para(goal),
          para('Holde kurs for alle nye tillitsvalgte'),
        ],
        templateArea(1),
      ),
      1,
    );
    expect(result).toStrictEqual({
      area: area({
        nationalGoals: [goal, 'Øke tallet på yrkesaktive medlemmer'],
        strategies: ['Bygge gode klubber med skolerte tillitsvalgte'],
        localGoals: [
          { nationalGoal: null, text: 'Verve 40 nye medlemmer på sykehjemmene innen utgangen av 2026.', measure: { value: 40, unit: 'medlemmer', per: null }, due: '2026-12' },
          { nationalGoal: goal, text: 'Holde kurs for alle nye tillitsvalgte' },
        ],
      }),
      unplaced: [],
    });
  });

  it('with a template, takes an item exactly half like the template’s goals (0.5) into the list', () => {
    expect(parseAreaBody(seg([para('Nasjonale mål:'), para('Tillit og partssamarbeid'), para('Kurs i partssamarbeid for alle tillitsvalgte.')], templateArea(3)), 1)).toStrictEqual({
      area: area({
        nationalGoals: ['Tillit og partssamarbeid'],
        localGoals: [{ nationalGoal: null, text: 'Kurs i partssamarbeid for alle tillitsvalgte.' }],
      }),
      unplaced: [],
    });
  });

  it('with a template and no goals listed, takes the template’s goal quoted as a national goal and the heading', () => {
    expect(parseAreaBody(seg([para('Øke organisasjonsgraden i kommunal sektor'), para('Verve 20 nye medlemmer i helseforetaket')], templateArea(1), 4), 2)).toStrictEqual({
      area: area({
        number: 4,
        // The quoted national goal is the plan's statement of it, listed, and the heading of the goal below.
        nationalGoals: ['Øke organisasjonsgraden i kommunal sektor'],
        localGoals: [{ nationalGoal: 'Øke organisasjonsgraden i kommunal sektor', text: 'Verve 20 nye medlemmer i helseforetaket', measure: { value: 20, unit: 'medlemmer', per: null } }],
      }),
      unplaced: [],
    });
  });

  it('without a template, takes bullets after a label as the list, up to the first plain paragraph', () => {
    const long = 'Sørge for at alle nye medlemmer blir kontaktet av en tillitsvalgt på arbeidsplassen sin innen en måned etter innmelding, og at de får tilbud om grunnskolering i løpet av sitt første år som medlem';
    expect(long.split(' ')).toHaveLength(34);
    expect(
      parseAreaBody(
        seg([
          para('Hovedmål:'),
          bullet('Sterke klubber på alle store arbeidsplasser'),
          bullet(long),
          para('Lokale mål:'),
          bullet('Verve 20 nye medlemmer i barnehagene'),
          bullet('Holde kurs om tariff for alle tillitsvalgte'),
        ]),
        3,
      ),
    ).toStrictEqual({
      area: area({
        nationalGoals: ['Sterke klubber på alle store arbeidsplasser', long],
        localGoals: [
          { nationalGoal: null, text: 'Verve 20 nye medlemmer i barnehagene', measure: { value: 20, unit: 'medlemmer', per: null } },
          { nationalGoal: null, text: 'Holde kurs om tariff for alle tillitsvalgte' },
        ],
      }),
      unplaced: [],
    });
  });

  it('without a template, takes plain paragraphs of at most 30 words after a label as the list', () => {
    const thirty = 'Flere medlemmer skal oppleve at fagforeningen er synlig på arbeidsplassen gjennom jevnlige besøk av tillitsvalgte og tydelig informasjon om hva medlemskapet gir dem i hverdagen og i de lokale lønnsforhandlingene';
    const thirtyOne = 'Tillitsvalgte i alle store enheter skal ha faste møter med ledelsen der arbeidsmiljø, bemanning, turnus og bruk av deltid står fast på dagsordenen gjennom hele perioden og følges opp av styret';
    expect(thirty.split(' ')).toHaveLength(30);
    expect(thirtyOne.split(' ')).toHaveLength(31);
    expect(
      parseAreaBody(
        seg([
          para('Nasjonale mål for perioden:'),
          para('Flere medlemmer i privat sektor'),
          para('Organisasjonsgrad: minst 60 prosent i kommunen'),
          para(thirty),
          para(thirtyOne),
          para('Kurs for alle nye tillitsvalgte'),
        ]),
        1,
      ),
    ).toStrictEqual({
      area: area({
        nationalGoals: ['Flere medlemmer i privat sektor', 'Organisasjonsgrad: minst 60 prosent i kommunen', thirty],
        localGoals: [
          { nationalGoal: null, text: thirtyOne },
          { nationalGoal: null, text: 'Kurs for alle nye tillitsvalgte' },
        ],
      }),
      unplaced: [],
    });
    // A lead-in ending in a colon ends the list.
    expect(parseAreaBody(seg([para('Strategiar:'), para('Byggje klubbar'), para('Dette gjer vi lokalt:'), para('Kurs for tillitsvalde')]), 1)).toStrictEqual({
      area: area({ strategies: ['Byggje klubbar'], localGoals: [{ nationalGoal: null, text: 'Kurs for tillitsvalde' }] }),
      unplaced: ['Dette gjer vi lokalt:'],
    });
    // A list that turns to bullets ends at the next plain paragraph.
    expect(parseAreaBody(seg([para('Strategier:'), para('Bygge klubber'), bullet('Verve på arbeidsplassen'), para('Kurs for tillitsvalgte')]), 1)).toStrictEqual({
      area: area({ strategies: ['Bygge klubber', 'Verve på arbeidsplassen'], localGoals: [{ nationalGoal: null, text: 'Kurs for tillitsvalgte' }] }),
      unplaced: [],
    });
  });

  it('takes a national goal written inline as the heading of the goals under it, once', () => {
    expect(
      parseAreaBody(
        seg([
          para('Hovedmål: Flere heltidsstillinger i kommunen'),
          para('Kartlegge deltid i alle enheter'),
          para('Fagforeningen skriver inn sine egne målsettinger her.'),
          para('Hovedmål: Flere heltidsstillinger i kommunen'),
          para('Ta opp turnusordninger med rådmannen'),
          para('Nasjonalt hovudmål 2 – Likeløn'),
          para('Kartleggje lønsskilnader'),
        ]),
        1,
      ),
    ).toStrictEqual({
      area: area({
        nationalGoals: ['Flere heltidsstillinger i kommunen', 'Likeløn'],
        localGoals: [
          { nationalGoal: 'Flere heltidsstillinger i kommunen', text: 'Kartlegge deltid i alle enheter' },
          { nationalGoal: 'Flere heltidsstillinger i kommunen', text: 'Ta opp turnusordninger med rådmannen' },
          { nationalGoal: 'Likeløn', text: 'Kartleggje lønsskilnader' },
        ],
      }),
      unplaced: [],
    });
  });

  it('sets a lead-in aside when it opens a heading’s goals, closes the area or comes before a heading', () => {
    expect(
      parseAreaBody(
        seg([
          para('Nasjonale mål:'),
          bullet('Flere medlemmer i privat sektor'),
          bullet('Sterke klubber'),
          para('Flere medlemmer i privat sektor'),
          para('Dette vil vi gjøre i 2026:'),
          para('Verve 15 nye på sykehjemmene'),
          para('Tema for kursene:'),
          para('Tariff, arbeidsmiljø og pensjon'),
          para('Vi følger opp dette slik:'),
          para('Sterke klubber'),
          para('Tema: klubbstyre og årsmøte'),
          para('Våre tiltak:'),
          para('Klubbkurs hver høst'),
          para('Vi evaluerer arbeidet slik:'),
        ]),
        1,
      ),
    ).toStrictEqual({
      area: area({
        nationalGoals: ['Flere medlemmer i privat sektor', 'Sterke klubber'],
        localGoals: [
          { nationalGoal: 'Flere medlemmer i privat sektor', text: 'Verve 15 nye på sykehjemmene' },
          { nationalGoal: 'Flere medlemmer i privat sektor', text: 'Tema for kursene:' },
          { nationalGoal: 'Flere medlemmer i privat sektor', text: 'Tariff, arbeidsmiljø og pensjon' },
          { nationalGoal: 'Sterke klubber', text: 'Tema: klubbstyre og årsmøte' },
          { nationalGoal: 'Sterke klubber', text: 'Klubbkurs hver høst' },
        ],
      }),
      unplaced: ['Dette vil vi gjøre i 2026:', 'Vi følger opp dette slik:', 'Vi evaluerer arbeidet slik:'],
    });
  });
});

describe('the whole draft', () => {
  const situationTable: TableBlock = {
    kind: 'table',
    rows: [
      [[paragraph('Område')], [paragraph('Nåsituasjon')], [paragraph('Utfordringar kort sikt')], [paragraph('Utfordringar lang sikt')]],
      [[paragraph('Økonomi')], [paragraph('God')], [paragraph('Låge inntekter')], [paragraph('Fleire medlemmar')]],
    ],
  };

  it('puts the plan’s parts together', () => {
    const blocks: Block[] = [
      paragraph('Handlingsplan for Fagforbundet Fjordby 2026–2027'),
      paragraph('Styret i Fagforbundet Fjordby legg fram denne planen for årsmøtet.'),
      situationTable,
      paragraph('1. Tariffmakt og organisasjonsbygging', { heading: 1 }),
      paragraph('Nasjonale mål:'),
      paragraph('Auke organisasjonsgraden i kommunal sektor og i Spekter helse', { bullet: true }),
      paragraph('Verve 30 nye medlemmar innan utgangen av 2026.'),
      paragraph('Heiltid, likeløn og kampen for mindre forskjellar', { heading: 1 }),
      paragraph('Dette vil vi gjere:'),
      paragraph('Kartleggje deltid i alle einingar.'),
    ];
    expect(buildDraft(blocks)).toStrictEqual({
      union: 'Fagforbundet Fjordby',
      period: { from: 2026, to: 2027 },
      language: 'nn',
      situation: [{ area: 'Økonomi', now: 'God', shortTerm: 'Låge inntekter', longTerm: 'Fleire medlemmar' }],
      areas: [
        {
          number: 1,
          title: 'Tariffmakt og organisasjonsbygging',
          nationalGoals: ['Auke organisasjonsgraden i kommunal sektor og i Spekter helse'],
          strategies: [],
          localGoals: [
            { nationalGoal: null, text: 'Verve 30 nye medlemmar innan utgangen av 2026.', measure: { value: 30, unit: 'medlemmar', per: null }, due: '2026-12' },
          ],
        },
        {
          number: 2,
          title: 'Heiltid, likeløn og kampen for mindre forskjellar',
          nationalGoals: [],
          strategies: [],
          localGoals: [{ nationalGoal: null, text: 'Kartleggje deltid i alle einingar.' }],
        },
      ],
      unplaced: ['Dette vil vi gjere:'],
      // Every text has its place: the plan's frame is kept with what it was taken for.
      notUsed: [
        { kind: 'heading', text: 'Handlingsplan for Fagforbundet Fjordby 2026–2027' },
        { kind: 'introduction', text: 'Styret i Fagforbundet Fjordby legg fram denne planen for årsmøtet.' },
        { kind: 'label', text: 'Nasjonale mål:' },
        { kind: 'label', text: 'Område' },
        { kind: 'label', text: 'Nåsituasjon' },
        { kind: 'label', text: 'Utfordringar kort sikt' },
        { kind: 'label', text: 'Utfordringar lang sikt' },
      ],
    });
  });

  const codeOf = (blocks: Block[]): string => {
    try {
      buildDraft(blocks);
      return 'draft';
    } catch (e) {
      return e instanceof ImportError ? e.code : String(e);
    }
  };

  it('refuses text without letters, and a text with no goals in any area', () => {
    expect(codeOf([])).toBe('NO_TEXT');
    expect(codeOf([paragraph('2026 – 2027'), paragraph('• '), paragraph('[image: logo]')])).toBe('NO_TEXT');
    expect(codeOf([situationTable])).toBe('NOT_A_PLAN');
    expect(codeOf([paragraph('Referat fra styremøtet.'), paragraph('Vi diskuterte økonomien.')])).toBe('NOT_A_PLAN');
    expect(codeOf([paragraph('1. Tariffmakt og organisasjonsbygging'), paragraph('2. Digitalisering')])).toBe('NOT_A_PLAN');
    expect(codeOf([paragraph('1. Tariffmakt og organisasjonsbygging'), paragraph('Strategier:'), paragraph('Bygge velfungerende klubber, med godt skolerte tillitsvalgte', { bullet: true })])).toBe('NOT_A_PLAN');
  });

  it('takes an area with national goals only, or local goals only, as a plan', () => {
    expect(codeOf([paragraph('1. Digitalisering'), paragraph('Nasjonale mål:'), paragraph('Tillitsvalgte bruker digitale verktøy', { bullet: true })])).toBe('draft');
    expect(codeOf([paragraph('1. Digitalisering'), paragraph('Kurs i Teams for alle tillitsvalgte.')])).toBe('draft');
  });
});
