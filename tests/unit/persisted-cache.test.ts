import { QueryClient } from '@tanstack/react-query';
import { persistQueryClientRestore, persistQueryClientSave, type AsyncStorage } from '@tanstack/react-query-persist-client';
import { describe, expect, it, vi } from 'vitest';
import { CACHE_KEY, CACHE_MAX_AGE_MS, cacheBuster, isRefreshingPersistedPlan, keepPersisted, persistOptions, readingAhead, restorePersisted } from '../../src/lib/persisted-cache';

function memoryStorage(): AsyncStorage<string> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: async (key) => data.get(key) ?? null,
    setItem: async (key, value) => void data.set(key, value),
    removeItem: async (key) => void data.delete(key),
  };
}

const plan = { plan: { id: 'p1', union: 'Fagforbundet Alver' }, goals: [] };

async function saved(storage: AsyncStorage<string>, user: string, fill: (client: QueryClient) => void, version = '0.1.0') {
  const client = new QueryClient();
  fill(client);
  await persistQueryClientSave({ queryClient: client, ...persistOptions({ appVersion: version, userPrincipalName: user, storage }) });
  // The persister writes after its throttle time.
  await new Promise((resolve) => setTimeout(resolve, 1100));
}

async function restored(storage: AsyncStorage<string>, user: string, version = '0.1.0'): Promise<QueryClient> {
  const client = new QueryClient();
  await persistQueryClientRestore({ queryClient: client, ...persistOptions({ appVersion: version, userPrincipalName: user, storage }) });
  return client;
}

describe('persisted query cache', () => {
  it('should tie the cache to the app version and the user, whatever the case of the name', () => {
    expect(cacheBuster('0.1.0', 'Ola.Nesse@org365.example')).toBe(cacheBuster('0.1.0', 'ola.nesse@org365.example'));
    expect(cacheBuster('0.1.0', 'ola.nesse@org365.example')).not.toBe(cacheBuster('0.1.0', 'kari.eide@org365.example'));
    expect(cacheBuster('0.1.0', 'ola.nesse@org365.example')).not.toBe(cacheBuster('0.2.0', 'ola.nesse@org365.example'));
    expect(CACHE_MAX_AGE_MS).toBe(7 * 24 * 3600 * 1000);
  });

  it('should keep only successful plan and team queries, and give them back to the same user only', async () => {
    const storage = memoryStorage();
    await saved(storage, 'ola.nesse@org365.example', (client) => {
      client.setQueryData(['plan', 't1'], plan);
      client.setQueryData(['team-members', 't1'], [{ id: 'u1' }]);
      client.setQueryData(['goal-history', 'g1'], [{ version: '1.0' }]);
    });
    const stored = storage.data.get('handlingsplan-query-cache') ?? '';
    expect(stored).toContain('Fagforbundet Alver');
    expect(stored).not.toContain('goal-history');

    const same = await restored(storage, 'OLA.NESSE@org365.example');
    expect(same.getQueryData(['plan', 't1'])).toEqual(plan);
    expect(same.getQueryData(['team-members', 't1'])).toEqual([{ id: 'u1' }]);
    expect(same.getQueryData(['goal-history', 'g1'])).toBeUndefined();

    const other = await restored(storage, 'kari.eide@org365.example');
    expect(other.getQueryData(['plan', 't1'])).toBeUndefined();
    // Someone else's cache is discarded, not kept next to theirs.
    expect(storage.data.has('handlingsplan-query-cache')).toBe(false);
  }, 10_000);

  it('should store what the cache holds when keeping starts (answers that came before the tab rendered), then later changes', async () => {
    const storage = memoryStorage();
    const options = persistOptions({ appVersion: '0.1.0', userPrincipalName: 'ola.nesse@org365.example', storage });
    const client = new QueryClient();
    // The first screen's reads answered before the tab mounted (app/first-screen.ts): no event will follow.
    client.setQueryData(['plan', 't1'], plan);
    const stop = keepPersisted(client, options);
    try {
      await vi.waitFor(() => expect(storage.data.get(CACHE_KEY) ?? '').toContain('Fagforbundet Alver'), { timeout: 500 });
      client.setQueryData(['team-members', 't1'], [{ id: 'u9' }]);
      // A later change is stored after the persister's throttle time.
      await vi.waitFor(() => expect(storage.data.get(CACHE_KEY) ?? '').toContain('u9'), { timeout: 3000 });
    } finally {
      stop();
    }
    const next = await restored(storage, 'ola.nesse@org365.example');
    expect(next.getQueryData(['plan', 't1'])).toEqual(plan);
    expect(next.getQueryData(['team-members', 't1'])).toEqual([{ id: 'u9' }]);
  }, 10_000);

  it('should stop storing once keeping has stopped', async () => {
    const storage = memoryStorage();
    const options = persistOptions({ appVersion: '0.1.0', userPrincipalName: 'ola.nesse@org365.example', storage });
    const client = new QueryClient();
    keepPersisted(client, options)();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const before = storage.data.get(CACHE_KEY) ?? '';
    client.setQueryData(['plan', 't1'], plan);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(before).not.toContain('Fagforbundet Alver');
    expect(storage.data.get(CACHE_KEY) ?? '').not.toContain('Fagforbundet Alver');
  }, 10_000);

  it('should delete the previous user’s cache from the storage as soon as another user’s restore reads it', async () => {
    const storage = memoryStorage();
    await saved(storage, 'ola.nesse@org365.example', (client) => client.setQueryData(['plan', 't1'], plan));
    expect(storage.data.get(CACHE_KEY)).toContain('Fagforbundet Alver');

    // The persister itself, whoever calls it: the same user gets the cache back, untouched...
    const own = persistOptions({ appVersion: '0.1.0', userPrincipalName: 'Ola.Nesse@org365.example', storage }).persister;
    expect((await own.restoreClient())?.clientState.queries.map((q) => q.queryKey)).toEqual([['plan', 't1']]);
    expect(storage.data.has(CACHE_KEY)).toBe(true);

    // ...another user gets nothing, and Ola's plan is gone from the browser, not kept under any key.
    const other = persistOptions({ appVersion: '0.1.0', userPrincipalName: 'kari.eide@org365.example', storage }).persister;
    expect(await other.restoreClient()).toBeUndefined();
    expect([...storage.data.keys()]).toEqual([]);
    expect([...storage.data.values()].join()).not.toContain('Fagforbundet Alver');
  }, 10_000);

  it('should delete a stored cache that cannot be read, and restore nothing from it', async () => {
    const storage = memoryStorage();
    storage.data.set(CACHE_KEY, '{"not json');
    const { persister } = persistOptions({ appVersion: '0.1.0', userPrincipalName: 'ola.nesse@org365.example', storage });
    expect(await persister.restoreClient()).toBeUndefined();
    expect(storage.data.has(CACHE_KEY)).toBe(false);
  });

  it('should not restore a cache from another app version', async () => {
    const storage = memoryStorage();
    await saved(storage, 'ola.nesse@org365.example', (client) => client.setQueryData(['plan', 't1'], plan), '0.1.0');
    expect((await restored(storage, 'ola.nesse@org365.example', '0.2.0')).getQueryData(['plan', 't1'])).toBeUndefined();
    expect(storage.data.has(CACHE_KEY)).toBe(false);
  }, 10_000);

  it('should say a restored plan is refreshing only while it is fetched and older than this visit', () => {
    const client = new QueryClient();
    client.setQueryData(['plan', 't1'], plan, { updatedAt: 1_000 });
    const query = client.getQueryCache().find({ queryKey: ['plan', 't1'] });
    if (!query) throw new Error('no query');
    expect(isRefreshingPersistedPlan(client, 5_000)).toBe(false);
    query.setState({ fetchStatus: 'fetching' });
    expect(isRefreshingPersistedPlan(client, 5_000)).toBe(true);
    expect(isRefreshingPersistedPlan(client, 500)).toBe(false);
  });

  it('should start reading the stored cache at once, and hand that read to the restore without a second one', async () => {
    const storage = memoryStorage();
    await saved(storage, 'ola@org365.example', (c) => c.setQueryData(['plan', 't1'], plan));
    const reads: string[] = [];
    const counted: AsyncStorage<string> = { ...storage, getItem: (key) => (reads.push(key), storage.getItem(key)) };
    const ahead = readingAhead(counted);
    expect(reads).toEqual([CACHE_KEY]); // before anyone knows whose cache it is
    const client = new QueryClient();
    await restorePersisted(client, persistOptions({ appVersion: '0.1.0', userPrincipalName: 'ola@org365.example', storage: ahead }));
    expect(client.getQueryData(['plan', 't1'])).toEqual(plan);
    expect(reads).toEqual([CACHE_KEY]);
  });

  it('should read ahead for the user only what the user may have: another user’s cache is deleted, unread by the app', async () => {
    const storage = memoryStorage();
    await saved(storage, 'ola@org365.example', (c) => c.setQueryData(['plan', 't1'], plan));
    const client = new QueryClient();
    await restorePersisted(client, persistOptions({ appVersion: '0.1.0', userPrincipalName: 'kari@org365.example', storage: readingAhead(storage) }));
    expect(client.getQueryData(['plan', 't1'])).toBeUndefined();
    expect(storage.data.has(CACHE_KEY)).toBe(false);
  });

  it('should never hand out an early read made stale by a write or a removal', async () => {
    const storage = memoryStorage();
    storage.data.set(CACHE_KEY, 'old');
    const written = readingAhead(storage);
    await written?.setItem(CACHE_KEY, 'new');
    expect(await written?.getItem(CACHE_KEY)).toBe('new');
    const removed = readingAhead(storage);
    await removed?.removeItem(CACHE_KEY);
    expect(await removed?.getItem(CACHE_KEY)).toBeNull();
    // Other keys are read as they are.
    storage.data.set('other', 'x');
    expect(await readingAhead(storage)?.getItem('other')).toBe('x');
    expect(readingAhead(null)).toBeNull();
  });

  it('should restore nothing, and not fail, when the early read failed; the broken cache is deleted', async () => {
    const storage = memoryStorage();
    storage.data.set(CACHE_KEY, 'x');
    const failing: AsyncStorage<string> = { ...storage, getItem: () => Promise.reject(new Error('IndexedDB is closed')) };
    const client = new QueryClient();
    await expect(restorePersisted(client, persistOptions({ appVersion: '0.1.0', userPrincipalName: 'ola@org365.example', storage: readingAhead(failing) }))).resolves.toBeUndefined();
    expect(client.getQueryCache().getAll()).toHaveLength(0);
    expect(storage.data.has(CACHE_KEY)).toBe(false);
  });
});
