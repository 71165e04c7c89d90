/**
 * The importer in a Web Worker (the tab's import screen, features/import/read-plan-file.ts): a
 * hostile or huge file keeps this thread busy, never the page's, and the page can stop it at its
 * time limit by terminating the worker. Messages: in `{ kind, bytes, fileName, maxBytes }`; out
 * `{ kind, ok: true, draft }`, `{ kind, ok: false, code, params }` for the importer's own refusals,
 * or `{ kind, ok: false }` for anything else. Every message carries `kind: 'plan-import'`: pdf.js,
 * finding itself in a worker, announces itself on the same channel ('ready'), and such messages
 * are ignored on both sides.
 */
import { isImportError } from './errors';
import { importPlan } from './index';

export const PARSE_MESSAGE_KIND = 'plan-import';

export interface ParseRequest {
  readonly kind: typeof PARSE_MESSAGE_KIND;
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly maxBytes: number;
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  if (event.data?.kind !== PARSE_MESSAGE_KIND) return;
  const { bytes, fileName, maxBytes } = event.data;
  const kind = PARSE_MESSAGE_KIND;
  importPlan(bytes, fileName, { maxBytes }).then(
    (draft) => scope.postMessage({ kind, ok: true, draft }),
    (err: unknown) => scope.postMessage(isImportError(err) ? { kind, ok: false, code: err.code, params: err.params } : { kind, ok: false }),
  );
};
