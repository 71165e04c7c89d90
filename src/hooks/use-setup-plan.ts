import { useMutation, useQueryClient } from '@tanstack/react-query';
import { NATIONAL_PERIOD, NATIONAL_TEMPLATE } from '../import/national-template';
import type { PlanLanguage } from '../domain/plan';
import { useServices } from '../lib/services';
import { planQueryKey } from './use-plan';

/**
 * Creates the team's plan lists and a plan with the national strategy plan's areas, national
 * goals and strategies, ready for the board to add the union's own goals.
 */
export function useSetupPlan(teamId: string, union: string) {
  const { planRepository } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (language: PlanLanguage) => {
      const repo = planRepository(teamId);
      await repo.provision();
      const existing = await repo.load();
      if (existing) return existing; // someone else set it up a moment ago
      const plan = await repo.createPlan({
        union,
        periodFrom: NATIONAL_PERIOD.from,
        periodTo: NATIONAL_PERIOD.to,
        adoptedDate: null,
        language,
      });
      for (const area of NATIONAL_TEMPLATE[language]) {
        await repo.createArea({ planId: plan.id, number: area.number, title: area.title, nationalGoals: area.nationalGoals, strategies: area.strategies });
      }
      return repo.load();
    },
    onSuccess: (snapshot) => queryClient.setQueryData(planQueryKey(teamId), snapshot),
  });
}
