/**
 * The report rules (src/domain/report.ts) over dates, with goals of the tests' own making: the
 * board meeting report (areas in order, changes since, risks, deadlines and occurrences in the
 * next 60 days) and the annual report's achieved / partly / not achieved rule.
 */
import { describe, expect, it } from 'vitest';
import { makeGoal } from '../support/factories';
import type { Area, CheckIn, LocalGoal, PlanSnapshot } from '../../src/domain/plan';
import {
  annualReport,
  annualWindow,
  boardReport,
  defaultSince,
  lastBoardReportDay,
  planYears,
  safeFileName,
  upcomingOccurrences,
  type AnnualGoal,
  type AnnualReport,
} from '../../src/domain/report';

const plan: PlanSnapshot['plan'] = { id: 'p', union: 'Testforeininga', periodFrom: 2026, periodTo: 2027, adoptedDate: null, language: 'nn', created: '2026-01-10T09:00:00Z' };
const area = (id: string, number: number): Area => ({ id, planId: 'p', number, title: `Område ${number}`, nationalGoals: [], strategies: [] });
const areas = [area('a2', 2), area('a1', 1)];
let seq = 0;
const checkIn = (goalId: string, date: string, value: number | null = null, comment = ''): CheckIn => ({ id: String(++seq), planId: 'p', goalId, date, value, comment, author: null });
const snap = (goals: LocalGoal[], checkIns: CheckIn[] = []) => ({ plan, areas, goals, checkIns });

const measured = (id: string, overrides: Partial<LocalGoal> = {}) =>
  makeGoal(id, { kind: 'measured', due: '2027-12', measure: { unit: 'nye medlemar', baseline: 0, target: 200, current: null }, ...overrides });
const recurring = (id: string, count: number, per: 'year' | 'month' = 'year', overrides: Partial<LocalGoal> = {}) => makeGoal(id, { kind: 'recurring', recurrence: { count, per }, ...overrides });

function goalOf(report: AnnualReport, id: string): AnnualGoal {
  const found = report.areas.flatMap((a) => a.goals).find((g) => g.goal.id === id);
  if (!found) throw new Error(`goal ${id} not in the report`);
  return found;
}

describe('the board meeting report', () => {
  it('lists areas in their order with their goals, then the goals without an area', () => {
    const report = boardReport(snap([makeGoal('1', { areaId: 'a2' }), makeGoal('2', { areaId: 'a1' }), makeGoal('3', { areaId: 'gone' }), makeGoal('4', { areaId: 'a1', sortOrder: 0 })]), {
      today: '2026-06-15',
      since: '2026-05-15',
    });
    expect(report.areas.map((a) => a.area?.id ?? null)).toEqual(['a1', 'a2', null]);
    expect(report.areas[0]?.goals.map((g) => g.goal.id)).toEqual(['4', '2']);
    expect(report.areas[2]?.goals.map((g) => g.goal.id)).toEqual(['3']);
    expect(report.windowDays).toBe(60);
    expect(report.summary.total).toBe(4);
  });

  it('gives each goal its status and the reason for it', () => {
    const goal = measured('1', { due: '2026-12' });
    const report = boardReport(snap([goal], [checkIn('1', '2026-05-01', 40)]), { today: '2026-06-30', since: '2026-06-01' });
    const row = report.areas[0]?.goals[0];
    // 40 of 200 with half the year gone (expected ≈ 100): more than 25 points behind.
    expect(row?.progress.status).toBe('behind');
    expect(row?.progress.reason).toMatchObject({ kind: 'measured', current: 40, target: 200 });
  });

  it('narrows what changed since the day given to each area', () => {
    const inA1 = makeGoal('1', { areaId: 'a1', due: '2026-12' });
    const inA2 = makeGoal('2', { areaId: 'a2', created: '2026-06-10T10:00:00Z' });
    const report = boardReport(snap([inA1, inA2], [checkIn('1', '2026-06-05', 1), checkIn('1', '2026-05-01')]), { today: '2026-06-15', since: '2026-06-01' });
    const [a1, a2] = report.areas;
    expect(a1?.changes.checkIns.map((c) => c.checkIn.date)).toEqual(['2026-06-05']);
    expect(a1?.changes.completed.map((m) => m.goal.id)).toEqual(['1']);
    expect(a2?.changes.newGoals.map((g) => g.id)).toEqual(['2']);
    expect(a2?.changes.checkIns).toEqual([]);
    expect(report.changes.checkIns).toHaveLength(1);
  });

  it('lists what is at risk: overdue first, then behind, then at risk', () => {
    const overdue = makeGoal('1', { due: '2026-05' });
    const behind = measured('2', { due: '2026-12' });
    const atRisk = measured('3', { due: '2026-12', measure: { unit: 'x', baseline: 0, target: 100, current: null } });
    const fine = makeGoal('4', { due: '2027-06' });
    const report = boardReport(snap([atRisk, fine, behind, overdue], [checkIn('2', '2026-06-01', 10), checkIn('3', '2026-06-01', 35)]), { today: '2026-06-30', since: '2026-06-01' });
    expect(report.areas[0]?.atRisk.map((r) => [r.goal.id, r.reason])).toEqual([
      ['1', 'overdue'],
      ['2', 'behind'],
      ['3', 'atRisk'],
    ]);
  });

  it('lists deadlines from today to 60 days ahead, and none that passed or are done', () => {
    const today = '2026-10-01';
    const goals = [
      makeGoal('1', { due: '2026-10-01' }),
      makeGoal('2', { due: '2026-11' }), // the last day of November: 60 days ahead
      makeGoal('3', { due: '2026-11-30' }),
      makeGoal('4', { due: '2026-12-01' }), // 61 days
      makeGoal('5', { due: '2026-09-30' }),
      makeGoal('6', { due: '2026-10-15', status: 'done' }),
    ];
    const report = boardReport(snap(goals), { today, since: '2026-09-01' });
    expect(report.areas[0]?.deadlines.map((d) => [d.goal.id, d.deadline, d.daysLeft])).toEqual([
      ['1', '2026-10-01', 0],
      ['2', '2026-11-30', 60],
      ['3', '2026-11-30', 60],
    ]);
    expect(boardReport(snap(goals), { today, since: '2026-09-01', windowDays: 61 }).areas[0]?.deadlines.map((d) => d.goal.id)).toContain('4');
  });

  it('lists the recurring occurrences due in the next 60 days that are not yet held', () => {
    const quarterly = recurring('1', 4);
    const monthly = recurring('2', 1, 'month');
    const held = checkIn('1', '2026-02-10');
    const report = boardReport(snap([quarterly, monthly], [held, checkIn('2', '2026-05-03')]), { today: '2026-05-10', since: '2026-04-10' });
    // The quarterly one: March's held (by February's check-in); June's due. The monthly: May held, June's due; July is 61+ days ahead.
    expect(report.areas[0]?.occurrences.map((o) => [o.goal.id, o.due])).toEqual([
      ['1', '2026-06-30'],
      ['2', '2026-06-30'],
    ]);
  });

  it('names occurrences across the turn of the year and never past the plan period', () => {
    const quarterly = recurring('1', 4);
    expect(upcomingOccurrences(quarterly, [], plan, '2026-11-15', '2027-04-30')).toEqual(['2026-12-31', '2027-03-31']);
    expect(upcomingOccurrences(quarterly, [], plan, '2027-11-15', '2028-04-30')).toEqual(['2027-12-31']);
    expect(upcomingOccurrences(makeGoal('2'), [], plan, '2026-11-15', '2027-04-30')).toEqual([]);
    // A goal that starts in February is not asked for January's occurrence.
    expect(upcomingOccurrences(recurring('3', 1, 'month', { start: '2027-02-01' }), [], plan, '2026-12-20', '2027-02-28')).toEqual(['2027-02-28']);
  });

  it('starts "since" at the last board report, else 30 days before today', () => {
    expect(defaultSince('2026-12-03', '2026-11-05')).toBe('2026-11-05');
    expect(defaultSince('2026-12-03', null)).toBe('2026-11-03');
    expect(defaultSince('2026-03-01', null)).toBe('2026-01-30');
    // A day in the future (a clock gone wrong) or not a day is not trusted.
    expect(defaultSince('2026-12-03', '2026-12-04')).toBe('2026-11-03');
    expect(defaultSince('2026-12-03', 'yesterday')).toBe('2026-11-03');
  });
});

describe('the annual report window', () => {
  it('covers a year of the plan or the whole period, judged at its end or today when earlier', () => {
    expect(annualWindow(plan, 2026, '2027-02-01')).toEqual({ from: '2026-01-01', to: '2026-12-31', judged: '2026-12-31' });
    expect(annualWindow(plan, 2027, '2027-06-15')).toEqual({ from: '2027-01-01', to: '2027-12-31', judged: '2027-06-15' });
    expect(annualWindow(plan, 'period', '2028-01-05')).toEqual({ from: '2026-01-01', to: '2027-12-31', judged: '2027-12-31' });
    expect(() => annualWindow(plan, 2025, '2026-06-01')).toThrow(RangeError);
    expect(() => annualWindow(plan, 2028, '2026-06-01')).toThrow(RangeError);
    expect(planYears(plan)).toEqual([2026, 2027]);
  });
});

describe('the annual report: measured goals', () => {
  it('judges a goal due in the year against its target: achieved, partly (at least half), not achieved', () => {
    const due = (id: string) => measured(id, { due: '2026-12' });
    const report = annualReport(
      snap([due('1'), due('2'), due('3'), due('4')], [checkIn('1', '2026-11-30', 200), checkIn('2', '2026-10-01', 100), checkIn('3', '2026-10-01', 99), checkIn('4', '2026-12-31', 260)]),
      { scope: 2026, today: '2027-01-20' },
    );
    expect(['1', '2', '3', '4'].map((id) => goalOf(report, id).outcome)).toEqual(['achieved', 'partly', 'notAchieved', 'achieved']);
    expect(goalOf(report, '2').figures).toMatchObject({ kind: 'measured', value: 100, target: 200, dueValue: 200, dueIsTarget: true, fraction: 0.5 });
  });

  it('judges a goal due next year against the share due by the end of this one', () => {
    // Due end of 2027, from the period start: by 31 December 2026 half the way (365 of 730 days) was due.
    const goals = [measured('1'), measured('2'), measured('3')];
    const report = annualReport(snap(goals, [checkIn('1', '2026-12-01', 100), checkIn('2', '2026-12-01', 50), checkIn('3', '2026-12-01', 49)]), { scope: 2026, today: '2027-03-01' });
    expect(goalOf(report, '1').outcome).toBe('achieved');
    expect(goalOf(report, '2').outcome).toBe('partly');
    expect(goalOf(report, '3').outcome).toBe('notAchieved');
    const figures = goalOf(report, '1').figures;
    expect(figures.kind === 'measured' && figures.dueIsTarget).toBe(false);
    expect(figures.kind === 'measured' && Math.round(figures.dueValue ?? 0)).toBe(100);
  });

  it('counts only values reported by the day judged, and the stored value only when judged today', () => {
    const goal = measured('1', { due: '2026-12', measure: { unit: 'x', baseline: 0, target: 200, current: 250 } });
    const later = annualReport(snap([goal], [checkIn('1', '2026-06-01', 60), checkIn('1', '2027-01-15', 250)]), { scope: 2026, today: '2027-02-01' });
    expect(goalOf(later, '1').figures).toMatchObject({ value: 60, valueDate: '2026-06-01' });
    expect(goalOf(later, '1').outcome).toBe('notAchieved');
    // No check-in with a value: the stored value (e.g. the roster's share) when the report is judged today.
    const now = annualReport(snap([goal]), { scope: 2026, today: '2026-12-10' });
    expect(goalOf(now, '1').figures).toMatchObject({ value: 250, valueDate: null });
    expect(goalOf(now, '1').outcome).toBe('achieved');
    const past = annualReport(snap([goal]), { scope: 2026, today: '2027-01-10' });
    expect(goalOf(past, '1').figures).toMatchObject({ value: null });
    expect(goalOf(past, '1').outcome).toBe('notAchieved');
  });

  it('takes a goal measured by the rollout from its stored value only', () => {
    const goal = measured('1', { due: '2026-12', rollout: { stepId: 'org365', roles: [] }, measure: { unit: '%', baseline: 0, target: 100, current: 80 } });
    const report = annualReport(snap([goal], [checkIn('1', '2026-11-01', 5)]), { scope: 2026, today: '2026-12-01' });
    expect(goalOf(report, '1').figures).toMatchObject({ value: 80 });
    expect(goalOf(report, '1').outcome).toBe('partly');
  });

  it('handles a target below the baseline (fewer is better)', () => {
    const goal = measured('1', { due: '2026-12', measure: { unit: '%', baseline: 10, target: 6, current: null } });
    const report = annualReport(snap([goal], [checkIn('1', '2026-12-01', 8)]), { scope: 2026, today: '2027-01-10' });
    expect(goalOf(report, '1').outcome).toBe('partly');
    expect(goalOf(report, '1').figures).toMatchObject({ fraction: 0.5 });
  });

  it('says nothing was due of a goal that starts after the year, and cannot judge one without a target', () => {
    const later = measured('1', { start: '2027-03-01' });
    const noTarget = measured('2', { measure: { unit: 'x', baseline: null, target: null, current: null } });
    const report = annualReport(snap([later, noTarget], [checkIn('2', '2026-04-01', 12)]), { scope: 2026, today: '2027-01-10' });
    expect(goalOf(report, '1').outcome).toBe('notDue');
    expect(goalOf(report, '2').outcome).toBe('noTarget');
    expect(goalOf(report, '2').figures).toMatchObject({ value: 12, target: null, dueValue: null });
  });
});

describe('the annual report: recurring goals', () => {
  it('counts occurrences held per year against those due', () => {
    const goals = [recurring('1', 4), recurring('2', 4), recurring('3', 4)];
    const report = annualReport(
      snap(goals, [
        ...['2026-03-01', '2026-06-01', '2026-09-01', '2026-12-01'].map((d) => checkIn('1', d)),
        checkIn('2', '2026-03-01'),
        checkIn('2', '2026-06-01', 1),
        checkIn('3', '2026-02-01'),
      ]),
      { scope: 2026, today: '2027-01-05' },
    );
    expect(goalOf(report, '1').outcome).toBe('achieved');
    expect(goalOf(report, '2').outcome).toBe('partly');
    expect(goalOf(report, '3').outcome).toBe('notAchieved');
    expect(goalOf(report, '2').figures).toMatchObject({ kind: 'recurring', years: [{ year: 2026, held: 2, required: 4 }], held: 2, required: 4 });
  });

  it('asks for occurrences from the goal start only, and in the current year those due before today', () => {
    const fromJuly = recurring('1', 4, 'year', { start: '2026-07-01' });
    const monthly = recurring('2', 1, 'month');
    const report = annualReport(snap([fromJuly, monthly], [checkIn('1', '2026-08-01'), ...['2026-01-20', '2026-02-20', '2026-03-20'].map((d) => checkIn('2', d))]), {
      scope: 2026,
      today: '2026-04-30',
    });
    // By 30 April nothing of the July goal was due, one held all the same; the monthly one: January to March (April's is due today).
    expect(goalOf(report, '1').figures).toMatchObject({ held: 0, required: 0 });
    expect(goalOf(report, '1').outcome).toBe('notDue');
    expect(goalOf(report, '2').figures).toMatchObject({ held: 3, required: 3 });
    expect(goalOf(report, '2').outcome).toBe('achieved');
  });

  it('gives the whole period year by year', () => {
    const goal = recurring('1', 2);
    const report = annualReport(snap([goal], [checkIn('1', '2026-05-01'), checkIn('1', '2026-11-01'), checkIn('1', '2027-05-01')]), { scope: 'period', today: '2028-01-02' });
    expect(goalOf(report, '1').figures).toMatchObject({
      years: [
        { year: 2026, held: 2, required: 2 },
        { year: 2027, held: 1, required: 2 },
      ],
      held: 3,
      required: 4,
    });
    expect(goalOf(report, '1').outcome).toBe('partly');
  });
});

describe('the annual report: milestones and the board', () => {
  it('judges a milestone done or not by the end, and not yet due before its deadline', () => {
    const goals = [makeGoal('1', { due: '2026-09' }), makeGoal('2', { due: '2026-09' }), makeGoal('3', { due: '2027-06' }), makeGoal('4', { due: '2026-09' })];
    const report = annualReport(snap(goals, [checkIn('1', '2026-08-20', 1), checkIn('3', '2026-10-01'), checkIn('4', '2027-01-03', 1)]), { scope: 2026, today: '2027-02-01' });
    expect(goalOf(report, '1').outcome).toBe('achieved');
    expect(goalOf(report, '1').figures).toMatchObject({ done: true, doneOn: '2026-08-20' });
    expect(goalOf(report, '2').outcome).toBe('notAchieved');
    expect(goalOf(report, '3').outcome).toBe('notDue');
    expect(goalOf(report, '3').figures).toMatchObject({ underWay: true, deadline: '2027-06-30' });
    // Done in January 2027: not in the 2026 report.
    expect(goalOf(report, '4').outcome).toBe('notAchieved');
  });

  it('counts a status "done" set by the board from the day it was set', () => {
    const setInYear = makeGoal('1', { due: '2026-06', status: 'done', modified: '2026-06-20T10:00:00Z' });
    const setLater = makeGoal('2', { due: '2026-06', status: 'done', modified: '2027-01-20T10:00:00Z' });
    const measuredSet = measured('3', { status: 'done', modified: '2026-11-01T08:00:00Z' });
    const report = annualReport(snap([setInYear, setLater, measuredSet]), { scope: 2026, today: '2027-02-01' });
    expect(goalOf(report, '1')).toMatchObject({ outcome: 'achieved', boardDone: true });
    expect(goalOf(report, '1').figures).toMatchObject({ doneOn: '2026-06-20' });
    expect(goalOf(report, '2')).toMatchObject({ outcome: 'notAchieved', boardDone: false });
    expect(goalOf(report, '3')).toMatchObject({ outcome: 'achieved', boardDone: true });
  });

  it('leaves out goals added after the day judged, and counts outcomes per area and in all', () => {
    const added = makeGoal('1', { areaId: 'a2', created: '2027-02-01T10:00:00Z' });
    const done = makeGoal('2', { areaId: 'a2', due: '2026-05', created: '2026-01-10T10:00:00Z' });
    const open = makeGoal('3', { areaId: 'a1', due: '2026-05' });
    const report = annualReport(snap([added, done, open], [checkIn('2', '2026-04-01', 1)]), { scope: 2026, today: '2027-03-01' });
    expect(report.areas.map((a) => [a.area?.id, a.goals.map((g) => g.goal.id)])).toEqual([
      ['a1', ['3']],
      ['a2', ['2']],
    ]);
    expect(report.areas[1]?.counts).toMatchObject({ achieved: 1, notAchieved: 0 });
    expect(report.counts).toEqual({ achieved: 1, partly: 0, notAchieved: 1, notDue: 0, noTarget: 0 });
  });

  it('gives the comments of the year that explain the figures, newest first, at most N', () => {
    const goal = measured('1', { due: '2026-12' });
    const report = annualReport(
      snap(
        [goal],
        [
          checkIn('1', '2025-12-20', 5, 'før perioden'),
          checkIn('1', '2026-02-01', 20, 'verva på arbeidsplassmøte'),
          checkIn('1', '2026-05-01', 60, '   '),
          checkIn('1', '2026-09-01', 90, 'stand på torget'),
          checkIn('1', '2026-11-01', 120, 'kampanje i haust'),
          checkIn('1', '2026-11-01', 130, 'etterregistrert'),
          checkIn('1', '2027-01-05', 150, 'neste år'),
        ],
      ),
      { scope: 2026, today: '2027-02-01', commentsPerGoal: 3 },
    );
    expect(goalOf(report, '1').comments.map((c) => c.comment)).toEqual(['etterregistrert', 'kampanje i haust', 'stand på torget']);
    expect(annualReport(snap([goal], [checkIn('1', '2026-02-01', 1, 'a')]), { scope: 2026, today: '2027-02-01', commentsPerGoal: 0 }).areas[0]?.goals[0]?.comments).toEqual([]);
  });
});

describe('report files', () => {
  it('makes a name SharePoint takes', () => {
    expect(safeFileName('Styrerapport 2026-12-03.docx')).toBe('Styrerapport 2026-12-03.docx');
    expect(safeFileName(' Årsmelding: "Fagforbundet" 2026/2027?.docx ')).toBe('Årsmelding- -Fagforbundet- 2026-2027-.docx');
    expect(safeFileName('~$lock.docx')).toBe('lock.docx');
    expect(safeFileName('...')).toBe('report');
  });

  it('finds the day of the newest board report among the folder files, in any language', () => {
    const files = [
      { name: 'Styrerapport 2026-10-01.docx', lastModified: '2026-10-01T10:00:00Z' },
      { name: 'Board report 2026-11-05.docx', lastModified: '2026-11-05T10:00:00Z' },
      { name: 'Styrerapport 2026-09-01 (1).docx', lastModified: '2026-12-01T10:00:00Z' },
      { name: 'Årsmelding 2026.docx', lastModified: '2026-12-20T10:00:00Z' },
      { name: 'Styrerapport 2026-12-24.pdf', lastModified: '2026-12-24T10:00:00Z' },
      { name: 'Referat.docx', lastModified: '2026-12-22T10:00:00Z' },
    ];
    expect(lastBoardReportDay(files, ['Styrerapport', 'Board report'])).toBe('2026-11-05');
    expect(lastBoardReportDay([{ name: 'styrerapport mars.docx', lastModified: '2026-03-10T09:00:00Z' }], ['Styrerapport'])).toBe('2026-03-10');
    expect(lastBoardReportDay(files, ['Board minutes'])).toBeNull();
    expect(lastBoardReportDay([], ['Styrerapport'])).toBeNull();
  });
});
