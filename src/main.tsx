/** Entry point: read the configuration, connect to the Teams host, sign in, render. */
// First: it starts the downloads the URL's hints name before the rest of the app's code is evaluated.
import { i18nOf } from './app/hinted-downloads';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { buildTabDeepLink, connectToHost, loadFluentTheme, toAppLanguage } from './teams';
import { readConfig, type RawEnv } from './app/config';
import { version as appVersion } from '../package.json';
import { App, createQueryClient, refreshRestored } from './app/app';
import { createServices, deferredTokenSource, loadTokenSource } from './app/services';
import { preloadView } from './app/tab-views';
import { parseRoute, viewFromSubPage } from './lib/navigation';
import { localDayOf } from './domain/calendar';
import { startFirstScreen } from './app/first-screen';
import { defaultStorage, persistOptions, readingAhead, restorePersisted } from './lib/persisted-cache';

async function main(): Promise<void> {
  const openedAt = Date.now();
  const root = createRoot(document.getElementById('root') as HTMLElement);
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(import.meta.env as RawEnv, window.location.origin);
  } catch (err) {
    const { StandaloneNotice } = await import('./app/standalone-notice');
    root.render(<StandaloneNotice kind="config" detail={err instanceof Error ? err.message : String(err)} />);
    return;
  }
  // Sign-in's code downloads while the host answers; the first view's code as soon as the host has
  // said which view it is, alongside sign-in and the first screen's Graph reads (app/first-screen.ts).
  const tokenSource = loadTokenSource(config);
  tokenSource.catch(() => undefined); // a failure surfaces in each token request (deferredTokenSource, below)
  // The last visit's cache is read while the host answers; whose it is, is checked once the host
  // has said who signed in (lib/persisted-cache.ts).
  const storage = readingAhead(defaultStorage());
  // The language, theme and view the URL's hints name are already downloading (app/hinted-downloads.ts);
  // the host's context decides below (teams/context-hints.ts: a wrong hint costs one download).
  const host = await connectToHost({ validMessageOrigins: config.teamsHostOrigins, timeoutMs: 5000 });
  if (!host) {
    // Outside Teams only (with its own themes): not part of the tab's first download.
    const { StandaloneNotice } = await import('./app/standalone-notice');
    root.render(<StandaloneNotice kind="outside" />);
    return;
  }
  if (parseRoute(window.location.hash) === 'tab' && host.context.team) preloadView(viewFromSubPage(host.context.subPageId)?.name ?? null);
  const { user } = host.context;
  const queryClient = createQueryClient();
  const userPrincipalName = user.userPrincipalName ?? user.loginHint ?? '';
  const persist = persistOptions({ appVersion, userPrincipalName, storage });
  // What was restored shows at the first render and is then refreshed from Graph.
  const restored = restorePersisted(queryClient, persist).then(() => refreshRestored(queryClient, openedAt));
  // Sign-in is set up in the background (deferredTokenSource): the first screen's Graph reads start
  // now and wait for their token, and the tab renders what it has cached once its theme and
  // language are in, without waiting for sign-in.
  const getToken = deferredTokenSource(tokenSource.then((make) => make(user)));
  const services = createServices(config, getToken, {
    user: { id: user.id, userPrincipalName, displayName: user.displayName ?? user.userPrincipalName ?? '' },
    team: host.context.team ? { id: host.context.team.groupId, displayName: host.context.team.displayName } : null,
    channel: host.context.channel ? { id: host.context.channel.id, displayName: host.context.channel.displayName } : null,
    tenantId: user.tenantId ?? null,
    // The user's local calendar day (a Norwegian just after midnight is already on the new day).
    today: () => localDayOf(new Date()),
    deepLink: (subPageId, label) => {
      if (!config.teamsAppId) return null;
      const webUrl = `${window.location.origin}${window.location.pathname}#/tab`;
      try {
        return buildTabDeepLink({
          appId: config.teamsAppId,
          entityId: host.context.pageId ?? 'handlingsplan',
          webUrl,
          label,
          subEntityId: subPageId,
          channelId: host.context.channel?.id,
        });
      } catch {
        return null;
      }
    },
    openDeepLink: (url) => host.openDeepLink(url),
  });
  startFirstScreen(queryClient, services, host.context.team?.groupId ?? null, window.location.hash);
  const [theme, i18n] = await Promise.all([loadFluentTheme(host.context.theme), i18nOf(toAppLanguage(host.context.locale)), restored]);
  root.render(
    <StrictMode>
      <App host={host} services={services} queryClient={queryClient} persist={persist} theme={theme} i18n={i18n} openedAt={openedAt} />
    </StrictMode>,
  );
}

void main();
