/**
 * Form state that starts from server data and keeps following it while the user has not changed
 * it. A plan restored from the persisted cache renders first and the fresh one arrives a moment
 * later: an untouched form must show the fresh values, an edited one must keep the user's edits
 * (and the eTag they started from, so that saving them over someone else's change is a conflict).
 * Uses React's "adjust state while rendering" pattern instead of an effect.
 */
import { useState, type Dispatch, type SetStateAction } from 'react';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function useSourcedState<T>(source: T, equals: (a: T, b: T) => boolean = sameJson): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(source);
  const [base, setBase] = useState<T>(source);
  if (!equals(source, base)) {
    setBase(source);
    if (equals(value, base)) setValue(source);
  }
  return [value, setValue];
}
