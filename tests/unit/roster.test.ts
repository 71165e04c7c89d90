import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyDirectoryFacts,
  BUILT_IN_STEPS,
  isEmailAddress,
  missingStep,
  normaliseAddress,
  REP_ROLES,
  rolloutOverTime,
  rolloutProgress,
  rolloutSummary,
  stepDone,
  type DirectoryFacts,
  type Representative,
  type RolloutStep,
} from '../../src/domain/roster';

const step = (id: string) => BUILT_IN_STEPS.find((s) => s.id === id) as RolloutStep;

function rep(id: string, over: Partial<Representative> = {}): Representative {
  return { id, name: `Rep ${id}`, email: `${id}@example.org`, role: 'ptv', area: 'KS', workplace: 'Alver sjukeheim', entraId: null, marks: {}, seen: {}, retired: false, ...over };
}

const facts = (accounts: Record<string, string>, members: string[]): DirectoryFacts => ({ accounts: new Map(Object.entries(accounts)), members: new Set(members) });

describe('rollout steps', () => {
  it('takes the account and team steps from the tenant, never from what was stored', () => {
    const r = rep('a', { entraId: 'old', seen: { org365: '2026-01-01', team: '2026-01-01' } });
    expect(stepDone(r, step('org365'), facts({}, ['old']))).toBe(false);
    expect(stepDone(r, step('team'), facts({}, ['old']))).toBe(false);
    expect(stepDone(r, step('org365'), facts({ a: 'u1' }, []))).toBe(true);
    expect(stepDone(r, step('team'), facts({ a: 'u1' }, []))).toBe(false);
    expect(stepDone(r, step('team'), facts({ a: 'u1' }, ['u1']))).toBe(true);
  });

  it('without the tenant at hand, uses what the last refresh stored', () => {
    expect(stepDone(rep('a'), step('org365'), null)).toBe(false);
    expect(stepDone(rep('a', { entraId: 'u1' }), step('org365'), null)).toBe(true);
    expect(stepDone(rep('a', { entraId: 'u1' }), step('team'), null)).toBe(false);
    expect(stepDone(rep('a', { entraId: 'u1', seen: { team: '2026-02-01' } }), step('team'), null)).toBe(true);
  });

  it('takes manual steps from the marks', () => {
    const r = rep('a', { marks: { klarTraining: { on: '2026-03-01', by: 'self' } } });
    expect(stepDone(r, step('klarTraining'), null)).toBe(true);
    expect(stepDone(r, step('teamsTraining'), null)).toBe(false);
  });
});

describe('rolloutSummary', () => {
  const reps = [
    rep('a', { role: 'ptv', area: 'KS' }),
    rep('b', { role: 'ptv', area: 'Spekter', marks: { klarTraining: { on: '2026-02-01', by: 'board' } } }),
    rep('c', { role: 'ktv', area: 'KS' }),
    rep('d', { role: 'ktv', area: null, retired: true }),
  ];
  const f = facts({ a: 'u1', c: 'u3' }, ['u1']);

  it('counts per role, per area and for everyone, leaving out retired people and steps', () => {
    const steps = [...BUILT_IN_STEPS.slice(0, 4), { ...step('klarTraining') }, { id: 'x', label: 'Gammelt', kind: 'manual' as const, retired: true }];
    const s = rolloutSummary(reps, steps, f);
    expect(s.all.total).toBe(3);
    expect(s.all.steps.map((c) => [c.stepId, c.done])).toEqual([
      ['org365', 2],
      ['team', 1],
      ['teamsTraining', 0],
      ['klarAccess', 0],
      ['klarTraining', 1],
    ]);
    expect(s.byRole.map((g) => [g.key, g.total, g.steps[0]?.done])).toEqual([
      ['ptv', 2, 1],
      ['ktv', 1, 1],
    ]);
    expect(s.byArea.map((g) => [g.key, g.total])).toEqual([
      ['KS', 2],
      ['Spekter', 1],
    ]);
  });

  it('lists who is missing a step', () => {
    expect(missingStep(reps, step('org365'), f).map((r) => r.id)).toEqual(['b']);
    expect(missingStep(reps, step('team'), f).map((r) => r.id)).toEqual(['b', 'c']);
  });
});

describe('rolloutProgress: a goal measured by a step', () => {
  const reps = [rep('a', { role: 'ktv' }), rep('b', { role: 'ktv' }), rep('c', { role: 'ptv' }), rep('d', { role: 'ktv', retired: true })];
  it('is the share of the chosen roles who have done the step', () => {
    const f = facts({ a: 'u1', c: 'u3' }, []);
    expect(rolloutProgress(reps, BUILT_IN_STEPS, { stepId: 'org365', roles: ['ktv'] }, f)).toEqual({ done: 1, total: 2, percent: 50 });
    expect(rolloutProgress(reps, BUILT_IN_STEPS, { stepId: 'org365', roles: [] }, f)).toEqual({ done: 2, total: 3, percent: 66.7 });
  });
  it('says nothing when nobody is counted or the step is gone', () => {
    expect(rolloutProgress(reps, BUILT_IN_STEPS, { stepId: 'org365', roles: ['htv'] }, null)).toEqual({ done: 0, total: 0, percent: null });
    expect(rolloutProgress(reps, BUILT_IN_STEPS, { stepId: 'nope', roles: [] }, null)).toEqual({ done: 0, total: 3, percent: null });
  });
  it('follows the roster: a step done moves the goal', () => {
    const before = rolloutProgress(reps, BUILT_IN_STEPS, { stepId: 'klarTraining', roles: ['ktv'] }, null);
    const after = rolloutProgress([{ ...reps[0]!, marks: { klarTraining: { on: '2026-05-01', by: 'self' } } }, ...reps.slice(1)], BUILT_IN_STEPS, { stepId: 'klarTraining', roles: ['ktv'] }, null);
    expect([before.percent, after.percent]).toEqual([0, 50]);
  });
});

describe('applyDirectoryFacts', () => {
  it('records the Entra id and the day a tenant step was first seen, and only for those that changed', () => {
    const reps = [rep('a'), rep('b', { entraId: 'u2', seen: { org365: '2026-01-10' } }), rep('c', { entraId: 'u3', seen: { org365: '2026-01-10', team: '2026-01-10' } })];
    const changed = applyDirectoryFacts(reps, BUILT_IN_STEPS, facts({ a: 'u1', b: 'u2', c: 'u3' }, ['u1', 'u3']), '2026-03-02');
    expect(changed.map((r) => [r.id, r.entraId, r.seen])).toEqual([['a', 'u1', { org365: '2026-03-02', team: '2026-03-02' }]]);
  });
  it('forgets a step the tenant no longer shows (left the team, account deleted)', () => {
    const reps = [rep('c', { entraId: 'u3', seen: { org365: '2026-01-10', team: '2026-01-10' } })];
    const changed = applyDirectoryFacts(reps, BUILT_IN_STEPS, facts({ c: 'u3' }, []), '2026-03-02');
    expect(changed.map((r) => r.seen)).toEqual([{ org365: '2026-01-10' }]);
    const gone = applyDirectoryFacts(reps, BUILT_IN_STEPS, facts({}, []), '2026-03-02');
    expect(gone.map((r) => [r.entraId, r.seen])).toEqual([[null, {}]]);
  });
});

describe('rolloutOverTime', () => {
  it('counts, for each day, who had done each step by then', () => {
    const reps = [
      rep('a', { entraId: 'u1', seen: { org365: '2026-01-15' }, marks: { klarTraining: { on: '2026-02-20', by: 'board' } } }),
      rep('b', { entraId: 'u2', seen: { org365: '2026-02-01', team: '2026-02-01' } }),
      rep('c', { retired: true, seen: { org365: '2026-01-01' } }),
    ];
    const series = rolloutOverTime(reps, BUILT_IN_STEPS, ['2026-02-28', '2026-01-31', '2026-01-01']);
    expect(series.map((p) => [p.day, p.counts.org365, p.counts.team, p.counts.klarTraining])).toEqual([
      ['2026-01-01', 0, 0, 0],
      ['2026-01-31', 1, 0, 0],
      ['2026-02-28', 2, 1, 1],
    ]);
  });

  it('never decreases from one day to the next, and never counts more people than there are', () => {
    const day = fc.integer({ min: 0, max: 700 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    const arbRep = fc.record({ id: fc.uuid(), org: fc.option(day, { nil: undefined }), klar: fc.option(day, { nil: undefined }), retired: fc.boolean() });
    fc.assert(
      fc.property(fc.array(arbRep, { maxLength: 30 }), fc.array(day, { minLength: 1, maxLength: 10 }), (raw, days) => {
        const reps = raw.map((r) => rep(r.id, { retired: r.retired, seen: r.org ? { org365: r.org } : {}, marks: r.klar ? { klarTraining: { on: r.klar, by: 'board' } } : {} }));
        const series = rolloutOverTime(reps, BUILT_IN_STEPS, days);
        const total = reps.filter((r) => !r.retired).length;
        for (let i = 0; i < series.length; i++) {
          for (const s of BUILT_IN_STEPS) {
            const n = series[i]!.counts[s.id] as number;
            expect(n).toBeLessThanOrEqual(total);
            if (i > 0) expect(n).toBeGreaterThanOrEqual(series[i - 1]!.counts[s.id] as number);
          }
        }
      }),
    );
  });
});

describe('addresses', () => {
  it.each(['kari.nordmann@fagforbundet.no', 'KARI@org365.example', ' ola+verv@example.org '])('accepts %s', (a) => expect(isEmailAddress(a)).toBe(true));
  it.each(['', 'kari', 'kari@', '@example.org', 'kari@example', 'kari nordmann@example.org', 'kari@exa mple.org', 'a@b.c', '<kari@example.org>'])('refuses %j', (a) =>
    expect(isEmailAddress(a)).toBe(false),
  );
  it('normalises for matching', () => expect(normaliseAddress('  Kari.Nordmann@Fagforbundet.NO ')).toBe('kari.nordmann@fagforbundet.no'));
  it('knows the roles the plans name', () => expect(REP_ROLES).toEqual(['ptv', 'ktv', 'htv', 'safety', 'board', 'other']));
});
