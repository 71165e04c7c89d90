/**
 * Turns an import draft into the plan's entities: what to store for each area, local goal and
 * situation row. Pure; the caller writes the result through a PlanRepository.
 */
import type { GoalKind, Measure, PersonRef, Recurrence, RolloutMeasure } from '../domain/plan';
import type { NewArea, NewLocalGoal, NewPlan, NewSituationRow } from '../domain/ports';
import { suggestRolloutMeasure } from '../domain/roster';
import type { DraftLocalGoal, PlanDraft } from './draft';

/** Units that are amounts or shares rather than occurrences ('kr 36 000 per år' is not 36 000 events). */
const AMOUNT_UNIT = /^(kr\.?|kroner|nok|%|prosent|prosentpoeng|medlem\w*|organisasjonsgrad\w*)$/i;

export interface GoalShape {
  readonly kind: GoalKind;
  readonly measure: Measure | null;
  readonly recurrence: Recurrence | null;
}

/** Infers how progress on a drafted goal is measured (see domain/progress.ts). */
export function goalShape(goal: Pick<DraftLocalGoal, 'measure'>): GoalShape {
  const m = goal.measure;
  if (!m) return { kind: 'milestone', measure: null, recurrence: null };
  const unit = m.unit.trim();
  if (m.per && !AMOUNT_UNIT.test(unit) && Number.isInteger(m.value) && m.value > 0 && m.value <= 366) {
    return { kind: 'recurring', measure: { unit, baseline: null, target: null, current: null }, recurrence: { count: m.value, per: m.per } };
  }
  return { kind: 'measured', measure: { unit, baseline: null, target: m.value, current: null }, recurrence: null };
}

/** Units that are a share: a rollout goal keeps the draft's target only when it is one ('90 %'). */
const SHARE_UNIT = /^(%|prosent)$/i;

/**
 * The rollout step a drafted goal speaks of ('Alle KTV skal ha fått kurs i KL*AR' → KL*AR training,
 * KTV), as the import preview suggests it; null when it speaks of none (domain/roster.ts).
 */
export function suggestRollout(goal: Pick<DraftLocalGoal, 'text'>): RolloutMeasure | null {
  return suggestRolloutMeasure(goal.text);
}

/**
 * A goal measured by a rollout step: the share (%) of the representatives who did it, from 0, to
 * the draft's target when that is a share and 100 otherwise (a count of people is not a share).
 */
export function rolloutShape(goal: Pick<DraftLocalGoal, 'measure'>): GoalShape {
  const m = goal.measure;
  const target = m && SHARE_UNIT.test(m.unit.trim()) && m.value > 0 && m.value <= 100 ? m.value : 100;
  return { kind: 'measured', measure: { unit: '%', baseline: 0, target, current: null }, recurrence: null };
}

export interface PlanEntities {
  readonly plan: NewPlan;
  readonly areas: ReadonlyArray<{ readonly area: Omit<NewArea, 'planId'>; readonly goals: ReadonlyArray<Omit<NewLocalGoal, 'planId' | 'areaId'>> }>;
  readonly situation: ReadonlyArray<Omit<NewSituationRow, 'planId'>>;
}

export interface ToPlanOptions {
  readonly fallbackUnion: string;
  readonly fallbackPeriod: { from: number; to: number };
  readonly adoptedDate?: string | null;
  /** Chooses a goal's owners (e.g. round-robin over the team in demo data); default none. */
  readonly ownersFor?: (areaIndex: number, goalIndex: number) => readonly PersonRef[];
  /**
   * The rollout step that measures a goal (the import preview's accepted suggestion), or null;
   * default none. Such a goal is stored as measured in % (rolloutShape) with its `rollout`.
   */
  readonly rolloutFor?: (areaIndex: number, goalIndex: number, goal: DraftLocalGoal) => RolloutMeasure | null;
}

export function draftToPlan(draft: PlanDraft, options: ToPlanOptions): PlanEntities {
  const period = draft.period ?? options.fallbackPeriod;
  let order = 0;
  return {
    plan: {
      union: draft.union ?? options.fallbackUnion,
      periodFrom: period.from,
      periodTo: period.to,
      adoptedDate: options.adoptedDate ?? null,
      language: draft.language,
    },
    areas: draft.areas.map((area, areaIndex) => ({
      area: { number: area.number, title: area.title, nationalGoals: area.nationalGoals, strategies: area.strategies },
      goals: area.localGoals.map((goal, goalIndex) => {
        const rollout = options.rolloutFor?.(areaIndex, goalIndex, goal) ?? null;
        const shape = rollout ? rolloutShape(goal) : goalShape(goal);
        return {
          nationalGoal: goal.nationalGoal,
          text: goal.text,
          kind: shape.kind,
          owners: options.ownersFor?.(areaIndex, goalIndex) ?? [],
          due: goal.due ?? null,
          status: null,
          measure: shape.measure,
          recurrence: shape.recurrence,
          tariffArea: null,
          sortOrder: (order += 10),
          ...(rollout ? { rollout: { stepId: rollout.stepId, roles: [...rollout.roles] } } : {}),
        };
      }),
    })),
    situation: draft.situation.map((row, index) => ({ ...row, sortOrder: (index + 1) * 10 })),
  };
}
