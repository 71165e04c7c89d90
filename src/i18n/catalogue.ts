/**
 * The app's languages: bokmål (nb), nynorsk (nn) and English (en). Every user-facing string comes
 * from these catalogues; dates and numbers are formatted for the language's locale. No React here:
 * the Node runners translate what they write (e.g. into Planner) with the same catalogues, and so
 * do the tab's reports, cards and roster import (which may write in another language than the
 * user's). The tab's own screens load only their user's language (load.ts, languages/*.ts).
 */
import { en, type MessageKey as CoreKey } from './messages/en';
import { nb } from './messages/nb';
import { nn } from './messages/nn';
import { PARTS, type PartKey } from './parts';
import { createTranslator, type Translator } from './format';
import { i18nFor, intlLocale, type I18n, type Language } from './i18n';

export { LOCALES, i18nFor, type I18n, type Language } from './i18n';
export type MessageKey = CoreKey | PartKey;
export type Messages = Readonly<Record<MessageKey, string>>;

function merge(language: Language, core: Readonly<Record<CoreKey, string>>): Messages {
  return Object.assign({}, core, ...PARTS.map((part) => part[language])) as Messages;
}

export const CATALOGUES: Readonly<Record<Language, Messages>> = { nb: merge('nb', nb), nn: merge('nn', nn), en: merge('en', en) };

/**
 * One translator per language for the whole process, made when the language is first used: every
 * createI18n (each Planner text, each reminder card, each report) shares its compiled messages.
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
  return i18nFor(language, translatorFor(language));
}
