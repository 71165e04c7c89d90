/** Hash routes, as the Teams manifest addresses them: #/tab, #/config, #/personal, #/privacy, #/terms. */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { TeamsHost } from '../teams';
import { useI18n } from '../i18n';
import { EmptyView, LoadingView } from '../components/state-views';
import { parseRoute, viewFromSubPage, type Route } from '../lib/navigation';
import { TabShell } from './tab-shell';
import { hintedContentUrl } from '../teams/context-hints';

const ConfigPage = lazy(() => import('../features/tab-config/config-page').then((m) => ({ default: m.ConfigPage })));
const MyGoalsPage = lazy(() => import('../features/my-goals/my-goals-page').then((m) => ({ default: m.MyGoalsPage })));
const LegalPage = lazy(() => import('../features/legal/legal-page').then((m) => ({ default: m.LegalPage })));

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function Routes({ host }: { host: TeamsHost }) {
  const route = useRoute();
  const { t } = useI18n();
  const team = host.context.team;
  const content = (() => {
    switch (route) {
      case 'personal':
        return <MyGoalsPage />;
      case 'tab':
        return team ? (
          <TabShell teamId={team.groupId} teamName={team.displayName} initialView={viewFromSubPage(host.context.subPageId)} />
        ) : (
          <EmptyView title={t('host.noTeam.title')} body={t('host.noTeam.body')} />
        );
      case 'config':
        return (
          <ConfigPage
            config={host.config}
            team={team ?? null}
            contentUrl={hintedContentUrl(`${window.location.origin}${window.location.pathname}`, '#/tab')}
          />
        );
      case 'privacy':
      case 'terms':
        return <LegalPage page={route} />;
      case 'unknown':
        return <EmptyView title={t('app.error.title')} body={t('route.notFound')} />;
    }
  })();
  return <Suspense fallback={<LoadingView />}>{content}</Suspense>;
}
