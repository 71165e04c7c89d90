/**
 * The union's roster of representatives (tillitsvalgte) in and out of spreadsheets (issue 13):
 * readRosterFile (.xlsx or .csv bytes → header and rows), planRosterImport (rows against the
 * roster: new, changed, unchanged, error; all or nothing) and writeRosterXlsx (the roster and its
 * rollout steps as an .xlsx). Pure: bytes in, bytes or plans out; no React, no Graph, no I/O.
 *
 * Libraries, chosen for maintenance, size, security and the tab's Content-Security-Policy, and
 * loaded only with dynamic import() when a workbook is read or written (the tab's first screen
 * carries none of them):
 * - reading: read-excel-file (MIT; one maintainer, released regularly; small; its only real work
 *   is unzip (fflate) and a SAX XML parser; no eval, no formula evaluation: a formula cell gives
 *   its cached value). Its fflate unzip would start blob: Web Workers that the CSP forbids, so
 *   xlsx-read.ts inflates with fflate's synchronous unzip itself, after the zip-bomb check.
 * - writing: excel-builder-vanilla (MIT, maintained, ~70 KB, its only dependency fflate; lets the
 *   zip options through, so it can be packed without workers; writes quotePrefix styles).
 * - fflate (MIT, the zip both use, already in the tree) directly for the synchronous (un)zip.
 * Not chosen: the npm `xlsx` package (0.18.5, stale, with known advisories; SheetJS publishes fixes
 * only on its own CDN); exceljs (last release 2023, ~900 KB, and its browser build calls
 * `Function(...)`, refused under script-src 'self', exceljs issue #713); write-excel-file (no way to
 * keep fflate from starting blob: workers for a sheet over 160 KB, about 500 representatives).
 */
export { readRosterFile, columnLetter, ROSTER_MAX_BYTES, ROSTER_MAX_ROWS, HEADER_SCAN_ROWS } from './read.ts';
export { planRosterImport, ROSTER_ROW_ERRORS } from './plan.ts';
export type { RosterChange, RosterEntry, RosterImportPlan, RosterPlanOptions, RosterPlanRow, RosterRowError, RosterRowStatus } from './plan.ts';
export { writeRosterXlsx, safeSheetName } from './xlsx-write.ts';
export type { RosterExportInput, RosterExportLabels } from './xlsx-write.ts';
export { RosterFileError, isRosterFileError, ROSTER_FILE_ERROR_CODES } from './errors.ts';
export type { RosterFileErrorCode, RosterFileErrorParams } from './errors.ts';
export { ROSTER_FIELDS } from './types.ts';
export type { RosterColumn, RosterField, RosterRow, RosterSheet } from './types.ts';
export { headerKind, parseArea, parseRole } from './vocabulary.ts';
export type { ExtraLabels, HeaderKind } from './vocabulary.ts';
export { MAX_XLSX_UNPACKED_BYTES } from './xlsx-read.ts';
