/**
 * The bench's `remindNational` (bench/lib/remind-national.ts): the plans it seeds make as many
 * reminders due on its day as it says (by the reminder rules, with the default settings and an
 * empty ledger), and its figures count errors and requests as they claim.
 */
import { describe, expect, it } from 'vitest';
import { NATIONAL_GOALS, NATIONAL_NOW, nationalDue, nearDeadlines, remindNationalFigures, type NationalRun } from '../../bench/lib/remind-national';
import { DEMO_TEAMS } from '../../emulator/seed/demo-tenant';
import { syntheticAreas } from '../../emulator/seed/synthetic-plans';
import type { LocalGoal } from '../../src/domain/plan';
import { DEFAULT_REMINDER_SETTINGS, planReminderRun } from '../../src/domain/reminders';
import type { RemindSummary, TeamSummary } from '../../src/runner/remind';

/** The i-th union's goals as the importer stores them (ids and areas aside). */
function goalsOf(index: number): LocalGoal[] {
  const team = DEMO_TEAMS[index % DEMO_TEAMS.length] as (typeof DEMO_TEAMS)[number];
  return syntheticAreas(team, NATIONAL_GOALS, nationalDue(index)).flatMap(({ area, goals }) =>
    goals.map((g, i) => ({ ...g, id: `${area.number}-${i}`, planId: '1', areaId: String(area.number), created: '2026-12-04T10:00:00Z' })),
  );
}

describe('remindNational: the seeded plans', () => {
  it('make 0 to 5 reminders due on the run day, one per near deadline, more than three as one digest', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(nearDeadlines)).toEqual([0, 1, 2, 3, 4, 5, 0, 1]);
    for (let i = 0; i < 6; i++) {
      const goals = goalsOf(i);
      expect(goals).toHaveLength(NATIONAL_GOALS);
      expect(goals.filter((g) => g.due !== null)).toHaveLength(NATIONAL_GOALS / 4);
      const run = planReminderRun(
        { plan: { periodFrom: 2027, periodTo: 2028 }, goals, checkIns: [], settings: DEFAULT_REMINDER_SETTINGS, sent: new Set() },
        new Date(NATIONAL_NOW),
      );
      expect(run.open, `union ${i}`).toBe(true);
      const reminders = run.posts.flatMap((p) => (p.kind === 'goal' ? [p.goal] : p.goals)).flatMap((g) => g.reminders);
      expect(reminders, `union ${i}`).toHaveLength(nearDeadlines(i));
      expect(reminders.every((r) => r.rule === 'deadline')).toBe(true);
      expect(run.posts, `union ${i}`).toHaveLength(i > 3 ? 1 : i);
    }
  });
});

describe('remindNational: figures', () => {
  const team = (status: TeamSummary['status'], reminders = 0): TeamSummary => ({
    teamId: status,
    teamName: status,
    channelId: null,
    via: 'bot',
    status,
    posted: reminders > 0 ? 1 : 0,
    reminders,
    skipped: 0,
    recovered: 0,
    failed: status === 'failed' ? [{ goalIds: ['1'], error: 'refused' }] : [],
    problem: status === 'skipped' ? 'The team has no plan yet.' : null,
    planner: null,
  });
  const run = (teams: TeamSummary[], unions = 4): NationalRun => {
    const summary: RemindSummary = {
      now: NATIONAL_NOW,
      via: 'bot',
      dryRun: false,
      posted: teams.reduce((n, t) => n + t.posted, 0),
      reminders: teams.reduce((n, t) => n + t.reminders, 0),
      skipped: 0,
      failed: teams.filter((t) => t.status === 'failed').length,
      teams,
    };
    return {
      unions,
      seedSeconds: 2,
      expected: { reminders: 3, posts: 2 },
      code: summary.failed > 0 ? 1 : 0,
      summary,
      wallMs: 1500,
      peakRss: { mb: 200, source: 'VmHWM' },
      requests: { outer: 50, inner: 70, byService: { graph: 44, bot: 4, token: 2 }, throttled: 0, failed: 0 },
      stderr: '',
    };
  };
  const value = (figures: ReturnType<typeof remindNationalFigures>, name: string) => figures.find((f) => f.name.endsWith(name));

  it('a clean run: no errors, every reminder posted, requests per union', () => {
    const figures = remindNationalFigures(run([team('sent', 2), team('sent', 1), team('nothingDue'), team('nothingDue')]));
    expect(value(figures, 'errors')).toMatchObject({ value: 0, met: true });
    expect(value(figures, 'reminders posted')).toMatchObject({ value: 3, met: true });
    expect(value(figures, 'requests per union (a $batch counts once)')).toMatchObject({ value: 12.5, note: '50 in all: bot 1, graph 11, token 0.5' });
    expect(value(figures, 'requests inside $batch per union')?.value).toBe(17.5);
    expect(value(figures, '(its own process, VmHWM)')).toMatchObject({ value: 200, met: true });
    expect(figures.find((f) => f.name.includes('wall time'))).toMatchObject({ value: 1.5, target: 12, met: true });
    expect(figures.every((f) => f.group === 'remindNational' && f.name.startsWith('4 unions × 60 goals: '))).toBe(true);
  });

  it('counts a failed team, a skipped team and a union not visited as errors, and reminders missing as a miss', () => {
    const figures = remindNationalFigures(run([team('sent', 1), team('failed'), team('skipped')], 4));
    expect(value(figures, 'errors')).toMatchObject({ value: 3, met: false });
    expect(value(figures, 'reminders posted')).toMatchObject({ value: 1, met: false });
  });

  it('a runner that printed nothing: every union an error, no time or memory figure', () => {
    const figures = remindNationalFigures({ ...run([]), summary: null, code: 1, wallMs: null, peakRss: null, stderr: 'remind failed: boom' });
    expect(value(figures, 'errors')).toMatchObject({ value: 4, met: false, note: 'exit 1; remind failed: boom' });
    expect(figures.some((f) => f.name.includes('wall time') || f.name.includes('memory'))).toBe(false);
  });
});
