/**
 * The roster as an .xlsx (writeRosterXlsx): one row per active representative, the five roster
 * columns (read back by readRosterFile) and one column per rollout step shown, 'yes'/'no'. Written
 * with excel-builder-vanilla and fflate, both loaded on demand (index.ts says why these libraries).
 *
 * Spreadsheet formula injection: a name such as `=HYPERLINK("http://…","Klikk")` or `@SUM(…)`
 * must stay text. Every cell is written as a string cell (`t="s"`, a shared string), which Excel
 * and LibreOffice never evaluate: only a cell with an `<f>` element is a formula, and none is
 * written. The cells also get the Text number format (`@`) and `quotePrefix="1"`, the flag Excel
 * itself sets when one types a leading apostrophe, so the cell stays text when someone edits it and
 * presses Enter. This is done for every text cell, not only for those starting with = + - @, tab or
 * CR, so no rule about first characters can be got wrong. An apostrophe is *not* put into the
 * value: Excel would show it and keep it, the re-import would read a different name or an invalid
 * address, and the round trip would no longer give 'unchanged'. (A sheet re-saved as .csv from
 * Excel loses all cell types; that copy is outside this app.)
 *
 * Characters XML cannot carry (C0 controls other than tab, LF and CR; U+FFFE/U+FFFF; lone
 * surrogates) are dropped rather than producing a file Excel refuses to open.
 *
 * fflate's asynchronous zip starts a Web Worker from a blob: URL for any part over 160 KB, which the
 * tab's Content-Security-Policy forbids (roughly 500 representatives already make such a sheet),
 * so the workbook is packed without compression (no worker) and then compressed with fflate's
 * synchronous zipSync.
 */
import type { Representative, RepRole, RolloutStep } from '../../domain/roster.ts';
import type { RosterField } from './types.ts';

export interface RosterExportLabels {
  /** Column headers: 'name', 'email', 'role', 'area', 'workplace' (each must be one readRosterFile recognises), and the built-in steps' ids (a step the board named keeps its own label). */
  readonly headers: Readonly<Record<string, string>>;
  readonly roles: Readonly<Record<RepRole, string>>;
  /** By TariffArea code ('KS', 'Spekter', 'NHO', 'Stat', 'Oslo', 'Virke', 'Other'). */
  readonly areas: Readonly<Record<string, string>>;
  readonly yes: string;
  readonly no: string;
  readonly sheetName: string;
}

export interface RosterExportInput {
  readonly reps: readonly Representative[];
  readonly steps: readonly RolloutStep[];
  readonly stepDone: (rep: Representative, step: RolloutStep) => boolean;
  readonly labels: RosterExportLabels;
}

/** Headers used when the caller's labels lack one (bokmål, all recognised by the reader). */
const DEFAULT_HEADERS: Readonly<Record<RosterField, string>> = { name: 'Navn', email: 'E-post', role: 'Rolle', area: 'Tariffområde', workplace: 'Arbeidsplass' };
const FIELD_ORDER: readonly RosterField[] = ['name', 'email', 'role', 'area', 'workplace'];
const WIDTHS: Readonly<Record<RosterField, number>> = { name: 28, email: 34, role: 22, area: 16, workplace: 30 };
/** Excel's built-in number format 49: Text ('@'). */
const TEXT_FORMAT = 49;

// eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text XML can carry. */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '');
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe. */
export function safeSheetName(name: string): string {
  const cleaned = xmlSafe(name)
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 31)
    .replace(/^'+|'+$/g, '')
    .trim();
  return cleaned || 'Roster';
}

export async function writeRosterXlsx(input: RosterExportInput): Promise<Uint8Array> {
  const { labels } = input;
  const steps = input.steps.filter((s) => !s.retired);
  const reps = input.reps.filter((r) => !r.retired);

  const [{ createWorkbook, createExcelFile }, { unzipSync, zipSync }] = await Promise.all([import('excel-builder-vanilla'), import('fflate')]);
  const workbook = createWorkbook();
  const sheet = workbook.createWorksheet({ name: safeSheetName(labels.sheetName) });
  const styles = workbook.getStyleSheet();
  // The library writes the required first fill as an empty <fill/>: schema-valid and fine for
  // Excel, but some readers (openpyxl 3.0, and the tools built on it) refuse it. 'none' is what Excel writes.
  styles.fills[0] = { type: 'pattern', patternType: 'none' };
  // createFormat returns the format record the style sheet writes out; quotePrefix is one of the
  // attributes it writes but not one createFormat copies from its argument, so it is set on the record.
  const textFormat = styles.createFormat({ format: TEXT_FORMAT }) as { id: number; quotePrefix?: number };
  textFormat.quotePrefix = 1;
  const headerFormat = styles.createFormat({ format: TEXT_FORMAT, font: { bold: true } }) as { id: number; quotePrefix?: number };
  headerFormat.quotePrefix = 1;

  const cell = (value: string, style: number) => ({ value: xmlSafe(value), metadata: { type: 'text', style } });
  const headers = [...FIELD_ORDER.map((f) => labels.headers[f] ?? DEFAULT_HEADERS[f]), ...steps.map((s) => s.label ?? labels.headers[s.id] ?? s.id)];
  const rows = reps.map((rep) => {
    const values: Record<RosterField, string> = {
      name: rep.name,
      email: rep.email,
      role: labels.roles[rep.role] ?? rep.role,
      area: rep.area === null ? '' : (labels.areas[rep.area] ?? rep.area),
      workplace: rep.workplace,
    };
    return [...FIELD_ORDER.map((f) => values[f]), ...steps.map((s) => (input.stepDone(rep, s) ? labels.yes : labels.no))].map((v) => cell(v, textFormat.id));
  });
  sheet.setData([headers.map((h) => cell(h, headerFormat.id)), ...rows]);
  sheet.setColumns([...FIELD_ORDER.map((f) => ({ width: WIDTHS[f] })), ...steps.map(() => ({ width: 16 }))]);
  workbook.addWorksheet(sheet);

  const stored = await createExcelFile(workbook, 'Uint8Array', { zipOptions: { level: 0 } });
  return zipSync(unzipSync(stored), { level: 6 });
}
