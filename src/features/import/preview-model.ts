/**
 * The import preview's state and the small rules its reducer (preview-state.ts) and repairs
 * (preview-repair.ts) share. Pure: no React, no I/O.
 */
import type { RolloutMeasure } from '../../domain/plan';
import type { DraftMeasure, DraftReview, DraftSituationRow, NotUsedKind, PlanDraft } from '../../import/draft';
import { extractDue } from '../../import/parse/due';
import { extractMeasure } from '../../import/parse/measure';
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
  /** Why the importer was unsure of it; null once the board checked, edited, moved or changed it. */
  readonly review: DraftReview | null;
}

/** A national goal or a strategy of an area. */
export interface PreviewItem {
  readonly key: string;
  readonly text: string;
  readonly review: DraftReview | null;
}

export interface PreviewArea {
  readonly key: string;
  readonly number: number;
  readonly title: string;
  readonly nationalGoals: readonly PreviewItem[];
  readonly strategies: readonly PreviewItem[];
  readonly goals: readonly PreviewGoal[];
}

/** Source text not in the plan: text the importer could not place, or read as the plan's frame (with what it was taken for). */
export interface PreviewLeftover {
  readonly key: string;
  readonly text: string;
  readonly kind: NotUsedKind | 'unplaced';
}

export interface PreviewState {
  readonly union: string | null;
  readonly period: { readonly from: number; readonly to: number } | null;
  readonly language: PlanDraft['language'];
  readonly situation: readonly DraftSituationRow[];
  readonly areas: readonly PreviewArea[];
  /** Unplaced text first, then the text read as the plan's frame, in the draft's order. */
  readonly leftovers: readonly PreviewLeftover[];
  /** Next number for keys of what the board makes (goals, national goals, strategies, areas). */
  readonly nextKey: number;
}

/** What a text in an area is: a local goal, a national goal or a strategy. */
export type ItemKind = 'goal' | 'nationalGoal' | 'strategy';

export const cleanText = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A goal's rollout suggestion, accepted by default. */
export function suggestionFor(text: string): Pick<PreviewGoal, 'rollout' | 'rolloutAccepted'> {
  const rollout = suggestRollout({ text });
  return { rollout, rolloutAccepted: rollout !== null };
}

/**
 * The measure and deadline of a goal the board made or reshaped, read from its text with the
 * importer's own rules; where the text gives none, the first of `fallback` that had one keeps it.
 */
export function readGoalFigures(text: string, fallback: readonly PreviewGoal[] = []): Pick<PreviewGoal, 'measure' | 'measureAccepted' | 'due' | 'dueAccepted'> {
  const measure = extractMeasure(text);
  const due = extractDue(text);
  const measureFrom = fallback.find((g) => g.measure !== null);
  const dueFrom = fallback.find((g) => g.due !== null);
  return {
    measure: measure ?? measureFrom?.measure ?? null,
    measureAccepted: measure ? true : (measureFrom?.measureAccepted ?? false),
    due: due ?? dueFrom?.due ?? null,
    dueAccepted: due ? true : (dueFrom?.dueAccepted ?? false),
  };
}

/** A goal the board made from a text: figures and rollout suggestion read from it, nothing to review. */
export function newGoal(key: string, text: string, nationalGoal: string | null, fallback: readonly PreviewGoal[] = []): PreviewGoal {
  return { key, text, nationalGoal, ...readGoalFigures(text, fallback), ...suggestionFor(text), review: null };
}

export function findGoal(state: PreviewState, key: string): PreviewGoal | null {
  for (const area of state.areas) {
    const goal = area.goals.find((g) => g.key === key);
    if (goal) return goal;
  }
  return null;
}

export function mapGoal(state: PreviewState, key: string, fn: (goal: PreviewGoal) => PreviewGoal): PreviewState {
  return { ...state, areas: state.areas.map((area) => (area.goals.some((g) => g.key === key) ? { ...area, goals: area.goals.map((g) => (g.key === key ? fn(g) : g)) } : area)) };
}

export function mapArea(state: PreviewState, key: string, fn: (area: PreviewArea) => PreviewArea): PreviewState {
  return { ...state, areas: state.areas.map((a) => (a.key === key ? fn(a) : a)) };
}

/** A national goal of the area, or null; anything else would not show under the area. */
export function nationalGoalIn(area: PreviewArea, nationalGoal: string | null): string | null {
  return nationalGoal !== null && area.nationalGoals.some((n) => n.text === nationalGoal) ? nationalGoal : null;
}

/** Puts a goal last among the goals under the same national goal of the target area (or last in the area). */
export function insertGoal(area: PreviewArea, goal: PreviewGoal): PreviewArea {
  const goals = [...area.goals];
  let at = -1;
  goals.forEach((g, i) => {
    if (g.nationalGoal === goal.nationalGoal) at = i;
  });
  goals.splice(at === -1 ? goals.length : at + 1, 0, goal);
  return { ...area, goals };
}

/** Adds a national goal or strategy to the area, unless it has one with the same text. */
export function addItem(area: PreviewArea, kind: 'nationalGoal' | 'strategy', item: PreviewItem, at?: number): PreviewArea {
  const list = kind === 'nationalGoal' ? area.nationalGoals : area.strategies;
  if (list.some((i) => i.text === item.text)) return area;
  const next = [...list];
  next.splice(at ?? next.length, 0, item);
  return kind === 'nationalGoal' ? { ...area, nationalGoals: next } : { ...area, strategies: next };
}

/** Where a key is: the area and what the item is there. */
export type Located =
  | { readonly area: PreviewArea; readonly kind: 'goal'; readonly item: PreviewGoal }
  | { readonly area: PreviewArea; readonly kind: 'nationalGoal' | 'strategy'; readonly item: PreviewItem };

export function locate(state: PreviewState, key: string): Located | null {
  for (const area of state.areas) {
    const goal = area.goals.find((g) => g.key === key);
    if (goal) return { area, kind: 'goal', item: goal };
    const national = area.nationalGoals.find((n) => n.key === key);
    if (national) return { area, kind: 'nationalGoal', item: national };
    const strategy = area.strategies.find((s) => s.key === key);
    if (strategy) return { area, kind: 'strategy', item: strategy };
  }
  return null;
}

export function goalCount(state: PreviewState): number {
  return state.areas.reduce((n, a) => n + a.goals.length, 0);
}

/** Goals, national goals and strategies still marked for the board to check. */
export function reviewCount(state: PreviewState): number {
  const marked = (items: ReadonlyArray<{ review: DraftReview | null }>) => items.filter((i) => i.review !== null).length;
  return state.areas.reduce((n, a) => n + marked(a.goals) + marked(a.nationalGoals) + marked(a.strategies), 0);
}

/** Source texts not (yet) in the plan: unplaced and not used, until the board uses or dismisses them. */
export function leftoverCount(state: PreviewState): number {
  return state.leftovers.length;
}
