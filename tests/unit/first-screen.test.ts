/**
 * The first screen's reads start as soon as sign-in is ready (app/first-screen.ts), and the
 * persisted cache restored alongside them neither replaces their fresher answer nor has them sent
 * a second time (app/app.tsx, refreshRestored). Real QueryClient and persister; the ports are
 * counting stand-ins, answering when the test says.
 */
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { persistQueryClientRestore, persistQueryClientSave, type AsyncStorage } from '@tanstack/react-query-persist-client';
import { describe, expect, it } from 'vitest';
import { startFirstScreen, type FirstScreenReads } from '../../src/app/first-screen';
import { createQueryClient, refreshRestored } from '../../src/app/app';
import { persistOptions } from '../../src/lib/persisted-cache';
import { planQuery, planQueryKey } from '../../src/hooks/use-plan';
import { meKey, meQuery } from '../../src/hooks/use-me';
import { teamMembersKey, teamMembersQuery } from '../../src/hooks/use-team-role';
import type { PlanSnapshot } from '../../src/domain/plan';
import type { TeamMember } from '../../src/domain/ports';

const TEAM = 'team-1';
const USER = 'ola.nesse@org365.example';

function memoryStorage(): AsyncStorage<string> {
  const data = new Map<string, string>();
  return { getItem: async (k) => data.get(k) ?? null, setItem: async (k, v) => void data.set(k, v), removeItem: async (k) => void data.delete(k) };
}

const snapshot = (union: string) => ({ plan: { id: 'p1', union }, goals: [] }) as unknown as PlanSnapshot;
const member: TeamMember = { id: 'u1', displayName: 'Ola Nesse', email: USER, role: 'steward' };

/** Reads that count their calls and answer only when `release` is called. */
function heldReads(union: string) {
  const calls = { load: 0, me: 0, members: 0 };
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const reads: FirstScreenReads = {
    planRepository: () => ({ load: async () => (calls.load++, await gate, snapshot(union)) }),
    directory: { me: async () => (calls.me++, await gate, member), teamMembers: async () => (calls.members++, await gate, [member]) },
  };
  return { reads, calls, release: () => release() };
}

/** The first screen's queries watched, as its views watch them (invalidation refetches watched queries). */
function watch(client: QueryClient, reads: FirstScreenReads): () => void {
  const observers = [planQuery(reads.planRepository, TEAM), meQuery(reads.directory), teamMembersQuery(reads.directory, TEAM)].map(
    (options) => new QueryObserver(client, options as ConstructorParameters<typeof QueryObserver>[1]),
  );
  const stops = observers.map((o) => o.subscribe(() => {}));
  return () => stops.forEach((stop) => stop());
}

async function storedCache(union: string): Promise<AsyncStorage<string>> {
  const storage = memoryStorage();
  const earlier = new QueryClient();
  earlier.setQueryData(planQueryKey(TEAM), snapshot(union), { updatedAt: Date.now() - 60_000 });
  earlier.setQueryData(meKey, member, { updatedAt: Date.now() - 60_000 });
  await persistQueryClientSave({ queryClient: earlier, ...persistOptions({ appVersion: '1', userPrincipalName: USER, storage }) });
  await new Promise((resolve) => setTimeout(resolve, 1100)); // the persister's throttle
  return storage;
}

describe('the first screen', () => {
  it('starts the plan, the user and the team members at once on the tab, and nothing elsewhere', () => {
    const client = createQueryClient();
    const { reads, calls } = heldReads('A');
    startFirstScreen(client, reads, TEAM, '#/tab/plan');
    expect(calls).toEqual({ load: 1, me: 1, members: 1 });
    expect(client.getQueryState(planQueryKey(TEAM))?.fetchStatus).toBe('fetching');
    expect(client.getQueryState(teamMembersKey(TEAM))?.fetchStatus).toBe('fetching');

    const other = heldReads('A');
    startFirstScreen(new QueryClient(), other.reads, TEAM, '#/config');
    startFirstScreen(new QueryClient(), other.reads, null, '#/tab');
    expect(other.calls).toEqual({ load: 0, me: 0, members: 0 });
  });

  it('a cache restored while the reads are under way shows at once, is not read twice, and gives way to the fresh answer', async () => {
    const storage = await storedCache('Stored');
    const client = createQueryClient();
    const openedAt = Date.now();
    const { reads, calls, release } = heldReads('Fresh');
    startFirstScreen(client, reads, TEAM, '#/tab');
    await persistQueryClientRestore({ queryClient: client, ...persistOptions({ appVersion: '1', userPrincipalName: USER, storage }) });
    expect(client.getQueryData<PlanSnapshot>(planQueryKey(TEAM))?.plan.union).toBe('Stored');
    const stop = watch(client, reads);
    const refreshing = refreshRestored(client, openedAt);
    expect(calls).toEqual({ load: 1, me: 1, members: 1 });
    release();
    await refreshing;
    stop();
    await client.fetchQuery({ queryKey: planQueryKey(TEAM), staleTime: Infinity });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(client.getQueryData<PlanSnapshot>(planQueryKey(TEAM))?.plan.union).toBe('Fresh');
    expect(calls.load).toBe(1);
  });

  it('a fresh answer that came before the restore is kept, and not read again', async () => {
    const storage = await storedCache('Stored');
    const client = createQueryClient();
    const openedAt = Date.now();
    const { reads, calls, release } = heldReads('Fresh');
    startFirstScreen(client, reads, TEAM, '#/tab');
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(client.getQueryData<PlanSnapshot>(planQueryKey(TEAM))?.plan.union).toBe('Fresh');
    await persistQueryClientRestore({ queryClient: client, ...persistOptions({ appVersion: '1', userPrincipalName: USER, storage }) });
    const stop = watch(client, reads);
    await refreshRestored(client, openedAt);
    stop();
    expect(client.getQueryData<PlanSnapshot>(planQueryKey(TEAM))?.plan.union).toBe('Fresh');
    expect(calls).toEqual({ load: 1, me: 1, members: 1 });
  });

  it('restored data with nothing under way is read again (refreshed however recently it was saved)', async () => {
    const storage = await storedCache('Stored');
    const client = createQueryClient();
    const openedAt = Date.now();
    await persistQueryClientRestore({ queryClient: client, ...persistOptions({ appVersion: '1', userPrincipalName: USER, storage }) });
    let loads = 0;
    // Watched, as the Plan view watches it: invalidation refetches the queries on screen.
    const watching = new QueryObserver(client, { queryKey: planQueryKey(TEAM), queryFn: async () => (loads++, snapshot('Fresh')), staleTime: Infinity });
    const stop = watching.subscribe(() => {});
    await refreshRestored(client, openedAt);
    stop();
    expect(loads).toBe(1);
    expect(client.getQueryData<PlanSnapshot>(planQueryKey(TEAM))?.plan.union).toBe('Fresh');
  });
});
