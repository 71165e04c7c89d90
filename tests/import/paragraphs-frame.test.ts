/**
 * Unit tests of the paragraph frame (src/import/parse/paragraphs.ts): page furniture and table
 * labels set aside by `flatten`, broken sentences joined again, and strategy-plan quotations split
 * off the union's text that a line join ran into them.
 */
import { describe, expect, it } from 'vitest';
import type { Block, ParagraphBlock, TableBlock } from '../../src/import/blocks.ts';
import { flatten, joinUnfinished, splitQuotedPrefixes, type Para } from '../../src/import/parse/paragraphs.ts';

const para = (text: string, extra: Partial<ParagraphBlock> = {}): ParagraphBlock => ({ kind: 'paragraph', text, ...extra });
const table = (...rows: string[][]): TableBlock => ({ kind: 'table', rows: rows.map((r) => r.map((c) => (c ? [para(c)] : []))) });
const texts = (blocks: Block[]) => flatten(blocks).paras.map((p) => p.text);

const P = (text: string, extra: Partial<Para> = {}): Para => ({ text, bullet: false, number: null, ...extra });

const SITUATION_HEADER = ['Område', 'Nåsituasjon', 'Kort sikt', 'Lang sikt'];
const SITUATION_ROW = ['Digitalisering', 'Få brukar Org365', 'Kurs i Org365', 'Alle brukar Org365'];

describe('flatten: page furniture', () => {
  it('sets aside blocks marked as furniture, even ones that look like content', () => {
    const result = flatten([para('Vi skal verve fleire.'), para('Ein topptekst', { furniture: true }), para('Vi skal halde kurs.')]);
    expect(result.paras.map((p) => p.text)).toEqual(['Vi skal verve fleire.', 'Vi skal halde kurs.']);
    expect(result.notUsed).toEqual([{ text: 'Ein topptekst', kind: 'furniture' }]);
  });

  it.each(['Side 2 av 5', '3', '- 4 -', 'Page 7', 'side 12'])('sets aside the page number %j', (page) => {
    const result = flatten([para('Vi skal verve fleire.'), para(page), para('Vi skal halde kurs.')]);
    expect(result.paras.map((p) => p.text)).toEqual(['Vi skal verve fleire.', 'Vi skal halde kurs.']);
    expect(result.notUsed).toEqual([{ text: page, kind: 'furniture' }]);
  });

  it('sets aside a running title repeated three times, page numbers in it folded', () => {
    const blocks = [para('Fagforbundet Testdal – side 1'), para('Vi skal verve fleire.'), para('Fagforbundet Testdal – side 2'), para('Vi skal halde kurs.'), para('Fagforbundet Testdal – side 3')];
    const result = flatten(blocks);
    expect(result.paras.map((p) => p.text)).toEqual(['Vi skal verve fleire.', 'Vi skal halde kurs.']);
    expect(result.notUsed).toEqual([
      { text: 'Fagforbundet Testdal – side 1', kind: 'furniture' },
      { text: 'Fagforbundet Testdal – side 2', kind: 'furniture' },
      { text: 'Fagforbundet Testdal – side 3', kind: 'furniture' },
    ]);
  });

  it('keeps a running title that appears only twice when it does not name the plan', () => {
    const blocks = [para('Fagforbundet Testdal'), para('Vi skal verve fleire.'), para('Fagforbundet Testdal')];
    expect(texts(blocks)).toEqual(['Fagforbundet Testdal', 'Vi skal verve fleire.', 'Fagforbundet Testdal']);
    expect(flatten(blocks).notUsed).toEqual([]);
  });

  it('does not count furniture blocks towards the repetitions', () => {
    const blocks = [para('Fagforbundet Testdal', { furniture: true }), para('Fagforbundet Testdal'), para('Vi skal verve fleire.'), para('Fagforbundet Testdal')];
    expect(texts(blocks)).toEqual(['Fagforbundet Testdal', 'Vi skal verve fleire.', 'Fagforbundet Testdal']);
  });

  it.each(['Fagforbundet Testdal – Handlingsplan 2026–2027', 'Årsplan for Fagforbundet Testdal', 'Arbeidsplan Fagforbundet Testdal'])(
    'sets aside a line naming the plan (%j) when it is repeated twice',
    (title) => {
      const result = flatten([para(title), para('Vi skal verve fleire.'), para(title)]);
      expect(result.paras.map((p) => p.text)).toEqual(['Vi skal verve fleire.']);
      expect(result.notUsed).toEqual([
        { text: title, kind: 'furniture' },
        { text: title, kind: 'furniture' },
      ]);
    },
  );

  it('keeps a line naming the plan that appears once', () => {
    expect(texts([para('Fagforbundet Testdal – Handlingsplan 2026–2027'), para('Vi skal verve fleire.')])).toEqual([
      'Fagforbundet Testdal – Handlingsplan 2026–2027',
      'Vi skal verve fleire.',
    ]);
  });

  it('keeps repeated lines that do not look like running titles', () => {
    const blocks = [para('Vi skal verve'), para('Vi skal verve'), para('Vi skal verve')];
    expect(flatten(blocks).notUsed).toEqual([]);
  });
});

describe('flatten: table headers and situation tables', () => {
  it('makes a tableHeader paragraph a label, and the situation table after it adds none of its own', () => {
    const result = flatten([para('Område Nåsituasjon Kort sikt Lang sikt', { tableHeader: true }), table(SITUATION_HEADER, SITUATION_ROW)]);
    expect(result.notUsed).toEqual([{ text: 'Område Nåsituasjon Kort sikt Lang sikt', kind: 'label' }]);
    expect(result.paras).toEqual([]);
    expect(result.situation).toEqual([{ area: 'Digitalisering', now: 'Få brukar Org365', shortTerm: 'Kurs i Org365', longTerm: 'Alle brukar Org365' }]);
  });

  it('adds the header cells of a situation table without one as labels', () => {
    const result = flatten([table(SITUATION_HEADER, SITUATION_ROW)]);
    expect(result.notUsed).toEqual(SITUATION_HEADER.map((text) => ({ text, kind: 'label' })));
    expect(result.situation).toHaveLength(1);
  });

  it('lets a tableHeader paragraph stand only for the block right after it', () => {
    const result = flatten([para('Overskrift', { tableHeader: true }), para('Vi skal verve fleire.'), table(SITUATION_HEADER, SITUATION_ROW)]);
    expect(result.notUsed).toEqual([{ text: 'Overskrift', kind: 'label' }, ...SITUATION_HEADER.map((text) => ({ text, kind: 'label' }))]);
    expect(result.paras.map((p) => p.text)).toEqual(['Vi skal verve fleire.']);
  });

  it('includes a title row above the situation header among the labels and skips empty rows', () => {
    const result = flatten([table(['Nåsituasjon og utfordringar', '', '', ''], SITUATION_HEADER, ['', '', '', ''], SITUATION_ROW, ['Heiltid', 'Mykje deltid', 'Kartleggje', 'Fleire', 'heile stillingar'])]);
    expect(result.notUsed.map((n) => n.text)).toEqual(['Nåsituasjon og utfordringar', ...SITUATION_HEADER]);
    expect(result.situation).toEqual([
      { area: 'Digitalisering', now: 'Få brukar Org365', shortTerm: 'Kurs i Org365', longTerm: 'Alle brukar Org365' },
      { area: 'Heiltid', now: 'Mykje deltid', shortTerm: 'Kartleggje', longTerm: 'Fleire heile stillingar' },
    ]);
  });

  it('returns a role table’s header cells as labels', () => {
    const result = flatten([table(['Område', 'Hovudmål', 'Tiltak'], ['Digitalisering', 'Bidra til å motvirke digitalt utenforskap', 'Kurs for eldre'])]);
    expect(result.notUsed).toEqual([
      { text: 'Område', kind: 'label' },
      { text: 'Hovudmål', kind: 'label' },
      { text: 'Tiltak', kind: 'label' },
    ]);
    expect(result.paras.map((p) => [p.role, p.text])).toEqual([
      ['area', 'Digitalisering'],
      ['national', 'Bidra til å motvirke digitalt utenforskap'],
      ['local', 'Kurs for eldre'],
    ]);
  });
});

describe('joinUnfinished', () => {
  it.each([
    ['a comma', 'Vi skal verve i alle tariffområder,', 'og halde kurs.'],
    ['an ampersand', 'Helse &', 'omsorg skal vere tema.'],
    ['an open bracket', 'Vi skal nytte Org365 (', 'medlemsregisteret).'],
    ['a word hyphen', 'Vi skal delta i kommune-', 'og fylkestingsvalet.'],
    ['og', 'Vi skal verve og', 'halde kurs.'],
    ['til', 'Auke talet på medlemmer årlig til', '1200 innan 2027.'],
    ['i', 'Vi skal vere synlege i', 'Testdal kommune.'],
    ['på', 'Vi skal vere synlege på', 'alle arbeidsplassar.'],
    ['å', 'Vi skal arbeide for å', 'auke talet.'],
    ['an open word in capitals', 'Vi skal vere synlege OG', 'aktive.'],
    ['an open word with trailing space', 'Vi skal verve og ', 'halde kurs.'],
  ])('joins the next paragraph after %s', (_why, head, tail) => {
    expect(joinUnfinished([P(head), P(tail)])).toEqual([P(`${head} ${tail}`)]);
  });

  it.each([
    ['a possessive', 'Sikre yrkesskadedekning i alle tariffområda våre'],
    ['a full stop', 'Vi skal verve fleire.'],
    ['a closing word', 'Vi skal verve medlemmer'],
    ['a word merely ending in an open word', 'Vi skal gå på ski'],
    ['a hyphen after a space', 'Vi skal verve -'],
    ['a hyphen after a digit', 'Perioden 2026-'],
    ['a colon', 'Vi skal:'],
  ])('keeps the next paragraph apart after %s', (_why, head) => {
    expect(joinUnfinished([P(head), P('halde kurs.')])).toEqual([P(head), P('halde kurs.')]);
  });

  it.each([
    ['a bullet', P('Halde kurs', { bullet: true })],
    ['a numbered paragraph', P('2. Halde kurs', { number: 2 })],
    ['a table-role paragraph', P('Halde kurs', { role: 'local' })],
    ['the label Nasjonale mål', P('Nasjonale mål')],
    ['the label Nasjonale mål 2026–2027:', P('Nasjonale mål 2026–2027:')],
    ['the label Hovudmål', P('Hovudmål')],
    ['the label Strategiar', P('Strategiar')],
    ['the label Strategier:', P('Strategier:')],
  ])('never joins %s onto an unfinished paragraph', (_why, next) => {
    expect(joinUnfinished([P('Vi skal verve og'), next])).toEqual([P('Vi skal verve og'), next]);
  });

  it('never joins onto a table-role paragraph or from a heading', () => {
    const role = P('Vi skal verve og', { role: 'local' });
    expect(joinUnfinished([role, P('halde kurs.')])).toEqual([role, P('halde kurs.')]);
    const heading = P('Organisering og', { heading: 2 });
    expect(joinUnfinished([heading, P('verving')])).toEqual([heading, P('verving')]);
  });

  it('keeps the first paragraph’s bullet and number when it joins', () => {
    expect(joinUnfinished([P('Verve i alle tariffområda,', { bullet: true }), P('særleg helse.')])).toEqual([P('Verve i alle tariffområda, særleg helse.', { bullet: true })]);
    expect(joinUnfinished([P('3. Verve i', { number: 3 }), P('helse.')])).toEqual([P('3. Verve i helse.', { number: 3 })]);
  });

  it('joins a chain of unfinished paragraphs into one', () => {
    expect(joinUnfinished([P('Vi skal verve i'), P('kommunal sektor og'), P('i Spekter helse.'), P('Neste mål.')])).toEqual([
      P('Vi skal verve i kommunal sektor og i Spekter helse.'),
      P('Neste mål.'),
    ]);
  });

  it('returns nothing for nothing', () => {
    expect(joinUnfinished([])).toEqual([]);
  });
});

describe('splitQuotedPrefixes', () => {
  it.each([
    ['a nynorsk national goal', 'Sikre yrkesskadedekning i alle tariffområda våre', 'kartleggje kven som manglar dekning'],
    ['a bokmål strategy', 'Bidra til å motvirke digitalt utenforskap', 'Arrangere kurs for eldre medlemmer'],
    ['a nynorsk goal before a capitalised goal of the union', 'Sjukelønnsordninga står sterkt i perioden', 'Halde eit medlemsmøte om sjukeløn'],
  ])('splits %s off the text that follows it', (_why, head, rest) => {
    expect(splitQuotedPrefixes([P(`${head} ${rest}`)])).toEqual([P(head), P(rest)]);
  });

  it('keeps the original paragraph’s bullet and number on the quotation only', () => {
    const text = 'Bidra til å motvirke digitalt utenforskap Arrangere kurs for eldre medlemmer';
    expect(splitQuotedPrefixes([P(text, { bullet: true })])).toEqual([P('Bidra til å motvirke digitalt utenforskap', { bullet: true }), P('Arrangere kurs for eldre medlemmer')]);
  });

  it.each([
    ['a whole quotation alone', 'Sikre yrkesskadedekning i alle tariffområda våre'],
    ['fewer than three words after the quotation', 'Sikre yrkesskadedekning i alle tariffområda våre kartleggje dekning'],
    ['a rest carrying on with og', 'Sikre yrkesskadedekning i alle tariffområda våre og kartleggje kven som manglar'],
    ['a rest carrying on with som', 'Sikre yrkesskadedekning i alle tariffområda våre som vi skal kartleggje no'],
    ['a rest carrying on with kan', 'Sikre yrkesskadedekning i alle tariffområda våre kan vi gjere meir for'],
    ['a head only resembling a national goal', 'Sikre yrkesskadedekning i alle tariffområda kartleggje kven som manglar dekning'],
    ['a head resembling a goal with other words', 'Sikre yrkesskadedekning for medlemmene våre kartleggje kven som manglar dekning'],
    ['text not opening like the strategy plan', 'Vi skal sikre yrkesskadedekning i alle tariffområda våre kartleggje kven som manglar'],
  ])('leaves %s whole', (_why, text) => {
    expect(splitQuotedPrefixes([P(text)])).toEqual([P(text)]);
  });

  it('leaves table-role and heading paragraphs whole', () => {
    const text = 'Sikre yrkesskadedekning i alle tariffområda våre kartleggje kven som manglar dekning';
    const role = P(text, { role: 'national' });
    const heading = P(text, { heading: 3 });
    expect(splitQuotedPrefixes([role, heading])).toEqual([role, heading]);
  });

  it('splits each paragraph on its own and keeps the order', () => {
    const a = 'Sikre yrkesskadedekning i alle tariffområda våre kartleggje kven som manglar dekning';
    const b = 'Bidra til å motvirke digitalt utenforskap Arrangere kurs for eldre medlemmer';
    expect(splitQuotedPrefixes([P('Først'), P(a), P('Midt'), P(b)]).map((p) => p.text)).toEqual([
      'Først',
      'Sikre yrkesskadedekning i alle tariffområda våre',
      'kartleggje kven som manglar dekning',
      'Midt',
      'Bidra til å motvirke digitalt utenforskap',
      'Arrangere kurs for eldre medlemmer',
    ]);
  });
});

describe('flatten: joining and splitting', () => {
  it('joins broken paragraphs and then splits a quotation off the union’s text', () => {
    const result = flatten([para('Sikre yrkesskadedekning i alle tariffområda våre kartleggje kven som manglar dekning i'), para('kommunen.')]);
    expect(result.paras).toEqual([P('Sikre yrkesskadedekning i alle tariffområda våre'), P('kartleggje kven som manglar dekning i kommunen.')]);
  });

  it('reads bullets and numbers of plain paragraphs, and drops paragraphs without letters', () => {
    const result = flatten([para('• Verve fleire'), para('Halde kurs', { bullet: true }), para('2. Besøkje klubbar'), para('— — —'), para('Tittel', { heading: 1 })]);
    expect(result.paras).toEqual([P('Verve fleire', { bullet: true }), P('Halde kurs', { bullet: true }), P('2. Besøkje klubbar', { number: 2 }), P('Tittel', { heading: 1 })]);
  });
});
