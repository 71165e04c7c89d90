/**
 * Reads an uploaded file into a plan draft, or a translated message saying why not. The importer
 * (and with it mammoth and pdf.js) is loaded only when a file is actually read, and runs in a Web
 * Worker with a time limit (src/import/parse-worker.ts): a hostile or huge file never freezes the
 * tab, and one that takes too long is stopped with the 'took too long' message. Where there is no
 * Worker (unit tests in Node) it runs in this thread.
 */
import { formatImportError, isImportError, type ImportErrorCode, type ImportErrorParams, type MessageLanguage } from '../../import/errors';
import type { PlanDraft } from '../../import/draft';

/** Marks the import worker's messages (src/import/parse-worker.ts). */
const PARSE_MESSAGE_KIND = 'plan-import';

/** The importer's own limit (src/import DEFAULT_MAX_BYTES); checked before the file is read into memory. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** How long reading one file may take before it is stopped. */
export const PARSE_TIME_LIMIT_MS = 60_000;

export type ReadResult = { readonly ok: true; readonly draft: PlanDraft } | { readonly ok: false; readonly message: string | null };

/** What a parse worker answers (src/import/parse-worker.ts). */
export type ParseReply = { readonly ok: true; readonly draft: PlanDraft } | { readonly ok: false; readonly code?: ImportErrorCode; readonly params?: ImportErrorParams };

/** The part of a Worker this module uses, so that tests can give a stand-in. */
export interface ParseWorker {
  onmessage: ((event: MessageEvent<ParseReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
}

export interface ReadOptions {
  readonly timeLimitMs?: number;
  /** Default: the bundled parse worker; null reads in this thread. */
  readonly createWorker?: (() => ParseWorker) | null;
}

function bundledWorker(): ParseWorker {
  return new Worker(new URL('../../import/parse-worker.ts', import.meta.url), { type: 'module', name: 'plan-import' });
}

/** Parses in a worker; the worker is terminated when it answers, fails or runs past the time limit. */
export function parseInWorker(worker: ParseWorker, bytes: Uint8Array, fileName: string, timeLimitMs: number): Promise<ParseReply | 'timeout'> {
  return new Promise((resolve) => {
    const done = (reply: ParseReply | 'timeout') => {
      clearTimeout(timer);
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      resolve(reply);
    };
    const timer = setTimeout(() => done('timeout'), timeLimitMs);
    // Only the importer's answers count: pdf.js, finding itself in a worker, announces itself too.
    worker.onmessage = (event) => {
      if ((event.data as { kind?: unknown } | null)?.kind === PARSE_MESSAGE_KIND) done(event.data);
    };
    worker.onerror = () => done({ ok: false });
    worker.postMessage({ kind: PARSE_MESSAGE_KIND, bytes, fileName, maxBytes: MAX_FILE_BYTES }, [bytes.buffer]);
  });
}

export async function readPlanFile(file: File, language: MessageLanguage, options: ReadOptions = {}): Promise<ReadResult> {
  const timeLimitMs = options.timeLimitMs ?? PARSE_TIME_LIMIT_MS;
  try {
    if (file.size > MAX_FILE_BYTES) {
      return { ok: false, message: formatImportError('TOO_LARGE', language, { limit: Math.round(MAX_FILE_BYTES / (1024 * 1024)) }) };
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const createWorker = options.createWorker === undefined ? (typeof Worker === 'undefined' ? null : bundledWorker) : options.createWorker;
    if (createWorker === null) {
      const { importPlan } = await import('../../import');
      return { ok: true, draft: await importPlan(bytes, file.name, { maxBytes: MAX_FILE_BYTES }) };
    }
    const reply = await parseInWorker(createWorker(), bytes, file.name, timeLimitMs);
    if (reply === 'timeout') return { ok: false, message: formatImportError('TIMEOUT', language, { seconds: Math.round(timeLimitMs / 1000) }) };
    if (reply.ok) return { ok: true, draft: reply.draft };
    return { ok: false, message: reply.code ? formatImportError(reply.code, language, reply.params ?? {}) : null };
  } catch (err) {
    if (isImportError(err)) return { ok: false, message: formatImportError(err.code, language, err.params) };
    // Not one of the importer's known failures: the caller shows a generic message.
    return { ok: false, message: null };
  }
}
