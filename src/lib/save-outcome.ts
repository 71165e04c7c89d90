/**
 * What a failed save means for the person saving, the same way on every screen: someone else
 * saved first (ConflictError, HTTP 412: show their version and let the user choose), the item is
 * gone (NotFoundError), the person may not make it (AccessDeniedError, or any HTTP 403: the
 * lists' own permissions refused it), or the save failed for another reason (the edit stays in
 * the form).
 */
export type SaveOutcome<T> =
  | { readonly kind: 'conflict'; readonly latest: T }
  | { readonly kind: 'gone' }
  | { readonly kind: 'denied' }
  | { readonly kind: 'failed' };

const isNamed = (err: unknown, name: string) => err instanceof Error && err.name === name;

const isForbidden = (err: unknown): boolean =>
  isNamed(err, 'AccessDeniedError') || (typeof err === 'object' && err !== null && 'status' in err && (err as { status: unknown }).status === 403);


/** Classifies a save error; on a conflict, reads the stored version (null when it no longer exists). */
export async function saveErrorOutcome<T>(err: unknown, latest: () => Promise<T | null>): Promise<SaveOutcome<T>> {
  if (isNamed(err, 'ConflictError')) {
    try {
      const stored = await latest();
      return stored ? { kind: 'conflict', latest: stored } : { kind: 'gone' };
    } catch {
      return { kind: 'failed' };
    }
  }
  if (isNamed(err, 'NotFoundError')) return { kind: 'gone' };
  if (isForbidden(err)) return { kind: 'denied' };
  return { kind: 'failed' };
}
