/**
 * Status people trust (issue 14): a goal is judged against what was expected by today from the
 * day it started; recurring goals name the next occurrence in the future and the ones missed;
 * areas count what can be counted; every status says why. Swept day by day where it matters.
 */
import { describe, expect, it } from 'vitest';
import { makeGoal } from '../support/factories';
import { goalProgress, goalStart, summarizeProgress, checkInsByGoal, type GoalProgress } from '../../src/domain/progress';
import { planOverview } from '../../src/domain/overview';
import type { CheckIn, LocalGoal, PlanSnapshot } from '../../src/domain/plan';
import { statusReasonText } from '../../src/components/progress-text';
import { createI18n } from '../../src/i18n/catalogue';

const plan = { periodFrom: 2026, periodTo: 2027, created: '2026-03-10T18:00:00Z' };
const nb = createI18n('nb');
const nn = createI18n('nn');

let seq = 0;
const checkIn = (goalId: string, date: string, value: number | null = null): CheckIn => ({ id: String(++seq), planId: 'p', goalId, date, value, comment: '', author: null });

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

const members = (overrides: Partial<LocalGoal> = {}) =>
  makeGoal('1', { kind: 'measured', due: '2027-12', measure: { unit: 'medlemmer', baseline: null, target: 50, current: null }, ...overrides });

describe('when a goal starts', () => {
  it('takes the board’s start day, else the day a goal was added after the plan was set up, else the period start', () => {
    expect(goalStart({ start: '2026-09-01', created: '2026-11-01T10:00:00Z' }, plan)).toBe('2026-09-01');
    expect(goalStart({ created: '2026-12-03T09:00:00Z' }, plan)).toBe('2026-12-03');
    // Imported with the plan (created the same day as the plan item): the whole period.
    expect(goalStart({ created: '2026-03-10T18:02:00Z' }, plan)).toBe('2026-01-01');
    // Without the store's dates (old data, tests): the period start.
    expect(goalStart({}, { periodFrom: 2026, periodTo: 2027 })).toBe('2026-01-01');
    // A check-in before the start says work began then.
    expect(goalStart({ created: '2026-12-03T09:00:00Z' }, plan, '2026-11-20')).toBe('2026-11-20');
    expect(goalStart({ start: 'someday' }, plan)).toBe('2026-01-01');
  });

  it('never calls a goal added today with a deadline next year behind, nor lists it as needing follow-up', () => {
    const added = members({ created: '2026-12-03T09:00:00Z' });
    for (const today of days('2026-12-03', '2027-01-05')) {
      const p = goalProgress(added, [], plan, today);
      expect(p.derivedStatus, today).toBe('notStarted');
      expect(p.credit, today).toBeNull();
    }
    // Still nothing reported two and a half months in: a warning, not yet 'behind'.
    for (const today of days('2027-01-06', '2027-02-20')) expect(goalProgress(added, [], plan, today).derivedStatus, today).not.toBe('behind');
    const snapshot: PlanSnapshot = { plan: { id: 'p', union: 'U', adoptedDate: null, language: 'nb', ...plan }, areas: [], goals: [added], checkIns: [], situation: [], comments: [], issues: [] };
    expect(planOverview(snapshot, '2026-12-03').attention).toEqual([]);
    // The same goal had it been in the plan all along is rightly behind.
    expect(goalProgress(members(), [], plan, '2026-12-03').derivedStatus).toBe('behind');
  });

  it('judges a goal only against what was expected since it started', () => {
    const added = members({ created: '2026-07-01T09:00:00Z', due: '2027-06-30' });
    // Half the way in time, 22 of 50 reported (44 %): on track; 2 of 50 (4 %): behind.
    const half = '2026-12-30';
    const p = goalProgress(added, [checkIn('1', '2026-12-01', 22)], plan, half);
    expect(p.derivedStatus).toBe('onTrack');
    expect(p.expected).toBeCloseTo(0.5, 2);
    expect(p.start).toBe('2026-07-01');
    expect(goalProgress(added, [checkIn('1', '2026-12-01', 2)], plan, half).derivedStatus).toBe('behind');
  });

  it('says a goal has not started before the day the board set', () => {
    const later = members({ start: '2027-01-15' });
    const p = goalProgress(later, [], plan, '2026-12-03');
    expect(p.derivedStatus).toBe('notStarted');
    expect(p.reason).toEqual({ kind: 'beforeStart', start: '2027-01-15' });
    expect(statusReasonText(p, nb)).toBe('Starter 15. jan. 2027');
    expect(goalProgress(later, [], plan, '2027-01-20').derivedStatus).toBe('notStarted');
  });
});

describe('recurring goals name the next occurrence and the missed ones', () => {
  const recurring = (count: number, per: 'year' | 'month', overrides: Partial<LocalGoal> = {}) => makeGoal('1', { kind: 'recurring', recurrence: { count, per }, ...overrides });

  it('never names a day already past, every day of the period, held or not', () => {
    for (const [count, per] of [[1, 'year'], [2, 'year'], [4, 'year'], [6, 'year'], [12, 'year'], [24, 'year'], [52, 'year'], [1, 'month'], [2, 'month']] as const) {
      const goal = recurring(count, per);
      const monthly = days('2026-01-05', '2027-12-31').filter((d) => d.endsWith('-05')).map((d) => checkIn('1', d));
      for (const checkIns of [[], monthly]) {
        // Every fourth day, and every day around the turn of each month where occurrences fall due.
        for (const today of days('2026-01-01', '2027-12-31').filter((d, i) => i % 4 === 0 || d.slice(8) >= '27' || d.slice(8) <= '02')) {
          const r = goalProgress(goal, checkIns.filter((c) => c.date <= today), plan, today).recurring;
          expect(r, `${count}/${per} ${today}`).not.toBeNull();
          if (r?.nextDue != null) expect(r.nextDue >= today, `${count}/${per} ${today}: ${r.nextDue}`).toBe(true);
          expect(r?.missed).toBeGreaterThanOrEqual(0);
          if (r?.missed) expect((r.missedSince as string) < today).toBe(true);
        }
      }
    }
  });

  it('says 6 a year with none held in December: five missed since February, next by 31 December', () => {
    const p = goalProgress(recurring(6, 'year'), [], plan, '2026-12-03');
    expect(p.recurring).toMatchObject({ done: 0, required: 6, missed: 5, missedSince: '2026-02-28', nextDue: '2026-12-31' });
    expect(p.derivedStatus).toBe('behind');
    expect(statusReasonText(p, nb, 'year')).toBe('0 av 6 holdt i år; 5 ikke holdt siden 28. feb. 2026; neste innen 31. des. 2026');
    expect(statusReasonText(p, nn, 'year')).toBe('0 av 6 haldne i år; 5 ikkje haldne sidan 28. feb. 2026; neste innan 31. des. 2026');
  });

  it('names next year’s first occurrence once this year’s are held, and none after the plan', () => {
    const held = ['03-01', '05-01', '08-01', '10-01'].map((d) => checkIn('1', `2026-${d}`));
    expect(goalProgress(recurring(4, 'year'), held, plan, '2026-10-02').recurring?.nextDue).toBe('2027-03-31');
    const held27 = ['03-01', '05-01', '08-01', '10-01'].map((d) => checkIn('1', `2027-${d}`));
    expect(goalProgress(recurring(4, 'year'), held27, plan, '2027-10-02').recurring?.nextDue).toBeNull();
  });

  it('asks only for the occurrences due after a goal was added', () => {
    const added = recurring(4, 'year', { created: '2026-10-15T08:00:00Z' });
    const p = goalProgress(added, [], plan, '2026-11-01');
    expect(p.recurring).toMatchObject({ required: 1, missed: 0, nextDue: '2026-12-31' });
    expect(p.derivedStatus).toBe('notStarted');
    // The next year asks for all four.
    expect(goalProgress(added, [], plan, '2027-01-02').recurring).toMatchObject({ done: 0, required: 4, missed: 0, nextDue: '2027-03-31' });
  });

  it('counts 2 of 4 meetings held by May as on track, the next by 30 September', () => {
    const p = goalProgress(recurring(4, 'year'), [checkIn('1', '2026-02-10'), checkIn('1', '2026-04-20')], plan, '2026-05-15');
    expect(p.derivedStatus).toBe('onTrack');
    expect(statusReasonText(p, nb, 'year')).toBe('2 av 4 holdt i år; neste innen 30. sep. 2026');
  });
});

describe('area and plan progress count what can be counted', () => {
  const row = (goal: LocalGoal, checkIns: CheckIn[], today: string): GoalProgress => goalProgress(goal, checkIns, plan, today);

  it('never shows an area of on-track milestones as 0 %', () => {
    const milestones = [1, 2, 3].map((n) => makeGoal(String(n), { kind: 'milestone', due: '2027-06' }));
    const none = summarizeProgress(milestones.map((g) => row(g, [], '2026-12-03')));
    expect(none).toMatchObject({ fraction: null, counted: 0, total: 3 });
    const underWay = summarizeProgress(milestones.map((g, i) => row(g, i === 0 ? [checkIn(g.id, '2026-11-01')] : [], '2026-12-03')));
    expect(underWay).toMatchObject({ fraction: 0.5, counted: 1, total: 3 });
    const oneDone = summarizeProgress(milestones.map((g, i) => row(i === 0 ? { ...g, status: 'done' } : g, i === 1 ? [checkIn(g.id, '2026-11-01')] : [], '2026-12-03')));
    expect(oneDone.fraction).toBeCloseTo(0.75);
    expect(oneDone.byStatus).toMatchObject({ done: 1, onTrack: 1, notStarted: 1 });
  });

  it('counts a milestone past its deadline as 0 and recurring goals by this year’s occurrences', () => {
    const late = makeGoal('1', { kind: 'milestone', due: '2026-06' });
    const meetings = makeGoal('2', { kind: 'recurring', recurrence: { count: 4, per: 'year' } });
    const s = summarizeProgress([row(late, [], '2026-12-03'), row(meetings, [checkIn('2', '2026-02-01'), checkIn('2', '2026-05-01'), checkIn('2', '2026-09-01')], '2026-12-03')]);
    expect(s).toMatchObject({ counted: 2 });
    expect(s.fraction).toBeCloseTo((0 + 0.75) / 2);
  });

  it('groups check-ins by goal in the order they were stored', () => {
    const grouped = checkInsByGoal([
      { ...checkIn('a', '2026-05-01'), id: '10' },
      { ...checkIn('b', '2026-04-01'), id: '3' },
      { ...checkIn('a', '2026-05-01'), id: '9' },
      { ...checkIn('a', '2026-04-01'), id: '11' },
    ]);
    expect(grouped.get('a')?.map((c) => c.id)).toEqual(['11', '9', '10']);
    expect(grouped.get('b')?.map((c) => c.id)).toEqual(['3']);
  });
});

describe('every status says why', () => {
  it('puts a measured goal’s figures and what was expected by now in words', () => {
    const p = goalProgress(members({ due: null }), [checkIn('1', '2026-06-01', 12)], plan, '2026-12-31');
    expect(statusReasonText(p, nb)).toBe('12 av 50 medlemmer; ventet 25 nå');
    expect(statusReasonText(p, createI18n('en'))).toBe('12 of 50 medlemmer; 25 expected by now');
  });

  it('says when the deadline passed, what stage a milestone is at, and that the board set a status', () => {
    expect(statusReasonText(goalProgress(members({ due: '2026-06' }), [], plan, '2026-07-01'), nb)).toBe('Fristen gikk ut 30. juni 2026');
    const milestone = makeGoal('1', { kind: 'milestone', due: '2027-03' });
    expect(statusReasonText(goalProgress(milestone, [], plan, '2026-12-03'), nb)).toBe('Ikke påbegynt; frist 31. mars 2027');
    expect(statusReasonText(goalProgress(milestone, [checkIn('1', '2026-11-01')], plan, '2026-12-03'), nb)).toBe('Underveis; frist 31. mars 2027');
    const set = goalProgress({ ...milestone, status: 'atRisk' }, [checkIn('1', '2026-11-01')], plan, '2026-12-03');
    expect(statusReasonText(set, nb)).toBe('Underveis; frist 31. mars 2027; satt av styret (beregnet: I rute)');
    expect(statusReasonText(goalProgress({ ...milestone, status: 'done' }, [], plan, '2026-12-03'), nb)).toBe('Fullført');
  });
});
