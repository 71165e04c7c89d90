/**
 * In-tab navigation over the URL hash: `#/tab/<view>[/<id>]`. Teams deep links arrive as the
 * context's subPageId (subEntityId), which `viewFromSubPage` turns into the same views.
 */
import { useCallback, useEffect, useState } from 'react';
import type { TeamRole } from '../domain/ports';

export type TabView =
  | { readonly name: 'overview' }
  | { readonly name: 'plan' }
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
    case 'plan':
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
  return `#/tab/${view.name}`;
}

/** Deep-link sub-entity ids: `goal:<id>` opens a goal, `checkin:<id>` its check-in on 'My goals'; a view name opens that view. */
export function subPageIdFor(view: TabView): string {
  if (view.name === 'goal') return `goal:${view.goalId}`;
  if (view.name === 'mine' && view.goalId) return `checkin:${view.goalId}`;
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
