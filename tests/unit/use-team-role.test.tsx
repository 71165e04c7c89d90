// @vitest-environment jsdom
/**
 * The role while the persisted cache is restored: no request has started yet (TanStack holds
 * queries back while restoring), and the tab must show that it is loading, never "no access".
 */
import { renderHook, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { PersistQueryClientProvider, type PersistedClient, type Persister } from '@tanstack/react-query-persist-client';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { useTeamRole } from '../../src/hooks/use-team-role';
import { ServicesProvider, type Services } from '../../src/lib/services';
import type { Directory, TeamMember } from '../../src/domain/ports';
import { deferred } from '../support/deferred';

const me = { id: 'u1', displayName: 'Kari', userPrincipalName: 'kari@example.org', mail: null };
const members: TeamMember[] = [{ id: 'u1', displayName: 'Kari', email: null, userPrincipalName: 'kari@example.org', role: 'member' } as unknown as TeamMember];

function setup(directory: Pick<Directory, 'me' | 'teamMembers'>, restore: Promise<PersistedClient | undefined>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const persister: Persister = { persistClient: async () => undefined, restoreClient: () => restore, removeClient: async () => undefined };
  const services = { directory } as unknown as Services;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <PersistQueryClientProvider client={queryClient} persistOptions={{ persister }}>
      <ServicesProvider services={services}>{children}</ServicesProvider>
    </PersistQueryClientProvider>
  );
  return renderHook(() => useTeamRole('team-1'), { wrapper });
}

describe('useTeamRole', () => {
  it('is loading while the persisted cache is restored, then knows the role', async () => {
    const restore = deferred<PersistedClient | undefined>();
    let calls = 0;
    const directory = {
      me: async () => (calls++, me),
      teamMembers: async () => (calls++, members),
    } as unknown as Pick<Directory, 'me' | 'teamMembers'>;
    const { result } = setup(directory, restore.promise);
    expect(result.current).toEqual({ role: null, isLoading: true, error: null });
    expect(calls).toBe(0);
    restore.resolve(undefined);
    await waitFor(() => expect(result.current.role).toBe('member'));
    expect(result.current.isLoading).toBe(false);
  });

  it('is not loading once an answer failed, and gives the error', async () => {
    const failure = Object.assign(new Error('forbidden'), { status: 403 });
    const directory = {
      me: async () => me,
      teamMembers: async () => {
        throw failure;
      },
    } as unknown as Pick<Directory, 'me' | 'teamMembers'>;
    const { result } = setup(directory, Promise.resolve(undefined));
    await waitFor(() => expect(result.current.error).toBe(failure));
    expect(result.current.isLoading).toBe(false);
    expect(result.current.role).toBeNull();
  });
});
