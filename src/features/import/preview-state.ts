/**
 * The import preview as a pure reducer: the board fixes what the importer found before anything
 * is saved: moves goals, national goals and strategies, changes what a text is, merges and splits
 * goals, makes and renames areas, uses or dismisses the text the importer left out, edits texts,
 * accepts or drops measures and deadlines, and checks what the importer was unsure of
 * (preview-repair.ts). No React, no I/O; `previewToDraft` gives the draft to save.
 */
import type { RolloutMeasure } from '../../domain/plan';
import type { PlanDraft } from '../../import/draft';
import type { TemplateArea } from '../../import/national-template';
import { cleanText, findGoal, insertGoal, mapGoal, nationalGoalIn, suggestionFor, type ItemKind, type PreviewGoal, type PreviewState } from './preview-model';
import { addArea, changeKind, deleteArea, dismissText, markChecked, mergeGoals, moveItem, placeText, renameArea, splitGoal } from './preview-repair';

export { goalCount, leftoverCount, reviewCount } from './preview-model';
export type { ItemKind, PreviewArea, PreviewGoal, PreviewItem, PreviewLeftover, PreviewState } from './preview-model';

export type PreviewAction =
  | { readonly type: 'editGoalText'; readonly goal: string; readonly text: string }
  | { readonly type: 'moveGoal'; readonly goal: string; readonly area: string; readonly nationalGoal: string | null }
  | { readonly type: 'dropGoal'; readonly goal: string }
  | { readonly type: 'acceptMeasure'; readonly goal: string; readonly accepted: boolean }
  | { readonly type: 'acceptDue'; readonly goal: string; readonly accepted: boolean }
  | { readonly type: 'acceptRollout'; readonly goal: string; readonly accepted: boolean }
  /** A left-out text (unplaced or not used) made a goal, national goal or strategy of an area. */
  | { readonly type: 'placeText'; readonly item: string; readonly as: ItemKind; readonly area: string; readonly nationalGoal: string | null; readonly text?: string }
  | { readonly type: 'dismissText'; readonly item: string }
  /** placeText as a goal, and dismissText, under their names from before the importer reported text it did not use. */
  | { readonly type: 'placeUnplaced'; readonly item: string; readonly area: string; readonly nationalGoal: string | null; readonly text?: string }
  | { readonly type: 'dropUnplaced'; readonly item: string }
  /** A national goal (with the goals under it) or a strategy moved to another area. */
  | { readonly type: 'moveItem'; readonly item: string; readonly area: string }
  | { readonly type: 'changeKind'; readonly item: string; readonly to: ItemKind }
  | { readonly type: 'mergeGoals'; readonly goal: string }
  | { readonly type: 'splitGoal'; readonly goal: string; readonly parts: readonly [string, string] }
  | { readonly type: 'addArea'; readonly title: string }
  | { readonly type: 'renameArea'; readonly area: string; readonly title: string }
  | { readonly type: 'deleteArea'; readonly area: string }
  | { readonly type: 'markChecked'; readonly item: string };

const sameMeasure = (a: RolloutMeasure | null, b: RolloutMeasure | null) =>
  a !== null && b !== null && a.stepId === b.stepId && a.roles.length === b.roles.length && a.roles.every((r) => b.roles.includes(r));

export function previewFromDraft(draft: PlanDraft): PreviewState {
  return {
    union: draft.union,
    period: draft.period,
    language: draft.language,
    situation: draft.situation,
    areas: draft.areas.map((area, a) => {
      // The draft says which national goals and strategies it doubted, not why: from their place in
      // the layout, with nothing like them in the national plan (DraftReview's notInReference).
      const doubted = (indexes: readonly number[] | undefined, i: number) => (indexes?.includes(i) ? 'notInReference' : null);
      return {
        key: `a${a + 1}`,
        number: area.number,
        title: area.title,
        nationalGoals: area.nationalGoals.map((text, i) => ({ key: `a${a + 1}ng${i + 1}`, text, review: doubted(area.review?.nationalGoals, i) })),
        strategies: area.strategies.map((text, i) => ({ key: `a${a + 1}st${i + 1}`, text, review: doubted(area.review?.strategies, i) })),
        goals: area.localGoals.map(
          (goal, g): PreviewGoal => ({
            key: `a${a + 1}g${g + 1}`,
            text: goal.text,
            nationalGoal: goal.nationalGoal,
            measure: goal.measure ?? null,
            measureAccepted: goal.measure !== undefined,
            due: goal.due ?? null,
            dueAccepted: goal.due !== undefined,
            ...suggestionFor(goal.text),
            review: goal.review ?? null,
          }),
        ),
      };
    }),
    leftovers: [
      ...draft.unplaced.map((text, i) => ({ key: `u${i + 1}`, text, kind: 'unplaced' as const })),
      ...(draft.notUsed ?? []).map((n, i) => ({ key: `x${i + 1}`, text: n.text, kind: n.kind })),
    ],
    nextKey: 1,
  };
}

/** A preview of the national template: the six areas with their national goals and strategies, no local goals. */
export function previewFromTemplate(areas: readonly TemplateArea[], language: PlanDraft['language'], period: { from: number; to: number }): PreviewState {
  return previewFromDraft({
    union: null,
    period,
    language,
    situation: [],
    areas: areas.map((a) => ({ number: a.number, title: a.title, nationalGoals: [...a.nationalGoals], strategies: [...a.strategies], localGoals: [] })),
    unplaced: [],
  });
}

export function previewReducer(state: PreviewState, action: PreviewAction): PreviewState {
  switch (action.type) {
    case 'editGoalText': {
      const text = cleanText(action.text);
      if (!text || !findGoal(state, action.goal)) return state;
      // The suggestion follows the text; one the board declined stays declined while the text names the same step.
      return mapGoal(state, action.goal, (g) => {
        const next = suggestionFor(text);
        return { ...g, text, review: null, ...(sameMeasure(next.rollout, g.rollout) ? {} : next) };
      });
    }
    case 'acceptRollout':
      return mapGoal(state, action.goal, (g) => (g.rollout ? { ...g, rolloutAccepted: action.accepted } : g));
    case 'acceptMeasure':
      return mapGoal(state, action.goal, (g) => (g.measure ? { ...g, measureAccepted: action.accepted } : g));
    case 'acceptDue':
      return mapGoal(state, action.goal, (g) => (g.due ? { ...g, dueAccepted: action.accepted } : g));
    case 'dropGoal':
      return { ...state, areas: state.areas.map((area) => ({ ...area, goals: area.goals.filter((g) => g.key !== action.goal) })) };
    case 'moveGoal': {
      const goal = findGoal(state, action.goal);
      const target = state.areas.find((a) => a.key === action.area);
      if (!goal || !target) return state;
      const moved = { ...goal, nationalGoal: nationalGoalIn(target, action.nationalGoal), review: null };
      return {
        ...state,
        areas: state.areas.map((area) => {
          const without = { ...area, goals: area.goals.filter((g) => g.key !== goal.key) };
          return area.key === target.key ? insertGoal(without, moved) : without;
        }),
      };
    }
    case 'placeText':
      return placeText(state, action.item, action.as, action.area, action.nationalGoal, action.text);
    case 'placeUnplaced':
      return placeText(state, action.item, 'goal', action.area, action.nationalGoal, action.text);
    case 'dismissText':
    case 'dropUnplaced':
      return dismissText(state, action.item);
    case 'moveItem':
      return moveItem(state, action.item, action.area);
    case 'changeKind':
      return changeKind(state, action.item, action.to);
    case 'mergeGoals':
      return mergeGoals(state, action.goal);
    case 'splitGoal':
      return splitGoal(state, action.goal, action.parts);
    case 'addArea':
      return addArea(state, action.title);
    case 'renameArea':
      return renameArea(state, action.area, action.title);
    case 'deleteArea':
      return deleteArea(state, action.area);
    case 'markChecked':
      return markChecked(state, action.item);
  }
}

/**
 * The draft the board approved: accepted measures and deadlines only. The importer's review marks
 * and the text it did not use are import metadata, not the plan: never emitted. Unplaced text
 * still left is listed (it is not saved).
 */
export function previewToDraft(state: PreviewState): PlanDraft {
  return {
    union: state.union,
    period: state.period,
    language: state.language,
    situation: [...state.situation],
    areas: state.areas.map((area) => ({
      number: area.number,
      title: area.title,
      nationalGoals: area.nationalGoals.map((n) => n.text),
      strategies: area.strategies.map((s) => s.text),
      localGoals: area.goals.map((g) => ({
        nationalGoal: g.nationalGoal,
        text: g.text,
        ...(g.measure && g.measureAccepted ? { measure: g.measure } : {}),
        ...(g.due && g.dueAccepted ? { due: g.due } : {}),
      })),
    })),
    unplaced: state.leftovers.filter((u) => u.kind === 'unplaced').map((u) => u.text),
  };
}

/** The rollout step that measures each goal the board kept a suggestion for, by the draft's area and goal index (previewToDraft keeps the order). */
export function acceptedRollouts(state: PreviewState): (areaIndex: number, goalIndex: number) => RolloutMeasure | null {
  return (areaIndex, goalIndex) => {
    const goal = state.areas[areaIndex]?.goals[goalIndex];
    return goal?.rollout && goal.rolloutAccepted ? goal.rollout : null;
  };
}
