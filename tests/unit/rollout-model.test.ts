/**
 * The rollout view's pure view-model: the people shown, who can be invited, the lines for the
 * tenant's administrators, the chart's days, scale and geometry, the add/edit form and the steps
 * editor's draft.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccessDeniedError, ConflictError, NotFoundError } from '../../src/domain/ports';
import { BUILT_IN_STEPS, addStep, rolloutOverTime, type DirectoryFacts, type Representative, type RolloutStep } from '../../src/domain/roster';
import type { RosterSnapshot } from '../../src/domain/roster-port';
import {
  accountsText,
  canInvite,
  chartDays,
  chartStart,
  cleanSteps,
  earliestStepDay,
  formOf,
  lineChart,
  niceScale,
  patchOf,
  shownSteps,
  textCell,
  validateRep,
  visibleReps,
  withRep,
  withoutAccount,
  writeFailure,
} from '../../src/features/rollout/rollout-model';

function rep(id: string, over: Partial<Representative> = {}): Representative {
  return { id, name: `Rep ${id}`, email: `${id}@example.org`, role: 'ptv', area: 'KS', workplace: 'Alver sjukeheim', entraId: null, marks: {}, seen: {}, retired: false, ...over };
}
const facts = (accounts: Record<string, string>, members: string[]): DirectoryFacts => ({ accounts: new Map(Object.entries(accounts)), members: new Set(members) });
const step = (id: string) => BUILT_IN_STEPS.find((s) => s.id === id) as RolloutStep;

describe('the people shown', () => {
  const reps = [
    rep('b', { name: 'Øystein Aas' }),
    rep('a', { name: 'Åse Berg', marks: { klarTraining: { on: '2026-02-01', by: 'board' } } }),
    rep('c', { name: 'Anne Dahl', retired: true }),
    rep('d', { name: 'Bjørn Ek' }),
  ];

  it('sorts active people by name in Norwegian order and hides those who stepped down until asked', () => {
    expect(visibleReps(reps, null, false, null, 'nb-NO').map((r) => r.name)).toEqual(['Bjørn Ek', 'Øystein Aas', 'Åse Berg']);
    expect(visibleReps(reps, null, true, null, 'nb-NO').map((r) => r.name)).toEqual(['Anne Dahl', 'Bjørn Ek', 'Øystein Aas', 'Åse Berg']);
  });

  it('with a filter, shows exactly the active people missing the step, stepped down or not shown', () => {
    expect(visibleReps(reps, step('klarTraining'), true, null, 'nb-NO').map((r) => r.id)).toEqual(['d', 'b']);
  });

  it('offers an invitation only to someone with an account who is not in the team, when the tenant was read', () => {
    const f = facts({ a: 'u1', b: 'u2' }, ['u1']);
    expect(canInvite(rep('a'), BUILT_IN_STEPS, f)).toBe(false);
    expect(canInvite(rep('b'), BUILT_IN_STEPS, f)).toBe(true);
    expect(canInvite(rep('b', { retired: true }), BUILT_IN_STEPS, f)).toBe(false);
    expect(canInvite(rep('c'), BUILT_IN_STEPS, f)).toBe(false);
    expect(canInvite(rep('b', { entraId: 'u2' }), BUILT_IN_STEPS, null)).toBe(false);
  });

  it('lists the active people the tenant has no account for', () => {
    const f = facts({ a: 'u1' }, []);
    expect(withoutAccount([rep('a'), rep('b'), rep('c', { retired: true })], BUILT_IN_STEPS, f).map((r) => r.id)).toEqual(['b']);
    // Without the tenant: the Entra id stored by the last read decides.
    expect(withoutAccount([rep('a', { entraId: 'u1' }), rep('b')], BUILT_IN_STEPS, null).map((r) => r.id)).toEqual(['b']);
  });

  it('puts a written representative into the snapshot, keeping what the person confirmed themselves', () => {
    const old = rep('a', { marks: { klarTraining: { on: '2026-01-05', by: 'self' }, klarAccess: { on: '2026-01-01', by: 'board' } }, etag: '"1"' });
    const snapshot = { reps: [old, rep('b')] } as unknown as RosterSnapshot;
    const written = rep('a', { marks: { teamsTraining: { on: '2026-03-01', by: 'board' } }, etag: '"2"' });
    const next = withRep(snapshot, written);
    expect(next.reps[0]?.marks).toEqual({ klarTraining: { on: '2026-01-05', by: 'self' }, teamsTraining: { on: '2026-03-01', by: 'board' } });
    expect(next.reps[0]?.etag).toBe('"2"');
    expect(next.reps[1]).toBe(snapshot.reps[1]);
  });
});

describe('the lines for the administrators', () => {
  it('writes a header and one semicolon-separated line per person', () => {
    expect(accountsText(['Navn', 'E-post'], [['Kari Nordmann', 'kari@privat.example'], ['Ola', 'ola@x.no']])).toBe('Navn;E-post\nKari Nordmann;kari@privat.example\nOla;ola@x.no');
  });

  it('quotes separators and quotes, flattens line breaks and defuses spreadsheet formulas', () => {
    expect(textCell('Sjukeheim; avd. 2')).toBe('"Sjukeheim; avd. 2"');
    expect(textCell('Kari "KK" Nordmann')).toBe('"Kari ""KK"" Nordmann"');
    expect(textCell('Linje 1\nLinje 2')).toBe('Linje 1 Linje 2');
    expect(textCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(textCell('+47 900')).toBe("'+47 900");
    expect(textCell('-1')).toBe("'-1");
    expect(textCell('@sum')).toBe("'@sum");
  });

  it('never lets a cell break the line apart', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), (cells) => {
        const line = accountsText(['h'], [cells]).split('\n');
        expect(line).toHaveLength(2);
      }),
    );
  });
});

describe('the rollout over time', () => {
  it('takes the first of each month from the first month to today, then today, at most 24 points', () => {
    expect(chartDays('2026-01-17', '2026-04-10')).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-04-10']);
    expect(chartDays('2025-11-30', '2026-02-01')).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
    expect(chartDays('2026-05-02', '2026-05-02')).toEqual(['2026-05-01', '2026-05-02']);
    const long = chartDays('2020-01-01', '2026-04-10');
    expect(long).toHaveLength(24);
    expect(long[long.length - 1]).toBe('2026-04-10');
    expect(long[0]).toBe('2024-06-01');
    expect(chartDays('2027-01-01', '2026-04-10')).toEqual(['2026-04-01', '2026-04-10']);
  });

  it('starts at the earliest step done by someone active, else at the plan period, else today', () => {
    const reps = [
      rep('a', { marks: { klarTraining: { on: '2026-03-04', by: 'board' } }, seen: { org365: '2026-02-10' } }),
      rep('b', { retired: true, seen: { org365: '2025-01-01' } }),
    ];
    expect(earliestStepDay(reps, BUILT_IN_STEPS)).toBe('2026-02-10');
    const retiredAccount = BUILT_IN_STEPS.map((s) => (s.id === 'org365' ? { ...s, retired: true } : s));
    expect(earliestStepDay(reps, retiredAccount)).toBe('2026-03-04');
    expect(chartStart([rep('c')], BUILT_IN_STEPS, 2026, '2026-06-01')).toBe('2026-01-01');
    expect(chartStart([rep('c')], BUILT_IN_STEPS, null, '2026-06-01')).toBe('2026-06-01');
  });

  it('scales the y axis in round steps from 0 to at least the top value', () => {
    expect(niceScale(22)).toEqual({ max: 25, ticks: [0, 5, 10, 15, 20, 25] });
    expect(niceScale(4)).toEqual({ max: 4, ticks: [0, 1, 2, 3, 4] });
    expect(niceScale(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale(130).max).toBeGreaterThanOrEqual(130);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), (top) => {
        const { max, ticks } = niceScale(top);
        expect(max).toBeGreaterThanOrEqual(top);
        expect(ticks[0]).toBe(0);
        expect(ticks[ticks.length - 1]).toBe(max);
        expect(ticks.length).toBeLessThanOrEqual(11);
      }),
    );
  });

  it('maps the counts into the box: 0 on the base line, everyone at or under the top, days in order', () => {
    const reps = [
      rep('a', { marks: { klarTraining: { on: '2026-02-03', by: 'board' } } }),
      rep('b', { marks: { klarTraining: { on: '2026-03-20', by: 'board' } } }),
      rep('c'),
    ];
    const days = chartDays('2026-02-03', '2026-04-15');
    const series = rolloutOverTime(reps, BUILT_IN_STEPS, days);
    const box = { width: 600, height: 200, left: 30, right: 10, top: 10, bottom: 30 };
    const chart = lineChart(series, ['klarTraining'], 3, box);
    const line = chart.lines[0];
    expect(line?.points.map((p) => p.value)).toEqual([0, 1, 2, 2]);
    expect(line?.points[0]?.y).toBe(chart.baseY);
    expect(chart.baseY).toBe(170);
    expect(line?.points[0]?.x).toBe(30);
    expect(line?.points[3]?.x).toBe(590);
    const xs = line?.points.map((p) => p.x) ?? [];
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(chart.yTicks.map((t) => t.value)).toEqual([0, 1, 2, 3]);
    expect(chart.yTicks[3]?.y).toBe(10);
    // Months are labelled, today is not.
    expect(chart.xLabels.map((l) => l.day)).toEqual(['2026-02-01', '2026-03-01', '2026-04-01']);
  });

  it('thins the month labels on a narrow chart, always keeping the latest month', () => {
    const days = chartDays('2024-05-01', '2026-04-01');
    const series = days.map((day) => ({ day, counts: {} }));
    const chart = lineChart(series, [], 10, { width: 340, height: 200, left: 36, right: 12, top: 12, bottom: 28 });
    expect(chart.xLabels.length).toBeLessThan(days.length);
    expect(chart.xLabels[chart.xLabels.length - 1]?.day).toBe('2026-04-01');
    const gaps = chart.xLabels.slice(1).map((l, i) => l.x - (chart.xLabels[i]?.x ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(40);
  });

  it('draws a single day in the middle', () => {
    const chart = lineChart([{ day: '2026-04-01', counts: { org365: 2 } }], ['org365'], 2, { width: 100, height: 100, left: 0, right: 0, top: 0, bottom: 0 });
    expect(chart.lines[0]?.points[0]).toEqual({ x: 50, y: 0, value: 2 });
  });
});

describe('the add/edit form', () => {
  it('trims, requires a name and a valid address not already on the list, and maps no area to null', () => {
    const others = [rep('x', { email: 'Kari.Nordmann@Example.org' })];
    expect(validateRep({ ...formOf(null), name: ' ', email: 'nope' }, others).errors).toEqual({ name: 'rollout.validation.name', email: 'rollout.validation.email' });
    expect(validateRep({ ...formOf(null), name: 'Kari', email: ' kari.nordmann@example.org ' }, others).errors).toEqual({ email: 'rollout.validation.duplicate' });
    expect(validateRep({ ...formOf(null), name: ' Ola ', email: ' ola@example.org ', workplace: ' Asker ' }, others).value).toEqual({
      name: 'Ola',
      email: 'ola@example.org',
      role: 'ptv',
      area: null,
      workplace: 'Asker',
    });
  });

  it('patches only the fields that changed', () => {
    const r = rep('a', { area: 'KS' });
    expect(patchOf(r, { name: r.name, email: r.email, role: 'ktv', area: null, workplace: r.workplace })).toEqual({ role: 'ktv', area: null });
    expect(patchOf(r, { name: r.name, email: r.email, role: r.role, area: r.area, workplace: r.workplace })).toEqual({});
  });

  it('tells a conflict, a deleted item and a refusal apart', () => {
    expect(writeFailure(new ConflictError('representative', '1'))).toBe('conflict');
    expect(writeFailure(new NotFoundError('representative', '1'))).toBe('gone');
    expect(writeFailure(new AccessDeniedError('representative', '1'))).toBe('denied');
    expect(writeFailure(Object.assign(new Error('x'), { status: 403 }))).toBe('denied');
    expect(writeFailure(new TypeError('Failed to fetch'))).toBe('failed');
  });
});

describe('the steps editor', () => {
  it('gives a built-in step its own name back when the label is emptied, and asks for names of the board’s steps', () => {
    const draft = addStep(BUILT_IN_STEPS, 'Verneombudskurs').map((s) => (s.id === 'org365' ? { ...s, label: '  ' } : s.id === 'team' ? { ...s, label: ' I teamet ' } : s));
    const withEmpty = [...draft, { id: 'custom7', label: ' ', kind: 'manual' as const, retired: false }];
    const { steps, missingNames } = cleanSteps(withEmpty);
    expect(steps.find((s) => s.id === 'org365')?.label).toBeNull();
    expect(steps.find((s) => s.id === 'team')?.label).toBe('I teamet');
    expect(missingNames).toEqual(['custom7']);
    expect(shownSteps(steps.map((s) => (s.id === 'team' ? { ...s, retired: true } : s))).map((s) => s.id)).not.toContain('team');
  });
});
