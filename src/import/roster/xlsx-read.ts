/**
 * .xlsx → the cells of each worksheet, through read-excel-file (index.ts says why that library),
 * loaded on demand with fflate.
 *
 * Defences, in order:
 * - the sizes the ZIP's central directory declares are added up before anything is inflated
 *   (the plan importer's declaredUncompressedSize), and a file declaring more than any roster needs
 *   is refused as a zip bomb;
 * - only the workbook's XML parts are inflated (images, printer settings and the like are skipped),
 *   by fflate's unzipSync into buffers of the declared sizes, so an entry that lies about its size
 *   cannot grow past what was checked;
 * - those parts are handed to read-excel-file repacked without compression. read-excel-file
 *   would otherwise inflate with fflate's asynchronous unzip, which starts a Web Worker from a
 *   blob: URL for any entry over 512 KB, and the tab's Content-Security-Policy (script-src 'self',
 *   no worker-src) forbids such workers: a large roster would then fail or hang in Teams.
 * A password-protected workbook is not a ZIP at all but an OLE compound file (read.ts).
 */
import { declaredUncompressedSize } from '../extract/zip-size.ts';
import { RosterFileError } from './errors.ts';

/** What a roster workbook may unpack to; 5,000 rows unpack to a few MB, the 5 MB file limit at most about 10×. */
export const MAX_XLSX_UNPACKED_BYTES = 50 * 1024 * 1024;

export interface SheetGrid {
  readonly name: string;
  /** rows[i] is the sheet's row i + 1, cells from column A. */
  readonly rows: ReadonlyArray<ReadonlyArray<unknown>>;
}

const MB = 1024 * 1024;

/**
 * The workbook's XML parts, checked and inflated synchronously, repacked as a ZIP without
 * compression: what read-excel-file is given, so that it only copies entries and never inflates.
 */
export async function storedWorkbook(bytes: Uint8Array, maxUnpacked = MAX_XLSX_UNPACKED_BYTES): Promise<Uint8Array> {
  const declared = declaredUncompressedSize(bytes);
  if (declared === null) throw new RosterFileError('corrupt');
  if (declared > maxUnpacked) throw new RosterFileError('zipBomb', { limit: Math.round(maxUnpacked / MB) });
  const { unzipSync, zipSync } = await import('fflate');
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (entry) => /\.(?:xml|rels)$/i.test(entry.name) });
  } catch (cause) {
    throw new RosterFileError('corrupt', {}, { cause });
  }
  return zipSync(parts, { level: 0 });
}

export async function readXlsxSheets(bytes: Uint8Array, maxUnpacked = MAX_XLSX_UNPACKED_BYTES): Promise<SheetGrid[]> {
  const stored = await storedWorkbook(bytes, maxUnpacked);
  const { default: readXlsxFile } = await import('read-excel-file/universal');
  try {
    const sheets = await readXlsxFile(stored.buffer.slice(stored.byteOffset, stored.byteOffset + stored.byteLength) as ArrayBuffer);
    return sheets.map((s) => ({ name: s.sheet, rows: s.data as ReadonlyArray<ReadonlyArray<unknown>> }));
  } catch (cause) {
    throw new RosterFileError('corrupt', {}, { cause });
  }
}
