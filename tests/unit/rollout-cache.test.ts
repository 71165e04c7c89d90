/**
 * The roster is union membership data (GDPR art. 9): the rollout view's query is never written
 * into the browser's persisted cache, while the plan still is.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_STEPS } from '../../src/domain/roster';
import type { RosterSnapshot } from '../../src/domain/roster-port';
import { rosterKey } from '../../src/features/rollout/use-roster';
import { PERSISTED_QUERY_ROOTS, shouldPersistQuery } from '../../src/lib/persisted-cache';

const snapshot: RosterSnapshot = {
  reps: [{ id: '1', name: 'Kari Nordmann', email: 'kari@privat.example', role: 'ptv', area: 'KS', workplace: 'Alver', entraId: null, marks: {}, seen: {}, retired: false }],
  steps: BUILT_IN_STEPS,
  stepProblems: [],
  facts: null,
  accountNames: new Map(),
  plan: null,
  updated: 0,
};

describe('the roster and the persisted cache', () => {
  it('should never persist the roster query', () => {
    expect(rosterKey('team-1')).toEqual(['roster', 'team-1']);
    expect(PERSISTED_QUERY_ROOTS.has('roster')).toBe(false);
    expect(shouldPersistQuery({ queryKey: rosterKey('team-1'), state: { status: 'success', data: snapshot } as never })).toBe(false);
  });

  it('should still persist the plan', () => {
    expect(shouldPersistQuery({ queryKey: ['plan', 'team-1'], state: { status: 'success', data: { plan: {} } } as never })).toBe(true);
  });
});
