import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LocalGoal, LocalGoalPatch, PlanSnapshot } from '../domain/plan';
import { useServices } from '../lib/services';
import { planQueryKey } from './use-plan';

export interface UpdateGoalInput {
  readonly id: string;
  readonly patch: LocalGoalPatch;
  /** The eTag the editor started from; a newer version on the server makes the save a conflict. */
  readonly ifMatch: string | null;
}

export function replaceGoal(snapshot: PlanSnapshot | null | undefined, goal: LocalGoal): PlanSnapshot | null | undefined {
  if (!snapshot) return snapshot;
  return { ...snapshot, goals: snapshot.goals.map((g) => (g.id === goal.id ? goal : g)) };
}

export function useUpdateGoal(teamId: string) {
  const { planRepository } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch, ifMatch }: UpdateGoalInput) => planRepository(teamId).updateGoal(id, patch, { ifMatch }),
    onSuccess: (goal) => {
      queryClient.setQueryData<PlanSnapshot | null>(planQueryKey(teamId), (old) => replaceGoal(old, goal));
    },
  });
}

/** Reads the stored version of one goal (after a conflict). */
export function useFetchGoal(teamId: string) {
  const { planRepository } = useServices();
  return (id: string) => planRepository(teamId).getGoal(id);
}
