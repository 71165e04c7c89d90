/**
 * The languages and the I18n object the app formats with, made from one language's messages. No
 * catalogue here: the tab loads its user's language alone (load.ts), the runners, reports and cards
 * every language (catalogue.ts).
 */
import { NUMBER_OPTIONS, type MessageParams, type Translator } from './format';
import type { MessageKey } from './catalogue';

export type Language = 'nb' | 'nn' | 'en';

/** BCP 47 locale used for Intl formatting. Nynorsk formats dates like bokmål where nn data is missing. */
export const LOCALES: Readonly<Record<Language, string>> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

export interface I18n {
  readonly language: Language;
  readonly locale: string;
  t(key: MessageKey, params?: MessageParams): string;
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
  formatPercent(fraction: number): string;
  /** Formats YYYY-MM-DD or YYYY-MM as a date or month in the locale. */
  formatDate(iso: string): string;
}

/**
 * The locale Intl formats with. Some ICU builds (Chromium's among them) carry no nynorsk data and
 * would fall back to English conventions ('36,000'); bokmål's conventions are nynorsk's too
 * (same month names, '36 000', '33 %', and the same plural rules: one, other).
 */
export function intlLocale(language: Language): string {
  const wanted = LOCALES[language];
  if (language !== 'nn') return wanted;
  const supported =
    Intl.NumberFormat.supportedLocalesOf([wanted]).length > 0 &&
    Intl.DateTimeFormat.supportedLocalesOf([wanted]).length > 0 &&
    Intl.PluralRules.supportedLocalesOf([wanted]).length > 0;
  return supported ? wanted : LOCALES.nb;
}

/** The I18n of a language whose messages `translate` formats. */
export function i18nFor(language: Language, translate: Translator): I18n {
  const locale = intlLocale(language);
  const numberFormat = new Intl.NumberFormat(locale, NUMBER_OPTIONS);
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const dayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const monthFormat = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const formatNumber = (value: number, options?: Intl.NumberFormatOptions) =>
    options ? new Intl.NumberFormat(locale, options).format(value) : numberFormat.format(value);
  return {
    language,
    locale,
    t: (key, params) => translate(key, params),
    formatNumber,
    formatPercent: (fraction) => percentFormat.format(fraction),
    formatDate: (iso) => {
      const [y, m, d] = iso.split('-').map(Number);
      if (!y || !m) return iso;
      return d ? dayFormat.format(Date.UTC(y, m - 1, d)) : monthFormat.format(Date.UTC(y, m - 1, 1));
    },
  };
}
