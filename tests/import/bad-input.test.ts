/** Bad input: each case fails with a typed error and a stable code, never a half-made draft. */
import { describe, expect, it } from 'vitest';
import { IMPORT_ERROR_CODES, ImportError, importMessages, importPlan, type ImportErrorCode } from '../../src/import/index.ts';
import { makeDocx } from './helpers/make-docx.ts';
import {
  BROKEN_PDF,
  encryptedPdf,
  EXE,
  PNG,
  RECIPE,
  scannedPdf,
  truncatedZip,
  zipThatIsNotDocx,
} from './helpers/bad-files.ts';

async function codeOf(promise: Promise<unknown>): Promise<ImportErrorCode | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return (e as ImportError).code;
  }
}

describe('importPlan refuses bad input', () => {
  it('empty file', async () => {
    expect(await codeOf(importPlan(new Uint8Array(0), 'plan.txt'))).toBe('EMPTY_FILE');
    expect(await codeOf(importPlan(new TextEncoder().encode('  \n\n \t\n'), 'plan.txt'))).toBe('EMPTY_FILE');
  });

  it('a 50 MB file is refused before parsing', async () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    const started = performance.now();
    expect(await codeOf(importPlan(big, 'plan.pdf'))).toBe('TOO_LARGE');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('wrong type: a PNG, and an executable renamed to .txt or .docx', async () => {
    expect(await codeOf(importPlan(PNG, 'plan.png'))).toBe('UNSUPPORTED_TYPE');
    expect(await codeOf(importPlan(EXE, 'plan.txt'))).toBe('UNSUPPORTED_TYPE');
    expect(await codeOf(importPlan(EXE, 'plan.docx'))).toBe('UNSUPPORTED_TYPE');
  });

  it('corrupt .docx: damaged zip, a zip that is no Word file, text named .docx', async () => {
    expect(await codeOf(importPlan(truncatedZip(), 'plan.docx'))).toBe('CORRUPT_DOCX');
    expect(await codeOf(importPlan(await zipThatIsNotDocx(), 'plan.docx'))).toBe('CORRUPT_DOCX');
    expect(await codeOf(importPlan(new TextEncoder().encode('hello'), 'plan.docx'))).toBe('CORRUPT_DOCX');
  });

  it('corrupt .pdf', async () => {
    expect(await codeOf(importPlan(BROKEN_PDF, 'plan.pdf'))).toBe('CORRUPT_PDF');
    expect(await codeOf(importPlan(new TextEncoder().encode('not a pdf'), 'plan.pdf'))).toBe('CORRUPT_PDF');
  });

  it('password-protected PDF', async () => {
    expect(await codeOf(importPlan(encryptedPdf(), 'plan.pdf'))).toBe('ENCRYPTED_PDF');
  });

  it('scanned PDF without a text layer', async () => {
    expect(await codeOf(importPlan(await scannedPdf(), 'plan.pdf'))).toBe('NO_TEXT');
  });

  it('a document that is not a handlingsplan, as text and as Word', async () => {
    expect(await codeOf(importPlan(RECIPE, 'kake.txt'))).toBe('NOT_A_PLAN');
    const docx = await makeDocx([{ kind: 'paragraph', text: 'Referat fra styremøte' }, { kind: 'paragraph', text: 'Ingen saker.' }]);
    expect(await codeOf(importPlan(docx, 'referat.docx'))).toBe('NOT_A_PLAN');
  });

  it('every code has a message in nb, nn and en', () => {
    for (const lang of ['nb', 'nn', 'en'] as const) {
      for (const code of IMPORT_ERROR_CODES) {
        expect(importMessages[lang][code], `${lang}.${code}`).toMatch(/\S/);
        expect(importMessages[lang][code]).not.toContain('\n');
      }
    }
  });
});
