/**
 * The app's languages in React: the provider and hook over an I18n (i18n.ts). The tab provides
 * the one language it loaded (load.ts); tests and screens outside the tab make theirs from the
 * whole catalogue (catalogue.ts: createI18n). This module imports no catalogue, so that whatever
 * uses the hook does not pull every language into the first download.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { I18n } from './i18n';

export { LOCALES, type I18n, type Language } from './i18n';
export type { MessageKey, Messages } from './catalogue';

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
