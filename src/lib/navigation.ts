/**
 * Navigation over the URL hash: the manifest's routes (`#/tab`, `#/config`, …) and, in the channel
 * tab, its views `#/tab/<view>[/<id>]`. Teams deep links arrive as the
 * context's subPageId (subEntityId), which `viewFromSubPage` turns into the same views.
 */
import { useCallback, useEffect, useState } from 'react';
import type { TeamRole } from '../domain/ports';

/** Hash routes, as the Teams manifest addresses them: #/tab, #/config, #/personal, #/privacy, #/terms. */
export type Route = 'tab' | 'config' | 'personal' | 'privacy' | 'terms' | 'unknown';

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').split(/[?/]/)[0] ?? '';
  if (path === '' || path === 'tab') return 'tab';
  if (path === 'config' || path === 'personal' || path === 'privacy' || path === 'terms') return path;
  return 'unknown';
}

export type TabView =
  | { readonly name: 'overview' }
  /** The plan, optionally opened with filters set (the overview's area rows link to it). */
  | { readonly name: 'plan'; readonly filter?: PlanViewFilter }
  | { readonly name: 'goal'; readonly goalId: string }
  /** 'My goals', optionally with one goal's check-in in focus (a reminder's 'Report progress'). */
  | { readonly name: 'mine'; readonly goalId?: string }
  | { readonly name: 'situation' }
  | { readonly name: 'settings' }
  | { readonly name: 'import' }
  /** The board's Org365 rollout: the representatives and their steps (issue 13). */
  | { readonly name: 'rollout' }
  /** The board's meeting and annual reports (issue 14). */
  | { readonly name: 'reports' };

export type TabViewName = TabView['name'];

/**
 * Filters the Plan view opens with, as its filters hold them (features/plan/plan-filter.ts reads and
 * checks them): an area id, an effective status, an owner's Entra id, a bargaining area.
 */
export interface PlanViewFilter {
  readonly area?: string;
  readonly status?: string;
  readonly owner?: string;
  readonly tariff?: string;
}

const PLAN_FILTER_KEYS = ['area', 'status', 'owner', 'tariff'] as const;

/** The plan's filters from a query string ('area=12&status=behind'); unknown and empty values are left out. */
function planFilterFrom(query: string | undefined): PlanViewFilter | null {
  if (!query) return null;
  const params = new URLSearchParams(query);
  const filter: Record<string, string> = {};
  for (const key of PLAN_FILTER_KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  return Object.keys(filter).length > 0 ? filter : null;
}

/** The query string of the plan's filters, in a fixed order; '' for none. */
function planFilterQuery(filter: PlanViewFilter | undefined): string {
  if (!filter) return '';
  const params = new URLSearchParams();
  for (const key of PLAN_FILTER_KEYS) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

export function parseTabView(hash: string): TabView | null {
  const parts = hash.replace(/^#\/?/, '').split('?')[0]?.split('/') ?? [];
  if (parts[0] !== 'tab' && parts[0] !== '') return null;
  const [, view, id] = parts;
  switch (view) {
    case undefined:
    case '':
    case 'overview':
      return { name: 'overview' };
    case 'goal':
      return id ? { name: 'goal', goalId: decodeURIComponent(id) } : { name: 'plan' };
    case 'mine':
      return id ? { name: 'mine', goalId: decodeURIComponent(id) } : { name: 'mine' };
    case 'plan': {
      const filter = planFilterFrom(hash.split('?')[1]);
      return filter ? { name: 'plan', filter } : { name: 'plan' };
    }
    case 'situation':
    case 'settings':
    case 'import':
    case 'rollout':
    case 'reports':
      return { name: view };
    default:
      return null;
  }
}

export function tabViewHash(view: TabView): string {
  if (view.name === 'goal') return `#/tab/goal/${encodeURIComponent(view.goalId)}`;
  if (view.name === 'mine' && view.goalId) return `#/tab/mine/${encodeURIComponent(view.goalId)}`;
  if (view.name === 'plan' && planFilterQuery(view.filter)) return `#/tab/plan?${planFilterQuery(view.filter)}`;
  return `#/tab/${view.name}`;
}

/** Deep-link sub-entity ids: `goal:<id>` opens a goal, `checkin:<id>` its check-in on 'My goals'; a view name opens that view. */
export function subPageIdFor(view: TabView): string {
  if (view.name === 'goal') return `goal:${view.goalId}`;
  if (view.name === 'mine' && view.goalId) return `checkin:${view.goalId}`;
  if (view.name === 'plan' && planFilterQuery(view.filter)) return `plan?${planFilterQuery(view.filter)}`;
  return view.name;
}

export function viewFromSubPage(subPageId: string | undefined): TabView | null {
  if (!subPageId) return null;
  if (subPageId.startsWith('goal:')) return { name: 'goal', goalId: subPageId.slice(5) };
  if (subPageId.startsWith('checkin:')) return { name: 'mine', goalId: subPageId.slice(8) };
  return parseTabView(`#/tab/${subPageId}`);
}

export function navigate(view: TabView): void {
  window.location.hash = tabViewHash(view);
}

export function useTabView(initial: TabView): [TabView, (view: TabView) => void] {
  const [view, setView] = useState<TabView>(() => (window.location.hash.startsWith('#/tab/') ? parseTabView(window.location.hash) : null) ?? initial);
  useEffect(() => {
    const onChange = () => {
      const next = parseTabView(window.location.hash);
      if (next) setView(next);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((next: TabView) => navigate(next), []);
  return [view, go];
}

/** What every view of the channel tab receives. */
export interface TabViewProps {
  readonly teamId: string;
  readonly teamName: string;
  readonly view: TabView;
  readonly role: TeamRole;
}
