/**
 * The PDF extractor (src/import/extract/pdf.ts) with pdf.js (unpdf) replaced by a stand-in, to pin
 * what a real PDF cannot easily show: how it reads text items pdf.js may give incomplete (no
 * transform, no width, no height), page boxes without numbers, and which failures it calls
 * encrypted, corrupt or passes on.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Block } from '../../src/import/blocks.ts';
import { ImportError } from '../../src/import/errors.ts';
import { extractPdf as extractAll } from '../../src/import/extract/pdf.ts';

/** The text flow; page furniture (kept as furniture paragraphs, see the test of it) left out. */
const extractPdf = async (bytes: Uint8Array) => (await extractAll(bytes)).filter((b) => !(b.kind === 'paragraph' && b.furniture));

interface FakePage {
  view?: number[];
  items: unknown[];
}

let open: () => Promise<unknown> = () => Promise.reject(new Error('no document'));
let destroyed = 0;

/** The document unpdf would hand back for these pages. */
function serve(pages: FakePage[]): void {
  open = () =>
    Promise.resolve({
      numPages: pages.length,
      getPage: (n: number) => {
        const p = pages[n - 1];
        return Promise.resolve({ view: p?.view ?? [0, 0, 595, 842], getTextContent: () => Promise.resolve({ items: p?.items ?? [] }) });
      },
      destroy: () => {
        destroyed++;
        return Promise.resolve();
      },
    });
}
function fail(error: unknown): void {
  open = () => Promise.reject(error);
}

beforeAll(() => {
  vi.doMock('unpdf', () => ({ getDocumentProxy: () => open() }));
});
afterAll(() => {
  vi.doUnmock('unpdf');
});

/** A text item at (x, y) in `size`-point type, as pdf.js reports one. */
const text = (str: string, x: number, y: number, size = 10, width = 100): unknown => ({ str, transform: [size, 0, 0, size, x, y], width, height: size });
const para = (t: string, extra: { heading?: number } = {}): Block => ({ kind: 'paragraph', text: t, ...extra });
/** Body lines 14 apart that keep the median font size at 10 and the text's right edge at 500. */
const body = (y: number): unknown[] => [text('Første linje.', 50, y), text('Andre linje.', 50, y - 14), text('Tredje linje.', 50, y - 28, 10, 450)];
const BODY = [para('Første linje.'), para('Andre linje.'), para('Tredje linje.')];

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImportError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('extractPdf: text items as pdf.js gives them', () => {
  it('reads the font size from the transform, then from the item height, else takes 10', async () => {
    serve([
      {
        items: [
          { str: 'Rotert tittel.', transform: [0, 14, -14, 0, 50, 760], width: 100 },
          { str: 'Høy tittel.', transform: [0, 0, 0, 0, 50, 730], width: 100, height: 14 },
          { str: 'Uten størrelse.', transform: [0, 0, 0, 0, 50, 700], width: 100 },
          { str: 'Vanlig tittel.', transform: [14, 0, 0, 14, 50, 680], width: 100 },
          ...body(666),
        ],
      },
    ]);
    expect(await extractPdf(new Uint8Array([1]))).toStrictEqual([
      para('Rotert tittel.', { heading: 2 }),
      para('Høy tittel.', { heading: 2 }),
      para('Uten størrelse.'),
      para('Vanlig tittel.', { heading: 2 }),
      ...BODY,
    ]);
  });

  it('skips items without a string or a full transform, and takes a missing width as 0', async () => {
    serve([
      {
        items: [
          { str: 42, transform: [10, 0, 0, 10, 50, 760], width: 100 },
          { str: 'Uten transform.', width: 100 },
          { str: 'Kort transform.', transform: [10, 0, 0, 10, 50], width: 100 },
          { transform: [10, 0, 0, 10, 50, 740], width: 100 },
          { str: 'Smal', transform: [10, 0, 0, 10, 50, 720] },
          { str: 'tekst.', transform: [10, 0, 0, 10, 50, 720], width: 30 },
          ...body(706),
        ],
      },
    ]);
    expect(await extractPdf(new Uint8Array([1]))).toStrictEqual([para('Smaltekst.'), ...BODY]);
  });

  it('takes a page box it cannot read as A4', async () => {
    // Taken as 842 high, the page's top tenth starts at 757.8: the repeated header at 770 goes, the text at 750 stays.
    const page = (n: number): FakePage => ({ view: [], items: [text('Testdal fagforening', 50, 770, 8), text(`Side ${n} tekst.`, 50, 750)] });
    serve([page(1), page(2)]);
    expect(await extractPdf(new Uint8Array([1]))).toStrictEqual([para('Side 1 tekst.'), para('Side 2 tekst.')]);
  });

  it('releases the document once it has read it', async () => {
    serve([{ items: body(700) }]);
    destroyed = 0;
    expect(await extractPdf(new Uint8Array([1]))).toStrictEqual(BODY);
    expect(destroyed).toBe(1);
  });
});

describe('extractPdf: failures', () => {
  it('calls a PasswordException encrypted, whatever its message', async () => {
    fail(Object.assign(new Error('Ingen tilgang'), { name: 'PasswordException' }));
    expect(await codeOf(extractPdf(new Uint8Array([1])))).toBe('ENCRYPTED_PDF');
  });

  it('calls any error that speaks of a password encrypted', async () => {
    fail(new Error('Incorrect PASSWORD given'));
    expect(await codeOf(extractPdf(new Uint8Array([1])))).toBe('ENCRYPTED_PDF');
  });

  it('calls other failures corrupt, also when what is thrown is no error or has no text message', async () => {
    fail(new Error('Invalid PDF structure'));
    expect(await codeOf(extractPdf(new Uint8Array([1])))).toBe('CORRUPT_PDF');
    // Only a text message is read: an array that would print as 'password' is not one.
    fail({ name: 'Error', message: ['password'] });
    expect(await codeOf(extractPdf(new Uint8Array([1])))).toBe('CORRUPT_PDF');
    fail(null);
    expect(await codeOf(extractPdf(new Uint8Array([1])))).toBe('CORRUPT_PDF');
  });

  it('keeps the failure as the cause', async () => {
    const cause = new Error('Invalid PDF structure');
    fail(cause);
    const error = await extractPdf(new Uint8Array([1])).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).cause).toBe(cause);
  });

  it('passes an import error on unchanged', async () => {
    const own = new ImportError('TOO_LARGE', { limit: 1 });
    fail(own);
    await expect(extractPdf(new Uint8Array([1]))).rejects.toBe(own);
  });

  it('calls a document without pages one without text', async () => {
    serve([]);
    expect(await codeOf(extractPdf(new Uint8Array([1])))).toBe('NO_TEXT');
  });
});
