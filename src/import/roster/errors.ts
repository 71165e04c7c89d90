/**
 * Why a roster file cannot be read at all (issue 13). Codes only: the UI translates them. Row-level
 * problems are not errors here; they are in the import plan (plan.ts).
 */

export type RosterFileErrorCode = 'empty' | 'unsupportedType' | 'tooLarge' | 'corrupt' | 'zipBomb' | 'encrypted' | 'noHeader' | 'tooManyRows';

export const ROSTER_FILE_ERROR_CODES: readonly RosterFileErrorCode[] = ['empty', 'unsupportedType', 'tooLarge', 'corrupt', 'zipBomb', 'encrypted', 'noHeader', 'tooManyRows'];

export type RosterFileErrorParams = Readonly<Record<string, string | number>>;

export class RosterFileError extends Error {
  readonly code: RosterFileErrorCode;
  /** For the message: `limit` (tooLarge: MB; zipBomb: MB unpacked; tooManyRows: rows), `rows` (tooManyRows: rows found). */
  readonly params: RosterFileErrorParams;

  constructor(code: RosterFileErrorCode, params: RosterFileErrorParams = {}, options?: { cause?: unknown }) {
    super(`Roster file refused: ${code}`, options);
    this.name = 'RosterFileError';
    this.code = code;
    this.params = params;
  }
}

export function isRosterFileError(e: unknown): e is RosterFileError {
  return e instanceof RosterFileError;
}
