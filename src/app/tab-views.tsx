/**
 * The channel tab's views. Each feature registers its screen here (lazy, so the first screen
 * loads only its own code); board-only views are hidden from stewards.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { MessageKey } from '../i18n';
import type { TabViewName, TabViewProps } from '../lib/navigation';

export interface TabViewEntry {
  readonly name: TabViewName;
  readonly label: MessageKey;
  readonly boardOnly?: boolean;
  /** Reached by navigation (e.g. a goal), not shown in the tab bar. */
  readonly hidden?: boolean;
  readonly component: LazyExoticComponent<ComponentType<TabViewProps>>;
}

export const TAB_VIEWS: readonly TabViewEntry[] = [
  { name: 'overview', label: 'nav.overview', component: lazy(() => import('../features/overview/overview-view')) },
  { name: 'goal', label: 'nav.plan', hidden: true, component: lazy(() => import('../features/goal-detail/goal-detail-view')) },
  { name: 'plan', label: 'nav.plan', component: lazy(() => import('../features/plan/plan-view')) },
  { name: 'mine', label: 'nav.myGoals', component: lazy(() => import('../features/my-goals/team-my-goals-view')) },
  { name: 'situation', label: 'nav.situation', component: lazy(() => import('../features/situation/situation-view')) },
  { name: 'rollout', label: 'nav.rollout', component: lazy(() => import('../features/rollout/rollout-view')) },
  { name: 'settings', label: 'nav.settings', boardOnly: true, component: lazy(() => import('../features/settings/settings-view')) },
  { name: 'import', label: 'nav.import', boardOnly: true, component: lazy(() => import('../features/import/import-view')) },
  { name: 'reports', label: 'nav.reports', boardOnly: true, component: lazy(() => import('../features/reports/reports-view')) },
];

export const DEFAULT_VIEW: TabViewName = TAB_VIEWS.some((v) => v.name === 'overview') ? 'overview' : 'plan';
