/** Decides a file's format from its bytes (and, secondarily, its name). */
import { ImportError } from '../errors.ts';
import { sniffBomlessUtf16 } from './decode.ts';

export type FileFormat = 'txt' | 'docx' | 'pdf';

function startsWith(bytes: Uint8Array, sig: readonly number[], offset = 0): boolean {
  return sig.every((b, i) => bytes[offset + i] === b);
}

const FOREIGN_SIGNATURES: ReadonlyArray<readonly number[]> = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x4d, 0x5a], // Windows executable
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xd0, 0xcf, 0x11, 0xe0], // legacy Office (.doc)
  [0x1f, 0x8b], // gzip
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x52, 0x61, 0x72, 0x21], // rar
  [0x49, 0x49, 0x2a, 0x00], // TIFF
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF
  [0x7b, 0x5c, 0x72, 0x74, 0x66], // RTF
];

function extension(fileName: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(fileName.trim());
  return (m?.[1] ?? '').toLowerCase();
}

function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || sniffBomlessUtf16(bytes)) return true;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control <= n * 0.01;
}

export function sniffFormat(bytes: Uint8Array, fileName: string): FileFormat {
  const ext = extension(fileName);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext === 'docx' || ext === 'docm' || ext === '') return 'docx';
    throw new ImportError('UNSUPPORTED_TYPE', { ext });
  }
  if (FOREIGN_SIGNATURES.some((sig) => startsWith(bytes, sig))) throw new ImportError('UNSUPPORTED_TYPE', { ext });
  if (ext === 'docx') throw new ImportError('CORRUPT_DOCX');
  if (ext === 'pdf') throw new ImportError('CORRUPT_PDF');
  if (looksLikeText(bytes)) return 'txt';
  throw new ImportError('UNSUPPORTED_TYPE', { ext });
}
