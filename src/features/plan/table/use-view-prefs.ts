/**
 * The Plan screen's view preferences (cards or table, the table's sort and grouping), remembered
 * per signed-in person in the browser's localStorage.
 *
 * GDPR: the stored value holds only these UI choices (see table-model.ts serializePrefs), never plan
 * data, names or anything about union membership; it is keyed by the person's Entra object id (no
 * name or e-mail), so people sharing a browser profile keep their own view. Tokens are never kept in
 * localStorage (README, *What the browser keeps*). Storage that is blocked or full (a locked-down
 * browser, a private window) only means the choice is not remembered.
 */
import { useCallback, useState } from 'react';
import { useMe } from '../../../hooks/use-me';
import { DEFAULT_PREFS, parsePrefs, prefsStorageKey, serializePrefs, type PlanViewPrefs } from './table-model';

function readPrefs(userId: string | null): PlanViewPrefs {
  if (!userId) return DEFAULT_PREFS;
  try {
    return parsePrefs(window.localStorage.getItem(prefsStorageKey(userId)));
  } catch {
    return DEFAULT_PREFS;
  }
}

function writePrefs(userId: string | null, prefs: PlanViewPrefs): void {
  if (!userId) return;
  try {
    window.localStorage.setItem(prefsStorageKey(userId), serializePrefs(prefs));
  } catch {
    // Not remembered; the choice still holds for this visit.
  }
}

/** The signed-in person's view preferences and a setter that remembers them (a partial update merges). */
export function usePlanViewPrefs(): [PlanViewPrefs, (change: Partial<PlanViewPrefs>) => void] {
  const { id } = useMe();
  // Read again when the person becomes known (the Teams context's id, then /me's).
  const [state, setState] = useState<{ id: string | null; prefs: PlanViewPrefs }>(() => ({ id, prefs: readPrefs(id) }));
  const current = state.id === id ? state.prefs : readPrefs(id);
  if (state.id !== id) setState({ id, prefs: current });
  const update = useCallback(
    (change: Partial<PlanViewPrefs>) => {
      setState((s) => {
        const prefs = { ...(s.id === id ? s.prefs : readPrefs(id)), ...change };
        writePrefs(id, prefs);
        return { id, prefs };
      });
    },
    [id],
  );
  return [current, update];
}
