/**
 * The table's inline edits (the board's status and owners of a goal), saved as the goal editor
 * saves: through useUpdateGoal with the eTag of the goal the board saw as If-Match. Someone else's
 * newer version gives the conflict (the board reloads theirs or overwrites knowingly); any other
 * failure keeps the edit to try again. Nothing is lost silently.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GoalStatus, LocalGoal, PersonRef, PlanSnapshot } from '../../../domain/plan';
import { planQueryKey } from '../../../hooks/use-plan';
import { replaceGoal, useFetchGoal, useUpdateGoal } from '../../../hooks/use-update-goal';
import { saveErrorOutcome } from '../../../lib/save-outcome';

/** One inline edit: the goal as the board saw it and what it changes. */
export type InlineEdit =
  | { readonly field: 'status'; readonly goal: LocalGoal; readonly status: GoalStatus | null }
  | { readonly field: 'owners'; readonly goal: LocalGoal; readonly owners: readonly PersonRef[] };

export type InlineFailure = 'failed' | 'gone' | 'denied';

export interface InlineSave {
  /** Saves an edit; resolves true when stored. */
  readonly save: (edit: InlineEdit) => Promise<boolean>;
  /** The edit being saved, if any. */
  readonly saving: InlineEdit | null;
  /** An edit that met a newer version, and that version. */
  readonly conflict: { readonly edit: InlineEdit; readonly latest: LocalGoal } | null;
  /** An edit that was not stored, kept to try again. */
  readonly failure: { readonly edit: InlineEdit; readonly kind: InlineFailure } | null;
  /** The stored version wins: the edit is dropped and the table shows theirs. */
  readonly reloadTheirs: () => void;
  /** The edit wins, knowingly: saved again over the stored version. */
  readonly overwrite: () => void;
  /** Sends the failed edit again. */
  readonly retry: () => void;
  readonly dismiss: () => void;
}

const patchOf = (edit: InlineEdit) => (edit.field === 'status' ? { status: edit.status } : { owners: [...edit.owners] });

/**
 * `onSettled` is told when an edit is stored (or the board took the stored version), so the table
 * can put the focus back on the row.
 */
export function useInlineSave(teamId: string, onSettled: (edit: InlineEdit, outcome: 'saved' | 'reloaded') => void): InlineSave {
  const update = useUpdateGoal(teamId);
  const fetchGoal = useFetchGoal(teamId);
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState<InlineEdit | null>(null);
  const [conflict, setConflict] = useState<InlineSave['conflict']>(null);
  const [failure, setFailure] = useState<InlineSave['failure']>(null);
  const settled = useRef(onSettled);
  useEffect(() => {
    settled.current = onSettled;
  }, [onSettled]);

  const send = useCallback(
    async (edit: InlineEdit, ifMatch: string | null): Promise<boolean> => {
      setFailure(null);
      setSaving(edit);
      try {
        await update.mutateAsync({ id: edit.goal.id, patch: patchOf(edit), ifMatch });
        settled.current(edit, 'saved');
        return true;
      } catch (err) {
        const outcome = await saveErrorOutcome(err, () => fetchGoal(edit.goal.id));
        if (outcome.kind === 'conflict') setConflict({ edit, latest: outcome.latest });
        else {
          setFailure({ edit, kind: outcome.kind });
          // A goal someone deleted goes from the table.
          if (outcome.kind === 'gone') void queryClient.invalidateQueries({ queryKey: planQueryKey(teamId) });
        }
        return false;
      } finally {
        setSaving(null);
      }
    },
    [update, fetchGoal, queryClient, teamId],
  );

  const save = useCallback((edit: InlineEdit) => send(edit, edit.goal.etag ?? null), [send]);

  const reloadTheirs = useCallback(() => {
    if (!conflict) return;
    queryClient.setQueryData<PlanSnapshot | null>(planQueryKey(teamId), (old) => replaceGoal(old, conflict.latest));
    setConflict(null);
    settled.current({ ...conflict.edit, goal: conflict.latest }, 'reloaded');
  }, [conflict, queryClient, teamId]);

  const overwrite = useCallback(() => {
    if (!conflict) return;
    setConflict(null);
    void send({ ...conflict.edit, goal: conflict.latest }, conflict.latest.etag ?? null);
  }, [conflict, send]);

  const retry = useCallback(() => {
    if (failure) void send(failure.edit, failure.edit.goal.etag ?? null);
  }, [failure, send]);

  const dismiss = useCallback(() => setFailure(null), []);

  return { save, saving, conflict, failure, reloadTheirs, overwrite, retry, dismiss };
}
