/**
 * `npm run report` (src/runner/report.ts) end to end against the emulator: on the demo tenant with
 * no set-up (the demo app signs in by itself), a board meeting report and an annual report written
 * to a file that mammoth reads, 'since' from the last board report in the team's files, and usage
 * errors (exit 2) and failures (exit 1) said in English.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatcherFor, graphClientAs, sharePointRestFetch } from '../../emulator/app-client';
import { seedTeamPlan } from '../../emulator/seed/demo-plans';
import { DEMO_BOT_APP_ID, DEMO_TENANT_ID } from '../../emulator/seed/demo-tenant';
import type { RunningEmulator } from '../../emulator/server';
import { GraphTeamFiles } from '../../src/adapters/files/graph-team-files';
import type { PlanSnapshot } from '../../src/domain/plan';
import { DOCX_MIME_TYPE } from '../../src/reports/docx';
import { parseReportArgs, runReport } from '../../src/runner/report';
import { UsageError } from '../../src/runner/args';
import { emulator, repoAs, team } from './support';

const alver = team('alver');
const empty = team('sor-varanger');
const BOARD = alver.owners[0] as string;
const EMULATOR_APP = { clientId: DEMO_BOT_APP_ID, tenantId: DEMO_TENANT_ID };

let emu: RunningEmulator;
let dir: string;
let snapshot: PlanSnapshot;
beforeAll(async () => {
  emu = await emulator();
  await seedTeamPlan(emu, alver, '2026-11-23');
  snapshot = (await repoAs(emu, BOARD, alver.id).repo.load()) as PlanSnapshot;
  dir = mkdtempSync(join(tmpdir(), 'report-runner-'));
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runReport(argv, {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    fetch: sharePointRestFetch(emu),
    fetchOptions: { dispatcher: dispatcherFor(emu.ca) },
    emulator: EMULATOR_APP,
    cwd: dir,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function htmlOf(file: string): Promise<string> {
  return (await mammoth.convertToHtml({ buffer: readFileSync(file) })).value;
}

const areaHeadings = () => [...snapshot.areas].sort((a, b) => a.number - b.number).map((a) => `<h1>${a.number}. ${a.title.replace(/&/g, '&amp;')}</h1>`);

describe('npm run report', () => {
  it('writes the board meeting report of the demo team with no set-up, read back by mammoth', async () => {
    const file = join(dir, 'styret.docx');
    const result = await run(['--graph', emu.graphUrl, '--team', 'Fagforbundet Alver', '--kind', 'board', '--lang', 'nb', '--since', '2026-11-01', '--today', '2026-12-03', '--out', file]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Wrote ${file}`);
    expect(result.out).toContain('changes since 2026-11-01 (as given)');
    const html = await htmlOf(file);
    expect(html).toContain('<h1>Sammendrag</h1>');
    for (const heading of areaHeadings()) expect(html).toContain(heading);
    expect(html).toContain('Endret siden 1. nov. 2026');
  });

  it('writes the annual report in nynorsk for a year, named as the report is named', async () => {
    const result = await run(['--graph', emu.graphUrl, '--team', alver.id, '--kind', 'annual', '--year', '2026', '--lang', 'nn', '--today', '2027-01-10']);
    expect(result.code).toBe(0);
    const file = join(dir, 'Årsmelding 2026.docx');
    expect(result.out).toContain(`Wrote ${file}`);
    expect(result.out).toMatch(/judged as of 2026-12-31: \d+ achieved, \d+ partly, \d+ not achieved/);
    const html = await htmlOf(file);
    expect(html).toContain('<h1>Slik vert måla vurderte</h1>');
    for (const heading of areaHeadings()) expect(html).toContain(heading);
  });

  it('starts "since" at the last board report in the team’s files when it can read them', async () => {
    const files = new GraphTeamFiles(graphClientAs(emu, BOARD), alver.id);
    const folder = await files.channelFolder(null);
    await files.upload(folder, 'Styrerapport 2026-11-20.docx', new Uint8Array([1]), DOCX_MIME_TYPE);
    // A board member signed in reads the files.
    const asBoard = await run(['--graph', emu.graphUrl, '--as', BOARD, '--team', alver.id, '--today', '2026-12-03', '--out', 'a.docx']);
    expect(asBoard.code).toBe(0);
    expect(asBoard.out).toContain('changes since 2026-11-20 (the last board report in the team’s files)');
    // The demo app has no files permission: 30 days back, and it says why.
    const asApp = await run(['--graph', emu.graphUrl, '--team', alver.id, '--today', '2026-12-03', '--out', 'b.docx']);
    expect(asApp.code).toBe(0);
    expect(asApp.out).toContain('changes since 2026-11-03 (the team’s files could not be read');
  });

  it('refuses unclear options with the usage (exit 2), and says why it could not write (exit 1)', async () => {
    expect(() => parseReportArgs(['--kind', 'board'])).toThrow(/--team is required/);
    expect(() => parseReportArgs(['--team', 'x', '--kind', 'weekly'])).toThrow(UsageError);
    expect(() => parseReportArgs(['--team', 'x', '--year', '2026'])).toThrow(/--year is for --kind annual/);
    expect(() => parseReportArgs(['--team', 'x', '--since', '2026-02-30', '--as', BOARD, '--graph', emu.graphUrl])).toThrow(/--since takes a day/);
    expect(() => parseReportArgs(['--team', 'x', '--lang', 'sv', '--as', BOARD, '--graph', emu.graphUrl])).toThrow(/--lang is nb, nn or en/);
    expect(() => parseReportArgs(['--team', 'x', '--out', 'x.pdf', '--as', BOARD, '--graph', emu.graphUrl])).toThrow(/\.docx/);
    // Against Microsoft Graph the emulator's app is never used: a sign-in is needed.
    expect(() => parseReportArgs(['--team', 'x'], EMULATOR_APP)).toThrow(UsageError);
    expect(parseReportArgs(['--team', 'x', '--graph', emu.graphUrl], EMULATOR_APP).auth).toMatchObject({ kind: 'emulatorApp', clientId: DEMO_BOT_APP_ID });

    const usage = await run(['--team']);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('Usage: npm run report');
    const outside = await run(['--graph', emu.graphUrl, '--team', alver.id, '--kind', 'annual', '--year', '2031']);
    expect(outside.code).toBe(2);
    expect(outside.err).toContain('is not a year of the plan period');
    const unknown = await run(['--graph', emu.graphUrl, '--team', 'Fagforbundet Ingenstad']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('No team is called Fagforbundet Ingenstad');
    const noPlan = await run(['--graph', emu.graphUrl, '--team', empty.id, '--today', '2026-12-03']);
    expect(noPlan.code).toBe(1);
    expect(noPlan.err).toContain('has no plan yet');
  });
});
