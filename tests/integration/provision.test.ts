/** `npm run provision` (src/runner/provision.ts) against the emulator, through the runners' composition root. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatcherFor, sharePointRestFetch } from '../../emulator/app-client';
import { seedTeamPlan } from '../../emulator/seed/demo-plans';
import type { RunningEmulator } from '../../emulator/server';
import { parseProvisionArgs, runProvision, UsageError } from '../../src/runner/provision';
import { emulator, repoAs, team } from './support';

let emu: RunningEmulator;
const asker = team('asker');
const board = asker.owners[0] as string;
const steward = asker.members[0] as string;

beforeAll(async () => {
  emu = await emulator();
  await seedTeamPlan(emu, asker, '2026-11-23');
});
afterAll(async () => {
  await emu.close();
});

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runProvision(argv, {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    fetch: sharePointRestFetch(emu),
    fetchOptions: { dispatcher: dispatcherFor(emu.ca) },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run provision', () => {
  it('should refuse unclear sign-in options with the usage (exit 2)', async () => {
    expect(() => parseProvisionArgs(['--site', asker.id])).toThrow(UsageError);
    expect(() => parseProvisionArgs(['--site', asker.id, '--as', board])).toThrow(/emulator/);
    expect(() => parseProvisionArgs(['--site', asker.id, '--tenant', 't', '--client-id', 'c', '--certificate', 'k.pem'])).toThrow(UsageError);
    expect(parseProvisionArgs(['--site', asker.id, '--tenant', 't', '--client-id', 'c']).auth).toEqual({ kind: 'deviceCode', tenantId: 't', clientId: 'c' });
    expect(parseProvisionArgs(['--site=x', '--tenant', 't', '--client-id', 'c', '--certificate', 'k.pem', '--thumbprint', 'ab']).auth.kind).toBe('certificate');
    const result = await run(['--site']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Usage: npm run provision');
  });

  it('should check without changing anything, then set the lists up by the site URL, and report', async () => {
    const graphUrl = emu.graphUrl;
    const check = await run(['--site', asker.id, '--check', '--graph', graphUrl, '--as', board]);
    expect(check.code).toBe(1);
    expect(check.out).toContain('permissions: notApplied');
    const siteUrl = (await repoAs(emu, board, asker.id).repo.permissions()).siteUrl as string;
    const done = await run(['--site', `${siteUrl}/`, '--graph', graphUrl, '--as', board]);
    expect(done.err).toBe('');
    expect(done.code).toBe(0);
    expect(done.out).toContain(`Team ${asker.id}`);
    expect(done.out).toContain('permissions: ok');
    expect(done.out).toMatch(/Lokale mål\s+boardEdits\s+ok/);
    expect(done.out).toMatch(/Innrapporteringer\s+stewardsAddOwn\s+ok/);
    expect((await run(['--site', asker.id, '--check', '--graph', graphUrl, '--as', board])).code).toBe(0);
  });

  it('should report SharePoint’s refusal for a steward and exit 1', async () => {
    const result = await run(['--site', asker.id, '--graph', emu.graphUrl, '--as', steward]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('permissions: denied');
    expect(result.out).toContain('sign in as an owner of the team site');
  });
});
