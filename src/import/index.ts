/**
 * Handlingsplan importer: a .docx, .pdf or .txt plan → a PlanDraft (fixtures/plans/plan-draft.schema.md).
 * Runs in Node and the browser: takes bytes, never touches the file system. The Word and PDF
 * parsers are loaded on demand.
 */
import type { Block } from './blocks.ts';
import type { PlanDraft } from './draft.ts';
import { ImportError } from './errors.ts';
import { sniffFormat, type FileFormat } from './extract/sniff.ts';
import { extractTxt } from './extract/txt.ts';
import { buildDraft } from './parse/build-draft.ts';

export type { Block, ParagraphBlock, TableBlock } from './blocks.ts';
export type {
  DraftArea,
  DraftLanguage,
  DraftLocalGoal,
  DraftMeasure,
  DraftNotUsed,
  DraftReview,
  DraftSituationRow,
  MeasurePer,
  NotUsedKind,
  PlanDraft,
} from './draft.ts';
export {
  ImportError,
  IMPORT_ERROR_CODES,
  formatImportError,
  importMessages,
  isImportError,
  messageLanguageFromLocale,
  type ImportErrorCode,
  type MessageLanguage,
} from './errors.ts';
export { NATIONAL_TEMPLATE, NATIONAL_PERIOD, type NationalTemplate, type TemplateArea, type TemplateLanguage } from './national-template.ts';
export type { FileFormat } from './extract/sniff.ts';

/** Files above this size are refused before any parsing. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface ImportOptions {
  /** Size limit in bytes (default 20 MB). */
  readonly maxBytes?: number;
  /** Force a format instead of sniffing it from the bytes and the file name. */
  readonly format?: FileFormat;
}

export async function extractBlocks(bytes: Uint8Array, format: FileFormat): Promise<Block[]> {
  switch (format) {
    case 'txt':
      return extractTxt(bytes);
    case 'docx': {
      const { extractDocx } = await import('./extract/docx.ts');
      return extractDocx(bytes);
    }
    case 'pdf': {
      const { extractPdf } = await import('./extract/pdf.ts');
      return extractPdf(bytes);
    }
  }
}

export async function importPlan(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<PlanDraft> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) throw new ImportError('EMPTY_FILE');
  if (bytes.length > maxBytes) throw new ImportError('TOO_LARGE', { limit: Math.round(maxBytes / (1024 * 1024)) });
  const format = options.format ?? sniffFormat(bytes, fileName);
  const blocks = await extractBlocks(bytes, format);
  if (!blocks.some((b) => b.kind === 'table' || /\p{L}/u.test(b.text))) {
    throw new ImportError(format === 'txt' ? 'EMPTY_FILE' : 'NO_TEXT');
  }
  return buildDraft(blocks);
}
