/**
 * The channels' Workflows webhook URLs (issue 12, delivery path 3) through the app's real Graph
 * client, SharePoint REST client and adapter against the emulator: the demo seed stores each team's
 * URL in a list only the board can see (a steward gets 403 through Graph and finds nothing); two board
 * members saving at once store one item; a stale eTag is a ConflictError; a list that lost its
 * permissions is made the board's again before a URL is written, and nothing is written when that
 * cannot be done.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatcherFor, graphClientAs, sharePointRestAs } from '../../emulator/app-client';
import { demoWebhookUrl, seedTeamPlan } from '../../emulator/seed/demo-plans';
import type { RunningEmulator } from '../../emulator/server';
import { SharePointChannelWebhooks, type ChannelWebhook } from '../../src/adapters/sharepoint/channel-webhooks';
import { SharePointRest } from '../../src/adapters/sharepoint/sharepoint-rest';
import { SiteListsManager } from '../../src/adapters/sharepoint/site-lists';
import { WebhookUrlError } from '../../src/domain/channel-webhooks';
import { AccessDeniedError, ConflictError, NotFoundError } from '../../src/domain/ports';
import type { GraphApi } from '../../src/graph/client';
import { GraphRequestError } from '../../src/graph/errors';
import { emulator, repoAs, team } from './support';

let emu: RunningEmulator;
const alver = team('alver');
const boardA = alver.owners[0] as string;
const boardB = alver.owners[1] as string;
const steward = alver.members[1] as string;
/** The team's 'Styret' channel: no webhook until a test stores one. */
const styret = alver.channels.find((c) => c.displayName === 'Styret')?.id as string;

const logicUrl = (n: number) =>
  `https://prod-${String(n).padStart(2, '0')}.westeurope.logic.azure.com:443/workflows/${'a'.repeat(31)}${n}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=s${n}`;
const platformUrl = `https://0123456789abcdef0123456789abcdef.09.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/86ffea6392fe4f3f9555f5e8f9b1f06e/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=abc`;

function webhooksAs(upn: string, options: { secure?: boolean } = {}): { graph: GraphApi; webhooks: SharePointChannelWebhooks } {
  const graph = graphClientAs(emu, upn, { retryDelaySeconds: 0.05 });
  const secure = options.secure ?? true;
  return { graph, webhooks: new SharePointChannelWebhooks(graph, alver.id, undefined, secure ? { sharePoint: sharePointRestAs(emu, upn) } : {}) };
}

async function listRef(graph: GraphApi): Promise<{ siteId: string; listId: string }> {
  const { siteId, lists } = await new SiteListsManager(graph, alver.id).locate();
  const list = lists.get('channelWebhooks');
  if (!list) throw new Error('webhook list not visible');
  return { siteId, listId: list.id };
}

/** Every item of the webhook list straight from SharePoint, as the board sees it. */
async function rawItems(): Promise<Array<{ id: string; fields?: Record<string, unknown> }>> {
  const graph = graphClientAs(emu, boardA);
  const { siteId, listId } = await listRef(graph);
  return graph.getAll(`/sites/${siteId}/lists/${listId}/items?$expand=fields`);
}

const permissionOf = async (upn: string) => (await repoAs(emu, upn, alver.id).repo.permissions()).lists.find((l) => l.key === 'channelWebhooks');

beforeAll(async () => {
  emu = await emulator();
  await seedTeamPlan(emu, alver, '2026-11-23');
});
afterAll(async () => {
  await emu.close();
});

describe('the demo seed', () => {
  it('should store the reminder channel’s webhook URL, which posts into the channel, in a list only the board can see', async () => {
    const { webhooks } = webhooksAs(boardA);
    const url = emu.webhookUrl(alver.workflowWebhookId);
    expect(demoWebhookUrl(emu, alver)).toBe(url);
    expect(await webhooks.get(alver.reminderChannelId)).toMatchObject({ channelId: alver.reminderChannelId, channelName: 'Påminnelser', url });
    expect(await webhooks.urlFor(alver.reminderChannelId)).toBe(url);
    expect(await webhooks.list()).toHaveLength(1);
    expect(await permissionOf(boardA)).toMatchObject({ displayName: 'Kanalvarsler', rule: 'boardOnly', state: 'ok' });
    // It is the emulator's own webhook for the channel: a card posted to it is accepted (202).
    const card = { type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text: 'Hei' }] };
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] }),
      dispatcher: dispatcherFor(emu.ca),
    } as RequestInit);
    expect(res.status).toBe(202);
  });
});

describe('who can read the webhooks', () => {
  it('should refuse a steward with 403 through Graph, leave the list out of the site’s lists, and find nothing', async () => {
    const { listId, siteId } = await listRef(graphClientAs(emu, boardA));
    const { graph, webhooks } = webhooksAs(steward);
    for (const path of [`/sites/${siteId}/lists/${listId}/items?$expand=fields`, `/sites/${siteId}/lists/${listId}`, `/sites/${siteId}/lists/${listId}/items/1`]) {
      const read = graph.get(path);
      await expect(read).rejects.toBeInstanceOf(GraphRequestError);
      await expect(read).rejects.toMatchObject({ status: 403, code: 'accessDenied' });
    }
    const names = (await graph.getAll<{ displayName: string }>(`/sites/${siteId}/lists?$select=displayName`)).map((l) => l.displayName);
    expect(names).toContain('Lokale mål');
    expect(names).not.toContain('Kanalvarsler');
    expect(await webhooks.get(alver.reminderChannelId)).toBeNull();
    expect(await webhooks.urlFor(alver.reminderChannelId)).toBeNull();
    expect(await webhooks.list()).toEqual([]);
    // Nor can a steward write one (SharePoint keeps the list from them), and no second list appears.
    await expect(webhooks.set(styret, 'Styret', logicUrl(1))).rejects.toBeInstanceOf(AccessDeniedError);
    const all = await graphClientAs(emu, boardA).getAll<{ displayName: string }>(`/sites/${siteId}/lists?$select=displayName`);
    expect(all.filter((l) => l.displayName === 'Kanalvarsler')).toHaveLength(1);
    expect(await rawItems()).toHaveLength(1);
    // The plan itself loads for the steward as before, and the board's load never reads the webhooks.
    expect((await repoAs(emu, steward, alver.id).repo.load())?.goals.length).toBeGreaterThan(0);
    emu.clearLog();
    await repoAs(emu, boardA, alver.id).repo.load();
    expect(emu.requestLog().filter((e) => e.path.includes(listId))).toEqual([]);
  });
});

describe('saving webhooks', () => {
  it('should refuse what is not a Workflows webhook URL and store nothing', async () => {
    const { webhooks } = webhooksAs(boardA);
    await expect(webhooks.set(styret, 'Styret', 'http://prod-01.westeurope.logic.azure.com/workflows/x')).rejects.toMatchObject({ name: 'WebhookUrlError', problem: 'notHttps' });
    await expect(webhooks.set(styret, 'Styret', 'https://example.com/hook')).rejects.toBeInstanceOf(WebhookUrlError);
    await expect(webhooks.set(styret, 'Styret', 'https://example.com/hook')).rejects.toMatchObject({ problem: 'notWorkflows' });
    await expect(webhooks.set(styret, 'Styret', '  ')).rejects.toMatchObject({ problem: 'empty' });
    expect(await webhooks.get(styret)).toBeNull();
  });

  it('should store one item when two board members save the same channel at once; the later different URL is a conflict', async () => {
    const a = webhooksAs(boardA).webhooks;
    const b = webhooksAs(boardB).webhooks;
    const results = await Promise.allSettled([a.set(styret, 'Styret', logicUrl(2)), b.set(styret, 'Styret', logicUrl(3))]);
    const saved = results.filter((r): r is PromiseFulfilledResult<ChannelWebhook> => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(saved).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.reason).toBeInstanceOf(ConflictError);
    const items = (await rawItems()).filter((i) => i.fields?.ClientId === styret);
    expect(items).toHaveLength(1);
    expect(items[0]?.fields?.WebhookUrl).toBe(saved[0]?.value.url);
    // The same URL saved twice at once (a double click, a retried request) is simply stored, once.
    await a.remove(styret);
    const same = await Promise.all([a.set(styret, 'Styret', platformUrl), b.set(styret, 'Styret', ` ${platformUrl} `)]);
    expect(same.map((w) => w.url)).toEqual([platformUrl, platformUrl]);
    expect(same[0]?.id).toBe(same[1]?.id);
    expect((await rawItems()).filter((i) => i.fields?.ClientId === styret)).toHaveLength(1);
  });

  it('should update with If-Match: a save or removal from a stale read is a ConflictError and changes nothing', async () => {
    const a = webhooksAs(boardA).webhooks;
    const b = webhooksAs(boardB).webhooks;
    const read = (await a.get(styret)) as ChannelWebhook;
    const seenByB = (await b.get(styret)) as ChannelWebhook;
    const updated = await a.set(styret, 'Styret (styremøter)', logicUrl(4), read.etag);
    expect(updated).toMatchObject({ id: read.id, channelId: styret, channelName: 'Styret (styremøter)', url: logicUrl(4) });
    expect(updated.etag).not.toBe(read.etag);
    await expect(b.set(styret, 'Styret', logicUrl(5), seenByB.etag)).rejects.toBeInstanceOf(ConflictError);
    await expect(b.remove(styret, seenByB.etag)).rejects.toBeInstanceOf(ConflictError);
    expect(await b.get(styret)).toMatchObject({ url: logicUrl(4), etag: updated.etag });
    // B reloads and overwrites knowingly.
    const fresh = (await b.get(styret)) as ChannelWebhook;
    await expect(b.set(styret, 'Styret', logicUrl(5), fresh.etag)).resolves.toMatchObject({ url: logicUrl(5) });
    // Removed, with its eTag; removing again is no error; an update of the removed item is NotFoundError.
    const last = (await a.get(styret)) as ChannelWebhook;
    await a.remove(styret, last.etag);
    expect(await a.get(styret)).toBeNull();
    await expect(a.remove(styret, last.etag)).resolves.toBeUndefined();
    await expect(a.set(styret, 'Styret', logicUrl(6), last.etag)).rejects.toBeInstanceOf(NotFoundError);
    expect(await a.get(styret)).toBeNull();
  });

  it('should not hand the runner a URL someone edited in Lists to a host that is not Workflows', async () => {
    const { webhooks, graph } = webhooksAs(boardA);
    const stored = await webhooks.set(styret, 'Styret', logicUrl(7));
    const { siteId, listId } = await listRef(graph);
    await graph.patch(`/sites/${siteId}/lists/${listId}/items/${stored.id}/fields`, { WebhookUrl: 'https://attacker.example/collect' });
    expect((await webhooks.get(styret))?.url).toBe('https://attacker.example/collect');
    expect(await webhooks.urlFor(styret)).toBeNull();
    await webhooks.remove(styret);
  });
});

describe('the boardOnly rule', () => {
  it('should make a list that lost its permissions the board’s alone again before writing a URL, idempotently', async () => {
    const { graph } = webhooksAs(boardA);
    const { listId } = await listRef(graph);
    const site = await graph.get<{ webUrl: string }>(`/groups/${alver.id}/sites/root?$select=webUrl`);
    const rest = sharePointRestAs(emu, boardA)(site.webUrl);
    // Someone gives it back to the site's permissions (every member may edit) in SharePoint.
    await rest.post(`web/lists(guid'${listId}')/resetroleinheritance`);
    expect(await permissionOf(boardA)).toMatchObject({ state: 'inherited' });
    const seenByStewards = await graphClientAs(emu, steward).getAll(`/sites/${(await listRef(graph)).siteId}/lists/${listId}/items`);
    expect(seenByStewards.length).toBeGreaterThan(0);

    // Without SharePoint REST nothing can be checked: the URL is refused, nothing written.
    const unreachable = new SharePointChannelWebhooks(graph, alver.id, undefined, {
      sharePoint: (webUrl) => new SharePointRest({ webUrl, getToken: async () => 'x', fetch: async () => Promise.reject(new TypeError('Failed to fetch')) }),
    });
    await expect(unreachable.set(styret, 'Styret', logicUrl(8))).rejects.toMatchObject({ name: 'WebhookListNotSecuredError', reason: 'unreachable' });
    // A steward's SharePoint REST may not set permissions: refused too.
    await expect(webhooksAs(steward).webhooks.set(styret, 'Styret', logicUrl(8))).rejects.toMatchObject({ name: 'WebhookListNotSecuredError', reason: 'denied' });
    expect(await webhooksAs(boardA).webhooks.get(styret)).toBeNull();

    // The board's save sets the rule first: Owners Full Control, no one else at all.
    await webhooksAs(boardA).webhooks.set(styret, 'Styret', logicUrl(9));
    expect(await permissionOf(boardA)).toMatchObject({ rule: 'boardOnly', state: 'ok' });
    const assignments = await rest.get<{ value: Array<{ PrincipalId: number; RoleDefinitionBindings: Array<{ RoleTypeKind: number }> }> }>(
      `web/lists(guid'${listId}')/roleassignments?$expand=Member,RoleDefinitionBindings`,
    );
    const owners = await rest.get<{ Id: number }>('web/associatedownergroup?$select=Id');
    expect(assignments.value.map((a) => [a.PrincipalId, a.RoleDefinitionBindings.map((r) => r.RoleTypeKind)])).toEqual([[owners.Id, [5]]]);
    await expect(graphClientAs(emu, steward).get(`/sites/${(await listRef(graph)).siteId}/lists/${listId}/items`)).rejects.toMatchObject({ status: 403 });

    // Someone adds the Members group back with Read: inspection says so, applying takes it away again.
    const members = await rest.get<{ Id: number }>('web/associatedmembergroup?$select=Id');
    const read = await rest.get<{ Id: number }>('web/roledefinitions/getbytype(2)');
    await rest.post(`web/lists(guid'${listId}')/roleassignments/addroleassignment(principalid=${members.Id},roledefid=${read.Id})`);
    expect(await permissionOf(boardA)).toMatchObject({ state: 'different' });
    const { repo } = repoAs(emu, boardA, alver.id);
    const applied = await repo.applyPermissions();
    expect(applied.lists.find((l) => l.key === 'channelWebhooks')).toMatchObject({ rule: 'boardOnly', state: 'ok' });
    expect(await permissionOf(boardA)).toMatchObject({ state: 'ok' });
    expect((await repo.applyPermissions()).lists.find((l) => l.key === 'channelWebhooks')).toMatchObject({ state: 'ok' });
    await expect(graphClientAs(emu, steward).get(`/sites/${(await listRef(graph)).siteId}/lists/${listId}/items`)).rejects.toMatchObject({ status: 403 });
  });
});
