import { describe, expect, it } from 'vitest';
import { makeGoal } from '../support/factories';
import type { Area, LocalGoal } from '../../src/domain/plan';
import { applySortOrders, moveUpdates, nationalGoalChoices, nextSortOrder, siblingsOf } from '../../src/features/plan/plan-filter';

function goal(id: string, sortOrder: number, overrides: Partial<LocalGoal> = {}): LocalGoal {
  return makeGoal(id, { nationalGoal: 'N1', sortOrder, etag: `"e${id}"`, ...overrides });
}

const goals = [
  goal('1', 10),
  goal('2', 20),
  goal('x', 15, { nationalGoal: 'N2' }),
  goal('y', 16, { areaId: 'a2' }),
  goal('3', 30),
];

describe('moveUpdates', () => {
  it('swaps the sort order of a goal and its neighbour under the same national goal, with their eTags', () => {
    expect(moveUpdates('2', 'up', goals)).toEqual([
      { id: '2', sortOrder: 10, etag: '"e2"' },
      { id: '1', sortOrder: 20, etag: '"e1"' },
    ]);
    expect(moveUpdates('2', 'down', goals)).toEqual([
      { id: '2', sortOrder: 30, etag: '"e2"' },
      { id: '3', sortOrder: 20, etag: '"e3"' },
    ]);
  });

  it('skips goals under another national goal or in another area', () => {
    expect(siblingsOf(goals[0] as LocalGoal, goals).map((g) => g.id)).toEqual(['1', '2', '3']);
    const moved = applySortOrders(goals, moveUpdates('1', 'down', goals));
    expect(siblingsOf(goals[0] as LocalGoal, moved).map((g) => g.id)).toEqual(['2', '1', '3']);
    expect(moved.find((g) => g.id === 'x')?.sortOrder).toBe(15);
  });

  it('does nothing at the ends or for an unknown goal', () => {
    expect(moveUpdates('1', 'up', goals)).toEqual([]);
    expect(moveUpdates('3', 'down', goals)).toEqual([]);
    expect(moveUpdates('x', 'up', goals)).toEqual([]);
    expect(moveUpdates('nope', 'up', goals)).toEqual([]);
  });

  it('numbers the siblings afresh when the two neighbours share a sort order', () => {
    const tied = [goal('1', 5), goal('2', 5), goal('3', 5), goal('4', 9)];
    const down = moveUpdates('2', 'down', tied);
    expect(down).toEqual([
      { id: '3', sortOrder: 6, etag: '"e3"' },
      { id: '2', sortOrder: 7, etag: '"e2"' },
    ]);
    expect(siblingsOf(tied[0] as LocalGoal, applySortOrders(tied, down)).map((g) => g.id)).toEqual(['1', '3', '2', '4']);
    const up = moveUpdates('2', 'up', tied);
    expect(siblingsOf(tied[0] as LocalGoal, applySortOrders(tied, up)).map((g) => g.id)).toEqual(['2', '1', '3', '4']);
    const allTied = [goal('1', 5), goal('2', 5), goal('3', 5)];
    const mid = moveUpdates('1', 'down', allTied);
    expect(siblingsOf(allTied[0] as LocalGoal, applySortOrders(allTied, mid)).map((g) => g.id)).toEqual(['2', '1', '3']);
  });
});

describe('placing goals', () => {
  it('puts a new or moved goal after every goal of the plan', () => {
    expect(nextSortOrder(goals)).toBe(31);
    expect(nextSortOrder([])).toBe(1);
  });

  it('offers the chosen area’s national goals, keeping a stored one the area no longer lists', () => {
    const area: Area = { id: 'a1', planId: 'p', number: 1, title: 'A', nationalGoals: ['N1', 'N2'], strategies: [] };
    expect(nationalGoalChoices(area, null)).toEqual(['N1', 'N2']);
    expect(nationalGoalChoices(area, 'N1')).toEqual(['N1', 'N2']);
    expect(nationalGoalChoices(area, 'Old')).toEqual(['N1', 'N2', 'Old']);
    expect(nationalGoalChoices(undefined, 'Old')).toEqual([]);
  });
});
