import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportMode, ImportProgress, PlanImportInput } from '../../domain/plan-import';
import { NATIONAL_PERIOD } from '../../import/national-template';
import { draftToPlan } from '../../import/to-plan';
import { planQueryKey } from '../../hooks/use-plan';
import { useServices } from '../../lib/services';
import { acceptedRollouts, previewToDraft, type PreviewState } from './preview-state';

/**
 * The save input for the approved preview; `importId` keys every item so a retry never duplicates.
 * `union`, when given, names the plan instead of the draft's union (union-choice.ts).
 */
export function importInputFrom(state: PreviewState, mode: ImportMode, importId: string, teamName: string, union?: string): PlanImportInput {
  const draft = previewToDraft(state);
  const entities = draftToPlan(union === undefined ? draft : { ...draft, union }, { fallbackUnion: teamName, fallbackPeriod: NATIONAL_PERIOD, rolloutFor: acceptedRollouts(state) });
  return { importId, mode, plan: entities.plan, areas: entities.areas, situation: entities.situation };
}

export function newImportId(): string {
  return crypto.randomUUID();
}

/** Saves an import through the PlanImporter port, reporting its progress; the plan is re-read afterwards. */
export function useImportSave(teamId: string) {
  const { planImporter } = useServices();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const mutation = useMutation({
    mutationFn: (input: PlanImportInput) => {
      setProgress(null);
      return planImporter(teamId).importPlan(input, setProgress);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: planQueryKey(teamId) }),
  });
  return { ...mutation, progress };
}
