/**
 * The downloads the URL's context hints name (teams/context-hints.ts): the user's language, the
 * theme and the view the tab opens on. main.tsx imports this module first, so that it runs before
 * the rest of the app's code is evaluated (ES modules run in import order) and these downloads
 * start as soon as the page's own code has arrived, instead of after its evaluation. They follow
 * the page's code rather than share its bandwidth: the first Graph requests wait for that code, and
 * the view's code has until their answers to arrive (issue 16). A wrong hint costs one download; the
 * host's context decides what is shown (main.tsx).
 */
import type { I18n } from '../i18n';
import { loadI18n } from '../i18n/load';
import { readContextHints } from '../teams/context-hints';
import { toAppLanguage, type AppLanguage } from '../teams/locale';
import { loadFluentTheme } from '../teams/theme';
import { parseRoute, viewFromSubPage } from '../lib/navigation';
import { preloadView } from './tab-views';

const languages = new Map<AppLanguage, Promise<I18n>>();

/** A language's messages, loaded once: the hinted one is already on its way. */
export function i18nOf(language: AppLanguage): Promise<I18n> {
  const loading = languages.get(language) ?? loadI18n(language);
  languages.set(language, loading);
  return loading;
}

const hints = readContextHints(window.location.search);
if (hints.locale !== null) {
  i18nOf(toAppLanguage(hints.locale)).catch(() => undefined); // awaited by main.tsx; a failure surfaces there
  if (parseRoute(window.location.hash) === 'tab') preloadView(viewFromSubPage(hints.subPageId ?? undefined)?.name ?? null);
}
if (hints.theme !== null) loadFluentTheme(hints.theme).catch(() => undefined);
