/** What a roster file reads to (read.ts) before it is checked against the roster (plan.ts). */

/** The fields a roster file gives for each representative. */
export type RosterField = 'name' | 'email' | 'role' | 'area' | 'workplace';

export const ROSTER_FIELDS: readonly RosterField[] = ['name', 'email', 'role', 'area', 'workplace'];

/** A column of the file as the user sees it. */
export interface RosterColumn {
  /** 0-based (column A is 0). */
  readonly index: number;
  /** The column's letter(s) in a spreadsheet: A, B, … Z, AA … */
  readonly letter: string;
  /** The header cell's text, as written in the file. */
  readonly header: string;
}

export interface RosterRow {
  /** The row's number as the user sees it in Excel (1-based; in a .csv, the record's number). */
  readonly rowNumber: number;
  /** Each field's text, trimmed with white space folded; '' when the cell is empty or the column absent. */
  readonly cells: Readonly<Record<RosterField, string>>;
}

export interface RosterSheet {
  readonly format: 'xlsx' | 'csv';
  /** The worksheet read (xlsx only). */
  readonly sheetName: string | null;
  /** The header row's number (1-based, as rowNumber). */
  readonly headerRow: number;
  /**
   * Which column maps to which field: empty when the file has no such column; the name may come
   * from two columns (first name, last name) joined with a space.
   */
  readonly columns: Readonly<Record<RosterField, readonly RosterColumn[]>>;
  /** The data rows, blank rows left out. */
  readonly rows: readonly RosterRow[];
}
