/**
 * Reading the union's roster from .xlsx and .csv files (src/import/roster, issue 13): header
 * detection in any language, order and position, the files refused and why, and the import plan
 * checked against an existing roster. Workbooks are built here with excel-builder-vanilla (the
 * library the export uses) and, for an independent producer, by hand with fflate.
 */
import { createExcelFile, createWorkbook } from 'excel-builder-vanilla';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Representative } from '../../src/domain/roster';
import {
  headerKind,
  isRosterFileError,
  parseArea,
  parseRole,
  planRosterImport,
  readRosterFile,
  ROSTER_MAX_ROWS,
  RosterFileError,
  type RosterFileErrorCode,
  type RosterPlanRow,
  type RosterSheet,
} from '../../src/import/roster/index';
import { storedWorkbook } from '../../src/import/roster/xlsx-read';

type Cell = string | number;

async function xlsx(sheets: Array<{ name: string; rows: Cell[][] }>): Promise<Uint8Array> {
  const workbook = createWorkbook();
  for (const s of sheets) {
    const sheet = workbook.createWorksheet({ name: s.name });
    sheet.setData(s.rows);
    workbook.addWorksheet(sheet);
  }
  return createExcelFile(workbook, 'Uint8Array');
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal workbook written by hand: inline strings, cells placed by their references (gaps allowed). */
function handXlsx(cells: Record<string, string>): Uint8Array {
  const byRow = new Map<number, string[]>();
  for (const [ref, text] of Object.entries(cells)) {
    const row = Number(/\d+$/.exec(ref)?.[0]);
    byRow.set(row, [...(byRow.get(row) ?? []), `<c r="${ref}" t="inlineStr"><is><t>${xml(text)}</t></is></c>`]);
  }
  const sheetData = [...byRow.entries()]
    .sort(([a], [b]) => a - b)
    .map(([r, cs]) => `<row r="${r}">${cs.join('')}</row>`)
    .join('');
  const ns = 'http://schemas.openxmlformats.org';
  return zipSync({
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Liste" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`),
  });
}

const CP1252: Record<string, number> = { '€': 0x80, '–': 0x96, '—': 0x97, '’': 0x92 };
/** Text as Windows-1252 bytes (what Excel on Windows writes for "CSV (semikolondelt)"). */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from(Array.from(text), (ch) => {
    const code = CP1252[ch] ?? ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`not in Windows-1252: ${ch}`);
    return code;
  });
}
const utf8 = (text: string) => new TextEncoder().encode(text);

async function refusal(promise: Promise<unknown>): Promise<RosterFileError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isRosterFileError(err), String(err)).toBe(true);
  return err as RosterFileError;
}
const codeOf = async (name: string, bytes: Uint8Array): Promise<RosterFileErrorCode> => (await refusal(readRosterFile({ name, bytes }))).code;

function rep(id: string, over: Partial<Representative> = {}): Representative {
  return { id, name: `Rep ${id}`, email: `${id}@example.org`, role: 'ptv', area: 'KS', workplace: 'Alver sjukeheim', entraId: null, marks: {}, seen: {}, retired: false, ...over };
}

/** A read sheet built directly, for the plan's tests. */
function sheetOf(rows: Array<Partial<Record<'name' | 'email' | 'role' | 'area' | 'workplace', string>>>): RosterSheet {
  const col = (index: number, header: string) => [{ index, letter: String.fromCharCode(65 + index), header }];
  return {
    format: 'csv',
    sheetName: null,
    headerRow: 1,
    columns: { name: col(0, 'Navn'), email: col(1, 'E-post'), role: col(2, 'Rolle'), area: col(3, 'Tariffområde'), workplace: col(4, 'Arbeidsplass') },
    rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells: { name: '', email: '', role: '', area: '', workplace: '', ...cells } })),
  };
}

describe('reading .xlsx', () => {
  it('maps the header and reads each row with the number Excel shows', async () => {
    const bytes = await xlsx([
      {
        name: 'Tillitsvalgte',
        rows: [
          ['Navn', 'E-post', 'Rolle', 'Tariffområde', 'Arbeidsplass'],
          ['Kari Nordmann', 'kari@example.org', 'KTV', 'KS', 'Alver sjukeheim'],
          ['Ola Nordmann', 'ola@example.org', 'Verneombud', '', 'Knarvik skule'],
        ],
      },
    ]);
    const sheet = await readRosterFile({ name: 'Tillitsvalgte.xlsx', bytes });
    expect(sheet.format).toBe('xlsx');
    expect(sheet.sheetName).toBe('Tillitsvalgte');
    expect(sheet.headerRow).toBe(1);
    expect(sheet.columns.email).toEqual([{ index: 1, letter: 'B', header: 'E-post' }]);
    expect(sheet.columns.area).toEqual([{ index: 3, letter: 'D', header: 'Tariffområde' }]);
    expect(sheet.rows).toEqual([
      { rowNumber: 2, cells: { name: 'Kari Nordmann', email: 'kari@example.org', role: 'KTV', area: 'KS', workplace: 'Alver sjukeheim' } },
      { rowNumber: 3, cells: { name: 'Ola Nordmann', email: 'ola@example.org', role: 'Verneombud', area: '', workplace: 'Knarvik skule' } },
    ]);
  });

  it('finds the header below title rows, in any column order and case, and joins first and last name', async () => {
    const bytes = await xlsx([
      {
        name: 'Ark1',
        rows: [
          ['Tillitsvalde i Fagforbundet Alver'],
          ['Oppdatert 1. mars'],
          [],
          ['EPOST', 'Etternamn', 'Fornamn', 'Arbeidsstad', 'Verv', 'Avtaleomraade', 'Merknad'],
          ['kari@example.org', 'Nordmann', 'Kari', 'Alver sjukeheim', 'Hovudtillitsvald', 'KS', 'ny i år'],
          [],
          ['  ola@example.org ', 'Nordmann', 'Ola  Jakob', 'Knarvik skule', 'PTV', 'Staten', ''],
        ],
      },
    ]);
    const sheet = await readRosterFile({ name: 'liste.xlsx', bytes });
    expect(sheet.headerRow).toBe(4);
    expect(sheet.columns.name.map((c) => c.letter)).toEqual(['C', 'B']);
    expect(sheet.columns.workplace.map((c) => c.header)).toEqual(['Arbeidsstad']);
    expect(sheet.rows).toEqual([
      { rowNumber: 5, cells: { name: 'Kari Nordmann', email: 'kari@example.org', role: 'Hovudtillitsvald', area: 'KS', workplace: 'Alver sjukeheim' } },
      { rowNumber: 7, cells: { name: 'Ola Jakob Nordmann', email: 'ola@example.org', role: 'PTV', area: 'Staten', workplace: 'Knarvik skule' } },
    ]);
  });

  it('reads the sheet whose header it recognises, skipping a cover sheet, and numbers from the sheet\'s own rows', async () => {
    const bytes = await xlsx([
      { name: 'Forside', rows: [['Oversikt over tillitsvalgte'], ['Se neste ark']] },
      { name: 'Liste', rows: [['Name', 'Email address', 'Role', 'Bargaining area', 'Workplace'], ['Kari Nordmann', 'mailto:kari@example.org', 'Board member', 'Private', 'Coop']] },
    ]);
    const sheet = await readRosterFile({ name: 'roster.xlsx', bytes });
    expect(sheet.sheetName).toBe('Liste');
    expect(sheet.rows).toEqual([{ rowNumber: 2, cells: { name: 'Kari Nordmann', email: 'kari@example.org', role: 'Board member', area: 'Private', workplace: 'Coop' } }]);
  });

  it('reads a workbook written by another producer: inline strings, data from row 3 and column B', async () => {
    const bytes = handXlsx({ B1: 'Fagforbundet Alver', B3: 'Navn', C3: 'E-post', D3: 'Rolle', B4: 'Kari & Co', C4: 'kari@example.org', D4: 'KTV', B6: 'Ola', C6: 'ola@example.org', D6: 'PTV' });
    const sheet = await readRosterFile({ name: 'x.xlsx', bytes });
    expect(sheet.headerRow).toBe(3);
    expect(sheet.columns.name).toEqual([{ index: 1, letter: 'B', header: 'Navn' }]);
    expect(sheet.columns.area).toEqual([]);
    expect(sheet.rows.map((r) => [r.rowNumber, r.cells.name, r.cells.role, r.cells.area])).toEqual([
      [4, 'Kari & Co', 'KTV', ''],
      [6, 'Ola', 'PTV', ''],
    ]);
  });

  it('reads numbers as written', async () => {
    const bytes = await xlsx([{ name: 'A', rows: [['Navn', 'E-post', 'Arbeidsplass'], ['Kari', 'kari@example.org', 4021]] }]);
    expect((await readRosterFile({ name: 'a.xlsx', bytes })).rows[0]?.cells.workplace).toBe('4021');
  });

  it('repacks the workbook without compression, so the reader never inflates (no Web Worker in the tab)', async () => {
    const big = Array.from({ length: 3000 }, (_, i) => [`Person ${i}`, `p${i}@example.org`, 'PTV', 'KS', `Arbeidsplass ${i % 40}`]);
    const bytes = await xlsx([{ name: 'A', rows: [['Navn', 'E-post', 'Rolle', 'Tariffområde', 'Arbeidsplass'], ...big] }]);
    const stored = await storedWorkbook(bytes);
    const view = new DataView(stored.buffer, stored.byteOffset, stored.byteLength);
    const methods: number[] = [];
    for (let i = 0; i + 4 <= stored.length; i++) if (view.getUint32(i, true) === 0x04034b50) methods.push(view.getUint16(i + 8, true));
    expect(methods.length).toBeGreaterThan(3);
    expect(new Set(methods)).toEqual(new Set([0]));
    expect(stored.length).toBeGreaterThan(512 * 1024);
    expect((await readRosterFile({ name: 'a.xlsx', bytes })).rows).toHaveLength(3000);
  });
});

describe('reading .csv', () => {
  it('reads Windows-1252 with ";" and a title row, as Norwegian Excel saves it', async () => {
    const text = 'Tillitsvalgte 2026 – Fagforbundet Ås;;;;\r\nNavn;E-post;Rolle;Tariffområde;Arbeidsplass\r\nKåre Ødegård;kare@example.org;Klubbtillitsvalgt;Oslo kommune;Sagene bydel\r\nÆsa Ås;aesa@example.org;HVO;Spekter;Oslo universitetssykehus\r\n';
    const sheet = await readRosterFile({ name: 'liste.csv', bytes: cp1252(text) });
    expect(sheet.format).toBe('csv');
    expect(sheet.headerRow).toBe(2);
    expect(sheet.columns.area[0]?.header).toBe('Tariffområde');
    expect(sheet.rows).toEqual([
      { rowNumber: 3, cells: { name: 'Kåre Ødegård', email: 'kare@example.org', role: 'Klubbtillitsvalgt', area: 'Oslo kommune', workplace: 'Sagene bydel' } },
      { rowNumber: 4, cells: { name: 'Æsa Ås', email: 'aesa@example.org', role: 'HVO', area: 'Spekter', workplace: 'Oslo universitetssykehus' } },
    ]);
  });

  it('reads "," with quoted fields holding commas, line breaks and quotes; UTF-8 with a BOM; numbers rows by record', async () => {
    const text = '\ufeffName,E-mail,Role,Workplace\n"Nordmann, Kari",kari@example.org,KTV,"Alver ""gamle"" sjukeheim\nAvdeling 2"\nOla,ola@example.org,PTV,Knarvik\n';
    const sheet = await readRosterFile({ name: 'roster.csv', bytes: utf8(text) });
    expect(sheet.rows).toEqual([
      { rowNumber: 2, cells: { name: 'Nordmann, Kari', email: 'kari@example.org', role: 'KTV', area: '', workplace: 'Alver "gamle" sjukeheim Avdeling 2' } },
      { rowNumber: 3, cells: { name: 'Ola', email: 'ola@example.org', role: 'PTV', area: '', workplace: 'Knarvik' } },
    ]);
  });

  it('reads tab-separated UTF-16 (Excel\'s "Unicode text") and UTF-8 without a BOM', async () => {
    const text = 'Navn\tEpost\tVerv\nKari Nordmann\tkari@example.org\tStyremedlem\n';
    const utf16 = new Uint8Array(Buffer.from('\ufeff' + text, 'utf16le'));
    for (const bytes of [utf16, utf8(text)]) {
      const sheet = await readRosterFile({ name: 'liste.txt', bytes });
      expect(sheet.rows).toEqual([{ rowNumber: 2, cells: { name: 'Kari Nordmann', email: 'kari@example.org', role: 'Styremedlem', area: '', workplace: '' } }]);
    }
  });

  it('follows Excel\'s "sep=" line, which is not a row', async () => {
    const text = 'sep=,\r\nNavn,E-post\r\n"Nordmann; Kari",kari@example.org\r\n';
    const sheet = await readRosterFile({ name: 'x.csv', bytes: utf8(text) });
    expect(sheet.headerRow).toBe(1);
    expect(sheet.rows).toEqual([{ rowNumber: 2, cells: { name: 'Nordmann; Kari', email: 'kari@example.org', role: '', area: '', workplace: '' } }]);
  });

  it('chooses the separator whose reading has the header (a title row with commas does not mislead it)', async () => {
    const text = 'Liste, oppdatert mars, 2026\nNavn;E-post;Rolle\nKari;kari@example.org;KTV\n';
    const sheet = await readRosterFile({ name: 'x.csv', bytes: utf8(text) });
    expect(sheet.rows[0]?.cells).toEqual({ name: 'Kari', email: 'kari@example.org', role: 'KTV', area: '', workplace: '' });
  });
});

describe('headers, roles and areas in nb, nn and en', () => {
  it('recognises header variants, ignoring case, accents, punctuation and parentheses', () => {
    const cases: Array<[string, string | null]> = [
      ['Navn', 'name'], ['NAMN', 'name'], ['Name', 'name'], ['Fullt navn', 'name'],
      ['Fornavn', 'firstName'], ['First name', 'firstName'], ['Etternamn', 'lastName'], ['Surname', 'lastName'],
      ['E-post', 'email'], ['Epost', 'email'], ['E-mail', 'email'], ['Email', 'email'], ['E-postadresse (Org365)', 'email'], ['E-post privat', 'email'],
      ['Rolle', 'role'], ['Verv', 'role'], ['Role', 'role'],
      ['Tariffområde', 'area'], ['Tariffomrade', 'area'], ['TARIFFOMRÅDE', 'area'], ['Avtaleområde', 'area'], ['Bargaining area', 'area'],
      ['Arbeidsplass', 'workplace'], ['Arbeidsstad', 'workplace'], ['Workplace', 'workplace'], ['Virksomhet', 'workplace'], ['Verksemd', 'workplace'],
      ['Telefon', null], ['', null], ['Merknad', null],
    ];
    for (const [text, kind] of cases) expect([text, headerKind(text)]).toEqual([text, kind]);
  });

  it('maps roles by name and abbreviation to the domain\'s RepRole', () => {
    const cases: Array<[string, string | null]> = [
      ['PTV', 'ptv'], ['ptv', 'ptv'], ['Plasstillitsvalgt', 'ptv'], ['plasstillitsvald', 'ptv'], ['Plasstillitsvalgt (PTV)', 'ptv'],
      ['KTV', 'ktv'], ['Klubbtillitsvalgt', 'ktv'], ['Klubbtillitsvald', 'ktv'],
      ['HTV', 'htv'], ['Hovedtillitsvalgt', 'htv'], ['Hovudtillitsvald', 'htv'], ['HTV – hovedtillitsvalgt', 'htv'],
      ['Verneombud', 'safety'], ['HVO', 'safety'], ['Safety representative', 'safety'], ['Verneombod', 'safety'],
      ['Styremedlem', 'board'], ['Styret', 'board'], ['Board member', 'board'], ['Leder', 'board'], ['Nestleder i styret', 'board'], ['Kasserer', 'board'], ['Leiar', 'board'],
      ['Annet', 'other'], ['Anna', 'other'], ['Other', 'other'],
      ['', null], ['Sjef', null], ['Verneombud og styremedlem', null], ['Klubbleder', null],
    ];
    for (const [text, role] of cases) expect([text, parseRole(text)]).toEqual([text, role]);
  });

  it('maps bargaining areas to the domain\'s TariffArea', () => {
    const cases: Array<[string, string | null]> = [
      ['KS', 'KS'], ['ks', 'KS'], ['Spekter', 'Spekter'], ['NHO', 'NHO'], ['privat', 'NHO'], ['Private', 'NHO'], ['NHO/privat', 'NHO'],
      ['Stat', 'Stat'], ['Staten', 'Stat'], ['Oslo', 'Oslo'], ['Oslo kommune', 'Oslo'], ['Virke', 'Virke'], ['Annet', 'Other'], ['Other', 'Other'],
      ['Oslo universitetssykehus', null], ['Helse Vest', null],
    ];
    for (const [text, area] of cases) expect([text, parseArea(text)]).toEqual([text, area]);
  });
});

describe('files refused', () => {
  it('refuses an empty file, a blank text, and a header without rows', async () => {
    expect(await codeOf('x.csv', new Uint8Array(0))).toBe('empty');
    expect(await codeOf('x.csv', utf8(' \r\n\t\r\n'))).toBe('empty');
    expect(await codeOf('x.csv', utf8('Navn;E-post;Rolle\r\n;;\r\n'))).toBe('empty');
    expect(await codeOf('x.xlsx', await xlsx([{ name: 'A', rows: [] }]))).toBe('empty');
  });

  it('refuses a file without a name and e-mail column', async () => {
    expect(await codeOf('x.csv', utf8('Navn;Telefon\r\nKari;12345678\r\n'))).toBe('noHeader');
    expect(await codeOf('x.csv', utf8('Kari Nordmann;kari@example.org;KTV\r\n'))).toBe('noHeader');
    expect(await codeOf('x.xlsx', await xlsx([{ name: 'A', rows: [['Møteplan'], ['Mars', 'April']] }]))).toBe('noHeader');
    // The header must be among the top rows.
    const late = [...Array.from({ length: 20 }, () => ['Tittel']), ['Navn', 'E-post'], ['Kari', 'kari@example.org']];
    expect(await codeOf('x.xlsx', await xlsx([{ name: 'A', rows: late }]))).toBe('noHeader');
  });

  it('refuses other file types, by their bytes first', async () => {
    expect(await codeOf('plan.pdf', utf8('%PDF-1.7\n...'))).toBe('unsupportedType');
    expect(await codeOf('liste.csv', utf8('%PDF-1.7\n...'))).toBe('unsupportedType');
    expect(await codeOf('liste.csv', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('unsupportedType');
    expect(await codeOf('liste.csv', Uint8Array.from({ length: 200 }, (_, i) => (i * 7) % 256))).toBe('unsupportedType');
    expect(await codeOf('plan.docx', await xlsx([{ name: 'A', rows: [['Navn', 'E-post']] }]))).toBe('unsupportedType');
    expect(await codeOf('liste.ods', await xlsx([{ name: 'A', rows: [['Navn', 'E-post']] }]))).toBe('unsupportedType');
    expect(await codeOf('liste.numbers', utf8('Navn;E-post\nKari;kari@example.org'))).toBe('unsupportedType');
  });

  it('refuses a file over 5 MB before reading it', async () => {
    const err = await refusal(readRosterFile({ name: 'x.csv', bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41) }));
    expect(err.code).toBe('tooLarge');
    expect(err.params).toEqual({ limit: 5 });
    // Exactly 5 MB is read (and here has no header).
    expect(await codeOf('x.csv', new Uint8Array(5 * 1024 * 1024).fill(0x41))).toBe('noHeader');
  });

  it('refuses a workbook that is not a ZIP, a truncated one and one without a workbook as corrupt', async () => {
    const good = await xlsx([{ name: 'A', rows: [['Navn', 'E-post'], ['Kari', 'kari@example.org']] }]);
    expect(await codeOf('x.xlsx', utf8('Navn;E-post\nKari;kari@example.org'))).toBe('corrupt');
    expect(await codeOf('x.xlsx', good.slice(0, Math.floor(good.length / 2)))).toBe('corrupt');
    expect(await codeOf('x.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]))).toBe('corrupt');
    expect(await codeOf('x.xlsx', zipSync({ 'hello.xml': strToU8('<hello/>') }))).toBe('corrupt');
    const damaged = good.slice();
    const firstData = 30 + 'xl/worksheets/sheet1.xml'.length; // the first entry's data after its local header
    for (let i = firstData; i < firstData + 40; i++) damaged[i] = 0xff;
    expect(await codeOf('x.xlsx', damaged)).toBe('corrupt');
  });

  it('refuses a zip bomb from its directory, before inflating anything', async () => {
    const good = await xlsx([{ name: 'A', rows: [['Navn', 'E-post'], ['Kari', 'kari@example.org']] }]);
    const bomb = good.slice();
    const view = new DataView(bomb.buffer);
    let central = -1;
    for (let i = 0; i + 4 <= bomb.length; i++) if (view.getUint32(i, true) === 0x02014b50) central = i;
    expect(central).toBeGreaterThan(0);
    view.setUint32(central + 24, 200 * 1024 * 1024, true);
    const started = performance.now();
    const err = await refusal(readRosterFile({ name: 'x.xlsx', bytes: bomb }));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(err.code).toBe('zipBomb');
    expect(err.params).toEqual({ limit: 50 });
    // A real one: 3 MB of zeros in a few KB, against a 2 MB limit.
    const real = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/padding.xml': new Uint8Array(3 * 1024 * 1024) }, { level: 9 });
    expect(real.length).toBeLessThan(64 * 1024);
    expect((await refusal(storedWorkbook(real, 2 * 1024 * 1024))).code).toBe('zipBomb');
  });

  it('refuses a password-protected workbook (an OLE compound file) as encrypted, and a legacy .xls as unsupported', async () => {
    const cfb = (streams: string[]) => {
      const bytes = new Uint8Array(2048);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      let at = 512;
      for (const name of streams) {
        bytes.set(Buffer.from(name, 'utf16le'), at);
        at += 128;
      }
      return bytes;
    };
    const encrypted = cfb(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']);
    expect(await codeOf('Tillitsvalgte.xlsx', encrypted)).toBe('encrypted');
    expect(await codeOf('Tillitsvalgte.xls', encrypted)).toBe('encrypted');
    expect(await codeOf('Tillitsvalgte', encrypted)).toBe('encrypted');
    expect(await codeOf('Tillitsvalgte.xlsx', cfb(['Root Entry']))).toBe('encrypted');
    expect(await codeOf('gammel.xls', cfb(['Root Entry', 'Workbook']))).toBe('unsupportedType');
  });

  it(`refuses more than ${ROSTER_MAX_ROWS} rows, and reads ${ROSTER_MAX_ROWS}`, async () => {
    const rows = (n: number) => ['Navn;E-post;Rolle', ...Array.from({ length: n }, (_, i) => `Person ${i};p${i}@example.org;PTV`)].join('\r\n');
    const err = await refusal(readRosterFile({ name: 'x.csv', bytes: utf8(rows(ROSTER_MAX_ROWS + 1)) }));
    expect(err.code).toBe('tooManyRows');
    expect(err.params).toEqual({ limit: 5000, rows: 5001 });
    expect((await readRosterFile({ name: 'x.csv', bytes: utf8(rows(ROSTER_MAX_ROWS)) })).rows).toHaveLength(5000);
    const book = await xlsx([{ name: 'A', rows: [['Navn', 'E-post'], ...Array.from({ length: 5001 }, (_, i) => [`Person ${i}`, `p${i}@example.org`])] }]);
    expect(await codeOf('x.xlsx', book)).toBe('tooManyRows');
  });
});

describe('the import plan', () => {
  const byRow = (rows: readonly RosterPlanRow[], n: number) => rows.find((r) => r.rowNumber === n);

  it('flags every row error, with the codes the UI translates', () => {
    const plan = planRosterImport(
      sheetOf([
        { name: '', email: 'a@example.org', role: 'PTV' },
        { name: 'B', email: '', role: 'PTV' },
        { name: 'C', email: 'c(at)example.org', role: 'PTV' },
        { name: 'D', email: 'd@example.org', role: '' },
        { name: 'E', email: 'e@example.org', role: 'Sjef' },
        { name: 'F', email: 'f@example.org', role: 'KTV', area: 'Helse Vest' },
        { name: '', email: '', role: '', area: 'Månen' },
      ]),
      [],
    );
    expect(plan.rows.map((r) => [r.rowNumber, r.status === 'error' ? r.errors : r.status])).toEqual([
      [2, ['missingName']],
      [3, ['missingEmail']],
      [4, ['badEmail']],
      [5, ['unknownRole']],
      [6, ['unknownRole']],
      [7, ['unknownArea']],
      [8, ['missingName', 'missingEmail', 'unknownRole', 'unknownArea']],
    ]);
    expect(plan.counts).toEqual({ new: 0, changed: 0, unchanged: 0, error: 7 });
    expect(plan.canWrite).toBe(false);
  });

  it('flags the same address twice (in any case) on both rows, naming the other', () => {
    const plan = planRosterImport(
      sheetOf([
        { name: 'Kari', email: 'Kari@Example.org', role: 'KTV' },
        { name: 'Ola', email: 'ola@example.org', role: 'PTV' },
        { name: 'Kari N.', email: ' kari@example.org', role: 'HTV' },
        { name: 'Kari 3', email: 'KARI@EXAMPLE.ORG', role: 'HTV' },
      ]),
      [],
    );
    const first = byRow(plan.rows, 2);
    const third = byRow(plan.rows, 4);
    expect(first?.status === 'error' && first.errors).toEqual(['duplicateInFile']);
    expect(first?.status === 'error' && first.duplicateOf).toEqual([4, 5]);
    expect(third?.status === 'error' && third.duplicateOf).toEqual([2, 5]);
    expect(byRow(plan.rows, 3)?.status).toBe('new');
    expect(plan.canWrite).toBe(false);
  });

  it('tells new, changed (with the fields) and unchanged rows apart against the roster, matching addresses without case', () => {
    const existing = [
      rep('kari', { name: 'Kari Nordmann', email: 'Kari@example.org', role: 'ktv', area: 'KS', workplace: 'Alver sjukeheim', entraId: 'e1', marks: { klarTraining: { on: '2026-02-01', by: 'board' } }, etag: '"3"' }),
      rep('ola', { name: 'Ola  Nordmann', email: 'ola@example.org', role: 'ptv', area: null, workplace: 'Knarvik skule' }),
      rep('per', { name: 'Per', email: 'per@example.org', role: 'board', area: 'Stat', workplace: 'NAV' }),
      rep('old', { name: 'Gammel', email: 'old@example.org', retired: true }),
      rep('gone', { name: 'Borte', email: 'gone@example.org', retired: true }),
    ];
    const plan = planRosterImport(
      sheetOf([
        { name: 'Kari Nordmann', email: 'kari@example.org', role: 'HTV', area: 'KS', workplace: 'Alver kommune' },
        { name: 'Ola Nordmann', email: 'OLA@example.org', role: 'Plasstillitsvalgt', area: '', workplace: 'Knarvik skule' },
        { name: 'Siri Ny', email: 'siri@example.org', role: 'Verneombud', area: 'Oslo kommune', workplace: 'Sagene' },
        { name: 'Rep old', email: 'old@example.org', role: 'PTV', area: 'KS', workplace: 'Alver sjukeheim' },
      ]),
      existing,
    );
    const kari = byRow(plan.rows, 2);
    expect(kari?.status).toBe('changed');
    if (kari?.status !== 'changed') throw new Error('unreachable');
    expect(kari.changes).toEqual(['email', 'role', 'workplace']);
    expect(kari.existing.id).toBe('kari');
    expect(kari.updated).toEqual({ ...existing[0], email: 'kari@example.org', role: 'htv', workplace: 'Alver kommune', retired: false });
    // White space is folded before comparing; the address matched without case, but its new case is a change to write.
    const ola = byRow(plan.rows, 3);
    expect(ola?.status === 'changed' && ola.changes).toEqual(['email']);
    const siri = byRow(plan.rows, 4);
    expect(siri?.status === 'new' && siri.entry).toEqual({ name: 'Siri Ny', email: 'siri@example.org', role: 'safety', area: 'Oslo', workplace: 'Sagene' });
    const old = byRow(plan.rows, 5);
    expect(old?.status === 'changed' && old.changes).toEqual(['name', 'retired']);
    expect(plan.counts).toEqual({ new: 1, changed: 3, unchanged: 0, error: 0 });
    expect(plan.canWrite).toBe(true);
    // Per is active and not in the file: reported, not retired. Retired ones are not reported.
    expect(plan.missing.map((r) => r.id)).toEqual(['per']);
  });

  it('gives unchanged rows, an empty area as null, and recognises the caller\'s own labels', () => {
    const existing = [rep('a', { name: 'Anne', email: 'anne@example.org', role: 'other', area: null, workplace: '' }), rep('b', { name: 'Bjørn', email: 'b@example.org', role: 'safety', area: 'Virke' })];
    const plan = planRosterImport(
      sheetOf([
        { name: 'Anne', email: 'anne@example.org', role: 'Tillitsperson (annet)', area: '' },
        { name: 'Bjørn', email: 'b@example.org', role: 'Arbeidsmiljøombud', area: 'Hovedavtalen Virke–HK', workplace: 'Alver sjukeheim' },
      ]),
      existing,
      { labels: [{ roles: { other: 'Tillitsperson (annet)', safety: 'Arbeidsmiljøombud' }, areas: { Virke: 'Hovedavtalen Virke–HK' } }] },
    );
    expect(plan.rows.map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
    expect(plan.rows[0]?.status === 'unchanged' && plan.rows[0].entry.area).toBeNull();
    expect(planRosterImport(sheetOf([{ name: 'Bjørn', email: 'b@example.org', role: 'Arbeidsmiljøombud' }]), existing).rows[0]?.status).toBe('error');
  });

  it('reads a real file into a plan: the row numbers the user sees in Excel', async () => {
    const bytes = cp1252('Navn;E-post;Rolle;Tariffområde\r\nKari;kari@example.org;KTV;KS\r\n;;;\r\nOla;ola(at)example.org;PTV;Spekter\r\n');
    const plan = planRosterImport(await readRosterFile({ name: 'x.csv', bytes }), []);
    expect(plan.rows.map((r) => [r.rowNumber, r.status])).toEqual([
      [2, 'new'],
      [4, 'error'],
    ]);
  });

  it('cannot write an empty plan', () => {
    expect(planRosterImport(sheetOf([]), []).canWrite).toBe(false);
  });
});
