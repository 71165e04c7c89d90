/** .docx → blocks through mammoth's HTML output (keeps tables and list structure). */
import type { Block } from '../blocks.ts';
import { ImportError } from '../errors.ts';
import { htmlToBlocks } from './html-blocks.ts';

type MammothInput = Parameters<typeof import('mammoth')['convertToHtml']>[0];

export async function extractDocx(bytes: Uint8Array): Promise<Block[]> {
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
