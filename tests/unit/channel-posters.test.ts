/**
 * The bot's and the Workflows webhook's posters over real HTTP (a local server standing in for the
 * Bot Connector and a webhook): what they send, what they return, and how they find a lost post.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BOT_FRAMEWORK_SCOPE, BotConnectorPoster, channelConversation, PUBLIC_SERVICE_URL } from '../../src/adapters/teams/bot-connector-poster';
import { NoWebhookError, WorkflowPoster, workflowPayload } from '../../src/adapters/teams/workflow-poster';
import type { ReminderCard } from '../../src/cards/reminder-cards';
import type { GraphApi, Page } from '../../src/graph/client';
import { GraphRequestError } from '../../src/graph/errors';

const card: ReminderCard = { card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x', id: 'hp-0123456789abcdef' }] }, mentions: [], summary: 'Frist i dag: Verve 125', keys: ['k1'], bytes: 120 };
const channel = { teamId: 'team-1', channelId: '19:abc@thread.tacv2' };

let server: Server | null = null;
const requests: Array<{ url: string; auth: string | undefined; body: unknown }> = [];

async function serve(status: number, answer: unknown): Promise<string> {
  requests.length = 0;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      requests.push({ url: req.url ?? '', auth: req.headers.authorization, body: body ? JSON.parse(body) : null });
      res.writeHead(status, answer === null ? {} : { 'Content-Type': 'application/json' });
      res.end(answer === null ? undefined : JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

/** A Graph stub for the channel's messages (what `find` reads); the posters' HTTP is real. */
function graphWith(messages: Array<{ id: string; createdDateTime: string; attachments: Array<{ content: string }> }>): GraphApi & { paths: string[] } {
  const paths: string[] = [];
  return {
    baseUrl: 'https://graph.example/v1.0',
    paths,
    get: async <T,>(path: string) => {
      paths.push(path);
      return { value: messages } as Page<unknown> as T;
    },
  } as unknown as GraphApi & { paths: string[] };
}

describe('BotConnectorPoster', () => {
  it('starts a thread in the channel with the card as its first message, with the bot token', async () => {
    const base = await serve(201, { id: '19:abc@thread.tacv2;messageid=1700000000001', activityId: '1700000000001' });
    const scopes: string[][] = [];
    const poster = new BotConnectorPoster({ botId: 'bot-1', tenantId: 'tenant-1', graph: graphWith([]), getToken: async (s) => (scopes.push([...s]), 'bot-token'), serviceUrl: `${base}/botframework/` });
    expect(poster.via).toBe('bot');
    expect(poster.target).toBe('bot');
    expect(await poster.post(channel, card)).toBe('1700000000001');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe('/botframework/v3/conversations');
    expect(requests[0]?.auth).toBe('Bearer bot-token');
    expect(scopes).toEqual([[BOT_FRAMEWORK_SCOPE]]);
    expect(requests[0]?.body).toEqual(channelConversation('bot-1', 'tenant-1', channel.channelId, card));
    expect(requests[0]?.body).toEqual({
      isGroup: true,
      bot: { id: '28:bot-1' },
      tenantId: 'tenant-1',
      channelData: { channel: { id: channel.channelId }, tenant: { id: 'tenant-1' } },
      activity: { type: 'message', summary: card.summary, attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card.card }] },
    });
  });

  it('takes the message id from the conversation id when the answer has no activityId, and the public serviceUrl by default', async () => {
    const base = await serve(201, { id: '19:abc@thread.tacv2;messageid=1700000000002' });
    const poster = new BotConnectorPoster({ botId: 'b', tenantId: 't', graph: graphWith([]), getToken: async () => 'x', serviceUrl: base });
    expect(await poster.post(channel, card)).toBe('1700000000002');
    expect(requests[0]?.url).toBe('/v3/conversations');
    const odd = await (async () => {
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      const b = await serve(201, {});
      return new BotConnectorPoster({ botId: 'b', tenantId: 't', graph: graphWith([]), getToken: async () => 'x', serviceUrl: b }).post(channel, card);
    })();
    expect(odd).toBe('');
    expect(PUBLIC_SERVICE_URL).toBe('https://smba.trafficmanager.net/teams/');
  });

  it('throws the Connector refusal with its status and code (the bot is not in the team)', async () => {
    const base = await serve(403, { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
    const poster = new BotConnectorPoster({ botId: 'b', tenantId: 't', graph: graphWith([]), getToken: async () => 'x', serviceUrl: base });
    const error = (await poster.post(channel, card).catch((e: unknown) => e)) as GraphRequestError;
    expect([error.status, error.code]).toEqual([403, 'BotNotInConversationRoster']);
  });

  it('finds a lost post among the channel messages by its markers', async () => {
    const graph = graphWith([{ id: 'm1', createdDateTime: '2027-03-09T08:00:01Z', attachments: [{ content: JSON.stringify(card.card) }] }]);
    const poster = new BotConnectorPoster({ botId: 'b', tenantId: 't', graph, getToken: async () => 'x' });
    expect(await poster.find(channel, ['hp-0123456789abcdef', 'hp-ffffffffffffffff'], '2027-03-09T07:55:00Z')).toEqual(new Map([['hp-0123456789abcdef', 'm1']]));
    expect(graph.paths[0]).toBe('/teams/team-1/channels/19%3Aabc%40thread.tacv2/messages?$top=50');
  });
});

describe('WorkflowPoster', () => {
  it('posts the Workflows payload to the channel webhook, reading the URL once per channel', async () => {
    const base = await serve(202, null);
    let reads = 0;
    const poster = new WorkflowPoster({ webhooks: { urlFor: async (id) => (reads++, id === channel.channelId ? `${base}/webhooks/workflows/abc` : null) }, graph: graphWith([]) });
    expect([poster.via, poster.target]).toEqual(['workflow', 'workflow']);
    expect(await poster.hasWebhook(channel.channelId)).toBe(true);
    expect(await poster.hasWebhook('19:other@thread.tacv2')).toBe(false);
    expect(await poster.post(channel, card)).toBeNull();
    expect(await poster.post(channel, card)).toBeNull();
    expect(reads).toBe(2);
    expect(requests.map((r) => r.url)).toEqual(['/webhooks/workflows/abc', '/webhooks/workflows/abc']);
    expect(requests[0]?.auth).toBeUndefined();
    expect(requests[0]?.body).toEqual(workflowPayload(card));
    expect(requests[0]?.body).toEqual({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card.card }] });
  });

  it('refuses a channel without a webhook, naming it, and sends nothing', async () => {
    await serve(202, null);
    const poster = new WorkflowPoster({ webhooks: { urlFor: async () => null }, graph: graphWith([]) });
    const error = await poster.post(channel, card).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoWebhookError);
    expect((error as NoWebhookError).channelId).toBe(channel.channelId);
    expect(requests).toHaveLength(0);
  });

  it('throws what the webhook refused (a card too large)', async () => {
    const base = await serve(413, { error: { code: 'RequestEntityTooLarge', message: 'Request Entity too large' } });
    const poster = new WorkflowPoster({ webhooks: { urlFor: async () => `${base}/w` }, graph: graphWith([]) });
    const error = (await poster.post(channel, card).catch((e: unknown) => e)) as GraphRequestError;
    expect([error.status, error.code]).toEqual([413, 'RequestEntityTooLarge']);
  });

  it('finds a lost post among the channel messages', async () => {
    const graph = graphWith([{ id: 'm9', createdDateTime: '2027-03-09T08:00:01Z', attachments: [{ content: JSON.stringify(card.card) }] }]);
    const poster = new WorkflowPoster({ webhooks: { urlFor: async () => null }, graph });
    expect(await poster.find(channel, ['hp-0123456789abcdef'], '2027-03-09T07:55:00Z')).toEqual(new Map([['hp-0123456789abcdef', 'm9']]));
  });
});
