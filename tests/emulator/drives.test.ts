/**
 * Files in a team's site (emulator/graph/drives.ts): a channel's filesFolder, listing a folder,
 * uploading a small file by name with conflictBehavior, downloading it again through the
 * pre-authenticated URL, and the refusals real Graph gives (non-member, permissions, missing
 * parent, names SharePoint refuses, the 250 MB limit), kept across a restart.
 */
import { request } from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BOT_APP_ID, DEMO_TEAMS, DEMO_TENANT_ID, type DemoTeam } from '../../emulator/seed/demo-tenant.ts';
import { SIMPLE_UPLOAD_MAX_BYTES } from '../../emulator/graph/drives.ts';
import { startEmulator } from '../../emulator/server.ts';
import { ALVER, ASKER, INGRID, startTestEmulator, type Collection, type ErrorBody, type GraphResult, type TestEmulator } from './support.ts';

type Item = Record<string, unknown> & { id: string; name: string; parentReference: { driveId: string; id?: string } };
const STEWARD = 'ola.nesse@org365.example';
const OUTSIDER = 'liv.tveit@org365.example';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const boardChannel = ALVER.channels[1]?.id as string;
const generalChannel = ALVER.channels[0]?.id as string;

let t: TestEmulator;
let agent: Agent;
beforeAll(async () => {
  t = await startTestEmulator();
  agent = new Agent({ connect: { ca: t.emu.ca } });
});
afterAll(async () => {
  await t.close();
  await agent.close();
});

const folderOf = (channelId: string, as = INGRID, team = ALVER.id) => t.call<Item>('GET', `/teams/${team}/channels/${encodeURIComponent(channelId)}/filesFolder`, { as });
const code = (r: GraphResult<unknown>): string => (r.body as ErrorBody).error.code;

/** A PUT of bytes, as the app's Graph client sends a file. */
async function put(path: string, bytes: Uint8Array, options: { as?: string; token?: string; type?: string } = {}): Promise<GraphResult<Item>> {
  const res = await fetch(`${t.emu.graphUrl}${path}`, {
    method: 'PUT',
    body: bytes,
    headers: { Authorization: `Bearer ${options.token ?? `dev:${options.as ?? INGRID}`}`, 'Content-Type': options.type ?? DOCX },
    dispatcher: agent,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers as unknown as Headers, body: (text ? JSON.parse(text) : {}) as Item };
}

const uploadPath = (folder: Item, name: string, behavior?: string) =>
  `/drives/${folder.parentReference.driveId}/items/${folder.id}:/${encodeURIComponent(name)}:/content${behavior ? `?@microsoft.graph.conflictBehavior=${behavior}` : ''}`;

/** Downloads through `GET …/content`: a 302 to a URL that needs no token. */
async function download(folder: Item, itemId: string, as = INGRID): Promise<{ status: number; location: string | null; bytes: Uint8Array | null; type: string | null }> {
  const res = await fetch(`${t.emu.graphUrl}/drives/${folder.parentReference.driveId}/items/${itemId}/content`, { headers: { Authorization: `Bearer dev:${as}` }, redirect: 'manual', dispatcher: agent });
  const location = res.headers.get('location');
  await res.arrayBuffer();
  if (res.status !== 302 || !location) return { status: res.status, location, bytes: null, type: null };
  const file = await fetch(location, { dispatcher: agent });
  return { status: file.status, location, bytes: new Uint8Array(await file.arrayBuffer()), type: file.headers.get('content-type') };
}

describe('a channel’s files folder', () => {
  it('is a folder named after the channel in the team site’s document library', async () => {
    const res = await folderOf(boardChannel);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Styret', folder: { childCount: 0 }, parentReference: { driveType: 'documentLibrary', siteId: ALVER.siteId } });
    expect(res.body.parentReference.driveId).toMatch(/^b!/);
    expect(res.body.id).toMatch(/^01[0-9A-F]{32}$/);
    expect(String(res.body.webUrl)).toBe(`${t.emu.origin}/sites/${ALVER.siteName}/Shared%20Documents/Styret`);
    // The same folder every time; another channel has its own, in the same library.
    expect((await folderOf(boardChannel)).body.id).toBe(res.body.id);
    const general = await folderOf(generalChannel);
    expect(general.body.name).toBe('General');
    expect(general.body.parentReference.driveId).toBe(res.body.parentReference.driveId);
  });

  it('is refused to someone outside the team, and unknown for a channel that is not there', async () => {
    const outsider = await folderOf(boardChannel, OUTSIDER);
    expect(outsider.status).toBe(403);
    expect(code(outsider)).toBe('accessDenied');
    // Ingrid leads Alver and is a steward in Asker, but is not in Sør-Varanger.
    const sorVaranger = DEMO_TEAMS[1] as DemoTeam;
    expect((await folderOf(sorVaranger.channels[0]?.id as string, INGRID, sorVaranger.id)).status).toBe(403);
    expect((await folderOf(ASKER.channels[1]?.id as string, INGRID, ASKER.id)).status).toBe(200);
    const unknown = await folderOf('19:0000@thread.tacv2');
    expect(unknown.status).toBe(404);
  });

  it('needs a files or sites permission when the token names its permissions', async () => {
    const path = `/teams/${ALVER.id}/channels/${encodeURIComponent(boardChannel)}/filesFolder`;
    const without = await t.call('GET', path, { as: null, headers: { Authorization: `Bearer dev:${INGRID};scp=User.Read,Sites.Manage.All` } });
    expect(without.status).toBe(403);
    const with_ = await t.call('GET', path, { as: null, headers: { Authorization: `Bearer dev:${INGRID};scp=User.Read,Files.ReadWrite.All` } });
    expect(with_.status).toBe(200);
  });
});

describe('uploading a small file', () => {
  it('creates the file (201), replaces it when sent again (200, the same item), and lists it once', async () => {
    const folder = (await folderOf(boardChannel)).body;
    const first = await put(uploadPath(folder, 'Styrerapport 2026-12-03.docx', 'replace'), new Uint8Array([1, 2, 3]));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ name: 'Styrerapport 2026-12-03.docx', size: 3, file: { mimeType: DOCX }, parentReference: { id: folder.id } });
    const again = await put(uploadPath(folder, 'styrerapport 2026-12-03.docx'), new Uint8Array([4, 5, 6, 7]));
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.eTag).not.toBe(first.body.eTag);
    const children = await t.call<Collection<Item>>('GET', `/drives/${folder.parentReference.driveId}/items/${folder.id}/children?$select=name,lastModifiedDateTime`);
    expect(children.status).toBe(200);
    expect(children.body.value).toEqual([{ name: 'Styrerapport 2026-12-03.docx', lastModifiedDateTime: expect.stringMatching(/^\d{4}-/) }]);
    const fetched = await download(folder, first.body.id);
    expect(fetched.status).toBe(200);
    expect([...(fetched.bytes ?? [])]).toEqual([4, 5, 6, 7]);
    expect(fetched.type).toBe(DOCX);
    expect(fetched.location).toContain(`/sites/${ALVER.siteName}/_layouts/15/download.aspx?`);
  });

  it('fails on an existing name with conflictBehavior=fail, and renames with rename', async () => {
    const folder = (await folderOf(generalChannel)).body;
    await put(uploadPath(folder, 'Referat.docx'), new Uint8Array([1]));
    const failed = await put(uploadPath(folder, 'Referat.docx', 'fail'), new Uint8Array([2]));
    expect(failed.status).toBe(409);
    expect(code(failed)).toBe('nameAlreadyExists');
    const renamed = await put(uploadPath(folder, 'Referat.docx', 'rename'), new Uint8Array([3]));
    expect(renamed.status).toBe(201);
    expect(renamed.body.name).toBe('Referat 1.docx');
    expect((await put(uploadPath(folder, 'Referat.docx', 'sideways'), new Uint8Array([4]))).status).toBe(400);
  });

  it('is refused for a missing parent (404) and for names SharePoint refuses (400)', async () => {
    const folder = (await folderOf(generalChannel)).body;
    const missing = await put(`/drives/${folder.parentReference.driveId}/items/01${'0'.repeat(32)}:/a.docx:/content`, new Uint8Array([1]));
    expect(missing.status).toBe(404);
    expect(code(missing)).toBe('itemNotFound');
    for (const name of ['Rapport: mars.docx', 'a*b.docx', 'spørsmål?.docx', 'a|b.docx', ' leading.docx', 'CON.docx', '~$temp.docx', 'x_vti_y.docx', 'sti/til.docx', 'a'.repeat(400)]) {
      const res = await put(uploadPath(folder, name), new Uint8Array([1]));
      expect([name, res.status]).toEqual([name, 400]);
    }
    // Letters SharePoint takes: Norwegian ones, '#', '%', '&'.
    expect((await put(uploadPath(folder, 'Årsmelding #2 – 100 % & meir.docx'), new Uint8Array([1]))).status).toBe(201);
    const unknownDrive = await put(`/drives/b!nope/items/root:/a.docx:/content`, new Uint8Array([1]));
    expect(unknownDrive.status).toBe(404);
  });

  it('lets a steward of the team write, and refuses someone outside it and a token without write permission', async () => {
    const folder = (await folderOf(boardChannel)).body;
    // Members edit the team's files in Teams; Graph does too (the board-only view is the tab's choice).
    expect((await put(uploadPath(folder, 'Fra tillitsvalgt.docx'), new Uint8Array([1]), { as: STEWARD })).status).toBe(201);
    const outsider = await put(uploadPath(folder, 'Utenfra.docx'), new Uint8Array([1]), { as: OUTSIDER });
    expect(outsider.status).toBe(403);
    expect(code(outsider)).toBe('accessDenied');
    const readOnly = await put(uploadPath(folder, 'Lese.docx'), new Uint8Array([1]), { token: `dev:${INGRID};scp=Files.Read.All` });
    expect(readOnly.status).toBe(403);
    expect((await download(folder, String(outsider.body.id ?? 'x'), OUTSIDER)).status).toBe(403);
    const names = (await t.call<Collection<Item>>('GET', `/drives/${folder.parentReference.driveId}/items/${folder.id}/children`)).body.value.map((i) => i.name);
    expect(names).not.toContain('Utenfra.docx');
    expect(names).not.toContain('Lese.docx');
  });

  it('lets an app write through its site grant (Sites.Selected, write), not read-only', async () => {
    const folder = (await folderOf(generalChannel)).body;
    const login = await t.raw(`/${DEMO_TENANT_ID}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: DEMO_BOT_APP_ID, client_secret: 'x', scope: 'https://graph.microsoft.com/.default' }).toString(),
    });
    const token = String(login.body.access_token);
    const res = await put(uploadPath(folder, 'Fra appen.docx'), new Uint8Array([9]), { token });
    expect(res.status).toBe(201);
    expect(res.body.createdBy).toMatchObject({ application: { id: DEMO_BOT_APP_ID } });
    // The demo app holds no files permission for filesFolder (Files.Read.All or RSC File.Read.Group).
    const folderAsApp = await t.call('GET', `/teams/${ALVER.id}/channels/${encodeURIComponent(generalChannel)}/filesFolder`, { as: null, headers: { Authorization: `Bearer ${token}` } });
    expect(folderAsApp.status).toBe(403);
  });

  it('pages the children with $top and a nextLink', async () => {
    const folder = (await folderOf(ALVER.reminderChannelId)).body;
    for (const n of [1, 2, 3, 4, 5]) await put(uploadPath(folder, `Fil ${n}.docx`), new Uint8Array([n]));
    const first = await t.call<Collection<Item>>('GET', `/drives/${folder.parentReference.driveId}/items/${folder.id}/children?$top=2&$select=name`);
    expect(first.body.value.map((i) => i.name)).toEqual(['Fil 1.docx', 'Fil 2.docx']);
    const link = first.body['@odata.nextLink'] as string;
    expect(link).toContain('$skiptoken=');
    const second = await t.call<Collection<Item>>('GET', link);
    expect(second.body.value.map((i) => i.name)).toEqual(['Fil 3.docx', 'Fil 4.docx']);
    const third = await t.call<Collection<Item>>('GET', second.body['@odata.nextLink'] as string);
    expect(third.body.value.map((i) => i.name)).toEqual(['Fil 5.docx']);
    expect(third.body['@odata.nextLink']).toBeUndefined();
  });

  it('refuses a body over 250 MB before reading it', async () => {
    const folder = (await folderOf(generalChannel)).body;
    const url = new URL(`${t.emu.graphUrl}${uploadPath(folder, 'Stor.docx')}`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: 'PUT', ca: t.emu.ca, headers: { Authorization: `Bearer dev:${INGRID}`, 'Content-Type': DOCX, 'Content-Length': String(SIMPLE_UPLOAD_MAX_BYTES + 1) } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write(Buffer.alloc(16));
    });
    expect(status).toBe(413);
  });

  it('keeps the files and their bytes across a restart, and the download URL needs no token but a valid one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drives-'));
    try {
      const first = await startEmulator({ port: 0, dataDir: dir, seed: 'demo' });
      const local = new Agent({ connect: { ca: first.ca } });
      const call = (emuUrl: string, init: RequestInit & { dispatcher?: Agent } = {}) => fetch(emuUrl, { ...init, dispatcher: local } as Parameters<typeof fetch>[1]);
      const folder = (await (await call(`${first.graphUrl}/teams/${ALVER.id}/channels/${encodeURIComponent(boardChannel)}/filesFolder`, { headers: { Authorization: `Bearer dev:${INGRID}` } })).json()) as Item;
      const up = await call(`${first.graphUrl}${uploadPath(folder, 'Varig.docx')}`, { method: 'PUT', body: new Uint8Array([7, 7]), headers: { Authorization: `Bearer dev:${INGRID}`, 'Content-Type': DOCX } });
      const item = (await up.json()) as Item;
      await first.close();
      const second = await startEmulator({ port: 0, dataDir: dir, seed: 'demo' });
      try {
        const res = await call(`${second.graphUrl}/drives/${folder.parentReference.driveId}/items/${item.id}/content`, { headers: { Authorization: `Bearer dev:${INGRID}` }, redirect: 'manual' });
        const location = res.headers.get('location') ?? '';
        expect(res.status).toBe(302);
        const file = await call(location);
        expect([...new Uint8Array(await file.arrayBuffer())]).toEqual([7, 7]);
        const forged = await call(location.replace(/tempauth=[^&]+/, 'tempauth=forged'));
        expect(forged.status).toBe(401);
      } finally {
        await second.close();
        await local.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
