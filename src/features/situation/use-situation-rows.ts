/** The board's writes on the situation table, kept in step with the cached plan snapshot. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { PlanSnapshot, SituationRow } from '../../domain/plan';
import type { NewSituationRow } from '../../domain/ports';
import { planQueryKey } from '../../hooks/use-plan';
import { useServices } from '../../lib/services';

type Snapshot = PlanSnapshot | null | undefined;
type RowFields = Pick<SituationRow, 'area' | 'now' | 'shortTerm' | 'longTerm'>;

const withRows = (snapshot: Snapshot, rows: (old: readonly SituationRow[]) => SituationRow[]): Snapshot =>
  snapshot ? { ...snapshot, situation: rows(snapshot.situation).sort((a, b) => a.sortOrder - b.sortOrder) } : snapshot;

export function useSituationRows(teamId: string) {
  const { planRepository } = useServices();
  const queryClient = useQueryClient();
  const key = useMemo(() => planQueryKey(teamId), [teamId]);

  const create = useCallback(
    async (row: NewSituationRow) => {
      const created = await planRepository(teamId).createSituationRow(row);
      queryClient.setQueryData<Snapshot>(key, (old) => withRows(old, (rows) => [...rows, created]));
      return created;
    },
    [planRepository, queryClient, teamId, key],
  );

  const update = useCallback(
    async (id: string, fields: RowFields, ifMatch: string | null) => {
      const saved = await planRepository(teamId).updateSituationRow(id, fields, { ifMatch });
      queryClient.setQueryData<Snapshot>(key, (old) => withRows(old, (rows) => rows.map((r) => (r.id === id ? saved : r))));
      return saved;
    },
    [planRepository, queryClient, teamId, key],
  );

  const remove = useCallback(
    async (row: SituationRow) => {
      await planRepository(teamId).deleteSituationRow(row.id, { ifMatch: row.etag ?? null });
      queryClient.setQueryData<Snapshot>(key, (old) => withRows(old, (rows) => rows.filter((r) => r.id !== row.id)));
    },
    [planRepository, queryClient, teamId, key],
  );

  /** The stored version of a row (after a conflict), or null when it was deleted. */
  const latest = useCallback(
    async (id: string): Promise<SituationRow | null> => {
      const snapshot = await planRepository(teamId).load();
      queryClient.setQueryData(key, snapshot);
      return snapshot?.situation.find((r) => r.id === id) ?? null;
    },
    [planRepository, queryClient, teamId, key],
  );

  return { create, update, remove, latest };
}
