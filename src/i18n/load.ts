/**
 * The tab's language, loaded alone: its user's messages are one chunk (languages/*.ts), fetched
 * alongside sign-in (main.tsx), so the first screen does not carry the other two languages.
 *
 * A message that fails to format falls back to English, as in the whole catalogue (format.ts);
 * English is fetched only when that first happens (the key shows until it has arrived).
 */
import { createTranslator, type Translator } from './format';
import { i18nFor, intlLocale, type I18n, type Language } from './i18n';
import type { Messages } from './catalogue';

function messagesOf(language: Language): Promise<Messages> {
  const load = language === 'nn' ? import('./languages/nn') : language === 'en' ? import('./languages/en') : import('./languages/nb');
  return load.then((module) => module.messages);
}

/** English for the messages that fail, fetched the first time one does. */
function englishOnDemand(): Translator {
  let english: Translator | null = null;
  let loading = false;
  return (key, params) => {
    if (english) return english(key, params);
    if (!loading) {
      loading = true;
      messagesOf('en').then(
        (messages) => {
          english = createTranslator(intlLocale('en'), messages);
        },
        () => {
          loading = false;
        },
      );
    }
    return key;
  };
}

export async function loadI18n(language: Language): Promise<I18n> {
  const messages = await messagesOf(language);
  return i18nFor(language, createTranslator(intlLocale(language), messages, language === 'en' ? undefined : englishOnDemand()));
}
