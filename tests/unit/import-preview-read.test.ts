/** Reading an uploaded file for the preview: bad input becomes the importer's message in the UI language. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { ImportErrorCode, ImportErrorParams } from '../../src/import/errors';
import { readPlanFile, type ParseReply, type ParseWorker } from '../../src/features/import/read-plan-file';
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

/** A stand-in for the parse worker: runs the importer in this thread (or never answers), and records terminate. */
function fakeWorker(behaviour: 'parse' | 'hang' | 'crash') {
  const state = { terminated: false, transferred: 0 };
  const worker: ParseWorker = {
    onmessage: null,
    onerror: null,
    terminate: () => {
      state.terminated = true;
    },
    postMessage: (message, transfer) => {
      state.transferred = transfer.length;
      const { bytes, fileName, maxBytes } = message as { bytes: Uint8Array; fileName: string; maxBytes: number };
      // pdf.js announces itself on the worker's channel; that is not the answer.
      worker.onmessage?.(new MessageEvent('message', { data: { sourceName: 'worker', targetName: 'main', action: 'ready', data: null } }) as unknown as MessageEvent<ParseReply>);
      if (behaviour === 'hang') return;
      if (behaviour === 'crash') {
        setTimeout(() => worker.onerror?.(new Event('error') as ErrorEvent), 0);
        return;
      }
      void import('../../src/import').then(({ importPlan }) =>
        importPlan(bytes, fileName, { maxBytes }).then(
          (draft) => worker.onmessage?.(new MessageEvent('message', { data: { kind: 'plan-import', ok: true, draft } })),
          (err: { code: ImportErrorCode; params: ImportErrorParams }) => worker.onmessage?.(new MessageEvent('message', { data: { kind: 'plan-import', ok: false as const, code: err.code, params: err.params } })),
        ),
      );
    },
  };
  return { worker, state };
}

describe('readPlanFile in a worker with a time limit', () => {
  it('gives the draft back and ends the worker', async () => {
    const { worker, state } = fakeWorker('parse');
    const result = await readPlanFile(file(readFileSync(new URL('../../fixtures/plans/asker.txt', import.meta.url)), 'asker.txt'), 'nb', { createWorker: () => worker });
    expect(result.ok && result.draft.areas.length).toBeGreaterThan(3);
    expect(state).toEqual({ terminated: true, transferred: 1 });
  });

  it('translates the importer’s refusal from the worker', async () => {
    const { worker } = fakeWorker('parse');
    expect(await readPlanFile(file(RECIPE, 'kake.txt'), 'en', { createWorker: () => worker })).toEqual({
      ok: false,
      message: 'The document does not look like an action plan: no priority areas or goals found.',
    });
  });

  it('stops a parse that runs past the time limit, with a translated message, and ends the worker', async () => {
    const { worker, state } = fakeWorker('hang');
    const started = Date.now();
    const result = await readPlanFile(file(RECIPE, 'plan.txt'), 'nb', { createWorker: () => worker, timeLimitMs: 50 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toEqual({ ok: false, message: 'Det tok for lang tid å lese filen (over 0 sekunder), så lesingen ble stoppet. Prøv en .docx- eller .txt-versjon av planen.' });
    expect(state.terminated).toBe(true);
    const { worker: slow } = fakeWorker('hang');
    expect(await readPlanFile(file(RECIPE, 'plan.txt'), 'en', { createWorker: () => slow, timeLimitMs: 1500 })).toEqual({
      ok: false,
      message: 'Reading the file took too long (over 2 seconds), so it was stopped. Try a .docx or .txt version of the plan.',
    });
  });

  it('gives the generic failure when the worker itself fails', async () => {
    const { worker, state } = fakeWorker('crash');
    expect(await readPlanFile(file(RECIPE, 'plan.txt'), 'en', { createWorker: () => worker })).toEqual({ ok: false, message: null });
    expect(state.terminated).toBe(true);
  });
});

