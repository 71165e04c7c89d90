/**
 * The query cache kept in the browser (IndexedDB) between visits, so that reopening the tab shows
 * the last plan at once and then refreshes it from Graph.
 *
 * Only successful plan and team queries are kept (the plan, the user's teams, team members and
 * the user's own directory entry, which the tab needs to tell the board from stewards). The cache
 * is tied to the app version and the signed-in user: when another person signs in in the same
 * browser profile, the stored cache carries a different buster and is deleted from IndexedDB before
 * anything else happens, unread (`forgetOtherUsers`). It expires after seven days. It never holds
 * tokens (those stay in MSAL's sessionStorage cache).
 */
import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister';
import type { Query, QueryClient } from '@tanstack/react-query';
import {
  persistQueryClientRestore,
  persistQueryClientSave,
  persistQueryClientSubscribe,
  type AsyncStorage,
  type PersistedClient,
  type Persister,
  type PersistQueryClientOptions,
} from '@tanstack/react-query-persist-client';
import { useEffect, useSyncExternalStore } from 'react';
import { indexedDbStore } from './indexed-db';

export const CACHE_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
export const CACHE_KEY = 'handlingsplan-query-cache';

/** First elements of the query keys that are persisted. */
export const PERSISTED_QUERY_ROOTS: ReadonlySet<string> = new Set(['plan', 'joined-teams', 'team-members', 'me']);

export function cacheBuster(appVersion: string, userPrincipalName: string): string {
  return `v${appVersion}|${userPrincipalName.trim().toLowerCase()}`;
}

export function shouldPersistQuery(query: Pick<Query, 'queryKey' | 'state'>): boolean {
  const root = query.queryKey[0];
  return query.state.status === 'success' && query.state.data !== undefined && typeof root === 'string' && PERSISTED_QUERY_ROOTS.has(root);
}

/** A string key-value store in IndexedDB, as the async storage persister wants it. */
export function indexedDbStorage(databaseName = 'handlingsplan-cache', storeName = 'queries'): AsyncStorage<string> {
  const run = indexedDbStore(databaseName, storeName);
  return {
    getItem: async (key) => {
      const value = await run('readonly', (s) => s.get(key) as IDBRequest<unknown>);
      return typeof value === 'string' ? value : null;
    },
    setItem: async (key, value) => {
      await run('readwrite', (s) => s.put(value, key));
    },
    removeItem: async (key) => {
      await run('readwrite', (s) => s.delete(key));
    },
  };
}

/** The browser's store for the cache: IndexedDB, or none where the browser has none (nothing is kept). */
export function defaultStorage(): AsyncStorage<string> | null {
  return typeof indexedDB !== 'undefined' ? indexedDbStorage() : null;
}

/**
 * A storage whose stored cache is being read already: the read starts now, before anyone knows
 * whose cache it is (main.tsx starts it before the host has answered), and the persister's first
 * read gets that answer. Whether the cache may be used is decided after reading it, as always
 * (`forgetOtherUsers`, the buster and the maximum age); a write or removal first makes the early
 * answer stale, so it is then not handed out.
 */
export function readingAhead(storage: AsyncStorage<string> | null): AsyncStorage<string> | null {
  if (!storage) return null;
  const reading = Promise.resolve(storage.getItem(CACHE_KEY));
  reading.catch(() => undefined); // handed out below; a failure surfaces to the reader
  let ahead: typeof reading | null = reading;
  const take = (key: string) => {
    if (key !== CACHE_KEY || !ahead) return null;
    const answer = ahead;
    ahead = null;
    return answer;
  };
  return {
    getItem: (key) => take(key) ?? storage.getItem(key),
    setItem: (key, value) => {
      if (key === CACHE_KEY) ahead = null;
      return storage.setItem(key, value);
    },
    removeItem: (key) => {
      if (key === CACHE_KEY) ahead = null;
      return storage.removeItem(key);
    },
  };
}

export interface PersistSettings {
  readonly appVersion: string;
  readonly userPrincipalName: string;
  /** Default: IndexedDB (none where the browser has no IndexedDB: nothing is kept). */
  readonly storage?: AsyncStorage<string> | null;
}

/**
 * A persister that never hands out, and does not keep, a cache saved for anyone else: when the
 * stored cache's buster is not this user's (another person, or another app version) or cannot be
 * read, it is deleted from the storage and nothing is restored. This does not rely on the caller
 * (TanStack's restore also discards a busted cache, but that is its choice, not a guarantee here).
 */
export function forgetOtherUsers(persister: Persister, buster: string): Persister {
  return {
    persistClient: (client) => persister.persistClient(client),
    restoreClient: async () => {
      let stored: PersistedClient | undefined;
      try {
        stored = await persister.restoreClient();
      } catch {
        await persister.removeClient();
        return undefined;
      }
      if (stored !== undefined && stored.buster !== buster) {
        await persister.removeClient();
        return undefined;
      }
      return stored;
    },
    removeClient: () => persister.removeClient(),
  };
}

/** How the cache is kept: the persister, its buster, maximum age and what is kept. */
export type PersistOptions = Omit<PersistQueryClientOptions, 'queryClient'>;

export function persistOptions({ appVersion, userPrincipalName, storage }: PersistSettings): PersistOptions {
  const store = storage !== undefined ? storage : defaultStorage();
  const buster = cacheBuster(appVersion, userPrincipalName);
  return {
    persister: forgetOtherUsers(createAsyncStoragePersister({ storage: store, key: CACHE_KEY, throttleTime: 1000 }), buster),
    buster,
    maxAge: CACHE_MAX_AGE_MS,
    dehydrateOptions: { shouldDehydrateQuery: shouldPersistQuery },
  };
}

/** Whether a plan shown from the persisted cache (data older than `since`) is being refreshed. */
export function isRefreshingPersistedPlan(queryClient: QueryClient, since: number): boolean {
  return queryClient
    .getQueryCache()
    .findAll({ queryKey: ['plan'] })
    .some((q) => q.state.data !== undefined && q.state.fetchStatus === 'fetching' && q.state.dataUpdatedAt < since);
}

export function useRefreshingPersistedPlan(queryClient: QueryClient, since: number): boolean {
  return useSyncExternalStore(
    (onChange) => queryClient.getQueryCache().subscribe(onChange),
    () => isRefreshingPersistedPlan(queryClient, since),
    () => false,
  );
}

/**
 * Puts the stored cache into the query client, before the tab's first render (main.tsx), so that
 * the first screen shows the last plan at once instead of after a restoring phase. A cache that is
 * expired, someone else's or unreadable is deleted and nothing is restored; that is never fatal:
 * the tab then reads Graph as on a first visit.
 */
export async function restorePersisted(queryClient: QueryClient, options: PersistOptions): Promise<void> {
  try {
    await persistQueryClientRestore({ queryClient, ...options });
  } catch {
    // Already deleted by the restore.
  }
}

/**
 * Keeps the query cache stored from now on (after `restorePersisted`, never before it), starting
 * with what it holds already. A subscription hears only later changes, and the first screen's reads
 * start before the tab renders (app/first-screen.ts): a plan whose answer came before this call
 * would otherwise not be stored until something changed, and the next open would show no cached
 * plan. Returns the function that stops keeping it.
 */
export function keepPersisted(queryClient: QueryClient, options: PersistOptions): () => void {
  const stop = persistQueryClientSubscribe({ queryClient, ...options });
  // The persister's throttle and error handling apply (a failed write is left for the next change).
  void persistQueryClientSave({ queryClient, ...options });
  return stop;
}

/** `keepPersisted` while the component is mounted. */
export function usePersisting(queryClient: QueryClient, options: PersistOptions): void {
  useEffect(() => keepPersisted(queryClient, options), [queryClient, options]);
}
