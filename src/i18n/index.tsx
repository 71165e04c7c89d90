/**
 * The app's languages in React: the provider and hook over the catalogues (catalogue.ts).
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createI18n, type I18n, type Language } from './catalogue';

export { CATALOGUES, LOCALES, createI18n, type I18n, type Language, type MessageKey, type Messages } from './catalogue';

const I18nContext = createContext<I18n>(createI18n('nb'));

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => createI18n(language), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
