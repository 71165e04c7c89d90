/**
 * The app shell: providers (Fluent theme from Teams, language, query cache kept between visits,
 * services), the offline check-in queue's sync, and routes.
 */
import { FluentProvider, Spinner, makeStyles, tokens, type Theme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { loadFluentTheme, type HostTheme, type TeamsHost } from '../teams';
import { I18nProvider, LOCALES, useI18n, type I18n } from '../i18n';
import { ServicesProvider, type Services } from '../lib/services';
import { CACHE_MAX_AGE_MS, usePersisting, useRefreshingPersistedPlan, type PersistOptions } from '../lib/persisted-cache';
import { useCheckInQueueSync } from '../hooks/use-check-in';
import { Routes } from './routes';

const useStyles = makeStyles({
  // Long unbroken words (names, URLs, e-mail addresses) wrap instead of widening the page, in
  // popovers and dialogs too: Fluent gives the provider's classes to every portal's mount node.
  provider: { overflowWrap: 'anywhere' },
  // Page size and background on a page element of its own, never on the provider: a portal node
  // with the page's min-height would be an invisible full-screen layer over every dialog, taking
  // the clicks meant for it while a popover (e.g. the owner picker's list) stays mounted.
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  refreshing: {
    position: 'fixed',
    insetInlineEnd: tokens.spacingHorizontalM,
    bottom: tokens.spacingVerticalM,
    zIndex: 2,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground2,
    boxShadow: tokens.shadow4,
    fontSize: tokens.fontSizeBase200,
  },
});

/** Restored queries refreshed on opening; the user's own directory entry ('me') is not. */
const RESTORED_REFRESH = ['plan', 'joined-teams', 'team-members'] as const;

function shouldRetry(failureCount: number, error: unknown): boolean {
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number((error as { status: unknown }).status) : NaN;
  // Throttling is retried by the Graph client itself; other 4xx answers will not change.
  if (status >= 400 && status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Kept in memory as long as it may be restored from the persisted cache.
      queries: { retry: shouldRetry, staleTime: 30_000, gcTime: CACHE_MAX_AGE_MS, refetchOnWindowFocus: false },
    },
  });
}

/** A quiet "Updating…" while a plan shown from the persisted cache is being refreshed. */
function RefreshingIndicator({ queryClient, since }: { queryClient: QueryClient; since: number }) {
  const styles = useStyles();
  const { t } = useI18n();
  const refreshing = useRefreshingPersistedPlan(queryClient, since);
  return (
    <div role="status" aria-live="polite">
      {refreshing && (
        <span className={styles.refreshing} data-testid="refreshing">
          <Spinner size="extra-tiny" aria-hidden />
          {t('app.refreshing')}
        </span>
      )}
    </div>
  );
}

/**
 * What was restored is shown at once and then refreshed from Graph, however recently it was saved:
 * the queries holding data from before this open (`since`). One the first screen is already
 * fetching (first-screen.ts) is not fetched a second time.
 */
export function refreshRestored(queryClient: QueryClient, since: number): Promise<void> {
  return Promise.all(
    RESTORED_REFRESH.map((root) =>
      queryClient.invalidateQueries(
        { queryKey: [root], predicate: (q) => q.state.dataUpdatedAt > 0 && q.state.dataUpdatedAt < since },
        { cancelRefetch: false },
      ),
    ),
  ).then(() => undefined);
}

function CheckInQueueSync() {
  useCheckInQueueSync();
  return null;
}

/**
 * The host's theme and its Fluent theme, following the host's changes. A theme not yet loaded is
 * fetched first; of changes that overlap, the last one wins.
 */
function useHostTheme(host: TeamsHost, initial: Theme): { name: HostTheme; theme: Theme } {
  const [state, setState] = useState({ name: host.context.theme, theme: initial });
  const latest = useRef(0);
  useEffect(
    () =>
      host.onThemeChange((name) => {
        const request = ++latest.current;
        void loadFluentTheme(name).then((theme) => {
          if (request === latest.current) setState({ name, theme });
        });
      }),
    [host],
  );
  return state;
}

/**
 * The tab: its theme, its user's language and the persisted cache are loaded before it renders
 * (main.tsx), so its first render already shows the last plan.
 */
export function App({
  host,
  services,
  queryClient,
  persist,
  theme: initialTheme,
  i18n,
  openedAt,
}: {
  host: TeamsHost;
  services: Services;
  /** Holding what was restored from the persisted cache (`restorePersisted`). */
  queryClient: QueryClient;
  /** How the cache is kept from now on. */
  persist: PersistOptions;
  theme: Theme;
  i18n: I18n;
  /** When the tab started opening: data older than this was restored from the persisted cache. */
  openedAt: number;
}) {
  const styles = useStyles();
  const { name: theme, theme: fluentTheme } = useHostTheme(host, initialTheme);
  const language = i18n.language;
  usePersisting(queryClient, persist);
  useEffect(() => {
    document.documentElement.lang = LOCALES[language];
    document.documentElement.dataset.theme = theme;
  }, [language, theme]);
  useEffect(() => host.notifySuccess(), [host]);
  return (
    <FluentProvider theme={fluentTheme} className={styles.provider} data-theme={theme} lang={LOCALES[language]}>
      <div className={styles.root}>
        <I18nProvider i18n={i18n}>
          <QueryClientProvider client={queryClient}>
            <ServicesProvider services={services}>
              <CheckInQueueSync />
              <Routes host={host} />
              <RefreshingIndicator queryClient={queryClient} since={openedAt} />
            </ServicesProvider>
          </QueryClientProvider>
        </I18nProvider>
      </div>
    </FluentProvider>
  );
}
