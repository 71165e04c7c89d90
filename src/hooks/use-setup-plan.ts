import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { PlanLanguage } from '../domain/plan';
import { PlanAppearedError, type PlanImportInput } from '../domain/plan-import';
import { useServices } from '../lib/services';
import { planQueryKey } from './use-plan';

/**
 * Creates the team's plan lists and a plan with the national strategy plan's areas, national
 * goals and strategies, ready for the board to add the union's own goals.
 *
 * Written through the plan importer, so it is all-or-nothing: a failure part-way leaves no
 * half-built plan, and pressing the button again (same language) resumes the same attempt
 * without duplicates, because the attempt's importId is kept until it succeeds.
 *
 * The national template is fetched when the board sets the plan up: it is not part of the Plan
 * view's first screen, which every steward downloads (issue 16).
 */
export function useSetupPlan(teamId: string, union: string) {
  const { planRepository, planImporter } = useServices();
  const queryClient = useQueryClient();
  const attempt = useRef<{ readonly language: PlanLanguage; readonly importId: string } | null>(null);
  return useMutation({
    mutationFn: async (language: PlanLanguage) => {
      const repo = planRepository(teamId);
      const existing = await repo.load();
      if (existing) return existing; // someone else set it up a moment ago
      const { NATIONAL_PERIOD, NATIONAL_TEMPLATE } = await import('../import/national-template');
      if (attempt.current?.language !== language) attempt.current = { language, importId: crypto.randomUUID() };
      const input: PlanImportInput = {
        importId: attempt.current.importId,
        mode: 'replace',
        plan: { union, periodFrom: NATIONAL_PERIOD.from, periodTo: NATIONAL_PERIOD.to, adoptedDate: null, language },
        areas: NATIONAL_TEMPLATE[language].map((area) => ({
          area: { number: area.number, title: area.title, nationalGoals: area.nationalGoals, strategies: area.strategies },
          goals: [],
        })),
        situation: [],
      };
      try {
        await planImporter(teamId).importPlan(input);
      } catch (err) {
        // Another board member's setup (or import) finished first: theirs is the team's plan.
        if (!(err instanceof PlanAppearedError)) throw err;
      }
      attempt.current = null;
      return repo.load();
    },
    onSuccess: (snapshot) => queryClient.setQueryData(planQueryKey(teamId), snapshot),
  });
}
