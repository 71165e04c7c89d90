/**
 * The Azure Functions timer app's handler (functions/src/handler.ts, issue 12) running the real
 * reminder runner against the local emulator, on the app's own identity (app-only Graph through the
 * emulator's client credentials, the bot through its Bot Connector). The Functions host itself is
 * an edge no test reaches: the handler gets a fake InvocationContext that collects its log lines.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatcherFor, graphClientAs } from '../../emulator/app-client';
import { seedTeamPlan } from '../../emulator/seed/demo-plans';
import { DEMO_BOT_APP_ID, DEMO_PEOPLE, DEMO_TEAMS, DEMO_TENANT_ID } from '../../emulator/seed/demo-tenant';
import type { RunningEmulator } from '../../emulator/server';
import { createReminderTimerHandler, remindArgsFromSettings, SettingsError, type AppSettings, type InvocationLog, type ReminderTimerDeps, type TimerInfo } from '../../functions/src/handler';
import { DEV_TEAMS_APP_ID } from '../../scripts/dev-stack';
import { messagesPath } from '../../src/adapters/teams/channel-poster';
import type { PlanSnapshot } from '../../src/domain/plan';
import { createRunner, GRAPH_V1 } from '../../src/runner/composition-root';
import { createRunnerTokenSource } from '../../src/runner/token-sources';
import { arrangeDueGoals, clearReminderLedger, fetchTrusting, loadPlan, REMINDER_DAY } from '../integration/reminder-fixtures';
import { emulator, team } from '../integration/support';

let emu: RunningEmulator;
let fetchWithCa: typeof fetch;
const alver = team('alver');
const boardUpn = alver.owners[0] as string;
const channel = { teamId: alver.id, channelId: alver.reminderChannelId };
const NOW = REMINDER_DAY;
const ON_TIME: TimerInfo = { isPastDue: false, scheduleStatus: { last: '2027-03-08T07:05:00Z', next: '2027-03-09T11:05:00Z' } };

interface Logged {
  readonly level: 'log' | 'warn' | 'error';
  readonly text: string;
}

/** A stand-in for the Functions host's InvocationContext: its log levels, collected. */
function fakeContext(): InvocationLog & { lines: Logged[]; text: () => string } {
  const lines: Logged[] = [];
  const add = (level: Logged['level']) => (...args: unknown[]) => lines.push({ level, text: args.map(String).join(' ') });
  return { lines, log: add('log'), warn: add('warn'), error: add('error'), text: () => lines.map((l) => l.text).join('\n') };
}

/** The app settings of the Functions app pointed at the emulator (no certificate: the emulator signs the app in). */
function settings(extra: AppSettings = {}): AppSettings {
  return { GRAPH_URL: emu.graphUrl, TENANT_ID: DEMO_TENANT_ID, CLIENT_ID: DEMO_BOT_APP_ID, TEAMS_APP_ID: DEV_TEAMS_APP_ID, REMIND_TEAMS_PER_MINUTE: '0', ...extra };
}

function handler(overrides: Partial<ReminderTimerDeps> = {}) {
  return createReminderTimerHandler({
    env: settings(),
    now: () => NOW,
    fetch: fetchWithCa,
    fetchOptions: { dispatcher: dispatcherFor(emu.ca) },
    retryDelaySeconds: 0.05,
    ...overrides,
  });
}

interface ChannelMessage {
  id: string;
  from?: { application?: { id?: string } | null } | null;
}

async function botPosts(): Promise<number> {
  const messages = await graphClientAs(emu, boardUpn).getAll<ChannelMessage>(`${messagesPath(channel)}?$top=50`);
  return messages.filter((m) => m.from?.application?.id === DEMO_BOT_APP_ID).length;
}

const load = (): Promise<PlanSnapshot> => loadPlan(emu, alver);

/** What the logs must never hold: the plan's goal texts, people's names and the teams' names. */
async function personalTexts(): Promise<string[]> {
  const goals = (await load()).goals.map((g) => g.text);
  const people = DEMO_PEOPLE.map((p) => p.displayName);
  const teams = DEMO_TEAMS.map((t) => t.displayName);
  return [...goals, ...people, ...teams].filter((s) => s.trim().length >= 6);
}

function expectNoPersonalData(logText: string, forbidden: readonly string[]): void {
  const found = forbidden.filter((s) => logText.includes(s));
  expect(found).toEqual([]);
}

beforeAll(async () => {
  emu = await emulator();
  fetchWithCa = fetchTrusting(emu);
  await seedTeamPlan(emu, alver, '2027-03-01');
  await arrangeDueGoals(emu, alver, { digest: 'off' });
}, 120_000);
afterAll(async () => {
  await emu?.close();
});
beforeEach(async () => {
  emu.setFaults({});
  await clearReminderLedger(emu, alver);
});

describe('the reminder timer against the emulator', () => {
  it('runs the runner on the app\'s identity, posts once however often the timer fires, and logs a line per team with ids and counts only', async () => {
    const before = await botPosts();
    const first = fakeContext();
    const signIn = vi.fn(createRunnerTokenSource);
    await handler({ createTokenSource: signIn })(ON_TIME, first);
    // The app's own identity: the emulator's client credentials for the bot's app registration, no user.
    expect(signIn).toHaveBeenCalledTimes(1);
    expect(signIn.mock.calls[0]?.[0]).toEqual({ kind: 'emulatorApp', loginUrl: new URL(emu.graphUrl).origin, tenantId: DEMO_TENANT_ID, clientId: DEMO_BOT_APP_ID });

    // A line per team that installed the app, each naming the team by id.
    const teamLines = first.lines.filter((l) => l.text.startsWith('Team '));
    expect(teamLines).toHaveLength(DEMO_TEAMS.length);
    for (const t of DEMO_TEAMS) expect(teamLines.filter((l) => l.text.startsWith(`Team ${t.id}:`))).toHaveLength(1);
    const alverLine = teamLines.find((l) => l.text.startsWith(`Team ${alver.id}:`));
    expect(alverLine).toMatchObject({ level: 'log' });
    expect(alverLine?.text).toMatch(/: sent via bot: posted 3 message\(s\) with 3 reminder\(s\)/);
    expect(first.lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(first.lines.at(-1)?.text).toMatch(/^Reminders for 2027-03-09T08:00:00\.000Z: \d+ team\(s\), 3 message\(s\) posted with 3 reminder\(s\)/);
    expect(await botPosts()).toBe(before + 3);

    // The timer fires again (a second look the same day, or two instances): nothing twice.
    const second = fakeContext();
    await handler()(ON_TIME, second);
    expect(second.lines.find((l) => l.text.startsWith(`Team ${alver.id}:`))?.text).toMatch(/: nothingDue via bot: posted 0 message\(s\)/);
    expect(await botPosts()).toBe(before + 3);

    expectNoPersonalData(`${first.text()}\n${second.text()}`, await personalTexts());
  });

  it('posts nothing when the timer fires before the delivery window (07:00 Oslo time), and posts at the suggested 08:05', async () => {
    const before = await botPosts();
    const early = fakeContext();
    await handler({ now: () => new Date('2027-03-09T06:00:00Z') })(ON_TIME, early);
    expect(early.lines.find((l) => l.text.startsWith(`Team ${alver.id}:`))?.text).toMatch(/: nothingDue via bot: posted 0 message\(s\)/);
    expect(await botPosts()).toBe(before);

    const suggested = fakeContext();
    await handler({ now: () => new Date('2027-03-09T07:05:00Z') })(ON_TIME, suggested);
    expect(suggested.lines.find((l) => l.text.startsWith(`Team ${alver.id}:`))?.text).toMatch(/: sent via bot: posted 3 message\(s\)/);
    expect(await botPosts()).toBe(before + 3);
  });

  it('logs a past-due timer and runs as usual: the runner\'s catch-up rules decide what a late run posts', async () => {
    const before = await botPosts();
    const context = fakeContext();
    await handler()({ isPastDue: true, scheduleStatus: { last: '2027-03-08T07:05:00Z', next: '2027-03-09T07:05:00Z' } }, context);
    const warning = context.lines.find((l) => /past due/.test(l.text));
    expect(warning).toMatchObject({ level: 'warn' });
    expect(warning?.text).toContain('2027-03-08T07:05:00Z');
    expect(context.lines.find((l) => l.text.startsWith(`Team ${alver.id}:`))?.text).toMatch(/: sent via bot: posted 3 message\(s\)/);
    expect(await botPosts()).toBe(before + 3);
  });

  it('throws when a team\'s posts fail, and keeps the failure\'s text (which quotes the cards) out of the log', async () => {
    // The Bot Connector refuses every post with an error that echoes the activity (the card, with the goals' texts).
    const refusing = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (/\/botframework\/v3\/conversations$/.test(url) && init?.method === 'POST') {
        const body = JSON.stringify({ error: { code: 'BadArgument', message: `Invalid activity: ${String(init.body)}` } });
        return new Response(body, { status: 400, headers: { 'Content-Type': 'application/json' } });
      }
      return fetchWithCa(input, init);
    }) as typeof fetch;
    const before = await botPosts();
    const context = fakeContext();
    await expect(handler({ fetch: refusing })(ON_TIME, context)).rejects.toThrow(new RegExp(`Reminders failed for 1 of \\d+ team\\(s\\): ${alver.id}\\.`));

    const line = context.lines.find((l) => l.text.startsWith(`Team ${alver.id}:`));
    expect(line).toMatchObject({ level: 'error' });
    expect(line?.text).toMatch(/: failed via bot: .*[1-9]\d* failed post\(s\)/);
    expect(context.text()).not.toContain('Invalid activity');
    expectNoPersonalData(context.text(), await personalTexts());
    expect(await botPosts()).toBe(before);
  });

  it('throws when Microsoft Graph refuses the app a team\'s site, and logs the runner\'s explanation for the administrator', async () => {
    emu.setFaults({ failureRate: 1, failureStatuses: [403], pathPattern: '^/sites/', methods: ['GET'] });
    const context = fakeContext();
    await expect(handler()(ON_TIME, context)).rejects.toThrow(/Reminders failed for \d+ of \d+ team\(s\)/);
    emu.setFaults({});
    const line = context.lines.find((l) => l.text.startsWith(`Team ${alver.id}:`));
    expect(line).toMatchObject({ level: 'error' });
    expect(line?.text).toMatch(/: failed via bot: .*Microsoft Graph refused the app \(403 [A-Za-z]*\): grant it Sites\.Selected/);
  });

  it('withholds a team\'s problem that is not one of the runner\'s fixed explanations (its text is not the runner\'s to vouch for)', async () => {
    emu.setFaults({ failureRate: 1, failureStatuses: [500], pathPattern: '^/sites/', methods: ['GET'] });
    const context = fakeContext();
    await expect(handler()(ON_TIME, context)).rejects.toThrow(/Reminders failed/);
    emu.setFaults({});
    const line = context.lines.find((l) => l.text.startsWith(`Team ${alver.id}:`));
    expect(line).toMatchObject({ level: 'error' });
    expect(line?.text).toMatch(/: failed via bot: .*; details withheld from the log \(they may quote plan content\): run `npm run remind -- --team <team id> --json`/);
    // Graph's own words for the 500 stay out.
    expect(context.text()).not.toMatch(/unspecified error/i);
  });
});

describe('the reminder timer\'s settings', () => {
  it('fails with the names of missing settings before any request, and builds no runner', async () => {
    const requests = emu.requestLog().length;
    const makeRunner = vi.fn(createRunner);
    const spyFetch = vi.fn(fetchWithCa);
    const context = fakeContext();
    const run = createReminderTimerHandler({ env: { REMIND_VIA: 'bot' }, now: () => NOW, createRunner: makeRunner, fetch: spyFetch });
    const error = await run(ON_TIME, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsError);
    const message = (error as Error).message;
    for (const name of ['TENANT_ID', 'CLIENT_ID', 'TEAMS_APP_ID', 'CERTIFICATE_PEM (or CERTIFICATE_PATH)', 'CERTIFICATE_THUMBPRINT']) expect(message).toContain(name);
    expect(context.lines).toEqual([{ level: 'error', text: message }]);

    // Against the emulator only the Teams app id is missing (it signs the app in without a certificate); a blank setting is a missing one.
    const partly = fakeContext();
    await expect(createReminderTimerHandler({ env: settings({ TEAMS_APP_ID: '  ' }), now: () => NOW, createRunner: makeRunner, fetch: spyFetch })(ON_TIME, partly)).rejects.toThrow(
      /^Missing app setting: TEAMS_APP_ID \(functions\/README\.md, "App settings"\)\.$/,
    );
    expect(makeRunner).not.toHaveBeenCalled();
    expect(spyFetch).not.toHaveBeenCalled();
    expect(emu.requestLog().length).toBe(requests);
  });

  it('words the runner\'s usage errors as the settings that caused them', () => {
    expect(() => remindArgsFromSettings(settings({ REMIND_VIA: 'mail' }), NOW)).toThrow(/^App settings: REMIND_VIA is bot or webhook, not mail$/);
    expect(() => remindArgsFromSettings(settings({ REMIND_CONCURRENCY: '64' }), NOW)).toThrow(/^App settings: REMIND_CONCURRENCY is a whole number from 1 to 16$/);
  });

  it('passes Microsoft Graph settings to the runner\'s own parser: certificate from Key Vault, concurrency, clock', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\\nMIIEv\\n-----END PRIVATE KEY-----';
    const args = remindArgsFromSettings(
      { TENANT_ID: 'tenant', CLIENT_ID: 'client', CERTIFICATE_PEM: pem, CERTIFICATE_THUMBPRINT: 'AB12', TEAMS_APP_ID: 'teams-app', REMIND_CONCURRENCY: '8', GRAPH_URL: '' },
      NOW,
    );
    expect(args).toMatchObject({ graphUrl: GRAPH_V1, now: NOW, team: null, via: 'bot', dryRun: false, json: true, appId: 'teams-app', botId: 'client', concurrency: 8, serviceUrl: 'https://smba.trafficmanager.net/teams/' });
    expect(args.auth).toEqual({ kind: 'certificate', tenantId: 'tenant', clientId: 'client', thumbprintSha256: 'AB12', privateKeyPem: '-----BEGIN PRIVATE KEY-----\nMIIEv\n-----END PRIVATE KEY-----' });
    expect(remindArgsFromSettings(settings({ REMIND_DRY_RUN: 'true', REMIND_VIA: 'webhook' }), NOW)).toMatchObject({ dryRun: true, via: 'webhook', auth: { kind: 'emulatorApp' } });
  });
});
