/**
 * The uncompressed size a ZIP (a .docx) declares for its entries, read from its central directory
 * without inflating anything (PKWARE APPNOTE 4.3.12 and 4.3.16: end of central directory record,
 * central directory file headers). A .docx of a few hundred KB can unpack to hundreds of MB (a
 * "zip bomb"); mammoth, through JSZip, would inflate it whole and run out of memory, so the importer
 * refuses such a file before it is opened. Hand-written because JSZip exposes no sizes before
 * inflating and the two records it needs are 20 lines.
 *
 * Returns null when no central directory can be found (the file is then left to mammoth, which
 * reports a damaged .docx), and Infinity for ZIP64 sizes (0xFFFFFFFF), which no plan needs.
 */
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

export function declaredUncompressedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const earliest = Math.max(0, bytes.length - EOCD_MIN - MAX_COMMENT);
  let eocd = -1;
  for (let i = bytes.length - EOCD_MIN; i >= earliest; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) return null;
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return Infinity;
    total += size;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
}
