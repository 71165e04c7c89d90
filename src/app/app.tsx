/** The app shell: providers (Fluent theme from Teams, language, query cache, services) and routes. */
import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fluentThemeFor, toAppLanguage, type HostTheme, type TeamsHost } from '../teams';
import { I18nProvider, LOCALES } from '../i18n';
import { ServicesProvider, type Services } from '../lib/services';
import { Routes } from './routes';

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
});

function shouldRetry(failureCount: number, error: unknown): boolean {
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number((error as { status: unknown }).status) : NaN;
  // Throttling is retried by the Graph client itself; other 4xx answers will not change.
  if (status >= 400 && status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false } } });
}

export function App({ host, services, queryClient }: { host: TeamsHost; services: Services; queryClient: QueryClient }) {
  const styles = useStyles();
  const [theme, setTheme] = useState<HostTheme>(host.context.theme);
  const language = toAppLanguage(host.context.locale);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  useEffect(() => {
    document.documentElement.lang = LOCALES[language];
    document.documentElement.dataset.theme = theme;
  }, [language, theme]);
  useEffect(() => host.notifySuccess(), [host]);
  return (
    <FluentProvider theme={fluentThemeFor(theme)} className={styles.root} data-theme={theme} lang={LOCALES[language]}>
      <I18nProvider language={language}>
        <QueryClientProvider client={queryClient}>
          <ServicesProvider services={services}>
            <Routes host={host} />
          </ServicesProvider>
        </QueryClientProvider>
      </I18nProvider>
    </FluentProvider>
  );
}
