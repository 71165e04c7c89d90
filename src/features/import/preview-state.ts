/**
 * The import preview as a pure reducer: the board fixes what the importer found (moves goals,
 * places or drops unplaced text, edits texts, accepts or drops measures and deadlines) before
 * anything is saved. No React, no I/O; `previewToDraft` gives the draft to save.
 */
import type { RolloutMeasure } from '../../domain/plan';
import type { DraftMeasure, DraftSituationRow, PlanDraft } from '../../import/draft';
import type { TemplateArea } from '../../import/national-template';
import { suggestRollout } from '../../import/to-plan';

export interface PreviewGoal {
  readonly key: string;
  readonly text: string;
  readonly nationalGoal: string | null;
  /** What the importer detected; kept when dropped, so the board can take it back. */
  readonly measure: DraftMeasure | null;
  readonly measureAccepted: boolean;
  readonly due: string | null;
  readonly dueAccepted: boolean;
  /** The rollout step the goal's text speaks of (suggestRollout), kept when declined so it can be taken back. */
  readonly rollout: RolloutMeasure | null;
  /** Whether the goal is saved as measured by that step (on by default). */
  readonly rolloutAccepted: boolean;
}

export interface PreviewArea {
  readonly key: string;
  readonly number: number;
  readonly title: string;
  readonly nationalGoals: readonly string[];
  readonly strategies: readonly string[];
  readonly goals: readonly PreviewGoal[];
}

export interface PreviewUnplaced {
  readonly key: string;
  readonly text: string;
}

export interface PreviewState {
  readonly union: string | null;
  readonly period: { readonly from: number; readonly to: number } | null;
  readonly language: PlanDraft['language'];
  readonly situation: readonly DraftSituationRow[];
  readonly areas: readonly PreviewArea[];
  readonly unplaced: readonly PreviewUnplaced[];
  /** Next number for keys of goals made from unplaced text. */
  readonly nextKey: number;
}

export type PreviewAction =
  | { readonly type: 'editGoalText'; readonly goal: string; readonly text: string }
  | { readonly type: 'moveGoal'; readonly goal: string; readonly area: string; readonly nationalGoal: string | null }
  | { readonly type: 'dropGoal'; readonly goal: string }
  | { readonly type: 'acceptMeasure'; readonly goal: string; readonly accepted: boolean }
  | { readonly type: 'acceptDue'; readonly goal: string; readonly accepted: boolean }
  | { readonly type: 'acceptRollout'; readonly goal: string; readonly accepted: boolean }
  | { readonly type: 'placeUnplaced'; readonly item: string; readonly area: string; readonly nationalGoal: string | null; readonly text?: string }
  | { readonly type: 'dropUnplaced'; readonly item: string };

/** A goal's rollout suggestion, accepted by default. */
function suggestionFor(text: string): Pick<PreviewGoal, 'rollout' | 'rolloutAccepted'> {
  const rollout = suggestRollout({ text });
  return { rollout, rolloutAccepted: rollout !== null };
}

const sameMeasure = (a: RolloutMeasure | null, b: RolloutMeasure | null) =>
  a !== null && b !== null && a.stepId === b.stepId && a.roles.length === b.roles.length && a.roles.every((r) => b.roles.includes(r));

export function previewFromDraft(draft: PlanDraft): PreviewState {
  return {
    union: draft.union,
    period: draft.period,
    language: draft.language,
    situation: draft.situation,
    areas: draft.areas.map((area, a) => ({
      key: `a${a + 1}`,
      number: area.number,
      title: area.title,
      nationalGoals: area.nationalGoals,
      strategies: area.strategies,
      goals: area.localGoals.map((goal, g) => ({
        key: `a${a + 1}g${g + 1}`,
        text: goal.text,
        nationalGoal: goal.nationalGoal,
        measure: goal.measure ?? null,
        measureAccepted: goal.measure !== undefined,
        due: goal.due ?? null,
        dueAccepted: goal.due !== undefined,
        ...suggestionFor(goal.text),
      })),
    })),
    unplaced: draft.unplaced.map((text, i) => ({ key: `u${i + 1}`, text })),
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

function findGoal(state: PreviewState, key: string): PreviewGoal | null {
  for (const area of state.areas) {
    const goal = area.goals.find((g) => g.key === key);
    if (goal) return goal;
  }
  return null;
}

function mapGoal(state: PreviewState, key: string, fn: (goal: PreviewGoal) => PreviewGoal): PreviewState {
  return { ...state, areas: state.areas.map((area) => (area.goals.some((g) => g.key === key) ? { ...area, goals: area.goals.map((g) => (g.key === key ? fn(g) : g)) } : area)) };
}

/** A national goal of the area, or null; anything else would not show under the area. */
function nationalGoalIn(area: PreviewArea, nationalGoal: string | null): string | null {
  return nationalGoal !== null && area.nationalGoals.includes(nationalGoal) ? nationalGoal : null;
}

/** Puts a goal last among the goals under the same national goal of the target area (or last in the area). */
function insertGoal(area: PreviewArea, goal: PreviewGoal): PreviewArea {
  const goals = [...area.goals];
  let at = -1;
  goals.forEach((g, i) => {
    if (g.nationalGoal === goal.nationalGoal) at = i;
  });
  goals.splice(at === -1 ? goals.length : at + 1, 0, goal);
  return { ...area, goals };
}

export function previewReducer(state: PreviewState, action: PreviewAction): PreviewState {
  switch (action.type) {
    case 'editGoalText': {
      const text = action.text.replace(/\s+/g, ' ').trim();
      if (!text || !findGoal(state, action.goal)) return state;
      // The suggestion follows the text; one the board declined stays declined while the text names the same step.
      return mapGoal(state, action.goal, (g) => {
        const next = suggestionFor(text);
        return { ...g, text, ...(sameMeasure(next.rollout, g.rollout) ? {} : next) };
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
      const moved = { ...goal, nationalGoal: nationalGoalIn(target, action.nationalGoal) };
      return {
        ...state,
        areas: state.areas.map((area) => {
          const without = { ...area, goals: area.goals.filter((g) => g.key !== goal.key) };
          return area.key === target.key ? insertGoal(without, moved) : without;
        }),
      };
    }
    case 'placeUnplaced': {
      const item = state.unplaced.find((u) => u.key === action.item);
      const target = state.areas.find((a) => a.key === action.area);
      if (!item || !target) return state;
      const text = (action.text ?? item.text).replace(/\s+/g, ' ').trim();
      if (!text) return state;
      const goal: PreviewGoal = {
        key: `n${state.nextKey}`,
        text,
        nationalGoal: nationalGoalIn(target, action.nationalGoal),
        measure: null,
        measureAccepted: false,
        due: null,
        dueAccepted: false,
        ...suggestionFor(text),
      };
      return {
        ...state,
        nextKey: state.nextKey + 1,
        unplaced: state.unplaced.filter((u) => u.key !== item.key),
        areas: state.areas.map((area) => (area.key === target.key ? insertGoal(area, goal) : area)),
      };
    }
    case 'dropUnplaced':
      return { ...state, unplaced: state.unplaced.filter((u) => u.key !== action.item) };
  }
}

/** The draft the board approved: accepted measures and deadlines only; unplaced text is not saved. */
export function previewToDraft(state: PreviewState): PlanDraft {
  return {
    union: state.union,
    period: state.period,
    language: state.language,
    situation: [...state.situation],
    areas: state.areas.map((area) => ({
      number: area.number,
      title: area.title,
      nationalGoals: [...area.nationalGoals],
      strategies: [...area.strategies],
      localGoals: area.goals.map((g) => ({
        nationalGoal: g.nationalGoal,
        text: g.text,
        ...(g.measure && g.measureAccepted ? { measure: g.measure } : {}),
        ...(g.due && g.dueAccepted ? { due: g.due } : {}),
      })),
    })),
    unplaced: state.unplaced.map((u) => u.text),
  };
}

/** The rollout step that measures each goal the board kept a suggestion for, by the draft's area and goal index (previewToDraft keeps the order). */
export function acceptedRollouts(state: PreviewState): (areaIndex: number, goalIndex: number) => RolloutMeasure | null {
  return (areaIndex, goalIndex) => {
    const goal = state.areas[areaIndex]?.goals[goalIndex];
    return goal?.rollout && goal.rolloutAccepted ? goal.rollout : null;
  };
}

export function goalCount(state: PreviewState): number {
  return state.areas.reduce((n, a) => n + a.goals.length, 0);
}
