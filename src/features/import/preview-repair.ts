/**
 * The board's repairs of what the importer got wrong, as pure state changes: use or dismiss a
 * text it left out, move national goals and strategies, change what a text is, merge and split
 * goals, make, rename and delete areas, and mark a doubtful item as checked.
 */
import {
  addItem,
  cleanText,
  insertGoal,
  locate,
  mapArea,
  nationalGoalIn,
  newGoal,
  type ItemKind,
  type PreviewArea,
  type PreviewGoal,
  type PreviewItem,
  type PreviewState,
} from './preview-model';

const withKey = (state: PreviewState): [string, PreviewState] => [`n${state.nextKey}`, { ...state, nextKey: state.nextKey + 1 }];

/** Puts a text into an area as a goal (under a national goal of the area, or none), a national goal or a strategy. */
function putText(area: PreviewArea, key: string, text: string, as: ItemKind, nationalGoal: string | null): PreviewArea {
  if (as === 'goal') return insertGoal(area, newGoal(key, text, nationalGoalIn(area, nationalGoal)));
  return addItem(area, as, { key, text, review: null });
}

/** A leftover text becomes a goal, national goal or strategy of the chosen area; `text` is the board's edit of it. */
export function placeText(state: PreviewState, itemKey: string, as: ItemKind, areaKey: string, nationalGoal: string | null, edited?: string): PreviewState {
  const item = state.leftovers.find((u) => u.key === itemKey);
  const target = state.areas.find((a) => a.key === areaKey);
  if (!item || !target) return state;
  const text = cleanText(edited ?? item.text);
  if (!text) return state;
  const [key, keyed] = withKey(state);
  return { ...mapArea(keyed, target.key, (a) => putText(a, key, text, as, nationalGoal)), leftovers: state.leftovers.filter((u) => u.key !== item.key) };
}

export function dismissText(state: PreviewState, itemKey: string): PreviewState {
  return { ...state, leftovers: state.leftovers.filter((u) => u.key !== itemKey) };
}

/** Takes a national goal or strategy out of its area; goals under a national goal taken out stand under none. */
function withoutItem(area: PreviewArea, kind: 'nationalGoal' | 'strategy', item: PreviewItem): PreviewArea {
  if (kind === 'strategy') return { ...area, strategies: area.strategies.filter((s) => s.key !== item.key) };
  return {
    ...area,
    nationalGoals: area.nationalGoals.filter((n) => n.key !== item.key),
    goals: area.goals.map((g) => (g.nationalGoal === item.text ? { ...g, nationalGoal: null } : g)),
  };
}

/**
 * Moves a national goal or strategy to another area. A national goal takes the goals under it
 * along (they still stand under it): they were written under it, so they belong with it.
 */
export function moveItem(state: PreviewState, itemKey: string, areaKey: string): PreviewState {
  const found = locate(state, itemKey);
  const target = state.areas.find((a) => a.key === areaKey);
  if (!found || found.kind === 'goal' || !target || target.key === found.area.key) return state;
  const { area: source, kind, item } = found;
  const carried = kind === 'nationalGoal' ? source.goals.filter((g) => g.nationalGoal === item.text) : [];
  return {
    ...state,
    areas: state.areas.map((area) => {
      if (area.key === source.key) {
        const rest = { ...area, goals: area.goals.filter((g) => !carried.includes(g)) };
        return kind === 'strategy' ? withoutItem(rest, kind, item) : { ...rest, nationalGoals: rest.nationalGoals.filter((n) => n.key !== item.key) };
      }
      if (area.key === target.key) return carried.reduce(insertGoal, addItem(area, kind, { ...item, review: null }));
      return area;
    }),
  };
}

/**
 * Changes what a text is within its area. A goal made a national goal or strategy loses its
 * measure and deadline; a national goal made anything else leaves its goals under none; a text
 * made a goal stands under no national goal, with figures read from its text.
 */
export function changeKind(state: PreviewState, itemKey: string, to: ItemKind): PreviewState {
  const found = locate(state, itemKey);
  if (!found || found.kind === to) return state;
  const { area, item } = found;
  return mapArea(state, area.key, (a) => {
    if (found.kind === 'goal') {
      const rest = { ...a, goals: a.goals.filter((g) => g.key !== item.key) };
      const after = a.nationalGoals.findIndex((n) => n.text === found.item.nationalGoal);
      return addItem(rest, to === 'strategy' ? 'strategy' : 'nationalGoal', { key: item.key, text: item.text, review: null }, to === 'nationalGoal' && after >= 0 ? after + 1 : undefined);
    }
    const rest = withoutItem(a, found.kind, found.item);
    if (to === 'goal') return insertGoal(rest, newGoal(item.key, item.text, null));
    return addItem(rest, to, { key: item.key, text: item.text, review: null });
  });
}

/** The goal after this one under the same national goal of its area (the one shown below it), or null. */
export function nextGoal(area: PreviewArea, goalKey: string): PreviewGoal | null {
  const index = area.goals.findIndex((g) => g.key === goalKey);
  const goal = area.goals[index];
  if (!goal) return null;
  return area.goals.slice(index + 1).find((g) => g.nationalGoal === goal.nationalGoal) ?? null;
}

/** Joins a goal with the next one under the same national goal (texts joined with a space; figures read again). */
export function mergeGoals(state: PreviewState, goalKey: string): PreviewState {
  const found = locate(state, goalKey);
  if (!found || found.kind !== 'goal') return state;
  const next = nextGoal(found.area, goalKey);
  if (!next) return state;
  const first = found.item;
  const merged = newGoal(first.key, `${first.text} ${next.text}`, first.nationalGoal, [first, next]);
  return mapArea(state, found.area.key, (a) => ({ ...a, goals: a.goals.filter((g) => g.key !== next.key).map((g) => (g.key === first.key ? merged : g)) }));
}

/**
 * Splits a goal into two goals under the same national goal, the second right after the first;
 * each part's figures are read from its text (the goal's own go to the first when neither has any).
 */
export function splitGoal(state: PreviewState, goalKey: string, parts: readonly [string, string]): PreviewState {
  const found = locate(state, goalKey);
  const first = cleanText(parts[0]);
  const second = cleanText(parts[1]);
  if (!found || found.kind !== 'goal' || !first || !second) return state;
  const goal = found.item;
  const [key, keyed] = withKey(state);
  let a = newGoal(goal.key, first, goal.nationalGoal);
  const b = newGoal(key, second, goal.nationalGoal);
  if (!a.measure && !b.measure && goal.measure) a = { ...a, measure: goal.measure, measureAccepted: goal.measureAccepted };
  if (!a.due && !b.due && goal.due) a = { ...a, due: goal.due, dueAccepted: goal.dueAccepted };
  return mapArea(keyed, found.area.key, (area) => ({ ...area, goals: area.goals.flatMap((g) => (g.key === goal.key ? [a, b] : [g])) }));
}

/** Sentence boundaries of a text where a split may fall: the offsets just after '.', '!', '?', ';' or ':' followed by more text. */
export function splitPoints(text: string): number[] {
  const points: number[] = [];
  for (const m of text.matchAll(/[.!?;:](?=\s+\S)/g)) points.push(m.index + 1);
  return points;
}

export function splitAt(text: string, at: number): [string, string] {
  return [text.slice(0, at).trim(), text.slice(at).trim()];
}

/** A new area, numbered after the others. */
export function addArea(state: PreviewState, title: string): PreviewState {
  const clean = cleanText(title);
  if (!clean) return state;
  const [key, keyed] = withKey(state);
  const number = state.areas.reduce((max, a) => Math.max(max, a.number), 0) + 1;
  return { ...keyed, areas: [...state.areas, { key, number, title: clean, nationalGoals: [], strategies: [], goals: [] }] };
}

export function renameArea(state: PreviewState, areaKey: string, title: string): PreviewState {
  const clean = cleanText(title);
  if (!clean || !state.areas.some((a) => a.key === areaKey)) return state;
  return mapArea(state, areaKey, (a) => ({ ...a, title: clean }));
}

/** Whether an area holds nothing (no goals, national goals or strategies) and so can be deleted without losing text. */
export const isEmptyArea = (area: PreviewArea): boolean => area.goals.length === 0 && area.nationalGoals.length === 0 && area.strategies.length === 0;

/** Deletes an empty area; the others keep their numbers (merging into a plan matches areas by number). */
export function deleteArea(state: PreviewState, areaKey: string): PreviewState {
  const area = state.areas.find((a) => a.key === areaKey);
  if (!area || !isEmptyArea(area)) return state;
  return { ...state, areas: state.areas.filter((a) => a.key !== areaKey) };
}

/** The board checked a doubtful goal, national goal or strategy: its mark goes. */
export function markChecked(state: PreviewState, itemKey: string): PreviewState {
  const found = locate(state, itemKey);
  if (!found || found.item.review === null) return state;
  const clear = <T extends { key: string; review: unknown }>(items: readonly T[]) => items.map((i) => (i.key === itemKey ? { ...i, review: null } : i));
  return mapArea(state, found.area.key, (a) => ({ ...a, goals: clear(a.goals), nationalGoals: clear(a.nationalGoals), strategies: clear(a.strategies) }));
}
