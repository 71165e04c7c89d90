/**
 * Seeds each demo team's plan into its site's lists through the app's own data layer
 * (src/adapters/sharepoint), from the sample plans' expected import results
 * (fixtures/plans/*.truth.json). Owners are spread over the team, and a year of check-ins is
 * added so that progress and status have something to show, each made with its owner's own token
 * (SharePoint records the author from the token, as the app reads it). Every fifth goal has two owners.
 * The reminder channel's Workflows webhook URL is stored as the board would paste it in Settings.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { SharePointChannelWebhooks } from '../../src/adapters/sharepoint/channel-webhooks';
import { SharePointPlanRepository } from '../../src/adapters/sharepoint/plan-repository';
import { mapBounded } from '../../src/graph/client';
import type { PlanDraft } from '../../src/import/draft';
import { draftToPlan } from '../../src/import/to-plan';
import type { LocalGoal, PersonRef } from '../../src/domain/plan';
import { graphClientAs, sharePointRestAs, type EmulatorEndpoint } from '../app-client';
import { createPrng } from '../core/prng';
import { webhookUrl } from '../messaging/workflows-webhook';
import { seedTeamRoster } from './demo-rosters';
import { DEMO_PEOPLE, DEMO_REMINDER_CHANNEL_NAME, DEMO_TEAMS, demoPerson, type DemoTeam } from './demo-tenant';

const FIXTURES = fileURLToPath(new URL('../../fixtures/plans/', import.meta.url));

export const ADOPTED: Record<string, string> = { alver: '2026-02-19', 'sor-varanger': '2026-02-12', asker: '2026-03-05' };

function personRef(upn: string): PersonRef {
  const person = demoPerson(upn);
  return { id: person.id, displayName: person.displayName, email: person.mail };
}

/** The demo team's Workflows webhook URL on this emulator: `<origin>/webhooks/workflows/<id>` (messaging/workflows-webhook.ts). */
export function demoWebhookUrl(emulator: EmulatorEndpoint, team: DemoTeam): string {
  return webhookUrl(new URL(emulator.graphUrl).origin, { id: team.workflowWebhookId });
}

export async function seedTeamPlan(emulator: EmulatorEndpoint, team: DemoTeam, today = new Date().toISOString().slice(0, 10)): Promise<void> {
  const draft = JSON.parse(await readFile(`${FIXTURES}${team.planKey}.truth.json`, 'utf8')) as PlanDraft;
  const board = team.owners[0];
  if (!board) throw new Error(`Team ${team.displayName} has no owner`);
  const graph = graphClientAs(emulator, board);
  const repo = new SharePointPlanRepository(graph, team.id);
  await repo.provision();

  const people = [...team.owners, ...team.members];
  const random = createPrng(team.planKey.length * 7919 + people.length);
  const entities = draftToPlan(draft, {
    fallbackUnion: team.displayName,
    fallbackPeriod: { from: 2026, to: 2027 },
    adoptedDate: ADOPTED[team.planKey] ?? null,
    ownersFor: (areaIndex, goalIndex) => {
      const first = (areaIndex * 3 + goalIndex) % people.length;
      const owners = [personRef(people[first] as string)];
      // A board often gives a goal to two people.
      if ((areaIndex + goalIndex) % 5 === 0) owners.push(personRef(people[(first + 1) % people.length] as string));
      return owners;
    },
  });

  // Reminders go to the team's 'Påminnelser' channel from the start, so the demo needs no setup.
  const plan = await repo.createPlan({ ...entities.plan, reminderChannelId: team.reminderChannelId, reminderChannelName: DEMO_REMINDER_CHANNEL_NAME });
  // ... and the runner can post there through the channel's Workflows webhook (`npm run remind -- --via
  // webhook`). The URL is absolute, on the origin this emulator answers on now (`npm start` keeps it
  // on port 4010 with its data; tests seed a fresh tenant on each start), as a real one is; the list
  // is made the board's alone before the URL is written (SharePointChannelWebhooks with SharePoint REST).
  const webhooks = new SharePointChannelWebhooks(graph, team.id, undefined, { sharePoint: sharePointRestAs(emulator, board) });
  await webhooks.set(team.reminderChannelId, DEMO_REMINDER_CHANNEL_NAME, demoWebhookUrl(emulator, team));
  await mapBounded(entities.situation, 4, (row) => repo.createSituationRow({ ...row, planId: plan.id }));
  const goals: LocalGoal[] = [];
  for (const { area, goals: areaGoals } of entities.areas) {
    const created = await repo.createArea({ ...area, planId: plan.id });
    goals.push(...(await mapBounded(areaGoals, 4, (goal) => repo.createGoal({ ...goal, planId: plan.id, areaId: created.id }))));
  }

  // A year of reporting: recurring goals get occurrences, measured goals a value or two.
  // Each check-in is made by the goal's first owner (or the board, for a goal without owners).
  const checkIns: Array<{ author: string; checkIn: Parameters<typeof repo.addCheckIn>[0] }> = [];
  const upnOf = new Map(DEMO_PEOPLE.map((p) => [p.id, p.userPrincipalName]));
  for (const goal of goals) {
    const author = upnOf.get(goal.owners[0]?.id ?? '') ?? board;
    const roll = random();
    if (goal.kind === 'recurring' && goal.recurrence) {
      const perYear = goal.recurrence.per === 'year' ? goal.recurrence.count : goal.recurrence.count * 12;
      const done = Math.round(perYear * (0.4 + roll * 0.6) * 0.85);
      for (let i = 0; i < done; i++) {
        const day = 10 + Math.floor((i * 320) / Math.max(1, done));
        const date = new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10);
        if (date <= today) checkIns.push({ author, checkIn: { planId: plan.id, goalId: goal.id, date, value: 1, comment: '', clientId: `seed-${goal.id}-${i}` } });
      }
    } else if (goal.kind === 'measured' && goal.measure?.target) {
      const target = goal.measure.target;
      const share = roll < 0.2 ? 0.15 : roll < 0.8 ? 0.5 + roll * 0.3 : 1;
      const mid = Math.round(target * share * 0.5 * 10) / 10;
      const last = Math.round(target * share * 10) / 10;
      checkIns.push({ author, checkIn: { planId: plan.id, goalId: goal.id, date: '2026-05-20', value: mid, comment: 'Status før sommaren', clientId: `seed-${goal.id}-mid` } });
      if ('2026-10-15' <= today) checkIns.push({ author, checkIn: { planId: plan.id, goalId: goal.id, date: '2026-10-15', value: last, comment: 'Rapport til styremøtet', clientId: `seed-${goal.id}-last` } });
    } else if (goal.kind === 'milestone' && roll > 0.55) {
      checkIns.push({ author, checkIn: { planId: plan.id, goalId: goal.id, date: '2026-09-01', value: null, comment: 'Arbeidet er i gang.', clientId: `seed-${goal.id}-ms` } });
    }
  }
  const repos = new Map<string, SharePointPlanRepository>([[board, repo]]);
  const repoOf = (upn: string): SharePointPlanRepository => {
    let found = repos.get(upn);
    if (!found) {
      found = new SharePointPlanRepository(graphClientAs(emulator, upn), team.id);
      repos.set(upn, found);
    }
    return found;
  };
  await mapBounded(checkIns, 4, ({ author, checkIn }) => repoOf(author).addCheckIn(checkIn));
  const latest = new Map<string, number>();
  for (const { checkIn: c } of checkIns) if (c.value !== null) latest.set(c.goalId, c.value);
  await mapBounded(
    goals.filter((g) => g.kind === 'measured' && latest.has(g.id) && g.measure),
    4,
    (g) => repo.updateGoal(g.id, { measure: { ...(g.measure as NonNullable<LocalGoal['measure']>), current: latest.get(g.id) ?? null } }),
  );
}

/** Seeds every demo team's plan and roster of representatives. Passed to startEmulator as `onFreshSeed`. */
export async function seedDemoPlans(emulator: EmulatorEndpoint): Promise<void> {
  for (const team of DEMO_TEAMS) {
    await seedTeamPlan(emulator, team);
    await seedTeamRoster(emulator, team);
  }
}
