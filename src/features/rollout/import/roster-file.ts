/**
 * Reading a roster file into an import preview, and writing the roster as an .xlsx to download.
 * The spreadsheet module (src/import/roster, with its zip and workbook libraries) is loaded with
 * import() only when a file is chosen or an export asked for, so the tab's first screen carries none of it.
 */
import type { Representative, RolloutStep } from '../../../domain/roster';
import type { ExtraLabels, RosterExportLabels, RosterFileErrorCode, RosterImportPlan, RosterSheet } from '../../../import/roster';
import type { MessageParams } from '../../../i18n/format';

/** Files above this size are refused before they are read into memory (the module's own limit, ROSTER_MAX_BYTES). */
export const MAX_ROSTER_FILE_BYTES = 5 * 1024 * 1024;

export type RosterReadResult =
  | { readonly ok: true; readonly sheet: RosterSheet; readonly plan: RosterImportPlan }
  | { readonly ok: false; readonly code: RosterFileErrorCode | null; readonly params: MessageParams };

const loadModule = () => import('../../../import/roster');

/** A file the user chose, as the spreadsheet module reads it (File in the browser; a stand-in in tests). */
export interface ChosenFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Reads the file and plans its rows against the roster; a file that cannot be read gives its error code (null: unexpected). */
export async function readRosterPlan(file: ChosenFile, reps: readonly Representative[], labels: readonly ExtraLabels[]): Promise<RosterReadResult> {
  try {
    if (file.size > MAX_ROSTER_FILE_BYTES) return { ok: false, code: 'tooLarge', params: { limit: MAX_ROSTER_FILE_BYTES / (1024 * 1024) } };
    const bytes = new Uint8Array(await file.arrayBuffer());
    const roster = await loadModule();
    const sheet = await roster.readRosterFile({ name: file.name, bytes });
    return { ok: true, sheet, plan: roster.planRosterImport(sheet, reps, { labels }) };
  } catch (err) {
    const roster = await loadModule().catch(() => null);
    if (roster?.isRosterFileError(err)) return { ok: false, code: err.code, params: err.params };
    return { ok: false, code: null, params: {} };
  }
}

/** Plans an already read sheet against the roster as it is now (the preview again after the roster changed). */
export async function replanRoster(sheet: RosterSheet, reps: readonly Representative[], labels: readonly ExtraLabels[]): Promise<RosterImportPlan> {
  const roster = await loadModule();
  return roster.planRosterImport(sheet, reps, { labels });
}

/** The roster's active representatives and the steps shown, as .xlsx bytes. */
export async function rosterWorkbook(input: {
  readonly reps: readonly Representative[];
  readonly steps: readonly RolloutStep[];
  readonly stepDone: (rep: Representative, step: RolloutStep) => boolean;
  readonly labels: RosterExportLabels;
}): Promise<Uint8Array> {
  const roster = await loadModule();
  return roster.writeRosterXlsx(input);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Offers bytes as a download with this file name (an object URL on a temporary link, released afterwards). */
export function downloadBytes(bytes: Uint8Array, fileName: string, type: string = XLSX_TYPE): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The browser has taken the URL once the click is handled; releasing it later keeps slow browsers safe.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
