import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/runner/args';
import { DEFAULT_TEAMS_PER_MINUTE, formatRemindSummary, parseRemindArgs, teamStartOffset, type RemindSummary } from '../../src/runner/remind';

const EMULATOR = { clientId: 'c0ffee00-0000-4000-8000-000000000001', tenantId: 't-1', appId: 'a-1' };
const LOCAL = 'https://localhost:4010/v1.0';

describe('npm run remind: arguments', () => {
  it('signs in as the demo app against the local emulator with no other options', () => {
    const args = parseRemindArgs(['--graph', LOCAL, '--now', '2026-03-02T08:00:00Z'], {}, EMULATOR);
    expect(args.auth).toEqual({ kind: 'emulatorApp', loginUrl: 'https://localhost:4010', tenantId: 't-1', clientId: EMULATOR.clientId });
    expect(args.now.toISOString()).toBe('2026-03-02T08:00:00.000Z');
    expect(args.via).toBe('bot');
    expect(args.botId).toBe(EMULATOR.clientId);
    expect(args.appId).toBe('a-1');
    expect(args.serviceUrl).toBe('https://localhost:4010/botframework/');
    expect(args).toMatchObject({ team: null, dryRun: false, json: false, concurrency: 4, teamsPerMinute: DEFAULT_TEAMS_PER_MINUTE, skipPlanner: false });
  });

  it('never uses the emulator defaults for Microsoft Graph', () => {
    expect(() => parseRemindArgs([], {}, EMULATOR)).toThrow(UsageError);
    expect(() => parseRemindArgs(['--tenant', 'x', '--client-id', 'y', '--app-id', 'z'], {}, EMULATOR)).toThrow(/certificate/);
  });

  it('takes a certificate from a file or from an app setting, and the public serviceUrl for Microsoft Graph', () => {
    const file = parseRemindArgs(['--tenant', 'x', '--client-id', 'y', '--certificate', 'k.pem', '--thumbprint', 'AB', '--app-id', 'z']);
    expect(file.auth).toEqual({ kind: 'certificate', tenantId: 'x', clientId: 'y', certificatePath: 'k.pem', thumbprintSha256: 'AB' });
    expect(file.serviceUrl).toBe('https://smba.trafficmanager.net/teams/');
    const setting = parseRemindArgs(['--json'], { TENANT_ID: 'x', CLIENT_ID: 'y', CERTIFICATE_PEM: '-----BEGIN PRIVATE KEY-----', CERTIFICATE_THUMBPRINT: 'AB', TEAMS_APP_ID: 'z', REMIND_VIA: 'webhook' });
    expect(setting.auth).toEqual({ kind: 'certificate', tenantId: 'x', clientId: 'y', privateKeyPem: '-----BEGIN PRIVATE KEY-----', thumbprintSha256: 'AB' });
    expect(setting).toMatchObject({ via: 'webhook', json: true, appId: 'z' });
  });

  it('reads the flags', () => {
    const args = parseRemindArgs(['--graph', LOCAL, '--team', 'Fagforbundet Nordby', '--dry-run', '--json', '--via=webhook', '--concurrency', '2', '--skip-planner'], {}, EMULATOR);
    expect(args).toMatchObject({ team: 'Fagforbundet Nordby', dryRun: true, json: true, via: 'webhook', concurrency: 2, skipPlanner: true });
  });

  it('paces a run over many teams: no more than the given teams a minute, or none at 0', () => {
    expect(parseRemindArgs(['--graph', LOCAL, '--teams-per-minute', '30'], {}, EMULATOR).teamsPerMinute).toBe(30);
    expect(parseRemindArgs(['--graph', LOCAL], { REMIND_TEAMS_PER_MINUTE: '0' }, EMULATOR).teamsPerMinute).toBe(0);
    expect([0, 1, 2, 20, 399].map((i) => teamStartOffset(i, 20))).toEqual([0, 3_000, 6_000, 60_000, 1_197_000]);
    expect([0, 5].map((i) => teamStartOffset(i, 0))).toEqual([0, 0]);
    // The default keeps 400 unions with three reminders each under 1,200 resource units a minute.
    expect(DEFAULT_TEAMS_PER_MINUTE * (30 + 3 * 4)).toBeLessThanOrEqual(1_200);
  });

  it.each([
    [['--teams-per-minute', '-1'], /--teams-per-minute/],
    [['--teams-per-minute', 'fast'], /--teams-per-minute/],
    [['--now', '2026-13-45T00:00:00Z'], /--now/],
    [['--now', 'tomorrow'], /--now/],
    [['--via', 'email'], /--via/],
    [['--concurrency', '0'], /--concurrency/],
    [['--concurrency', '2.5'], /--concurrency/],
    [['--bogus'], /Unknown option/],
    [['--team'], /needs a value/],
  ])('refuses %j with a usage error', (extra, message) => {
    expect(() => parseRemindArgs(['--graph', LOCAL, ...extra], {}, EMULATOR)).toThrow(message);
  });

  it('summarises per team, and says when it was a dry run', () => {
    const summary: RemindSummary = {
      now: '2026-03-02T08:00:00.000Z',
      via: 'bot',
      dryRun: true,
      posted: 2,
      reminders: 5,
      skipped: 0,
      failed: 0,
      teams: [
        { teamId: 't1', teamName: 'Nordby', channelId: 'c', via: 'bot', status: 'dryRun', posted: 2, reminders: 5, skipped: 0, recovered: 0, failed: [], problem: null, planner: null, preview: ['Frist: Verve 125 medlemmer'] },
        { teamId: 't2', teamName: 'Sørby', channelId: null, via: 'bot', status: 'skipped', posted: 0, reminders: 0, skipped: 0, recovered: 0, failed: [], problem: 'The plan has no reminder channel.', planner: null },
      ],
    };
    const text = formatRemindSummary(summary);
    expect(text).toContain('dry run: nothing posted');
    expect(text).toContain('Nordby (t1): dryRun: would post 2 message(s) with 5 reminder(s)');
    expect(text).toContain('· Frist: Verve 125 medlemmer');
    expect(text).toContain('Sørby (t2): skipped — The plan has no reminder channel.');
    expect(text).toContain('Total: would post 2 message(s) with 5 reminder(s).');
    expect(formatRemindSummary({ ...summary, dryRun: false, teams: [] })).toContain('Total: 2 posted, 5 reminder(s), 0 skipped, 0 failed.');
  });
});
