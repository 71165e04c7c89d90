/**
 * A roster file's bytes → its header and rows (readRosterFile). The file's kind is told from its
 * bytes first and its name second: a ZIP is a workbook, an OLE compound file a password-protected
 * workbook (or a legacy .xls), anything the plan importer takes for text a delimited file.
 */
import { decodeText } from '../extract/decode.ts';
import { sniffFormat } from '../extract/sniff.ts';
import { isImportError } from '../errors.ts';
import { cleanText } from '../text/normalize.ts';
import { candidateReadings } from './csv.ts';
import { RosterFileError } from './errors.ts';
import { ROSTER_FIELDS, type RosterColumn, type RosterField, type RosterRow, type RosterSheet } from './types.ts';
import { headerKind, type HeaderKind } from './vocabulary.ts';
import { readXlsxSheets, type SheetGrid } from './xlsx-read.ts';

/** Files above this size are refused before anything is read. */
export const ROSTER_MAX_BYTES = 5 * 1024 * 1024;
/** More data rows than this are refused (no union's roster is near it; a mistaken file may be). */
export const ROSTER_MAX_ROWS = 5000;
/** The header is looked for in this many rows from the top (title rows above it are skipped). */
export const HEADER_SCAN_ROWS = 20;

const WORKBOOK_EXTENSIONS: ReadonlySet<string> = new Set(['xlsx', 'xlsm', 'xltx', 'xltm', 'xls']);
const TEXT_EXTENSIONS: ReadonlySet<string> = new Set(['csv', 'tsv', 'txt', 'tab']);

function extension(fileName: string): string {
  return (/\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1] ?? '').toLowerCase();
}

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

const isZip = (bytes: Uint8Array) => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
/** An OLE compound file (MS-CFB): a legacy .xls or .doc, or an Office file encrypted with a password. */
const isCompoundFile = (bytes: Uint8Array) => startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** The stream name an encrypted Office document keeps its package in (MS-OFFCRYPTO 2.3.4.4), as the compound file's directory writes it (UTF-16LE). */
const ENCRYPTED_PACKAGE = Array.from('EncryptedPackage').flatMap((ch) => [ch.charCodeAt(0), 0]);

function hasEncryptedPackage(bytes: Uint8Array): boolean {
  const first = ENCRYPTED_PACKAGE[0];
  outer: for (let i = bytes.indexOf(first ?? 0); i >= 0 && i + ENCRYPTED_PACKAGE.length <= bytes.length; i = bytes.indexOf(first ?? 0, i + 1)) {
    for (let j = 1; j < ENCRYPTED_PACKAGE.length; j++) if (bytes[i + j] !== ENCRYPTED_PACKAGE[j]) continue outer;
    return true;
  }
  return false;
}

function fileKind(bytes: Uint8Array, fileName: string): 'xlsx' | 'text' {
  const ext = extension(fileName);
  if (isZip(bytes)) {
    if (ext === '' || WORKBOOK_EXTENSIONS.has(ext)) return 'xlsx';
    throw new RosterFileError('unsupportedType', { ext });
  }
  if (isCompoundFile(bytes)) {
    if (hasEncryptedPackage(bytes) || (ext !== 'xls' && WORKBOOK_EXTENSIONS.has(ext))) throw new RosterFileError('encrypted');
    throw new RosterFileError('unsupportedType', { ext });
  }
  if (WORKBOOK_EXTENSIONS.has(ext) && ext !== 'xls') throw new RosterFileError('corrupt');
  if (ext !== '' && !TEXT_EXTENSIONS.has(ext)) throw new RosterFileError('unsupportedType', { ext });
  // The plan importer's sniffing: PDFs, images, executables and binary data are not text.
  try {
    if (sniffFormat(bytes, 'roster.txt') === 'txt') return 'text';
  } catch (e) {
    if (!isImportError(e)) throw e;
  }
  throw new RosterFileError('unsupportedType', { ext });
}

/** A cell as text: trimmed, white space folded; numbers as written, dates as YYYY-MM-DD. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return cleanText(String(value));
}

/** Column letters as a spreadsheet shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

type Grid = ReadonlyArray<ReadonlyArray<unknown>>;

interface Header {
  /** Index of the header row in the grid. */
  readonly index: number;
  /** The first column of each kind found. */
  readonly kinds: ReadonlyMap<HeaderKind, number>;
}

/** The first row, among the top ones, that names a name (or first and last name) and an e-mail column. */
function findHeader(grid: Grid): Header | null {
  for (let r = 0; r < Math.min(grid.length, HEADER_SCAN_ROWS); r++) {
    const kinds = new Map<HeaderKind, number>();
    (grid[r] ?? []).forEach((cell, c) => {
      const kind = headerKind(cellText(cell));
      if (kind && !kinds.has(kind)) kinds.set(kind, c);
    });
    const named = kinds.has('name') || (kinds.has('firstName') && kinds.has('lastName'));
    if (named && kinds.has('email')) return { index: r, kinds };
  }
  return null;
}

function toSheet(format: RosterSheet['format'], sheetName: string | null, grid: Grid, header: Header): RosterSheet {
  const headerCells = grid[header.index] ?? [];
  const column = (index: number | undefined): RosterColumn[] =>
    index === undefined ? [] : [{ index, letter: columnLetter(index), header: cellText(headerCells[index]) }];
  const nameIndex = header.kinds.get('name');
  const split = nameIndex === undefined ? [header.kinds.get('firstName'), header.kinds.get('lastName')] : [];
  const columns: Record<RosterField, readonly RosterColumn[]> = {
    name: nameIndex !== undefined ? column(nameIndex) : split.flatMap((i) => column(i)),
    email: column(header.kinds.get('email')),
    role: column(header.kinds.get('role')),
    area: column(header.kinds.get('area')),
    workplace: column(header.kinds.get('workplace')),
  };
  const rows: RosterRow[] = [];
  for (let r = header.index + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const text = (cols: readonly RosterColumn[]) => cols.map((c) => cellText(row[c.index])).filter((t) => t !== '').join(' ');
    const cells: Record<RosterField, string> = {
      name: text(columns.name),
      email: text(columns.email).replace(/^mailto:/i, ''),
      role: text(columns.role),
      area: text(columns.area),
      workplace: text(columns.workplace),
    };
    if (ROSTER_FIELDS.every((f) => cells[f] === '')) continue;
    rows.push({ rowNumber: r + 1, cells });
  }
  if (rows.length > ROSTER_MAX_ROWS) throw new RosterFileError('tooManyRows', { limit: ROSTER_MAX_ROWS, rows: rows.length });
  if (rows.length === 0) throw new RosterFileError('empty');
  return { format, sheetName, headerRow: header.index + 1, columns, rows };
}

const hasText = (grid: Grid) => grid.some((row) => row.some((cell) => cellText(cell) !== ''));

/** The first worksheet whose header is recognised. */
export function sheetFromWorkbook(sheets: readonly SheetGrid[]): RosterSheet {
  for (const sheet of sheets) {
    const header = findHeader(sheet.rows);
    if (header) return toSheet('xlsx', sheet.name, sheet.rows, header);
  }
  throw new RosterFileError(sheets.some((s) => hasText(s.rows)) ? 'noHeader' : 'empty');
}

/** Delimited text: the separator whose reading has a recognised header (the one naming most columns). */
export function sheetFromText(text: string): RosterSheet {
  if (!/\S/.test(text.replace(/\ufeff/g, ''))) throw new RosterFileError('empty');
  let best: { records: Grid; header: Header } | null = null;
  for (const { records } of candidateReadings(text)) {
    const header = findHeader(records);
    if (header && (!best || header.kinds.size > best.header.kinds.size)) best = { records, header };
  }
  if (!best) throw new RosterFileError('noHeader');
  return toSheet('csv', null, best.records, best.header);
}

/**
 * Reads a roster file (.xlsx, or .csv/.tsv/.txt separated by ';', ',' or tabs) into its header
 * and rows. Throws RosterFileError with a code when the file cannot be used at all; what is wrong
 * with single rows is for planRosterImport.
 */
export async function readRosterFile(file: { readonly name: string; readonly bytes: Uint8Array }): Promise<RosterSheet> {
  const { bytes } = file;
  if (bytes.length === 0) throw new RosterFileError('empty');
  if (bytes.length > ROSTER_MAX_BYTES) throw new RosterFileError('tooLarge', { limit: ROSTER_MAX_BYTES / (1024 * 1024) });
  if (fileKind(bytes, file.name) === 'text') return sheetFromText(decodeText(bytes));
  return sheetFromWorkbook(await readXlsxSheets(bytes));
}
