/**
 * The app's languages: bokmål (nb), nynorsk (nn) and English (en). Every user-facing string comes
 * from these catalogues; dates and numbers are formatted for the language's locale. No React here:
 * the Node runners translate what they write (e.g. into Planner) with the same catalogues.
 */
import { en, type MessageKey as CoreKey } from './messages/en';
import { nb } from './messages/nb';
import { nn } from './messages/nn';
import { PARTS, type PartKey } from './parts';
import { NUMBER_OPTIONS, createTranslator, type MessageParams, type Translator } from './format';

export type Language = 'nb' | 'nn' | 'en';
export type MessageKey = CoreKey | PartKey;
export type Messages = Readonly<Record<MessageKey, string>>;

function merge(language: Language, core: Readonly<Record<CoreKey, string>>): Messages {
  return Object.assign({}, core, ...PARTS.map((part) => part[language])) as Messages;
}

export const CATALOGUES: Readonly<Record<Language, Messages>> = { nb: merge('nb', nb), nn: merge('nn', nn), en: merge('en', en) };

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
function intlLocale(language: Language): string {
  const wanted = LOCALES[language];
  if (language !== 'nn') return wanted;
  const supported =
    Intl.NumberFormat.supportedLocalesOf([wanted]).length > 0 &&
    Intl.DateTimeFormat.supportedLocalesOf([wanted]).length > 0 &&
    Intl.PluralRules.supportedLocalesOf([wanted]).length > 0;
  return supported ? wanted : LOCALES.nb;
}

/**
 * One translator per language for the whole process, made when the language is first used: every
 * createI18n (a React provider, each Planner text, each reminder card) shares its compiled messages.
 * A message that fails falls back to English, and English to the key (format.ts).
 */
const translators = new Map<Language, Translator>();

function translatorFor(language: Language): Translator {
  let translator = translators.get(language);
  if (!translator) {
    translator = createTranslator(intlLocale(language), CATALOGUES[language], language === 'en' ? undefined : translatorFor('en'));
    translators.set(language, translator);
  }
  return translator;
}

export function createI18n(language: Language): I18n {
  const locale = intlLocale(language);
  const translate = translatorFor(language);
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

