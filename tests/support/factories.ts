/** Test data factories for the plan model: a valid default, overridden per test. */
import type { LocalGoal } from '../../src/domain/plan';

/** A milestone goal under area 'a1' of plan 'p', sorted by its numeric id unless overridden. */
export function makeGoal(id: string, overrides: Partial<LocalGoal> = {}): LocalGoal {
  return {
    id,
    planId: 'p',
    areaId: 'a1',
    nationalGoal: null,
    text: `goal ${id}`,
    kind: 'milestone',
    owner: null,
    due: null,
    status: null,
    measure: null,
    recurrence: null,
    tariffArea: null,
    sortOrder: Number(id),
    ...overrides,
  };
}
