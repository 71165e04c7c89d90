/**
 * Unit tests of the goal table reader (src/import/parse/goal-table.ts): which column is which, by
 * header labels or by content, and how each column's cells become role-tagged paragraphs.
 */
import { describe, expect, it } from 'vitest';
import type { ParagraphBlock, TableBlock } from '../../src/import/blocks.ts';
import { joinBrokenItems, readGoalTable } from '../../src/import/parse/goal-table.ts';
import type { Para, ParaRole } from '../../src/import/parse/paragraphs.ts';

type CellSpec = string | readonly string[] | readonly ParagraphBlock[];

const block = (text: string, extra: Partial<ParagraphBlock> = {}): ParagraphBlock => ({ kind: 'paragraph', text, ...extra });

function cell(spec: CellSpec): ParagraphBlock[] {
  if (typeof spec === 'string') return spec === '' ? [] : [block(spec)];
  return spec.map((p) => (typeof p === 'string' ? block(p) : p));
}

const table = (...rows: ReadonlyArray<readonly CellSpec[]>): TableBlock => ({ kind: 'table', rows: rows.map((r) => r.map(cell)) });

/** Records what the reader hands over: the block's text verbatim, its bullet flag and the role. */
function stubPara(b: ParagraphBlock, role: ParaRole): Para | null {
  if (!/\p{L}/u.test(b.text)) return null;
  return { text: b.text, bullet: Boolean(b.bullet), number: null, role };
}

const read = (t: TableBlock) => readGoalTable(t, stubPara);
const pairs = (t: TableBlock) => read(t)?.paras.map((p) => [p.role, p.text]) ?? null;

// Quotations of the strategy plan (src/import/national-template.ts).
const NB_GOAL_1 = 'Øke organisasjonsgraden i kommunal sektor og i Spekter helse';
const NB_GOAL_2 = 'Øke tallet på yrkesaktive medlemmer med 1,5 prosent årlig';
const NN_GOAL_1 = 'Sikre yrkesskadedekning i alle tariffområda våre';
const NN_GOAL_2 = 'Sjukelønnsordninga står sterkt i perioden';
const NB_STRATEGY = 'Bidra til å motvirke digitalt utenforskap';
const AREA_1 = 'Tariffmakt og organisasjonsbygging';
const AREA_6 = 'Digitalisering';

// The union's own words, resembling nothing in the strategy plan.
const OWN_A = 'Vi skal halde kurs for nye tillitsvalde kvar vår';
const OWN_B = 'Styret besøkjer alle arbeidsplassar minst ein gong';
const OWN_C = 'Minst tre vervekampanjer i året';

describe('readGoalTable: column roles from the header row', () => {
  it.each([
    ['Område', 'area'],
    ['Satsingsområde', 'area'],
    ['Nasjonale mål', 'national'],
    ['Hovudmål', 'national'],
    ['Strategiar', 'strategy'],
    ['Prioriterte områder', 'area'],
    ['Innsatsområde', 'area'],
    ['Områder', 'area'],
    ['Tema', 'area'],
    ['Nasjonale hovedmål', 'national'],
    ['Nasjonale mål 2026–2027:', 'national'],
    ['Hoved mål', 'national'],
    ['Nasjonalt', 'national'],
    ['Strategier 2026', 'strategy'],
  ] as const)('reads %j as the %s column beside a local column', (label, role) => {
    const cellText = role === 'area' ? AREA_1 : role === 'strategy' ? NB_STRATEGY : NB_GOAL_1;
    const result = read(table([label, 'Lokale mål'], [cellText, OWN_A]));
    expect(result?.labels).toEqual([label, 'Lokale mål']);
    expect(result?.paras.map((p) => [p.role, p.text])).toEqual([
      [role, cellText],
      ['local', OWN_A],
    ]);
  });

  it.each(['Lokale mål', 'Fagforbundet Testdal sine mål', 'Tiltak', 'Våre tiltak', 'Aktivitetar', 'Eigne mål', 'Mål', 'Fagforeininga'])('reads %j as the local column', (label) => {
    expect(pairs(table(['Nasjonale mål', label], [NB_GOAL_1, OWN_A]))).toEqual([
      ['national', NB_GOAL_1],
      ['local', OWN_A],
    ]);
  });

  it('reads a header even when its cells quote nothing the content test would know', () => {
    // By content alone this table has no area or national column; the header alone gives the roles.
    const result = read(table(['Område', 'Tiltak'], ['Lokalt arbeid', OWN_A]));
    expect(result?.labels).toEqual(['Område', 'Tiltak']);
    expect(result?.paras).toEqual([
      { text: 'Lokalt arbeid', bullet: false, number: null, role: 'area' },
      { text: OWN_A, bullet: false, number: null, role: 'local' },
    ]);
  });

  it('reads three- and four-column headers in their own order', () => {
    expect(pairs(table(['Satsingsområde', 'Hovudmål', 'Fagforbundet Testdal sine mål'], [AREA_6, NN_GOAL_2, OWN_A]))).toEqual([
      ['area', AREA_6],
      ['national', NN_GOAL_2],
      ['local', OWN_A],
    ]);
    const four = read(table(['Område', 'Nasjonale mål', 'Strategiar', 'Tiltak'], [AREA_6, NB_GOAL_1, NB_STRATEGY, OWN_A]));
    expect(four?.labels).toEqual(['Område', 'Nasjonale mål', 'Strategiar', 'Tiltak']);
    expect(four?.paras.map((p) => p.role)).toEqual(['area', 'national', 'strategy', 'local']);
  });

  it('returns the header cells as labels, cleaned and without empty cells', () => {
    const result = read(table(['  Nasjonale   mål: ', 'Lokale mål'], [NB_GOAL_1, OWN_A]));
    expect(result?.labels).toEqual(['Nasjonale mål:', 'Lokale mål']);
  });

  it('accepts a label of exactly 80 characters and 8 words', () => {
    const label80 = `Lokale mål for fagforeininga i ${'x'.repeat(49)}`;
    expect(label80).toHaveLength(80);
    expect(read(table(['Nasjonale mål', label80], [OWN_B, OWN_A]))?.labels).toEqual(['Nasjonale mål', label80]);
    const eightWords = 'Lokale mål for fagforeininga i Nordre Land kommune';
    expect(read(table(['Nasjonale mål', eightWords], [OWN_B, OWN_A]))?.labels).toEqual(['Nasjonale mål', eightWords]);
  });

  // Each header below is not a header of labels; the body quotes nothing, so no roles are found
  // from content either and the table is not a goal table.
  it.each([
    ['a cell over 80 characters', ['Nasjonale mål', `Lokale mål for fagforeininga i ${'x'.repeat(50)}`]],
    ['a cell of more than 8 words', ['Nasjonale mål', 'Lokale mål for fagforeininga i Nordre og Søndre Land']],
    ['two cells with the same role', ['Lokale mål', 'Tiltak']],
    ['two national columns', ['Nasjonale mål', 'Hovudmål', 'Tiltak']],
    ['no local column', ['Område', 'Nasjonale mål']],
    ['a cell that is no label', ['Nasjonale mål', 'Kommentar']],
    ['an empty cell', ['Nasjonale mål', '']],
  ] as const)('rejects a header with %s', (_why, header) => {
    const body = header.map((_, i) => [OWN_A, OWN_B, OWN_C][i] ?? OWN_C);
    expect(read(table(header, body, body))).toBeNull();
  });

  it('treats a rejected header row as content when the content gives the roles', () => {
    // 'Oversikt' names no role, so the first row is read as a body row like the rest.
    const result = read(table(['Oversikt', 'Kommentar'], [AREA_1, OWN_A], [AREA_6, OWN_B]));
    expect(result?.labels).toEqual([]);
    expect(result?.paras.map((p) => [p.role, p.text])).toEqual([
      ['area', 'Oversikt'],
      ['local', 'Kommentar'],
      ['area', AREA_1],
      ['local', OWN_A],
      ['area', AREA_6],
      ['local', OWN_B],
    ]);
  });

  it('is null for a header row with no rows below it', () => {
    expect(read(table(['Nasjonale mål', 'Lokale mål']))).toBeNull();
  });
});

describe('readGoalTable: column roles from the content', () => {
  it('finds the area column by area names and the local column as the one left', () => {
    const result = read(table([AREA_1, OWN_A], [AREA_6, OWN_B]));
    expect(result?.labels).toEqual([]);
    expect(result?.paras.map((p) => [p.role, p.text])).toEqual([
      ['area', AREA_1],
      ['local', OWN_A],
      ['area', AREA_6],
      ['local', OWN_B],
    ]);
  });

  it('finds the national column by quotations of national goals, in either language', () => {
    expect(pairs(table([NB_GOAL_1, OWN_A], [NN_GOAL_1, OWN_B]))).toEqual([
      ['national', NB_GOAL_1],
      ['local', OWN_A],
      ['national', NN_GOAL_1],
      ['local', OWN_B],
    ]);
  });

  it('reads area | national | local with the area cell only on an area’s first row', () => {
    expect(pairs(table([AREA_1, NB_GOAL_1, OWN_A], ['', NB_GOAL_2, OWN_B], [AREA_6, NN_GOAL_2, OWN_C]))).toEqual([
      ['area', AREA_1],
      ['national', NB_GOAL_1],
      ['local', OWN_A],
      ['national', NB_GOAL_2],
      ['local', OWN_B],
      ['area', AREA_6],
      ['national', NN_GOAL_2],
      ['local', OWN_C],
    ]);
  });

  it('takes a column as the area column when at least half of its non-empty cells name an area', () => {
    expect(read(table([AREA_1, OWN_A], ['Annet', OWN_B]))?.paras[0]?.role).toBe('area');
    expect(read(table([AREA_1, OWN_A], ['Annet', OWN_B], ['Diverse', OWN_C]))).toBeNull();
  });

  it('takes a column as the national column when at least half of its non-empty cells quote a goal', () => {
    expect(read(table([NB_GOAL_1, OWN_A], ['Eigne tankar om arbeidet', OWN_B]))?.paras[0]?.role).toBe('national');
    expect(read(table([NB_GOAL_1, OWN_A], ['Eigne tankar om arbeidet', OWN_B], ['Andre tankar om året', OWN_C]))).toBeNull();
  });

  it('does not count a cell of more than two paragraphs as an area name', () => {
    expect(read(table([[AREA_1, 'Meir', 'Endå meir'], OWN_A], [[AREA_6, 'Meir', 'Endå meir'], OWN_B]))).toBeNull();
  });

  it('counts a cell with one quoted goal among other paragraphs as national', () => {
    expect(pairs(table([['Innleiing til raden', NB_GOAL_1], OWN_A]))).toEqual([
      ['national', 'Innleiing til raden'],
      ['national', NB_GOAL_1],
      ['local', OWN_A],
    ]);
  });

  it('is null when two columns are left for the union’s goals', () => {
    expect(read(table([AREA_1, OWN_A, OWN_B], [AREA_6, OWN_C, OWN_A]))).toBeNull();
    expect(read(table([OWN_A, OWN_B], [OWN_C, OWN_A]))).toBeNull();
  });

  it('is null when the one column left is the first', () => {
    expect(read(table([OWN_A, NB_GOAL_1], [OWN_B, NB_GOAL_2]))).toBeNull();
    expect(read(table([OWN_A, AREA_1], [OWN_B, AREA_6]))).toBeNull();
  });

  it('is null with a strategy column but neither an area nor a national column', () => {
    expect(read(table([NB_STRATEGY, OWN_A], [NB_STRATEGY, OWN_B]))).toBeNull();
  });

  it('reads national | strategy | local', () => {
    expect(pairs(table([NB_GOAL_1, NB_STRATEGY, OWN_A]))).toEqual([
      ['national', NB_GOAL_1],
      ['strategy', NB_STRATEGY],
      ['local', OWN_A],
    ]);
  });

  it('is null when two columns have the same role', () => {
    expect(read(table([NB_GOAL_1, NB_GOAL_2, OWN_A], [NN_GOAL_1, NN_GOAL_2, OWN_B]))).toBeNull();
  });
});

describe('readGoalTable: shape', () => {
  it.each([
    ['width 1', table([NB_GOAL_1], [OWN_A])],
    ['width 5', table(['Område', 'Nasjonale mål', 'Strategiar', 'Tiltak', 'Lokale mål'], [AREA_1, NB_GOAL_1, NB_STRATEGY, OWN_A, OWN_B])],
    ['width 5 by content', table([AREA_1, NB_GOAL_1, NB_STRATEGY, OWN_A, ''], [AREA_6, NB_GOAL_2, NB_STRATEGY, OWN_B, ''])],
    ['rows of unequal width', table(['Nasjonale mål', 'Lokale mål'], [NB_GOAL_1, OWN_A], [NB_GOAL_2])],
    ['a wider row below', table(['Nasjonale mål', 'Lokale mål'], [NB_GOAL_1, OWN_A, OWN_B])],
    ['no rows', table()],
  ])('is null for %s', (_why, t) => {
    expect(read(t)).toBeNull();
  });
});

describe('readGoalTable: cells read out as paragraphs', () => {
  it('joins an area cell into one area paragraph with its leading number', () => {
    const result = read(table(['Område', 'Tiltak'], [['3. Gode offentlige', '', 'tjenester med egne ansatte'], OWN_A]));
    expect(result?.paras[0]).toEqual({ text: '3. Gode offentlige tjenester med egne ansatte', bullet: false, number: 3, role: 'area' });
  });

  it('gives an unnumbered area paragraph the number null and strips bullets', () => {
    const result = read(table(['Område', 'Tiltak'], [[block('• Digitalisering', { bullet: true })], OWN_A]));
    expect(result?.paras[0]).toEqual({ text: 'Digitalisering', bullet: false, number: null, role: 'area' });
  });

  it('hands national and strategy items to toPara joined, cleaned and without bullets', () => {
    const seen: Array<[string, ParaRole, boolean | undefined]> = [];
    const toPara = (b: ParagraphBlock, role: ParaRole): Para | null => {
      seen.push([b.text, role, b.bullet]);
      return stubPara(b, role);
    };
    const t = table(
      ['Nasjonale mål', 'Strategiar', 'Lokale mål'],
      [
        ['• Øke organisasjonsgraden i kommunal', 'sektor og i   Spekter helse', NB_GOAL_2],
        ['Bidra til å motvirke', 'digitalt utenforskap'],
        [block('• Eige mål', { bullet: true })],
      ],
    );
    const result = readGoalTable(t, toPara);
    expect(seen).toEqual([
      [NB_GOAL_1, 'national', undefined],
      [NB_GOAL_2, 'national', undefined],
      [NB_STRATEGY, 'strategy', undefined],
      ['• Eige mål', 'local', true],
    ]);
    expect(result?.paras.map((p) => p.role)).toEqual(['national', 'national', 'strategy', 'local']);
  });

  it('makes each paragraph of a local cell a local paragraph of its own, as given', () => {
    const own = [block(OWN_A), block('• Andre mål', { bullet: true }), block(OWN_B)];
    const result = read(table(['Hovudmål', 'Tiltak'], [NB_GOAL_1, own]));
    expect(result?.paras).toEqual([
      { text: NB_GOAL_1, bullet: false, number: null, role: 'national' },
      { text: OWN_A, bullet: false, number: null, role: 'local' },
      { text: '• Andre mål', bullet: true, number: null, role: 'local' },
      { text: OWN_B, bullet: false, number: null, role: 'local' },
    ]);
  });

  it('keeps only what toPara returns', () => {
    const result = readGoalTable(table(['Hovudmål', 'Tiltak'], [NB_GOAL_1, [OWN_A, OWN_B]]), (b, role) =>
      b.text === OWN_A ? null : stubPara(b, role),
    );
    expect(result?.paras.map((p) => p.text)).toEqual([NB_GOAL_1, OWN_B]);
  });

  it('reads empty cells as nothing', () => {
    const result = read(table(['Område', 'Nasjonale mål', 'Lokale mål'], ['', '', OWN_A], [AREA_6, NB_GOAL_1, ''], ['–', '', '']));
    expect(result?.paras.map((p) => [p.role, p.text])).toEqual([
      ['local', OWN_A],
      ['area', AREA_6],
      ['national', NB_GOAL_1],
    ]);
  });
});

describe('joinBrokenItems', () => {
  it.each([
    ['nothing', [], []],
    ['one item', [NB_GOAL_1], [NB_GOAL_1]],
    ['a lower-case continuation', ['Øke organisasjonsgraden i kommunal', 'sektor og i Spekter helse'], [NB_GOAL_1]],
    ['a lower-case continuation of the union’s own text', ['Vi skal', 'verve fleire'], ['Vi skal verve fleire']],
    ['several continuations in a row', ['Øke organisasjonsgraden', 'i kommunal sektor', 'og i Spekter helse'], [NB_GOAL_1]],
    ['a capitalised continuation that completes a quotation', ['Øke organisasjonsgraden i kommunal sektor og i', 'Spekter helse'], [NB_GOAL_1]],
    [
      'a capitalised continuation that lengthens a quotation',
      ['Bygge velfungerende klubber,', 'Med godt skolerte tillitsvalgte'],
      ['Bygge velfungerende klubber, Med godt skolerte tillitsvalgte'],
    ],
    ['two capitalised items that quote nothing', ['Verve flere medlemmer', 'Holde kurs for tillitsvalgte'], ['Verve flere medlemmer', 'Holde kurs for tillitsvalgte']],
    ['two complete quotations', [NB_GOAL_1, NB_GOAL_2], [NB_GOAL_1, NB_GOAL_2]],
    ['a quotation and the union’s own capitalised item', [NB_GOAL_1, 'Verve flere medlemmer'], [NB_GOAL_1, 'Verve flere medlemmer']],
  ] as const)('%s', (_why, texts, expected) => {
    expect(joinBrokenItems(texts)).toEqual(expected);
  });

  it.each(['.', '!', '?', ':', ';'])('never joins onto a piece ending in %j', (mark) => {
    expect(joinBrokenItems([`Øke organisasjonsgraden i kommunal${mark}`, 'sektor og i Spekter helse'])).toEqual([
      `Øke organisasjonsgraden i kommunal${mark}`,
      'sektor og i Spekter helse',
    ]);
    expect(joinBrokenItems([`Øke organisasjonsgraden i kommunal sektor og i${mark}`, 'Spekter helse'])).toEqual([
      `Øke organisasjonsgraden i kommunal sektor og i${mark}`,
      'Spekter helse',
    ]);
  });

  it('joins onto a piece ending in other punctuation', () => {
    expect(joinBrokenItems(['Bygge velfungerende klubber,', 'med godt skolerte tillitsvalgte'])).toEqual(['Bygge velfungerende klubber, med godt skolerte tillitsvalgte']);
  });

  it('does not change its input', () => {
    const input = ['Øke organisasjonsgraden i kommunal', 'sektor og i Spekter helse'];
    joinBrokenItems(input);
    expect(input).toEqual(['Øke organisasjonsgraden i kommunal', 'sektor og i Spekter helse']);
  });
});

describe('readGoalTable: a header naming the strategic areas', () => {
  it('reads it as the area column, not strategies', () => {
    const cell = (text: string) => [{ kind: 'paragraph' as const, text }];
    for (const label of ['Strategiske områder', 'Strategisk område']) {
      const read = readGoalTable({ kind: 'table', rows: [[cell(label), cell('Lokale mål')], [cell('Tariffmakt og organisasjonsbygging'), cell('Vi skal verve')]] }, (b, role) => ({ text: b.text, bullet: false, number: null, role }));
      expect(read?.paras.map((p) => p.role), label).toEqual(['area', 'local']);
    }
  });
});
