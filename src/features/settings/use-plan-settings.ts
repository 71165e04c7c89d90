/** Saving the plan item (metadata, language, reminder channel) with its eTag, and reading the stored one. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Plan, PlanSnapshot } from '../../domain/plan';
import type { NewPlan } from '../../domain/ports';
import { planQueryKey } from '../../hooks/use-plan';
import { useServices } from '../../lib/services';

export function usePlanSettings(teamId: string) {
  const { planRepository } = useServices();
  const queryClient = useQueryClient();

  const save = useCallback(
    async (id: string, patch: Partial<NewPlan>, ifMatch: string | null): Promise<Plan> => {
      const plan = await planRepository(teamId).updatePlan(id, patch, { ifMatch });
      queryClient.setQueryData<PlanSnapshot | null>(planQueryKey(teamId), (old) => (old ? { ...old, plan } : old));
      return plan;
    },
    [planRepository, queryClient, teamId],
  );

  /** The stored plan after a conflict (the cache is refreshed with it). */
  const latest = useCallback(async (): Promise<Plan | null> => {
    const snapshot = await planRepository(teamId).load();
    queryClient.setQueryData(planQueryKey(teamId), snapshot);
    return snapshot?.plan ?? null;
  }, [planRepository, queryClient, teamId]);

  return { save, latest };
}

