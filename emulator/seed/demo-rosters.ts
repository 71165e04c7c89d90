/**
 * Seeds each demo team's roster of representatives (issue 13) through the app's own data layer
 * (src/adapters/sharepoint/roster-repository.ts), as a board would build it: the team's people by
 * the addresses the board has for them (mostly their mail, which is not their sign-in name; the
 * user without a mailbox by sign-in name; the guest by their own address), the representatives with
 * an account who are not in the team yet, and representatives without an account (private
 * addresses). Training steps are ticked by the board over 2026 and one representative confirmed a
 * step herself; the days the account steps were first seen are spread over the year, so that the
 * rollout over time has a history. The plan's goals that speak of Org365, Teams or KL*AR are
 * measured by the step the importer would suggest.
 */
import { SharePointPlanRepository } from '../../src/adapters/sharepoint/plan-repository';
import { SharePointRosterRepository } from '../../src/adapters/sharepoint/roster-repository';
import { seenValue } from '../../src/adapters/sharepoint/roster-mappers';
import { GraphDirectory } from '../../src/adapters/teams/graph-directory';
import { mapBounded } from '../../src/graph/client';
import type { RepRole, TariffArea } from '../../src/domain/plan';
import { measuredGoalUpdates, suggestRolloutMeasure } from '../../src/domain/roster';
import type { NewRepresentative } from '../../src/domain/roster-port';
import { graphClientAs, type EmulatorEndpoint } from '../app-client';
import { createPrng } from '../core/prng';
import { demoPerson, type DemoTeam } from './demo-tenant';

/** People the demo unions know as representatives but who have no account in the tenant yet. */
const WITHOUT_ACCOUNT: Readonly<Record<string, ReadonlyArray<readonly [string, RepRole, TariffArea | null, string]>>> = {
  alver: [
    ['Gunnhild Tveiterås', 'ptv', 'KS', 'Alver sjukeheim'],
    ['Håkon Sæbø', 'safety', 'KS', 'Knarvik barnehage'],
    ['Berit Rossland', 'ptv', 'Spekter', 'Haraldsplass'],
    ['Arne Fjeldstad', 'ptv', 'NHO', 'Alver Renhold AS'],
  ],
  'sor-varanger': [
    ['Laila Haugen', 'ptv', 'KS', 'Kirkenes omsorgssenter'],
    ['Stian Mikalsen', 'safety', 'KS', 'Sør-Varanger kommune, teknisk'],
    ['Mette Johnsen', 'ptv', 'Spekter', 'Kirkenes sykehus'],
  ],
  asker: [
    ['Fatima Rahimi', 'ptv', 'KS', 'Asker sykehjem'],
    ['Ole-Martin Skaug', 'ktv', 'NHO', 'Asker Vaskeri AS'],
    ['Ingvild Aas', 'safety', 'KS', 'Heggedal skole'],
    ['Yusuf Demir', 'ptv', 'Stat', 'NAV Asker'],
    ['Tone Halvorsen', 'other', null, 'Vollen barnehage'],
  ],
};

const AREAS: ReadonlyArray<TariffArea | null> = ['KS', 'KS', 'KS', 'Spekter', 'KS', 'NHO', 'Stat', null];

function roleOf(jobTitle: string): RepRole {
  if (/\(HTV\)/.test(jobTitle)) return 'htv';
  if (/\(KTV\)/.test(jobTitle)) return 'ktv';
  if (/\(PTV\)/.test(jobTitle)) return 'ptv';
  return 'board';
}

const asciiLocal = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');

/** The representatives as the board of the team knows them. */
export function demoRoster(team: DemoTeam): NewRepresentative[] {
  const inTeam = [...team.owners, ...team.members].map((upn, i): NewRepresentative => {
    const p = demoPerson(upn);
    // The board has the address people gave them: their mail, or the sign-in name of a user without one.
    return { name: p.displayName, email: p.mail ?? p.userPrincipalName, role: roleOf(p.jobTitle), area: AREAS[i % AREAS.length] ?? null, workplace: p.officeLocation };
  });
  const notYet = team.notInTeam.map((upn, i): NewRepresentative => {
    const p = demoPerson(upn);
    // A private address the board was given: the account exists, but this address does not find it.
    const email = p.otherMails?.[0] ?? p.mail ?? p.userPrincipalName;
    return { name: p.displayName, email, role: roleOf(p.jobTitle), area: AREAS[(i + 3) % AREAS.length] ?? null, workplace: p.officeLocation };
  });
  const none = (WITHOUT_ACCOUNT[team.planKey] ?? []).map(([name, role, area, workplace]): NewRepresentative => ({ name, email: `${asciiLocal(name)}@privat.example`, role, area, workplace }));
  return [...inTeam, ...notYet, ...none];
}

const dayOf = (month: number, day: number) => `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export async function seedTeamRoster(emulator: EmulatorEndpoint, team: DemoTeam, today = new Date().toISOString().slice(0, 10)): Promise<void> {
  const board = team.owners[0];
  if (!board) throw new Error(`Team ${team.displayName} has no owner`);
  const graph = graphClientAs(emulator, board);
  const roster = new SharePointRosterRepository(graph, team.id, new GraphDirectory(graph));
  const random = createPrng(team.planKey.length * 104729);
  await mapBounded(demoRoster(team), 4, (rep) => roster.add({ ...rep, clientId: `seed-roster-${team.planKey}-${rep.email}` }));
  let snapshot = await roster.refresh(today, { write: true });

  // The board's ticks over the year, and the days the tenant steps were first seen spread out.
  // Days from February up to the month before today's (all of 2026 once the year is over).
  const lastMonth = Math.max(3, Math.min(12, today.startsWith('2026') ? Number(today.slice(5, 7)) : 12));
  const listed = await graph.get<{ id: string }>(`/groups/${team.id}/sites/root?$select=id`);
  const lists = await graph.get<{ value: Array<{ id: string; displayName: string }> }>(`/sites/${listed.id}/lists?$select=id,displayName`);
  const rosterList = lists.value.find((l) => l.displayName === 'Tillitsvalgte');
  await mapBounded(snapshot.reps, 4, async (rep) => {
    let current = rep;
    for (const [stepId, share] of [['teamsTraining', 0.6], ['klarAccess', 0.5], ['klarTraining', 0.35]] as const) {
      // Ola Nesse (a steward in Alver) has not done his KL*AR training yet: he confirms it himself in the demo.
      if (rep.email === 'ola.nesse@org365.example' && stepId === 'klarTraining') continue;
      if (rep.entraId === null || random() > share) continue;
      current = await roster.setMark(current, stepId, { on: dayOf(2 + Math.floor(random() * (lastMonth - 2)), 1 + Math.floor(random() * 27)), by: 'board' });
    }
    if (rosterList && Object.keys(rep.seen).length > 0) {
      const first = 2 + Math.floor(random() * (lastMonth - 2));
      const seen = Object.fromEntries(Object.keys(rep.seen).map((stepId, i) => [stepId, dayOf(Math.min(lastMonth, first + i), 5 + i)]));
      await graph.patch(`/sites/${listed.id}/lists/${rosterList.id}/items/${encodeURIComponent(rep.id)}/fields`, { StepsSeen: seenValue(seen) });
    }
  });

  // A steward confirmed her Teams course herself.
  snapshot = await roster.refresh(today);
  const unmarked = new Set(snapshot.reps.filter((r) => r.entraId !== null && !r.marks.teamsTraining).map((r) => r.entraId));
  const self = team.members.map((upn) => demoPerson(upn)).find((p) => unmarked.has(p.id) && p.userPrincipalName !== 'ola.nesse@org365.example');
  if (self) await new SharePointRosterRepository(graphClientAs(emulator, self.userPrincipalName), team.id, new GraphDirectory(graphClientAs(emulator, self.userPrincipalName))).confirmOwn('teamsTraining', dayOf(Math.max(2, lastMonth - 1), 12));

  // The plan's goals about Org365, Teams or KL*AR are measured by the roster.
  const repo = new SharePointPlanRepository(graph, team.id);
  const plan = await repo.load();
  if (!plan) return;
  for (const goal of plan.goals) {
    const rollout = goal.kind === 'recurring' ? null : suggestRolloutMeasure(goal.text);
    if (rollout) await repo.updateGoal(goal.id, { rollout, kind: 'measured', measure: { unit: '%', baseline: 0, target: 100, current: null } });
  }
  snapshot = await roster.refresh(today, { write: true });
  const reloaded = await repo.load();
  if (reloaded) await repo.updateGoals(measuredGoalUpdates(reloaded.goals, snapshot.reps, snapshot.steps, snapshot.facts));
}
