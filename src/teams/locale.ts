/** The languages the app ships catalogues for. */
export type AppLanguage = 'nb' | 'nn' | 'en';

/**
 * Maps a Teams locale (`app.locale`, e.g. 'nb-NO', 'nn-NO', 'en-US') to the app's language.
 * Nynorsk ('nn', 'nn-NO') → 'nn'; other Norwegian tags ('nb', 'no', 'nb-NO', 'no-NO') → 'nb';
 * everything else, including an empty or missing locale → 'en'.
 */
export function toAppLanguage(locale: string | null | undefined): AppLanguage {
  const primary = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === 'nn') return 'nn';
  if (primary === 'nb' || primary === 'no') return 'nb';
  return 'en';
}
