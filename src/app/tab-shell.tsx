/**
 * The channel tab: a tab bar over the plan's views, each loaded on demand. Where the bar has no
 * room for every view (a phone, a narrow Teams pane) the views that do not fit go into a 'More'
 * menu at its end, as Teams does with a channel's tabs (Fluent's Overflow): nothing is cut off
 * out of sight, the selected view always shows, and the menu is reached with the arrow keys like
 * any tab.
 */
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from '@fluentui/react-components';
import { ChevronDown16Regular } from '@fluentui/react-icons';
import { Suspense } from 'react';
import { usePlannerSync } from '../hooks/use-planner-sync';
import { useTeamRole } from '../hooks/use-team-role';
import { useI18n, type MessageKey } from '../i18n';
import { useTabView, type TabView, type TabViewName } from '../lib/navigation';
import { ErrorView, LoadingView } from '../components/state-views';
import { DEFAULT_VIEW, TAB_VIEWS, useViewCode } from './tab-views';

const useStyles = makeStyles({
  nav: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingInline: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  // Fluent's Overflow measures this box: the tabs never make the page scroll sideways.
  tabs: { minWidth: 0, overflow: 'hidden' },
  more: { flexShrink: 0, alignSelf: 'center', minWidth: 'auto' },
});

interface ShownView {
  readonly name: TabViewName;
  readonly label: MessageKey;
}

/** A view that did not fit the bar, as an item of the 'More' menu (only while it is hidden from the bar). */
function MoreItem({ view, onSelect }: { view: ShownView; onSelect: (name: TabViewName) => void }) {
  const { t } = useI18n();
  const visible = useIsOverflowItemVisible(view.name);
  if (visible) return null;
  return (
    <MenuItem onClick={() => onSelect(view.name)} data-view={view.name}>
      {t(view.label)}
    </MenuItem>
  );
}

/** The 'More' button at the bar's end, shown only when views overflow; its name says how many it holds. */
function MoreMenu({ views, onSelect }: { views: readonly ShownView[]; onSelect: (name: TabViewName) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        {/* A tab of the tab list (Fluent's TabList overflow pattern), so the arrow keys reach it. */}
        <Button
          ref={ref}
          role="tab"
          appearance="transparent"
          className={styles.more}
          icon={<ChevronDown16Regular />}
          iconPosition="after"
          aria-label={t('planTable.nav.moreLabel', { count: overflowCount })}
          data-testid="tabs-more"
        >
          {t('planTable.nav.more')}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {views.map((v) => (
            <MoreItem key={v.name} view={v} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

export function TabShell({ teamId, teamName, initialView }: { teamId: string; teamName: string; initialView: TabView | null }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { role, isLoading, error } = useTeamRole(teamId);
  // Planner has no change notifications for apps: the plan syncs with its Planner board when the
  // tab opens, whichever view it opens on (it does nothing for a plan without Planner tasks).
  usePlannerSync(teamId);
  const [view, go] = useTabView(initialView ?? { name: DEFAULT_VIEW } as TabView);
  // Before the role is known a board-only view falls back to the default view, whose code is then fetched.
  const entry = TAB_VIEWS.find((v) => v.name === view.name && (!v.boardOnly || role === 'board')) ?? TAB_VIEWS.find((v) => v.name === DEFAULT_VIEW);
  // The view's code (preloaded by main.tsx) is waited for without suspending (tab-views.tsx).
  const codeReady = useViewCode((entry ?? TAB_VIEWS[0]!).component);
  if (isLoading) return <LoadingView />;
  if (error || !role) return <ErrorView error={error ?? { status: 403 }} />;
  const visible = TAB_VIEWS.filter((v) => !v.hidden && (!v.boardOnly || role === 'board'));
  if (!entry) return null;
  const Screen = entry.component;
  const selected = entry.hidden ? undefined : entry.name;
  const select = (name: TabViewName) => go({ name } as TabView);
  return (
    <>
      <nav className={styles.nav} aria-label={t('nav.label')}>
        <Overflow minimumVisible={1}>
          <TabList className={styles.tabs} selectedValue={selected} onTabSelect={(_, d) => select(d.value as TabViewName)}>
            {visible.map((v) => (
              // The selected view never goes into the menu.
              <OverflowItem key={v.name} id={v.name} {...(v.name === selected ? { pinned: true } : { priority: 1 })}>
                <Tab value={v.name}>{t(v.label)}</Tab>
              </OverflowItem>
            ))}
            <MoreMenu views={visible} onSelect={select} />
          </TabList>
        </Overflow>
      </nav>
      {codeReady ? (
        <Suspense fallback={<LoadingView />}>
          <Screen teamId={teamId} teamName={teamName} view={view} role={role} />
        </Suspense>
      ) : (
        <LoadingView />
      )}
    </>
  );
}
