/**
 * The channel tab's views. Each feature registers its screen here, loaded on demand so that the
 * first screen loads only its own code; board-only views are hidden from stewards.
 *
 * A view's code can be fetched before it is rendered (`preloadView`: main.tsx starts the first
 * view's download as soon as the host has said which it is, alongside sign-in and the plan's
 * data). A view whose code has arrived renders at once, without suspending: React.lazy would
 * suspend on every first render, and React holds a suspended screen back for a moment after its
 * fallback has shown.
 */
import { createElement, lazy, useEffect, useState, type ComponentType, type ReactElement } from 'react';
import type { MessageKey } from '../i18n';
import type { TabViewName, TabViewProps } from '../lib/navigation';

type ViewModule = { readonly default: ComponentType<TabViewProps> };

/** A screen loaded on demand that can be preloaded, and that renders without suspending once loaded. */
export interface PreloadableView {
  (props: TabViewProps): ReactElement;
  preload(): Promise<void>;
  /** Whether the view's code has arrived (it then renders without suspending). */
  isLoaded(): boolean;
}

export function preloadable(load: () => Promise<ViewModule>): PreloadableView {
  let loaded: ComponentType<TabViewProps> | null = null;
  let pending: Promise<ViewModule> | null = null;
  const fetchModule = () => {
    pending ??= load().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        // A failed download (a dropped connection) is tried again by the next render or preload.
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  const Lazy = lazy(fetchModule);
  const View = ((props: TabViewProps) => createElement(loaded ?? Lazy, props)) as PreloadableView;
  View.preload = () => fetchModule().then(() => undefined);
  View.isLoaded = () => loaded !== null;
  return View;
}

/**
 * Whether `view` can be rendered without suspending: true once its code has arrived, and also once
 * its download failed (the view then renders through React.lazy, which tries again and hands a
 * second failure to the error boundary). Until then the caller shows its own loading state, not a
 * Suspense fallback: React holds back the content that replaces a fallback until 300 ms after the
 * fallback appeared (its FALLBACK_THROTTLE_MS), which on a first open whose role answer came before
 * the view's code cost up to 0.3 s after everything had arrived.
 */
export function useViewCode(view: PreloadableView): boolean {
  const [, setArrived] = useState(0);
  const [failed, setFailed] = useState<PreloadableView | null>(null);
  const ready = view.isLoaded() || failed === view;
  useEffect(() => {
    if (ready) return;
    let live = true;
    view.preload().then(
      () => live && setArrived((n) => n + 1),
      // An updater: the view itself is a function, which setState would call.
      () => live && setFailed(() => view),
    );
    return () => {
      live = false;
    };
  }, [view, ready]);
  return ready;
}

export interface TabViewEntry {
  readonly name: TabViewName;
  readonly label: MessageKey;
  readonly boardOnly?: boolean;
  /** Reached by navigation (e.g. a goal), not shown in the tab bar. */
  readonly hidden?: boolean;
  readonly component: PreloadableView;
}

export const TAB_VIEWS: readonly TabViewEntry[] = [
  { name: 'overview', label: 'nav.overview', component: preloadable(() => import('../features/overview/overview-view')) },
  { name: 'goal', label: 'nav.plan', hidden: true, component: preloadable(() => import('../features/goal-detail/goal-detail-view')) },
  { name: 'plan', label: 'nav.plan', component: preloadable(() => import('../features/plan/plan-view')) },
  { name: 'mine', label: 'nav.myGoals', component: preloadable(() => import('../features/my-goals/team-my-goals-view')) },
  { name: 'situation', label: 'nav.situation', component: preloadable(() => import('../features/situation/situation-view')) },
  { name: 'rollout', label: 'nav.rollout', component: preloadable(() => import('../features/rollout/rollout-view')) },
  { name: 'settings', label: 'nav.settings', boardOnly: true, component: preloadable(() => import('../features/settings/settings-view')) },
  { name: 'import', label: 'nav.import', boardOnly: true, component: preloadable(() => import('../features/import/import-view')) },
  { name: 'reports', label: 'nav.reports', boardOnly: true, component: preloadable(() => import('../features/reports/reports-view')) },
];

export const DEFAULT_VIEW: TabViewName = TAB_VIEWS.some((v) => v.name === 'overview') ? 'overview' : 'plan';

/**
 * Starts downloading the code of the view the tab opens on (the default view when none is given).
 * Board-only views are not preloaded: the role is not known yet, and a steward never gets them.
 */
export function preloadView(name: TabViewName | null): void {
  const entry = TAB_VIEWS.find((v) => v.name === (name ?? DEFAULT_VIEW));
  if (entry && !entry.boardOnly) entry.component.preload().catch(() => undefined);
}
