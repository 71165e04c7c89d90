/**
 * `npm run remind` (issue 12): the unattended runner on the app's own identity against the
 * emulator — app-only Graph (client credentials, Sites.Selected, the app's resource-specific
 * permissions), the bot through the Bot Connector, the channel's Workflows webhook — posting each
 * reminder once: reruns, two runners at once, throttling and lost answers.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatcherFor, graphClientAs } from '../../emulator/app-client';
import { seedTeamPlan } from '../../emulator/seed/demo-plans';
import { seedTeamRoster } from '../../emulator/seed/demo-rosters';
import { DEMO_BOT_APP_ID, DEMO_TENANT_ID, DEMO_TEAMS, WORKFLOWS_APP, demoPerson } from '../../emulator/seed/demo-tenant';
import type { RunningEmulator } from '../../emulator/server';
import { SharePointReminderLedger } from '../../src/adapters/sharepoint/reminder-ledger';
import { messagesPath } from '../../src/adapters/teams/channel-poster';
import type { LocalGoal, PlanSnapshot } from '../../src/domain/plan';
import { SharePointRosterRepository } from '../../src/adapters/sharepoint/roster-repository';
import { GraphDirectory } from '../../src/adapters/teams/graph-directory';
import { rolloutProgress } from '../../src/domain/roster';
import { runRemind, type RemindSummary } from '../../src/runner/remind';
import { DEV_TEAMS_APP_ID } from '../../scripts/dev-stack';
import { arrangeDueGoals, clearReminderLedger, fetchTrusting, loadPlan, REMINDER_DAY } from './reminder-fixtures';
import { emulator, repoAs, team } from './support';

let emu: RunningEmulator;
const alver = team('alver');
const boardUpn = alver.owners[0] as string;
const channel = { teamId: alver.id, channelId: alver.reminderChannelId };
/** Tuesday 9 March 2027, 09:00 in Oslo. */
const NOW = REMINDER_DAY.toISOString();

interface ChannelMessage {
  id: string;
  from?: { application?: { id?: string; displayName?: string } | null } | null;
  attachments?: Array<{ content?: string | null }>;
}

let fetchWithCa: typeof fetch;

/** A fetch that loses the answer of the first `n` requests matching `pattern` (the request is handled; the answer never arrives). */
function losing(pattern: RegExp, n: number): { fetch: typeof fetch; lost: () => number } {
  let lost = 0;
  const lossy = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const response = await fetchWithCa(input, init);
    if (pattern.test(url) && (init?.method ?? 'GET') === 'POST' && lost < n) {
      lost++;
      await response.arrayBuffer();
      throw new TypeError('fetch failed: the connection was reset');
    }
    return response;
  }) as typeof fetch;
  return { fetch: lossy, lost: () => lost };
}

async function run(extra: string[], options: { fetch?: typeof fetch } = {}): Promise<{ code: number; summary: RemindSummary | null; err: string }> {
  let out = '';
  let err = '';
  const code = await runRemind(['--graph', emu.graphUrl, '--now', NOW, '--json', '--teams-per-minute', '0', ...extra], {
    out: (s) => (out += s),
    err: (s) => (err += `${s}\n`),
    env: {},
    fetch: options.fetch ?? fetchWithCa,
    fetchOptions: { dispatcher: dispatcherFor(emu.ca) },
    emulator: { clientId: DEMO_BOT_APP_ID, tenantId: DEMO_TENANT_ID, appId: DEV_TEAMS_APP_ID },
    retryDelaySeconds: 0.05,
  });
  return { code, summary: out ? (JSON.parse(out) as RemindSummary) : null, err };
}

async function messages(): Promise<ChannelMessage[]> {
  return graphClientAs(emu, boardUpn).getAll<ChannelMessage>(`${messagesPath(channel)}?$top=50`);
}

/** Markers of reminder cards in the channel, one per message carrying it. */
async function markers(): Promise<string[]> {
  return (await messages()).flatMap((m) => (m.attachments ?? []).flatMap((a) => [...(a.content ?? '').matchAll(/"id":"(hp-[0-9a-f]{16})"/g)].map((x) => x[1] as string)));
}

const load = (): Promise<PlanSnapshot> => loadPlan(emu, alver);

function dupes(list: readonly string[]): string[] {
  return list.filter((m, i) => list.indexOf(m) !== i);
}

beforeAll(async () => {
  // The Bot Connector throttles this bot at two sends a second per channel (Teams allows 7): every
  // run of three cards meets a 429 and must wait it out without posting twice.
  emu = await emulator({ botRateLimit: { windows: [{ seconds: 1, limit: 2 }] } });
  fetchWithCa = fetchTrusting(emu);
  await seedTeamPlan(emu, alver, '2027-03-01');
  // One card per goal (no digest), so each run posts three messages.
  await arrangeDueGoals(emu, alver, { digest: 'off' });
}, 120_000);
afterAll(async () => {
  await emu?.close();
});
beforeEach(async () => {
  emu.setFaults({});
  await clearReminderLedger(emu, alver);
});

describe('npm run remind through the bot', () => {
  it('posts what is due as the bot, once, however often it runs', async () => {
    const before = await markers();
    const first = await run(['--team', alver.id]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const t = first.summary?.teams[0];
    expect(t).toMatchObject({ teamId: alver.id, channelId: channel.channelId, via: 'bot', status: 'sent', failed: [], problem: null });
    expect(t?.posted).toBe(3);
    expect(t?.reminders).toBe(3);
    const posted = (await messages()).slice(0, 3);
    expect(posted.map((m) => m.from?.application?.id)).toEqual([DEMO_BOT_APP_ID, DEMO_BOT_APP_ID, DEMO_BOT_APP_ID]);

    const throttled = emu.requestLog().filter((e) => e.path.startsWith('/botframework/') && e.status === 429);
    expect(throttled.length).toBeGreaterThan(0);

    const again = await run(['--team', alver.id]);
    expect(again.code).toBe(0);
    expect(again.summary?.teams[0]).toMatchObject({ status: 'nothingDue', posted: 0 });
    const after = await markers();
    expect(after.length - before.length).toBe(3);
    expect(dupes(after)).toEqual([]);
  });

  it('finds the team by its name, and lists what it would post on a dry run without posting', async () => {
    const before = (await messages()).length;
    const dry = await run(['--team', alver.displayName.toUpperCase(), '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.summary).toMatchObject({ dryRun: true, posted: 3, reminders: 3 });
    expect(dry.summary?.teams[0]?.preview).toHaveLength(3);
    expect((await messages()).length).toBe(before);
    const ledger = new SharePointReminderLedger(graphClientAs(emu, boardUpn), alver.id);
    expect(await ledger.entries((await load()).plan.id)).toEqual([]);
  });

  it('two runners at the same time post each reminder once', async () => {
    const before = await markers();
    const [a, b] = await Promise.all([run(['--team', alver.id]), run(['--team', alver.id])]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect((a.summary?.reminders ?? 0) + (b.summary?.reminders ?? 0)).toBe(3);
    // A reminder the other run claimed first is skipped, or, when that run had already sent it as
    // this one read the ledger, not due at all: how many of each depends on how the runs interleave.
    expect((a.summary?.skipped ?? 0) + (b.summary?.skipped ?? 0)).toBeLessThanOrEqual(3);
    const after = await markers();
    expect(after.length - before.length).toBe(3);
    expect(dupes(after)).toEqual([]);
  });

  it('a post whose answer was lost is found in the channel, not posted again', async () => {
    const before = await markers();
    const lossy = losing(/\/botframework\/v3\/conversations$/, 2);
    const result = await run(['--team', alver.id], { fetch: lossy.fetch });
    expect(lossy.lost()).toBe(2);
    expect(result.code).toBe(0);
    expect(result.summary?.reminders).toBe(3);
    const after = await markers();
    expect(after.length - before.length).toBe(3);
    expect(dupes(after)).toEqual([]);
  });

  it('claims whose answers were lost (Graph) and throttled ledger writes still give one post per reminder', async () => {
    const before = await markers();
    emu.setFaults({ failureRate: 0.5, commit: 'after', failureStatuses: [504, 0], pathPattern: '/lists/[^/]+/items', methods: ['POST', 'PATCH'], randomSeed: 7 });
    const result = await run(['--team', alver.id]);
    emu.setFaults({});
    expect(result.code).toBe(0);
    expect(result.summary?.reminders).toBe(3);
    const after = await markers();
    expect(after.length - before.length).toBe(3);
    expect(dupes(after)).toEqual([]);
  });
});

describe('npm run remind through the Workflows webhook', () => {
  it('posts the 1.4 card through the channel webhook the board stored, once', async () => {
    const before = await markers();
    const result = await run(['--team', alver.id, '--via', 'webhook']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.summary?.teams[0]).toMatchObject({ via: 'webhook', status: 'sent', posted: 3 });
    const posted = (await messages()).slice(0, 3);
    expect(posted.map((m) => m.from?.application?.id)).toEqual([WORKFLOWS_APP.id, WORKFLOWS_APP.id, WORKFLOWS_APP.id]);
    expect(posted.every((m) => (m.attachments?.[0]?.content ?? '').includes('"version":"1.4"'))).toBe(true);
    const again = await run(['--team', alver.id, '--via', 'webhook']);
    expect(again.summary?.posted).toBe(0);
    expect((await markers()).length - before.length).toBe(3);
  });
});

describe('npm run remind over every team that installed the app', () => {
  it('visits the teams with the app, and says why a team had nothing to post', async () => {
    emu.clearLog();
    const result = await run([]);
    // Which teams installed the app is asked in one $batch, not a request per team.
    const installed = emu.requestLog().filter((e) => e.path.includes('/installedApps'));
    expect(installed.length).toBe(DEMO_TEAMS.length);
    expect(installed.every((e) => e.batchId !== undefined)).toBe(true);
    const ids = result.summary?.teams.map((t) => t.teamId) ?? [];
    expect(ids).toContain(alver.id);
    expect(ids.length).toBe(DEMO_TEAMS.length);
    for (const t of result.summary?.teams ?? []) {
      if (t.teamId === alver.id) expect(t.status).toBe('sent');
      else expect(['skipped', 'nothingDue', 'sent']).toContain(t.status);
    }
  });
});

describe('npm run remind keeps the Org365 rollout current', () => {
  it('stores what the tenant says about the roster and moves the goals it measures, on the app’s own identity', async () => {
    await seedTeamRoster(emu, alver, '2027-03-01');
    const { repo } = repoAs(emu, boardUpn, alver.id);
    const goal = [...(await load()).goals].sort((a, b) => b.sortOrder - a.sortOrder)[0] as LocalGoal;
    await repo.updateGoal(goal.id, { rollout: { stepId: 'team', roles: [] }, kind: 'measured', measure: { unit: '%', baseline: 0, target: 100, current: null } });
    // A representative who has an account joins the team in the tenant (not through the app).
    const joining = demoPerson(alver.notInTeam[0] as string);
    await graphClientAs(emu, boardUpn).post(`/teams/${alver.id}/members`, {
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      roles: [],
      'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${joining.id}')`,
    });
    const result = await run(['--team', alver.id, '--skip-planner']);
    expect(result.code).toBe(0);
    // The app may not search the directory (no User.Read.All): accounts as the board last found
    // them, membership read through the app's resource-specific consent.
    expect(result.summary?.teams[0]?.rollout).toMatchObject({ goals: 1, problem: null });
    expect(result.summary?.teams[0]?.rollout?.representatives).toBeGreaterThanOrEqual(1);
    const board = await new SharePointRosterRepository(graphClientAs(emu, boardUpn), alver.id, new GraphDirectory(graphClientAs(emu, boardUpn))).refresh('2027-03-09');
    const expected = rolloutProgress(board.reps, board.steps, { stepId: 'team', roles: [] }, board.facts);
    expect(board.reps.find((r) => r.entraId === joining.id)?.seen.team).toBe('2027-03-09');
    expect((await repo.getGoal(goal.id)).measure?.current).toBe(expected.percent);
    // Nothing changed since: the next run writes nothing.
    const again = await run(['--team', alver.id, '--skip-planner']);
    expect(again.summary?.teams[0]?.rollout).toMatchObject({ representatives: 0, goals: 0, problem: null });
  });
});
