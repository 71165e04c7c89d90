/**
 * The team's files (src/adapters/files/graph-team-files.ts) through the app's own Graph client over
 * HTTPS against the emulator: a report saved in the channel's Files folder, a retried upload after
 * a lost answer leaving one file, refusals as Graph gives them, and the day of the last board report.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { Agent, fetch } from 'undici';
import { dispatcherFor } from '../../emulator/app-client';
import { seedTeamPlan } from '../../emulator/seed/demo-plans';
import type { RunningEmulator } from '../../emulator/server';
import { GraphTeamFiles } from '../../src/adapters/files/graph-team-files';
import { GRAPH_SCOPES } from '../../src/auth/graph-scopes';
import { FileRefusedError } from '../../src/domain/files-port';
import { AccessDeniedError, NotFoundError } from '../../src/domain/ports';
import { boardReport, lastBoardReportDay } from '../../src/domain/report';
import type { PlanSnapshot } from '../../src/domain/plan';
import { createGraphClient, type GraphApi } from '../../src/graph/client';
import { boardReportContent, boardReportPrefixes } from '../../src/reports/content';
import { buildReportDocx, DOCX_MIME_TYPE } from '../../src/reports/docx';
import { emulator, outerRequests, repoAs, team } from './support';

const alver = team('alver');
const BOARD = alver.owners[0] as string;
const STEWARD = alver.members[0] as string;
const OUTSIDER = alver.notInTeam[0] as string;
const boardChannel = alver.channels[1]?.id as string;
/** The tab's delegated permissions, as a token's `scp`. */
const TAB_SCOPES = GRAPH_SCOPES.map((s) => s.replace('https://graph.microsoft.com/', ''));

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await emulator();
  await seedTeamPlan(emu, alver, '2026-11-23');
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  emu.setFaults({});
  emu.clearLog();
});

function graphAs(upn: string, scopes: readonly string[] = TAB_SCOPES): GraphApi {
  return createGraphClient({ baseUrl: emu.graphUrl, getToken: async () => `dev:${upn};scp=${scopes.join(',')}`, fetchOptions: { dispatcher: dispatcherFor(emu.ca) }, retryDelaySeconds: 0.1 });
}
const filesAs = (upn: string, scopes?: readonly string[]) => new GraphTeamFiles(graphAs(upn, scopes), alver.id);

async function downloaded(driveId: string, itemId: string): Promise<Buffer> {
  const agent = new Agent({ connect: { ca: emu.ca } });
  try {
    const res = await fetch(`${emu.graphUrl}/drives/${driveId}/items/${itemId}/content`, { headers: { Authorization: `Bearer dev:${BOARD}` }, dispatcher: agent });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  } finally {
    await agent.close();
  }
}

async function meetingReport(): Promise<{ name: string; bytes: Uint8Array }> {
  const snapshot = (await repoAs(emu, BOARD, alver.id).repo.load()) as PlanSnapshot;
  const content = boardReportContent(boardReport(snapshot, { today: '2026-12-03', since: '2026-11-01' }), 'nb');
  return { name: content.fileName, bytes: await buildReportDocx(content) };
}

describe('saving a report in the team’s files', () => {
  it('puts the .docx in the channel’s Files folder, where it can be downloaded and read again', async () => {
    const { name, bytes } = await meetingReport();
    emu.clearLog();
    const files = filesAs(BOARD);
    const folder = await files.channelFolder(boardChannel);
    expect(folder.name).toBe('Styret');
    expect(name).toBe('Styrerapport 2026-12-03.docx');
    const saved = await files.upload(folder, name, bytes, DOCX_MIME_TYPE);
    // Two requests: the folder, then the file.
    expect(outerRequests(emu).map((r) => r.method)).toEqual(['GET', 'PUT']);
    expect(saved).toMatchObject({ name, size: bytes.byteLength });
    expect(saved.webUrl).toContain('/Shared%20Documents/Styret/Styrerapport%202026-12-03.docx');
    const { value: html } = await mammoth.convertToHtml({ buffer: await downloaded(folder.driveId, saved.id) });
    expect(html).toContain('<h1>Sammendrag</h1>');
  });

  it('falls back to the team’s General channel when the tab does not know its channel', async () => {
    const folder = await filesAs(BOARD).channelFolder(null);
    expect(folder.name).toBe('General');
    expect(outerRequests(emu).map((r) => r.path.split('?')[0])).toEqual([`/v1.0/teams/${alver.id}/primaryChannel`, `/v1.0/teams/${alver.id}/channels/${encodeURIComponent(alver.channels[0]?.id as string)}/filesFolder`]);
  });

  it('saves exactly one file when the answer to the upload is lost and it is sent again', async () => {
    const files = filesAs(BOARD);
    const folder = await files.channelFolder(boardChannel);
    const name = 'Styrerapport 2026-12-10.docx';
    // The first PUT is stored, then its connection closes without an answer.
    emu.setFaults({ failureRate: 1, failCount: 1, commit: 'after', failureStatuses: [0], methods: ['PUT'], pathPattern: '/content$' });
    const saved = await files.upload(folder, name, new Uint8Array([1, 2, 3, 4]), DOCX_MIME_TYPE);
    expect(emu.faults().failCount).toBe(0);
    const puts = outerRequests(emu).filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.status)).toEqual([0, 200]);
    const named = (await files.list(folder)).filter((f) => f.name.toLowerCase() === name.toLowerCase());
    expect(named).toHaveLength(1);
    expect([...(await downloaded(folder.driveId, saved.id))]).toEqual([1, 2, 3, 4]);
  });

  it('replaces the file of the same name when saved again the same day', async () => {
    const files = filesAs(BOARD);
    const folder = await files.channelFolder(boardChannel);
    const first = await files.upload(folder, 'Styrerapport 2026-12-11.docx', new Uint8Array([1]), DOCX_MIME_TYPE);
    const second = await files.upload(folder, 'Styrerapport 2026-12-11.docx', new Uint8Array([2, 2]), DOCX_MIME_TYPE);
    expect(second.id).toBe(first.id);
    expect(second.size).toBe(2);
  });

  it('is refused to someone outside the team, as Graph refuses them, and lets a steward write as members may', async () => {
    await expect(filesAs(OUTSIDER).channelFolder(boardChannel)).rejects.toBeInstanceOf(AccessDeniedError);
    const folder = await filesAs(BOARD).channelFolder(boardChannel);
    await expect(filesAs(OUTSIDER).upload(folder, 'Utenfra.docx', new Uint8Array([1]), DOCX_MIME_TYPE)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(filesAs(OUTSIDER).list(folder)).rejects.toBeInstanceOf(AccessDeniedError);
    // Team members edit the channel's files in Teams, and Graph lets them: the tab keeps the view to the board.
    await expect(filesAs(STEWARD).upload(folder, 'Fra tillitsvalgt.docx', new Uint8Array([1]), DOCX_MIME_TYPE)).resolves.toMatchObject({ name: 'Fra tillitsvalgt.docx' });
  });

  it('needs Files.ReadWrite.All: the tab’s permissions without it are refused', async () => {
    const without = TAB_SCOPES.filter((s) => s !== 'Files.ReadWrite.All');
    await expect(filesAs(BOARD, without).channelFolder(boardChannel)).rejects.toBeInstanceOf(GraphForbidden);
    const folder = await filesAs(BOARD).channelFolder(boardChannel);
    await expect(filesAs(BOARD, without).upload(folder, 'Uten.docx', new Uint8Array([1]), DOCX_MIME_TYPE)).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it('says what was refused: an unknown channel, a name SharePoint refuses', async () => {
    await expect(filesAs(BOARD).channelFolder('19:ukjent@thread.tacv2')).rejects.toBeInstanceOf(NotFoundError);
    const folder = await filesAs(BOARD).channelFolder(boardChannel);
    await expect(filesAs(BOARD).upload(folder, 'Rapport: desember?.docx', new Uint8Array([1]), DOCX_MIME_TYPE)).rejects.toBeInstanceOf(FileRefusedError);
  });

  it('finds the day of the last board report among the folder’s files', async () => {
    const files = filesAs(BOARD);
    const folder = await files.channelFolder(alver.reminderChannelId);
    expect(lastBoardReportDay(await files.list(folder), boardReportPrefixes())).toBeNull();
    for (const name of ['Styrerapport 2026-10-01.docx', 'Board report 2026-11-05.docx', 'Årsberetning 2026.docx', 'Referat 2026-12-01.docx']) {
      await files.upload(folder, name, new Uint8Array([1]), DOCX_MIME_TYPE);
    }
    expect(lastBoardReportDay(await files.list(folder), boardReportPrefixes())).toBe('2026-11-05');
  });
});

/** The filesFolder refusal for missing scopes is Teams' 403 (not a SharePoint accessDenied): also an AccessDeniedError. */
const GraphForbidden = AccessDeniedError;
