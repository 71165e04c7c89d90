/** Test data factories for the plan model: a valid default, overridden per test. */
import type { LocalGoal } from '../../src/domain/plan';
import type { NewLocalGoal } from '../../src/domain/ports';

/** A milestone goal under area 'a1' of plan 'p', sorted by its numeric id unless overridden. */
export function makeGoal(id: string, overrides: Partial<LocalGoal> = {}): LocalGoal {
  return {
    id,
    planId: 'p',
    areaId: 'a1',
    nationalGoal: null,
    text: `goal ${id}`,
    kind: 'milestone',
    owners: [],
    due: null,
    status: null,
    measure: null,
    recurrence: null,
    tariffArea: null,
    sortOrder: Number(id),
    ...overrides,
  };
}

/** The fields of a new goal to create through a repository: makeGoal's defaults without an id. */
export function newGoal(overrides: Partial<NewLocalGoal> & Pick<NewLocalGoal, 'planId' | 'areaId'>): NewLocalGoal {
  const { id: _id, etag: _etag, ...fields } = makeGoal('0', { sortOrder: 9999, ...overrides });
  return fields;
}
