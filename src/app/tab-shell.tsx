/** The channel tab: a tab bar over the plan's views, each loaded on demand. */
import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense } from 'react';
import { usePlannerSync } from '../hooks/use-planner-sync';
import { useTeamRole } from '../hooks/use-team-role';
import { useI18n } from '../i18n';
import { useTabView, type TabView } from '../lib/navigation';
import { ErrorView, LoadingView } from '../components/state-views';
import { DEFAULT_VIEW, TAB_VIEWS } from './tab-views';

const useStyles = makeStyles({
  nav: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowX: 'auto',
    paddingInline: tokens.spacingHorizontalS,
  },
});

export function TabShell({ teamId, teamName, initialView }: { teamId: string; teamName: string; initialView: TabView | null }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { role, isLoading, error } = useTeamRole(teamId);
  // Planner has no change notifications for apps: the plan syncs with its Planner board when the
  // tab opens, whichever view it opens on (it does nothing for a plan without Planner tasks).
  usePlannerSync(teamId);
  const [view, go] = useTabView(initialView ?? { name: DEFAULT_VIEW } as TabView);
  if (isLoading) return <LoadingView />;
  if (error || !role) return <ErrorView error={error ?? { status: 403 }} />;
  const visible = TAB_VIEWS.filter((v) => !v.hidden && (!v.boardOnly || role === 'board'));
  const entry = TAB_VIEWS.find((v) => v.name === view.name && (!v.boardOnly || role === 'board')) ?? TAB_VIEWS.find((v) => v.name === DEFAULT_VIEW);
  if (!entry) return null;
  const Screen = entry.component;
  return (
    <>
      <nav className={styles.nav} aria-label={t('nav.label')}>
        <TabList selectedValue={entry.hidden ? undefined : entry.name} onTabSelect={(_, d) => go({ name: d.value } as TabView)}>
          {visible.map((v) => (
            <Tab key={v.name} value={v.name}>
              {t(v.label)}
            </Tab>
          ))}
        </TabList>
      </nav>
      <Suspense fallback={<LoadingView />}>
        <Screen teamId={teamId} teamName={teamName} view={view} role={role} />
      </Suspense>
    </>
  );
}
