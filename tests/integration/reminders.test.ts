/**
 * Channel reminders from the tab (issue 12), through the app's real Graph client, ledger list and
 * channel poster against the emulator's SharePoint lists and Graph channel messages: the preview is
 * what is posted; each reminder is posted once, however often, however concurrently, and whatever
 * the network does (a lost answer, throttling, a refusal, a run interrupted half-way).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { graphClientAs } from '../../emulator/app-client';
import { seedTeamPlan } from '../../emulator/seed/demo-plans';
import type { RunningEmulator } from '../../emulator/server';
import { ReminderService } from '../../src/adapters/reminders/reminder-service';
import { SharePointReminderLedger, type LedgerEntry } from '../../src/adapters/sharepoint/reminder-ledger';
import { GraphChannelPoster, markersIn, messagesPath } from '../../src/adapters/teams/channel-poster';
import type { PlanSnapshot } from '../../src/domain/plan';
import { DEFAULT_REMINDER_SETTINGS, dueReminders, reminderMarker, type ReminderSettings } from '../../src/domain/reminders';
import type { Page } from '../../src/graph/client';
import { GraphRequestError } from '../../src/graph/errors';
import { arrangeDueGoals, clearReminderLedger } from './reminder-fixtures';
import { emulator, team } from './support';

let emu: RunningEmulator;
const alver = team('alver');
const boardUpn = alver.owners[0] as string;
const channel = { teamId: alver.id, channelId: alver.reminderChannelId };
/** Tuesday 9 March 2027, 09:00 in Oslo. */
const NOW = new Date('2027-03-09T08:00:00Z');
const MESSAGES = '^/teams/[^/]+/channels/[^/]+/messages$';

const links = { goalLink: (id: string) => `https://teams.microsoft.com/l/entity/app/handlingsplan?context=goal-${id}`, reportLink: (id: string) => `https://teams.microsoft.com/l/entity/app/handlingsplan?context=checkin-${id}` };

function serviceAs(upn: string, runId: string, staleAfterMs?: number) {
  const graph = graphClientAs(emu, upn, { retryDelaySeconds: 0.05 });
  const ledger = new SharePointReminderLedger(graph, alver.id);
  return {
    graph,
    ledger,
    service: new ReminderService({ teamId: alver.id, ledger, poster: new GraphChannelPoster(graph), runId: () => runId, ...links, ...(staleAfterMs !== undefined ? { staleAfterMs } : {}) }),
  };
}

/** The markers the reminder channel's cards carry, one entry per message that carries it (newest first). */
async function channelMarkers(): Promise<string[]> {
  const graph = graphClientAs(emu, boardUpn);
  const all = await graph.getAll<{ id: string; attachments?: Array<{ content?: string | null }> }>(`${messagesPath(channel)}?$top=50`);
  return all.flatMap((m) => (m.attachments ?? []).flatMap((a) => [...(a.content ?? '').matchAll(/"id":"(hp-[0-9a-f]{16})"/g)].map((x) => x[1] as string)));
}


/** What the channel gained since `before` (a list from channelMarkers), counting repeats. */
function added(before: readonly string[], after: readonly string[]): string[] {
  const left = [...before];
  return after.filter((m) => {
    const i = left.indexOf(m);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

/** Three goals due in the coming days, the rest without deadlines, and the reminder channel set. */
const arrange = (settings: Partial<ReminderSettings> = {}): Promise<PlanSnapshot> => arrangeDueGoals(emu, alver, settings);

/** Every reminder due on the test's day, as the rules give them. */
function dueAt(snapshot: PlanSnapshot) {
  return dueReminders({ plan: snapshot.plan, goals: snapshot.goals, checkIns: snapshot.checkIns, settings: { ...DEFAULT_REMINDER_SETTINGS, nudges: false }, sent: new Set() }, '2027-03-09');
}

beforeAll(async () => {
  emu = await emulator();
  await seedTeamPlan(emu, alver, '2027-03-01');
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  emu.setFaults({});
  await clearReminderLedger(emu, alver);
});

describe("the board's 'Send reminders now'", () => {
  it('posts exactly what the preview showed, once, and marks each reminder sent with its message', async () => {
    const snapshot = await arrange();
    const { service, ledger } = serviceAs(boardUpn, 'run-1');
    const before = await channelMarkers();
    const preview = await service.preview(snapshot, NOW);
    // Due in 3 days, due today, and overdue since Friday: three goals, three posts.
    expect(preview.cards).toHaveLength(3);
    expect(preview.channelId).toBe(channel.channelId);
    const keys = preview.cards.flatMap((c) => c.keys);
    expect(keys.map((k) => k.split(':').slice(1).join(':')).sort()).toEqual(['deadline:2027-03-05:late1', 'deadline:2027-03-09:on', 'deadline:2027-03-12:before3']);

    const report = await service.send(snapshot, NOW, { manual: true, only: keys });
    expect(report).toMatchObject({ posted: 3, reminders: 3, skipped: 0, recovered: 0, failed: [] });
    const posted = added(before, await channelMarkers());
    expect(posted.sort()).toEqual(keys.map((k) => reminderMarker(snapshot.plan.id, k, 'run-1')).sort());

    const entries = await ledger.entries(snapshot.plan.id);
    expect(entries.map((e) => [e.key, e.state, e.runId, e.via, e.channelId]).sort()).toEqual(keys.map((k) => [k, 'sent', 'run-1', 'graph', channel.channelId]).sort());
    expect(entries.every((e) => /^\d+$/.test(e.messageId ?? ''))).toBe(true);

    // Again, from anywhere: nothing left to post.
    expect((await service.preview(snapshot, NOW)).cards).toEqual([]);
    expect(await serviceAs(boardUpn, 'run-2').service.send(snapshot, NOW, { manual: true })).toMatchObject({ posted: 0, reminders: 0 });
    expect(added(before, await channelMarkers())).toHaveLength(3);
  });

  it('posts nothing the board did not see: what came due after the preview waits', async () => {
    const snapshot = await arrange();
    const { service } = serviceAs(boardUpn, 'run-3');
    const preview = await service.preview(snapshot, NOW);
    const report = await service.send(snapshot, NOW, { manual: true, only: preview.cards[0]!.keys });
    expect(report).toMatchObject({ posted: 1, reminders: 1 });
    expect((await service.preview(snapshot, NOW)).cards).toHaveLength(2);
  });

  it('has two runs at the same moment post each reminder once between them', async () => {
    const snapshot = await arrange();
    const before = await channelMarkers();
    const [a, b] = await Promise.all([serviceAs(boardUpn, 'run-a').service.send(snapshot, NOW, { manual: true }), serviceAs(boardUpn, 'run-b').service.send(snapshot, NOW, { manual: true })]);
    expect(a.reminders + b.reminders).toBe(3);
    expect(a.skipped + b.skipped).toBe(3);
    const posted = added(before, await channelMarkers());
    expect(posted).toHaveLength(3);
    expect(new Set(posted.map((m) => m)).size).toBe(3);
  });

  it('finds a post whose answer was lost instead of posting it again', async () => {
    const snapshot = await arrange({ maxSeparatePosts: 5 });
    const before = await channelMarkers();
    // The first post is stored, then its answer is lost (the connection closes).
    emu.setFaults({ failureRate: 1, failCount: 1, commit: 'after', failureStatuses: [0], scope: ['request'], methods: ['POST'], pathPattern: MESSAGES });
    const report = await serviceAs(boardUpn, 'run-lost').service.send(snapshot, NOW, { manual: true });
    emu.setFaults({});
    expect(report).toMatchObject({ posted: 3, reminders: 3, failed: [] });
    const posted = added(before, await channelMarkers());
    expect(posted.sort()).toEqual(report.failed.length === 0 ? (await serviceAs(boardUpn, 'x').ledger.entries(snapshot.plan.id)).map((e) => reminderMarker(snapshot.plan.id, e.key, 'run-lost')).sort() : []);
  });

  it('leaves a post it cannot check claimed, for a later run to settle, and never posts it twice', async () => {
    const snapshot = await arrange({ maxSeparatePosts: 5 });
    const before = await channelMarkers();
    // The first post is stored and its answer lost; reading the channel to check is refused (a tab
    // with ChannelMessage.Send only).
    emu.setFaults({ failureRate: 1, failCount: 1, commit: 'after', failureStatuses: [0], scope: ['request'], methods: ['POST'], pathPattern: MESSAGES });
    const tab = serviceAs(boardUpn, 'run-blind');
    const graph = graphClientAs(emu, boardUpn, { retryDelaySeconds: 0.05 });
    const blindPoster = new GraphChannelPoster(graph);
    blindPoster.find = () => Promise.reject(new GraphRequestError(403, 'Forbidden', 'accessDenied'));
    const blind = new ReminderService({ teamId: alver.id, ledger: tab.ledger, poster: blindPoster, runId: () => 'run-blind', ...links });
    const report = await blind.send(snapshot, NOW, { manual: true });
    emu.setFaults({});
    expect(report.posted).toBe(2);
    expect(report.failed.map((f) => f.error.name)).toEqual(['PostOutcomeUnknownError']);
    const entries = await tab.ledger.entries(snapshot.plan.id);
    expect(entries.map((e) => e.state).sort()).toEqual(['claimed', 'sent', 'sent']);
    // A later run that can read the channel finds the post and marks it, posting nothing again.
    const anHourLater = new Date(NOW.getTime() + 60 * 60 * 1000);
    const later = await serviceAs(boardUpn, 'run-later').service.send(snapshot, anHourLater, { manual: true });
    expect(later).toEqual({ recovered: 1, posted: 0, reminders: 0, skipped: 0, failed: [], tasksUnavailable: false });
    expect(added(before, await channelMarkers())).toHaveLength(3);
    expect((await tab.ledger.entries(snapshot.plan.id)).every((e) => e.state === 'sent')).toBe(true);
  });

  it('gets through a storm of throttled posts and ledger writes', async () => {
    const snapshot = await arrange();
    emu.setFaults({ failureRate: 0.5, failureStatuses: [429], retryAfterSeconds: 0, scope: ['request'], methods: ['POST', 'PATCH'] });
    const report = await serviceAs(boardUpn, 'run-429').service.send(snapshot, NOW, { manual: true });
    emu.setFaults({});
    expect(report.failed.map((f) => f.error.message)).toEqual([]);
    expect(report.reminders).toBe(3);
    expect((await serviceAs(boardUpn, 'x').ledger.entries(snapshot.plan.id)).every((e) => e.state === 'sent')).toBe(true);
  });

  it('frees the claims of a post the channel refused, so the next run posts it', async () => {
    const snapshot = await arrange();
    emu.setFaults({ failureRate: 1, failureStatuses: [400], scope: ['request'], methods: ['POST'], pathPattern: MESSAGES });
    const refused = await serviceAs(boardUpn, 'run-refused').service.send(snapshot, NOW, { manual: true });
    emu.setFaults({});
    expect(refused.posted).toBe(0);
    expect(refused.failed).toHaveLength(3);
    expect(await serviceAs(boardUpn, 'x').ledger.entries(snapshot.plan.id)).toEqual([]);
    expect(await serviceAs(boardUpn, 'run-after').service.send(snapshot, NOW, { manual: true })).toMatchObject({ posted: 3, reminders: 3 });
  });

  it('settles what an interrupted run left: a post made is marked, a post never made is sent', async () => {
    const snapshot = await arrange();
    const { service, ledger } = serviceAs(boardUpn, 'run-crash');
    const preview = await service.preview(snapshot, NOW);
    const [first, second] = preview.cards;
    const claimedAt = new Date(NOW.getTime() - 60 * 60 * 1000).toISOString();
    // The crashed run had claimed two reminders, posted the first card, and stopped.
    const reminders = dueAt(snapshot);
    const claimed: LedgerEntry[] = [];
    for (const key of [...first!.keys, ...second!.keys]) {
      const reminder = reminders.find((r) => r.key === key)!;
      claimed.push(await ledger.claim(snapshot.plan.id, reminder, { runId: 'crashed', at: claimedAt, via: 'graph', channelId: channel.channelId }));
    }
    // The crashed run's first card, with its markers.
    const graph = graphClientAs(emu, boardUpn);
    const crashedCard = { type: 'AdaptiveCard', version: '1.5', body: first!.keys.map((k) => ({ type: 'TextBlock', text: 'Påminnelse', id: reminderMarker(snapshot.plan.id, k, 'crashed') })) };
    const made = await new GraphChannelPoster(graph).post(channel, { card: crashedCard, keys: first!.keys, bytes: 1, mentions: [], summary: 'x' });
    const before = await channelMarkers();

    const report = await serviceAs(boardUpn, 'run-next').service.send(snapshot, NOW, { manual: true });
    expect(report.recovered).toBe(2);
    // The second card was posted now, and the third (never claimed); the first is not posted again.
    expect(report.reminders).toBe(2);
    const after = added(before, await channelMarkers());
    expect(after).toHaveLength(2);
    expect(after).toContain(reminderMarker(snapshot.plan.id, second!.keys[0]!, 'run-next'));
    expect(after.some((m) => first!.keys.some((k) => m === reminderMarker(snapshot.plan.id, k, 'run-next')))).toBe(false);
    const entries = await ledger.entries(snapshot.plan.id);
    expect(entries.find((e) => e.key === first!.keys[0])).toMatchObject({ state: 'sent', messageId: made, runId: 'crashed' });
    expect(entries.every((e) => e.state === 'sent')).toBe(true);
    expect(claimed).toHaveLength(2);
  });

  it('sends the rest when it cannot read the channel to settle an old claim, and leaves that claim', async () => {
    const snapshot = await arrange();
    const { service, ledger } = serviceAs(boardUpn, 'run-tab');
    const key = (await service.preview(snapshot, NOW)).cards[0]!.keys[0]!;
    const old = new Date(NOW.getTime() - 60 * 60 * 1000).toISOString();
    await ledger.claim(snapshot.plan.id, dueAt(snapshot).find((r) => r.key === key)!, { runId: 'crashed', at: old, via: 'bot', channelId: channel.channelId });
    const graph = graphClientAs(emu, boardUpn, { retryDelaySeconds: 0.05 });
    const blindPoster = new GraphChannelPoster(graph);
    blindPoster.find = () => Promise.reject(new GraphRequestError(403, 'Forbidden', 'accessDenied'));
    const tab = new ReminderService({ teamId: alver.id, ledger, poster: blindPoster, runId: () => 'run-tab', ...links });
    expect(await tab.send(snapshot, NOW, { manual: true })).toMatchObject({ posted: 2, reminders: 2, recovered: 0, failed: [] });
    expect((await ledger.entries(snapshot.plan.id)).find((e) => e.key === key)).toMatchObject({ state: 'claimed', runId: 'crashed' });
  });

  it('leaves a fresh claim of another run alone', async () => {
    const snapshot = await arrange();
    const { service, ledger } = serviceAs(boardUpn, 'run-busy');
    const preview = await service.preview(snapshot, NOW);
    const key = preview.cards[0]!.keys[0]!;
    const reminders = dueAt(snapshot);
    await ledger.claim(snapshot.plan.id, reminders.find((r) => r.key === key)!, { runId: 'other', at: NOW.toISOString(), via: 'bot', channelId: channel.channelId });
    expect((await service.preview(snapshot, NOW)).inProgress).toBe(1);
    const report = await service.send(snapshot, NOW, { manual: true });
    expect(report).toMatchObject({ reminders: 2, recovered: 0 });
    expect((await ledger.entries(snapshot.plan.id)).find((e) => e.key === key)).toMatchObject({ state: 'claimed', runId: 'other' });
  });
});

describe('the channel poster', () => {
  it('finds markers only in the messages that carry them, and only the ones asked for', () => {
    const message = { id: '1', attachments: [{ content: JSON.stringify({ body: [{ type: 'TextBlock', id: 'hp-0123456789abcdef' }, { id: 'hp-fedcba9876543210' }] }) }, { content: null }] };
    expect(markersIn(message, new Set(['hp-0123456789abcdef']))).toEqual(['hp-0123456789abcdef']);
    expect(markersIn(message, new Set(['hp-0000000000000000']))).toEqual([]);
    expect(markersIn({ id: '2' }, new Set(['hp-0123456789abcdef']))).toEqual([]);
  });

  it('posts a card as Graph wants it: the attachment referenced from the body, its content a JSON string', async () => {
    const graph = graphClientAs(emu, boardUpn);
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Hei', id: 'hp-00000000000000aa' }] };
    const id = await new GraphChannelPoster(graph).post(channel, { card, keys: ['k'], bytes: 1, mentions: [], summary: 'Hei' });
    const stored = await graph.get<{ body: { contentType: string; content: string }; attachments: Array<{ id: string; contentType: string; content: string }> }>(`${messagesPath(channel)}/${id}`);
    expect(stored.body.contentType).toBe('html');
    expect(stored.body.content).toBe(`<attachment id="${stored.attachments[0]!.id}"></attachment>`);
    expect(stored.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.parse(stored.attachments[0]!.content)).toEqual(card);
    const page = await graph.get<Page<unknown>>(`${messagesPath(channel)}?$top=1`);
    expect(page.value).toHaveLength(1);
  });
});

