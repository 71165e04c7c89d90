/** .docx → blocks through mammoth's HTML output (keeps tables and list structure). */
import type { Block } from '../blocks.ts';
import { ImportError } from '../errors.ts';
import { htmlToBlocks } from './html-blocks.ts';
import { declaredUncompressedSize } from './zip-size.ts';

type MammothInput = Parameters<typeof import('mammoth')['convertToHtml']>[0];

/** What a .docx may unpack to; a real plan's is a few MB (the 20 MB upload limit unpacked about 5×). */
export const MAX_DOCX_UNPACKED_BYTES = 100 * 1024 * 1024;

export async function extractDocx(bytes: Uint8Array, maxUnpacked = MAX_DOCX_UNPACKED_BYTES): Promise<Block[]> {
  const unpacked = declaredUncompressedSize(bytes);
  if (unpacked !== null && unpacked > maxUnpacked) throw new ImportError('TOO_LARGE_UNPACKED', { limit: Math.round(maxUnpacked / (1024 * 1024)) });
  const mammoth = (await import('mammoth')).default;
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // Node's mammoth reads `buffer`, the browser build reads `arrayBuffer`; JSZip accepts either.
  const input = { buffer: bytes, arrayBuffer } as unknown as MammothInput;
  let html: string;
  try {
    html = (await mammoth.convertToHtml(input, { ignoreEmptyParagraphs: true })).value;
  } catch (cause) {
    throw new ImportError('CORRUPT_DOCX', {}, { cause });
  }
  return htmlToBlocks(html);
}
