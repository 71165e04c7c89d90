/** Reading an uploaded file for the preview: bad input becomes the importer's message in the UI language. */
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../../src/features/import/read-plan-file';
import { BROKEN_PDF, PNG, RECIPE, encryptedPdf, scannedPdf, truncatedZip } from '../import/helpers/bad-files';

const file = (bytes: Uint8Array | ArrayBuffer, name: string) => new File([bytes as BlobPart], name);

describe('readPlanFile', () => {
  it.each([
    ['empty.txt', () => new Uint8Array(0), 'nb', 'Filen er tom.'],
    ['bilde.png', () => PNG, 'en', 'Unsupported file type. Use .docx, .pdf or .txt.'],
    ['plan.docx', truncatedZip, 'nn', 'Word-fila er skadd eller ikkje ei gyldig .docx.'],
    ['plan.pdf', () => BROKEN_PDF, 'en', 'The PDF file is damaged or cannot be read.'],
    ['plan.pdf', encryptedPdf, 'nb', 'PDF-filen er passordbeskyttet. Fjern passordet og prøv igjen.'],
    ['skannet.pdf', scannedPdf, 'nn', 'Fann ingen tekst i fila (er det ein skanna PDF?).'],
    ['kake.txt', () => RECIPE, 'nb', 'Dokumentet ser ikke ut som en handlingsplan: fant ingen satsingsområder eller mål.'],
  ] as const)('%s', async (name, bytes, language, message) => {
    expect(await readPlanFile(file(await bytes(), name), language)).toEqual({ ok: false, message });
  });

  it('refuses a 50 MB file before reading it', async () => {
    const big = file(new ArrayBuffer(50 * 1024 * 1024), 'stor.pdf');
    expect(await readPlanFile(big, 'en')).toEqual({ ok: false, message: 'The file is too large (over 20 MB).' });
  });
});
