/**
 * Hostile and unusual files: a .docx that would unpack to far more than any plan (a zip bomb) is
 * refused before it is opened, quickly; UTF-16 text without a byte order mark is read as text.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ImportError, importPlan } from '../../src/import/index.ts';
import { decodeText, sniffBomlessUtf16 } from '../../src/import/extract/decode.ts';
import { extractDocx } from '../../src/import/extract/docx.ts';
import { declaredUncompressedSize } from '../../src/import/extract/zip-size.ts';
import { makeDocx } from './helpers/make-docx.ts';
import { SAMPLES } from './helpers/samples.ts';

async function errorOf(promise: Promise<unknown>): Promise<ImportError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportError);
  return err as ImportError;
}

/** Offsets of the central directory headers of a ZIP (signature PK\x01\x02). */
function centralHeaders(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i++) if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x01 && bytes[i + 3] === 0x02) out.push(i);
  return out;
}

describe('zip bombs', () => {
  it('reads the unpacked size a .docx declares, as JSZip unpacks it', async () => {
    const docx = await makeDocx([{ kind: 'paragraph', text: 'Handlingsplan 2026–2027' }, { kind: 'paragraph', text: 'Verve 40 nye medlemmer.' }]);
    const zip = await JSZip.loadAsync(docx);
    let unpacked = 0;
    for (const file of Object.values(zip.files)) if (!file.dir) unpacked += (await file.async('uint8array')).length;
    expect(unpacked).toBeGreaterThan(0);
    expect(declaredUncompressedSize(docx)).toBe(unpacked);
    expect(declaredUncompressedSize(new TextEncoder().encode('not a zip at all'))).toBeNull();
  });

  it('refuses a .docx that unpacks to more than the limit, with the translated message, before inflating it', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    zip.file('word/padding.xml', '0'.repeat(3 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(64 * 1024);
    const err = await errorOf(extractDocx(bytes, 2 * 1024 * 1024));
    expect(err.code).toBe('TOO_LARGE_UNPACKED');
    expect(err.params).toEqual({ limit: 2 });
  });

  it('refuses a small file that declares hundreds of MB at once, through the importer', async () => {
    const docx = await makeDocx([{ kind: 'paragraph', text: 'Handlingsplan' }]);
    const bomb = docx.slice();
    const view = new DataView(bomb.buffer);
    // Declare 200 MB for the first entry, as a zip bomb's central directory honestly does.
    const [first] = centralHeaders(bomb);
    if (first === undefined) throw new Error('no central directory');
    view.setUint32(first + 24, 200 * 1024 * 1024, true);
    const started = performance.now();
    const err = await errorOf(importPlan(bomb, 'plan.docx'));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(err.code).toBe('TOO_LARGE_UNPACKED');
    expect(err.message).toMatch(/100 MB/);
    // ZIP64 sizes (0xFFFFFFFF) are refused too.
    view.setUint32(first + 24, 0xffffffff, true);
    expect(declaredUncompressedSize(bomb)).toBe(Infinity);
    expect((await errorOf(importPlan(bomb, 'plan.docx'))).code).toBe('TOO_LARGE_UNPACKED');
  });
});

describe('UTF-16 without a byte order mark', () => {
  const sample = SAMPLES[0];
  if (!sample) throw new Error('no samples');
  const text = decodeText(sample.bytes);
  const le = new Uint8Array(Buffer.from(text, 'utf16le'));
  const be = le.slice();
  for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1] as number, be[i] as number];

  it('is told apart from UTF-8 and from binary', () => {
    expect(sniffBomlessUtf16(le)).toBe('utf-16le');
    expect(sniffBomlessUtf16(be)).toBe('utf-16be');
    expect(sniffBomlessUtf16(sample.bytes)).toBeNull();
    expect(sniffBomlessUtf16(new Uint8Array(4096))).toBeNull();
    expect(decodeText(le)).toBe(text);
    expect(decodeText(be)).toBe(text);
  });

  it('imports the same plan as the UTF-8 file', async () => {
    const utf8 = await importPlan(sample.bytes, `${sample.name}.txt`);
    expect(await importPlan(le, `${sample.name}.txt`)).toEqual(utf8);
    expect(await importPlan(be, `${sample.name}.txt`)).toEqual(utf8);
  });
});
