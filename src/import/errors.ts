/** Typed import errors with stable codes and translated one-line messages. */

export type ImportErrorCode =
  | 'EMPTY_FILE'
  | 'TOO_LARGE'
  | 'TOO_LARGE_UNPACKED'
  | 'UNSUPPORTED_TYPE'
  | 'CORRUPT_DOCX'
  | 'CORRUPT_PDF'
  | 'ENCRYPTED_PDF'
  | 'NO_TEXT'
  | 'NOT_A_PLAN'
  | 'TIMEOUT';

export const IMPORT_ERROR_CODES: readonly ImportErrorCode[] = [
  'EMPTY_FILE',
  'TOO_LARGE',
  'TOO_LARGE_UNPACKED',
  'UNSUPPORTED_TYPE',
  'CORRUPT_DOCX',
  'CORRUPT_PDF',
  'ENCRYPTED_PDF',
  'NO_TEXT',
  'NOT_A_PLAN',
  'TIMEOUT',
];

export type MessageLanguage = 'nb' | 'nn' | 'en';

export const importMessages: Readonly<Record<MessageLanguage, Readonly<Record<ImportErrorCode, string>>>> = {
  nb: {
    EMPTY_FILE: 'Filen er tom.',
    TOO_LARGE: 'Filen er for stor (over {limit} MB).',
    TOO_LARGE_UNPACKED: 'Filen er for stor: den pakker seg ut til over {limit} MB.',
    UNSUPPORTED_TYPE: 'Filtypen støttes ikke. Bruk .docx, .pdf eller .txt.',
    CORRUPT_DOCX: 'Word-filen er skadet eller ikke en gyldig .docx.',
    CORRUPT_PDF: 'PDF-filen er skadet eller kan ikke leses.',
    ENCRYPTED_PDF: 'PDF-filen er passordbeskyttet. Fjern passordet og prøv igjen.',
    NO_TEXT: 'Fant ingen tekst i filen (er det en skannet PDF?).',
    NOT_A_PLAN: 'Dokumentet ser ikke ut som en handlingsplan: fant ingen satsingsområder eller mål.',
    TIMEOUT: 'Det tok for lang tid å lese filen (over {seconds} sekunder), så lesingen ble stoppet. Prøv en .docx- eller .txt-versjon av planen.',
  },
  nn: {
    EMPTY_FILE: 'Fila er tom.',
    TOO_LARGE: 'Fila er for stor (over {limit} MB).',
    TOO_LARGE_UNPACKED: 'Fila er for stor: ho pakkar seg ut til over {limit} MB.',
    UNSUPPORTED_TYPE: 'Filtypen er ikkje støtta. Bruk .docx, .pdf eller .txt.',
    CORRUPT_DOCX: 'Word-fila er skadd eller ikkje ei gyldig .docx.',
    CORRUPT_PDF: 'PDF-fila er skadd eller kan ikkje lesast.',
    ENCRYPTED_PDF: 'PDF-fila er passordverna. Fjern passordet og prøv igjen.',
    NO_TEXT: 'Fann ingen tekst i fila (er det ein skanna PDF?).',
    NOT_A_PLAN: 'Dokumentet ser ikkje ut som ein handlingsplan: fann ingen satsingsområde eller mål.',
    TIMEOUT: 'Det tok for lang tid å lese fila (over {seconds} sekund), så lesinga vart stoppa. Prøv ein .docx- eller .txt-versjon av planen.',
  },
  en: {
    EMPTY_FILE: 'The file is empty.',
    TOO_LARGE: 'The file is too large (over {limit} MB).',
    TOO_LARGE_UNPACKED: 'The file is too large: it unpacks to over {limit} MB.',
    UNSUPPORTED_TYPE: 'Unsupported file type. Use .docx, .pdf or .txt.',
    CORRUPT_DOCX: 'The Word file is damaged or not a valid .docx.',
    CORRUPT_PDF: 'The PDF file is damaged or cannot be read.',
    ENCRYPTED_PDF: 'The PDF file is password-protected. Remove the password and try again.',
    NO_TEXT: 'No text found in the file (is it a scanned PDF?).',
    NOT_A_PLAN: 'The document does not look like an action plan: no priority areas or goals found.',
    TIMEOUT: 'Reading the file took too long (over {seconds} seconds), so it was stopped. Try a .docx or .txt version of the plan.',
  },
};

export type ImportErrorParams = Readonly<Record<string, string | number>>;

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly params: ImportErrorParams;

  constructor(code: ImportErrorCode, params: ImportErrorParams = {}, options?: { cause?: unknown }) {
    super(formatImportError(code, 'en', params), options);
    this.name = 'ImportError';
    this.code = code;
    this.params = params;
  }
}

export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError;
}

/** The one-line message for a code in the given language, with {placeholders} filled in. */
export function formatImportError(code: ImportErrorCode, lang: MessageLanguage, params: ImportErrorParams = {}): string {
  return importMessages[lang][code].replace(/\{(\w+)\}/g, (m, key: string) => {
    const v = params[key];
    return v === undefined ? m : String(v);
  });
}

/** Message language from a locale string such as LANG=nb_NO.UTF-8; anything else is English. */
export function messageLanguageFromLocale(locale: string | undefined | null): MessageLanguage {
  const l = (locale ?? '').toLowerCase();
  if (l.startsWith('nb') || l.startsWith('no')) return 'nb';
  if (l.startsWith('nn')) return 'nn';
  return 'en';
}
