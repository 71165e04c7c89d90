/** The signed-in user's Entra object id: what goals, roles and check-ins are matched on. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Directory } from '../domain/ports';
import { useServices } from '../lib/services';

export const meKey = ['me'] as const;

/** The signed-in user's directory entry, read once a session. */
export function meQuery(directory: Pick<Directory, 'me'>) {
  return queryOptions({ queryKey: meKey, queryFn: () => directory.me(), staleTime: Infinity });
}

/**
 * The signed-in user as Graph's /me gives them (cached for the session). Until /me has answered,
 * the id from the Teams context (the same Entra object id) is used, so 'My goals' shows at once.
 */
export function useMe(): { id: string | null; isLoading: boolean; error: unknown; refetch: () => void } {
  const { directory, session } = useServices();
  const me = useQuery(meQuery(directory));
  return { id: me.data?.id ?? session.user.id ?? null, isLoading: me.isLoading && !session.user.id, error: me.error, refetch: () => void me.refetch() };
}
