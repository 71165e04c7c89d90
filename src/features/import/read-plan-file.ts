/**
 * Reads an uploaded file into a plan draft, or a translated message saying why not. The importer
 * (and with it mammoth and pdf.js) is loaded only when a file is actually read.
 */
import { formatImportError, isImportError, type MessageLanguage } from '../../import/errors';
import type { PlanDraft } from '../../import/draft';

/** The importer's own limit (src/import DEFAULT_MAX_BYTES); checked before the file is read into memory. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type ReadResult = { readonly ok: true; readonly draft: PlanDraft } | { readonly ok: false; readonly message: string | null };

export async function readPlanFile(file: File, language: MessageLanguage): Promise<ReadResult> {
  try {
    if (file.size > MAX_FILE_BYTES) {
      return { ok: false, message: formatImportError('TOO_LARGE', language, { limit: Math.round(MAX_FILE_BYTES / (1024 * 1024)) }) };
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { importPlan } = await import('../../import');
    return { ok: true, draft: await importPlan(bytes, file.name, { maxBytes: MAX_FILE_BYTES }) };
  } catch (err) {
    if (isImportError(err)) return { ok: false, message: formatImportError(err.code, language, err.params) };
    // Not one of the importer's known failures: the caller shows a generic message.
    return { ok: false, message: null };
  }
}
