import { QueryClient } from '@tanstack/react-query';
import { persistQueryClientRestore, persistQueryClientSave, type AsyncStorage } from '@tanstack/react-query-persist-client';
import { describe, expect, it } from 'vitest';
import { CACHE_KEY, CACHE_MAX_AGE_MS, cacheBuster, isRefreshingPersistedPlan, persistOptions } from '../../src/lib/persisted-cache';

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
});
