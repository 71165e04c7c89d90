/**
 * Bytes in: text decoding (BOMs, UTF-16 without a BOM, UTF-8, Windows-1252), format sniffing from
 * magic bytes and file names, the declared unpacked size of a ZIP, and the .docx extractor around
 * mammoth, pinned on small crafted byte arrays and a few real .docx files.
 */
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import type { Block, ParagraphBlock } from '../../src/import/blocks.ts';
import { ImportError } from '../../src/import/errors.ts';
import { decodeText, decodeWindows1252, sniffBomlessUtf16 } from '../../src/import/extract/decode.ts';
import { extractDocx, MAX_DOCX_UNPACKED_BYTES } from '../../src/import/extract/docx.ts';
import { sniffFormat } from '../../src/import/extract/sniff.ts';
import { declaredUncompressedSize } from '../../src/import/extract/zip-size.ts';
import { makeDocx } from './helpers/make-docx.ts';

const ascii = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
const utf16le = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf16le'));
const swap = (b: Uint8Array): Uint8Array => {
  const out = b.slice();
  for (let i = 0; i + 1 < out.length; i += 2) [out[i], out[i + 1]] = [b[i + 1] as number, b[i] as number];
  return out;
};
const concat = (...parts: Array<Uint8Array | number[]>): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};
/** `pairs` byte pairs: `oddZeros` of them with a zero second byte, `evenZeros` with a zero first byte, the rest "ab". */
const pairs = (count: number, oddZeros: number, evenZeros: number): Uint8Array => {
  const out = new Uint8Array(count * 2).fill(0x61);
  for (let i = 0; i < oddZeros; i++) out[2 * i + 1] = 0;
  for (let i = 0; i < evenZeros; i++) out[2 * (count - 1 - i)] = 0;
  return out;
};

function thrown(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('did not throw');
}

async function rejected(promise: Promise<unknown>): Promise<ImportError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportError);
  return err as ImportError;
}

describe('UTF-16 without a byte order mark', () => {
  it('is told from zero high bytes at odd (little-endian) or even (big-endian) positions', () => {
    expect(sniffBomlessUtf16(utf16le('Verve 40'))).toBe('utf-16le');
    expect(sniffBomlessUtf16(swap(utf16le('Verve 40')))).toBe('utf-16be');
    expect(sniffBomlessUtf16(ascii('Verve 40 nye medlemmer'))).toBeNull();
  });

  it('needs at least eight bytes, counting whole pairs only', () => {
    expect(sniffBomlessUtf16(utf16le('abcd'))).toBe('utf-16le');
    expect(sniffBomlessUtf16(concat(utf16le('abcd'), [0x61]))).toBe('utf-16le');
    expect(sniffBomlessUtf16(utf16le('abc'))).toBeNull();
    expect(sniffBomlessUtf16(concat(utf16le('abc'), [0x61]))).toBeNull();
    expect(sniffBomlessUtf16(swap(utf16le('abcd')))).toBe('utf-16be');
    expect(sniffBomlessUtf16(swap(utf16le('abc')))).toBeNull();
  });

  it('does not count an odd last byte', () => {
    expect(sniffBomlessUtf16(concat(pairs(150, 50, 3), [0]))).toBe('utf-16le');
    expect(sniffBomlessUtf16(concat(swap(pairs(150, 49, 0)), [0]))).toBeNull();
  });

  it('needs zeros in at least a third of the pairs on one side and in at most a fiftieth on the other', () => {
    // 150 pairs: a third is 50, a fiftieth is 3.
    expect(sniffBomlessUtf16(pairs(150, 50, 3))).toBe('utf-16le');
    expect(sniffBomlessUtf16(pairs(150, 49, 0))).toBeNull();
    expect(sniffBomlessUtf16(pairs(150, 50, 4))).toBeNull();
    expect(sniffBomlessUtf16(swap(pairs(150, 50, 3)))).toBe('utf-16be');
    expect(sniffBomlessUtf16(swap(pairs(150, 49, 0)))).toBeNull();
    expect(sniffBomlessUtf16(swap(pairs(150, 50, 4)))).toBeNull();
    expect(sniffBomlessUtf16(new Uint8Array(300))).toBeNull();
  });

  it('looks at the first 4 KB only', () => {
    const text = ascii('a'.repeat(4096));
    const le = pairs(2048, 2048, 0);
    expect(sniffBomlessUtf16(concat(text, le))).toBeNull();
    expect(sniffBomlessUtf16(concat(le, text, text))).toBe('utf-16le');
  });
});

describe('decoding text', () => {
  it('decodes UTF-16 LE and BE with a byte order mark, without the mark', () => {
    expect(decodeText(concat([0xff, 0xfe], utf16le('Lønn €')))).toBe('Lønn €');
    expect(decodeText(concat([0xfe, 0xff], swap(utf16le('Lønn €'))))).toBe('Lønn €');
    expect(decodeText(concat([0xff, 0xfe], [0x41, 0]))).toBe('A');
    expect(decodeText(concat([0xfe, 0xff], [0, 0x41]))).toBe('A');
  });

  it('reads a lone byte order mark as no text', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe]))).toBe('');
    expect(decodeText(new Uint8Array([0xfe, 0xff]))).toBe('');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf]))).toBe('');
    expect(decodeText(new Uint8Array(0))).toBe('');
  });

  it('needs both bytes of a UTF-16 mark', () => {
    expect(decodeText(new Uint8Array([0xff, 0x41]))).toBe('ÿA');
    expect(decodeText(new Uint8Array([0x41, 0xfe]))).toBe('Aþ');
    expect(decodeText(new Uint8Array([0xfe, 0x41]))).toBe('þA');
    expect(decodeText(new Uint8Array([0x41, 0xff]))).toBe('Aÿ');
    expect(decodeText(new Uint8Array([0xff]))).toBe('ÿ');
  });

  it('decodes UTF-16 without a mark', () => {
    expect(decodeText(utf16le('Lønn og arbeidstid'))).toBe('Lønn og arbeidstid');
    expect(decodeText(swap(utf16le('Lønn og arbeidstid')))).toBe('Lønn og arbeidstid');
  });

  it('decodes UTF-8 with or without its mark', () => {
    expect(decodeText(new Uint8Array(Buffer.from('Tillitsvalgte på Sør-Øst – 5 %', 'utf8')))).toBe('Tillitsvalgte på Sør-Øst – 5 %');
    expect(decodeText(concat([0xef, 0xbb, 0xbf], Buffer.from('Bær', 'utf8')))).toBe('Bær');
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8, dropping a UTF-8 mark first', () => {
    expect(decodeText(new Uint8Array([0x62, 0xe6, 0x72, 0x20, 0x96, 0x20, 0x80]))).toBe('bær – €');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x62, 0xe6, 0x72]))).toBe('bær');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0x62, 0xe6]))).toBe('ï»bæ');
    expect(decodeText(new Uint8Array([0xef, 0x62, 0xbf, 0xe6]))).toBe('ïb¿æ');
    expect(decodeText(new Uint8Array([0x62, 0xbb, 0xbf, 0xe6]))).toBe('b»¿æ');
  });
});

describe('Windows-1252', () => {
  it('maps 0x80–0x9F to the Windows characters, and leaves the rest as Latin-1', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x85, 0x8a, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x9c, 0x9f]))).toBe('€…Š‘’“”–—™œŸ');
    expect(decodeWindows1252(new Uint8Array([0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toBe('\u0081\u008d\u008f\u0090\u009d');
    expect(decodeWindows1252(new Uint8Array([0x41, 0x7f, 0xa0, 0xc6, 0xd8, 0xc5, 0xe6, 0xf8, 0xe5, 0xff]))).toBe('A\u007f\u00a0ÆØÅæøåÿ');
    expect(decodeWindows1252(new Uint8Array(0))).toBe('');
  });
});

describe('sniffing the format', () => {
  const PDF = ascii('%PDF-1.7\n');
  const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);

  it('knows a PDF by its magic bytes, whatever the name', () => {
    expect(sniffFormat(PDF, 'plan.pdf')).toBe('pdf');
    expect(sniffFormat(PDF, 'plan.txt')).toBe('pdf');
    expect(sniffFormat(PDF, 'plan.docx')).toBe('pdf');
  });

  it('needs all of the PDF magic bytes', () => {
    expect(sniffFormat(ascii('%PDF 1.7'), 'plan.txt')).toBe('txt');
    expect(sniffFormat(ascii('%PD'), 'plan.txt')).toBe('txt');
    expect(sniffFormat(ascii('%ABC-'), 'plan.txt')).toBe('txt');
    expect(thrown(() => sniffFormat(ascii('%PDF'), 'plan.pdf')).code).toBe('CORRUPT_PDF');
  });

  it('takes a ZIP named .docx, .docm or without extension as Word', () => {
    expect(sniffFormat(ZIP, 'plan.docx')).toBe('docx');
    expect(sniffFormat(ZIP, 'PLAN.DOCX')).toBe('docx');
    expect(sniffFormat(ZIP, 'plan.docm')).toBe('docx');
    expect(sniffFormat(ZIP, 'plan')).toBe('docx');
    expect(sniffFormat(ZIP, ' plan.docx ')).toBe('docx');
  });

  it('refuses a ZIP with any other extension, naming the extension', () => {
    for (const [name, ext] of [
      ['plan.zip', 'zip'],
      ['plan.ZIP', 'zip'],
      ['plan.txt', 'txt'],
      ['plan.pdf', 'pdf'],
      ['plan.xlsx', 'xlsx'],
      ['plan.docx.zip', 'zip'],
      ['plan.zip ', 'zip'],
      ['plan.7z', '7z'],
    ] as const) {
      const err = thrown(() => sniffFormat(ZIP, name));
      expect(err.code, name).toBe('UNSUPPORTED_TYPE');
      expect(err.params, name).toStrictEqual({ ext });
    }
  });

  it('refuses known binary formats even when named .txt', () => {
    const signatures = [
      [0x89, 0x50, 0x4e, 0x47],
      [0xff, 0xd8, 0xff],
      [0x47, 0x49, 0x46, 0x38],
      [0x4d, 0x5a],
      [0x7f, 0x45, 0x4c, 0x46],
      [0xd0, 0xcf, 0x11, 0xe0],
      [0x1f, 0x8b],
      [0x37, 0x7a, 0xbc, 0xaf],
      [0x52, 0x61, 0x72, 0x21],
      [0x49, 0x49, 0x2a, 0x00],
      [0x4d, 0x4d, 0x00, 0x2a],
      [0x7b, 0x5c, 0x72, 0x74, 0x66],
    ];
    for (const sig of signatures) {
      const err = thrown(() => sniffFormat(concat(sig, ascii('9a plain text follows here')), 'plan.txt'));
      expect(err.code, sig.join(',')).toBe('UNSUPPORTED_TYPE');
      expect(err.params, sig.join(',')).toStrictEqual({ ext: 'txt' });
    }
    expect(thrown(() => sniffFormat(concat([0x89, 0x50, 0x4e, 0x47], ascii('x')), 'plan.docx')).code).toBe('UNSUPPORTED_TYPE');
    expect(thrown(() => sniffFormat(concat([0x89, 0x50, 0x4e, 0x47], ascii('x')), 'plan.pdf')).code).toBe('UNSUPPORTED_TYPE');
  });

  it('reads text that only starts like a binary signature as text', () => {
    expect(sniffFormat(ascii('GIF is a picture format'), 'plan.txt')).toBe('txt');
    expect(sniffFormat(ascii('Rar said nobody'), 'plan.txt')).toBe('txt');
    expect(sniffFormat(ascii('{\\rt is not rtf'), 'plan.txt')).toBe('txt');
  });

  it('calls a non-Word file named .docx a damaged Word file, and a non-PDF named .pdf a damaged PDF', () => {
    const docx = thrown(() => sniffFormat(ascii('hei'), 'plan.docx'));
    expect(docx.code).toBe('CORRUPT_DOCX');
    expect(docx.params).toStrictEqual({});
    const pdf = thrown(() => sniffFormat(ascii('hei'), 'PLAN.PDF'));
    expect(pdf.code).toBe('CORRUPT_PDF');
    expect(pdf.params).toStrictEqual({});
    expect(thrown(() => sniffFormat(ascii('hei'), 'plan.pdf ')).code).toBe('CORRUPT_PDF');
    expect(sniffFormat(ascii('hei'), 'plan.pdf.txt')).toBe('txt');
    expect(sniffFormat(ascii('hei'), 'plan.docx.txt')).toBe('txt');
  });

  it('takes text by its content, whatever the extension', () => {
    expect(sniffFormat(ascii('Handlingsplan\r\n\tOmråde\f'), 'plan.txt')).toBe('txt');
    expect(sniffFormat(ascii('Handlingsplan'), 'plan.md')).toBe('txt');
    expect(sniffFormat(ascii('Handlingsplan'), 'plan')).toBe('txt');
    expect(sniffFormat(new Uint8Array([0xe6, 0xf8, 0xe5]), 'plan.txt')).toBe('txt');
  });

  it('takes UTF-16 as text, with a mark even when short, and without one', () => {
    expect(sniffFormat(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'plan.txt')).toBe('txt');
    expect(sniffFormat(new Uint8Array([0xfe, 0xff, 0x00, 0x41]), 'plan.txt')).toBe('txt');
    expect(sniffFormat(utf16le('Handlingsplan'), 'plan.txt')).toBe('txt');
    expect(sniffFormat(swap(utf16le('Handlingsplan')), 'plan.txt')).toBe('txt');
  });

  it('refuses a file with a zero byte in its first 8 KB, naming the extension', () => {
    const err = thrown(() => sniffFormat(ascii('ab\0cd'), 'plan.txt'));
    expect(err.code).toBe('UNSUPPORTED_TYPE');
    expect(err.params).toStrictEqual({ ext: 'txt' });
    expect(thrown(() => sniffFormat(concat(ascii('a'.repeat(8191)), [0]), 'plan.txt')).code).toBe('UNSUPPORTED_TYPE');
    expect(sniffFormat(concat(ascii('a'.repeat(8192)), [0]), 'plan.txt')).toBe('txt');
  });

  it('allows tab, line breaks, form feed and escape, and counts other control bytes', () => {
    const with50 = (b: number): Uint8Array => concat(ascii('a'.repeat(50)), new Uint8Array(50).fill(b));
    for (const b of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b, 0x20]) expect(sniffFormat(with50(b), 'plan.txt'), b.toString(16)).toBe('txt');
    for (const b of [0x01, 0x08, 0x0e, 0x1a, 0x1c, 0x1f]) expect(thrown(() => sniffFormat(with50(b), 'plan.txt')).code, b.toString(16)).toBe('UNSUPPORTED_TYPE');
  });

  it('tolerates control bytes in up to 1 % of the first 8 KB', () => {
    const withControls = (n: number): Uint8Array => concat(new Uint8Array(n).fill(0x01), ascii('a'.repeat(200 - n)));
    expect(sniffFormat(withControls(2), 'plan.txt')).toBe('txt');
    expect(thrown(() => sniffFormat(withControls(3), 'plan.txt')).code).toBe('UNSUPPORTED_TYPE');
    // Past the first 8 KB, control bytes are not counted.
    expect(sniffFormat(concat(ascii('a'.repeat(8192)), new Uint8Array(200).fill(0x01)), 'plan.txt')).toBe('txt');
  });
});

/** A ZIP's central directory and end record only, with the given entries. */
function centralDirectory(entries: ReadonlyArray<{ size: number; compressed?: number; name?: string; extra?: number; comment?: number }>, options: { lead?: number; trailer?: number } = {}): Uint8Array {
  const lead = options.lead ?? 0;
  const headers = entries.map((e) => {
    const name = Buffer.from(e.name ?? 'f.xml', 'latin1');
    const h = new Uint8Array(46 + name.length + (e.extra ?? 0) + (e.comment ?? 0));
    const v = new DataView(h.buffer);
    v.setUint32(0, 0x02014b50, true);
    v.setUint32(20, e.compressed ?? 7, true);
    v.setUint32(24, e.size, true);
    v.setUint16(28, name.length, true);
    v.setUint16(30, e.extra ?? 0, true);
    v.setUint16(32, e.comment ?? 0, true);
    h.set(name, 46);
    return h;
  });
  const cd = concat(...headers);
  const eocd = new Uint8Array(22);
  const v = new DataView(eocd.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, entries.length, true);
  v.setUint16(10, entries.length, true);
  v.setUint32(12, cd.length, true);
  v.setUint32(16, lead, true);
  v.setUint16(20, options.trailer ?? 0, true);
  return concat(new Uint8Array(lead).fill(0x20), cd, eocd, new Uint8Array(options.trailer ?? 0).fill(0x20));
}

describe('the unpacked size a ZIP declares', () => {
  it('adds the uncompressed sizes of all entries, stepping over names, extra fields and comments', () => {
    expect(declaredUncompressedSize(centralDirectory([{ size: 100 }, { size: 250, name: 'word/document.xml', extra: 9, comment: 5 }, { size: 4000, comment: 3 }]))).toBe(4350);
    expect(declaredUncompressedSize(centralDirectory([{ size: 1, extra: 4 }, { size: 2 }], { lead: 30 }))).toBe(3);
    expect(declaredUncompressedSize(centralDirectory([]))).toBe(0);
  });

  it('reads the uncompressed size, not the compressed one', () => {
    expect(declaredUncompressedSize(centralDirectory([{ size: 5000, compressed: 40 }]))).toBe(5000);
  });

  it('says Infinity for a ZIP64 size', () => {
    expect(declaredUncompressedSize(centralDirectory([{ size: 10 }, { size: 0xffffffff }]))).toBe(Infinity);
    expect(declaredUncompressedSize(centralDirectory([{ size: 0xfffffffe }]))).toBe(0xfffffffe);
  });

  it('finds the end record behind a comment of up to 65,535 bytes, and no further back', () => {
    expect(declaredUncompressedSize(centralDirectory([{ size: 77 }], { trailer: 10 }))).toBe(77);
    expect(declaredUncompressedSize(centralDirectory([{ size: 77 }], { trailer: 0xffff }))).toBe(77);
    expect(declaredUncompressedSize(concat(centralDirectory([{ size: 77 }], { trailer: 0xffff }), [0x20]))).toBeNull();
  });

  it('finds nothing in a file without an end record, short or long', () => {
    expect(declaredUncompressedSize(new Uint8Array(0))).toBeNull();
    expect(declaredUncompressedSize(new Uint8Array(21))).toBeNull();
    expect(declaredUncompressedSize(ascii('x'.repeat(30)))).toBeNull();
    expect(declaredUncompressedSize(ascii('x'.repeat(70000)))).toBeNull();
  });

  it('finds nothing when the central directory is missing or points past the end', () => {
    const zip = centralDirectory([{ size: 100 }, { size: 200 }]);
    const badSignature = zip.slice();
    badSignature[46 + 5] = 0x51;
    expect(declaredUncompressedSize(badSignature)).toBeNull();
    const pastEnd = zip.slice();
    new DataView(pastEnd.buffer).setUint32(zip.length - 22 + 16, zip.length - 40, true);
    expect(declaredUncompressedSize(pastEnd)).toBeNull();
  });

  it('finds nothing when the central directory starts too close to the end for a header', () => {
    const zip = centralDirectory([{ size: 100 }]);
    const nearEnd = zip.slice();
    new DataView(nearEnd.buffer).setUint32(zip.length - 22 + 16, zip.length - 2, true);
    expect(declaredUncompressedSize(nearEnd)).toBeNull();
  });

  it('reads a central directory header that ends exactly at the end of the file', () => {
    // A 46-byte file: a header whose last 22 bytes are also the end record, so its size field is the
    // end record's signature and its name, extra and comment lengths are the end record's zeros.
    const bytes = new Uint8Array(46);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, 0x02014b50, true);
    view.setUint32(24, 0x06054b50, true);
    view.setUint16(24 + 10, 1, true);
    view.setUint32(24 + 16, 0, true);
    expect(declaredUncompressedSize(bytes)).toBe(0x06054b50);
  });

  it('reads a ZIP inside a larger buffer', () => {
    const zip = centralDirectory([{ size: 321 }]);
    const outer = concat(ascii('xxxxxxxx'), zip, ascii('yyyy'));
    expect(declaredUncompressedSize(outer.subarray(8, 8 + zip.length))).toBe(321);
  });
});

describe('Word documents', () => {
  const p = (text: string, extra: Omit<ParagraphBlock, 'kind' | 'text'> = {}): ParagraphBlock => ({ kind: 'paragraph', text, ...extra });

  it('keeps paragraphs, bullets and the table with its cells', async () => {
    const source: Block[] = [
      p('Handlingsplan 2026–2027'),
      p('Verve 40 nye medlemmer.'),
      p('Skolere tillitsvalgte', { bullet: true }),
      {
        kind: 'table',
        rows: [
          [[p('Område')], [p('Nåsituasjon')]],
          [[p('Verving')], [p('Bra'), p('Mange nye', { bullet: true })]],
          [[p('Lønn')], []],
        ],
      },
      p('Slutt.'),
    ];
    expect(await extractDocx(await makeDocx(source))).toStrictEqual([
      p('Handlingsplan 2026–2027'),
      p('Verve 40 nye medlemmer.'),
      p('Skolere tillitsvalgte', { bullet: true }),
      {
        kind: 'table',
        rows: [
          [[p('Område')], [p('Nåsituasjon')]],
          [[p('Verving')], [p('Bra'), p('Mange nye', { bullet: true })]],
          [[p('Lønn')], []],
        ],
      },
      p('Slutt.'),
    ]);
  });

  it('opens a .docx that unpacks to exactly the limit, and refuses one a byte over', async () => {
    const bytes = await makeDocx([p('Verve 40 nye medlemmer.')]);
    const size = declaredUncompressedSize(bytes);
    if (size === null) throw new Error('no central directory');
    expect(await extractDocx(bytes, size)).toStrictEqual([p('Verve 40 nye medlemmer.')]);
    const err = await rejected(extractDocx(bytes, size - 1));
    expect(err.code).toBe('TOO_LARGE_UNPACKED');
    expect(err.params).toStrictEqual({ limit: 0 });
  });

  it('states the limit in whole MB', async () => {
    const bytes = centralDirectory([{ size: 4 * 1024 * 1024 }]);
    expect((await rejected(extractDocx(bytes, 3.4 * 1024 * 1024))).params).toStrictEqual({ limit: 3 });
    expect((await rejected(extractDocx(bytes, 3.6 * 1024 * 1024))).params).toStrictEqual({ limit: 4 });
    expect(MAX_DOCX_UNPACKED_BYTES).toBe(100 * 1024 * 1024);
    const huge = centralDirectory([{ size: MAX_DOCX_UNPACKED_BYTES + 1 }]);
    const err = await rejected(extractDocx(huge));
    expect(err.code).toBe('TOO_LARGE_UNPACKED');
    expect(err.params).toStrictEqual({ limit: 100 });
  });

  it('calls a file mammoth cannot open a damaged Word file, keeping the cause', async () => {
    const err = await rejected(extractDocx(ascii('not a zip at all, just some text')));
    expect(err.code).toBe('CORRUPT_DOCX');
    expect(err.params).toStrictEqual({});
    expect(err.cause).toBeInstanceOf(Error);
    const small = await rejected(extractDocx(centralDirectory([{ size: 10 }])));
    expect(small.code).toBe('CORRUPT_DOCX');
  });

  it('drops empty Word paragraphs, and an empty numbered item does not take a number', async () => {
    const num = { reference: 'num', level: 0 };
    const doc = new Document({
      numbering: { config: [{ reference: 'num', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
      sections: [
        {
          children: [
            new Paragraph({ text: 'a', numbering: num }),
            new Paragraph({ text: '', numbering: num }),
            new Paragraph({ text: 'b', numbering: num }),
            new Paragraph({ text: '' }),
            new Paragraph({ text: 'c' }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    expect(await extractDocx(bytes)).toStrictEqual([p('1. a'), p('2. b'), p('c')]);
  });

  it('reads a .docx from a view into a larger buffer', async () => {
    const bytes = await makeDocx([p('Verve 40 nye medlemmer.')]);
    const outer = concat(ascii('garbage!'), bytes, ascii('tail'));
    expect(await extractDocx(outer.subarray(8, 8 + bytes.length))).toStrictEqual([p('Verve 40 nye medlemmer.')]);
  });
});
