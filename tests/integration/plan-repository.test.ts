import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { RunningEmulator } from '../../emulator/server';
import { seedTeamPlan } from '../../emulator/seed/demo-plans';
import { GraphDirectory } from '../../src/adapters/teams/graph-directory';
import { AccessDeniedError, ConflictError, NotFoundError } from '../../src/domain/ports';
import { fieldEquals, withQuery } from '../../src/graph/odata';
import { GraphRequestError } from '../../src/graph/errors';
import type { PlanDraft } from '../../src/import/draft';
import { emulator, outerRequests, repoAs, team } from './support';
import { DEMO_GUEST_UPN, demoPerson } from '../../emulator/seed/demo-tenant';
import { ownsGoal } from '../../src/domain/plan';

const alver = team('alver');
const [boardA, boardB] = alver.owners as [string, string];
const steward = alver.members[0] as string;
const truth = JSON.parse(readFileSync(new URL('../../fixtures/plans/alver.truth.json', import.meta.url), 'utf8')) as PlanDraft;

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await emulator();
  await seedTeamPlan(emu, alver, '2026-11-23');
});

afterAll(async () => {
  await emu.close();
});

describe('Graph client through the SDK against the emulator', () => {
  it('should attach the token (customHosts) and read the directory', async () => {
    const { graph } = repoAs(emu, steward, alver.id);
    const directory = new GraphDirectory(graph);
    expect((await directory.me()).id).toBe(demoPerson(steward).id);
    expect((await directory.joinedTeams()).map((t) => t.displayName)).toContain('Fagforbundet Alver');
    const members = await directory.teamMembers(alver.id);
    expect(members.filter((m) => m.role === 'board').map((m) => m.id).sort()).toEqual(alver.owners.map((upn) => demoPerson(upn).id).sort());
  });

  it('should turn a 401 into a typed error', async () => {
    const { graph } = repoAs(emu, 'nobody@elsewhere.example', alver.id);
    await expect(graph.get('/me')).rejects.toMatchObject({ status: 401 });
  });

  it('should refuse a team the user is not a member of', async () => {
    const { repo } = repoAs(emu, steward, team('asker').id);
    await expect(repo.load()).rejects.toMatchObject({ status: 403 });
  });
});

describe('SharePointPlanRepository', () => {
  it('should load the seeded plan exactly as the truth file describes it', async () => {
    const { repo } = repoAs(emu, steward, alver.id);
    const snapshot = await repo.load();
    expect(snapshot).not.toBeNull();
    if (!snapshot) return;
    expect(snapshot.plan).toEqual({
      id: expect.any(String),
      etag: expect.stringMatching(/^".+,\d+"$/),
      union: truth.union,
      periodFrom: 2026,
      periodTo: 2027,
      adoptedDate: '2026-02-19', // the demo seed's adoption date for Alver (the truth file has none)
      language: truth.language,
      importState: null,
      planner: null,
      rolloutSteps: null,
      rosterImport: null,
      // The demo seed points reminders at the team's 'Påminnelser' channel.
      reminderChannelId: alver.reminderChannelId,
      reminderChannelName: 'Påminnelser',
      reminderSettings: null,
      // When the store created the plan item (Graph's createdDateTime): goals created later were added to the adopted plan.
      created: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(snapshot.areas.map((a) => a.title)).toEqual(truth.areas.map((a) => a.title));
    expect(snapshot.areas.map((a) => a.nationalGoals)).toEqual(truth.areas.map((a) => a.nationalGoals));
    const truthGoals = truth.areas.flatMap((a) => a.localGoals.map((g) => g.text));
    expect([...snapshot.goals].sort((a, b) => a.sortOrder - b.sortOrder).map((g) => g.text)).toEqual(truthGoals);
    expect(snapshot.situation.map((s) => s.area)).toEqual(truth.situation.map((s) => s.area));
    expect(snapshot.checkIns.length).toBeGreaterThan(0);
    expect(snapshot.issues).toEqual([]);
  });

  it('should load the whole plan in one round trip through $batch, reading each list by its title', async () => {
    const { repo } = repoAs(emu, steward, alver.id);
    emu.clearLog();
    const snapshot = await repo.load();
    const outer = outerRequests(emu);
    expect(outer.map((e) => `${e.method} ${e.path}`)).toEqual(['POST /v1.0/$batch']);
    expect(snapshot?.goals.length).toBeGreaterThan(0);
  });

  it('should read a list someone renamed by its id in a second round trip, and load the same plan', async () => {
    const { repo, graph } = repoAs(emu, boardA, alver.id);
    const before = await repo.load();
    const lists = await graph.getAll<{ id: string; displayName: string }>(`/groups/${alver.id}/sites/root/lists`);
    const goalsList = lists.find((l) => l.displayName === 'Lokale mål');
    if (!goalsList) throw new Error('no goals list');
    await graph.patch(`/groups/${alver.id}/sites/root/lists/${goalsList.id}`, { displayName: 'Våre mål' });
    // A list of the user's own now has the title the app gave its goals list: never read as goals.
    const decoy = await graph.post<{ id: string }>(`/groups/${alver.id}/sites/root/lists`, { displayName: 'Lokale mål', list: { template: 'genericList' } });
    await graph.post(`/groups/${alver.id}/sites/root/lists/${decoy.id}/items`, { fields: { Title: 'Ikke et mål' } });
    try {
      const fresh = repoAs(emu, steward, alver.id).repo;
      emu.clearLog();
      const after = await fresh.load();
      expect(outerRequests(emu).map((e) => `${e.method} ${e.path}`)).toEqual(['POST /v1.0/$batch', 'POST /v1.0/$batch']);
      expect(after?.goals.map((g) => g.text)).toEqual(before?.goals.map((g) => g.text));
      expect(after?.issues).toEqual([]);
    } finally {
      await graph.delete(`/groups/${alver.id}/sites/root/lists/${decoy.id}`);
      await graph.patch(`/groups/${alver.id}/sites/root/lists/${goalsList.id}`, { displayName: 'Lokale mål' });
    }
  });

  it('should be idempotent when provisioning again', async () => {
    const { repo } = repoAs(emu, boardA, alver.id);
    const again = await repo.provision();
    expect(again.lists.map((l) => l.state)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    const { graph } = repoAs(emu, boardA, alver.id);
    const lists = await graph.getAll<{ displayName: string }>(`/groups/${alver.id}/sites/root/lists`);
    expect(lists.filter((l) => l.displayName === 'Lokale mål')).toHaveLength(1);
  });

  it('should reject a stale save with a conflict, and let the second person overwrite knowingly', async () => {
    const a = repoAs(emu, boardA, alver.id).repo;
    const b = repoAs(emu, boardB, alver.id).repo;
    const goal = ((await a.load())?.goals ?? [])[0];
    expect(goal?.etag).toBeTruthy();
    if (!goal) return;
    const fromB = await b.getGoal(goal.id);
    const saved = await a.updateGoal(goal.id, { text: 'Endret av A' }, { ifMatch: goal.etag ?? null });
    expect(saved.text).toBe('Endret av A');
    await expect(b.updateGoal(goal.id, { text: 'Endret av B' }, { ifMatch: fromB.etag ?? null })).rejects.toBeInstanceOf(ConflictError);
    const latest = await b.getGoal(goal.id);
    expect(latest.text).toBe('Endret av A');
    expect(latest.modifiedBy).toBeTruthy();
    const overwritten = await b.updateGoal(goal.id, { text: 'Endret av B' }, { ifMatch: latest.etag ?? null });
    expect(overwritten.text).toBe('Endret av B');
    expect((await a.getGoal(goal.id)).text).toBe('Endret av B');
  });

  it('should report a goal deleted meanwhile as not found', async () => {
    const { repo } = repoAs(emu, boardA, alver.id);
    const snapshot = await repo.load();
    const goal = snapshot?.goals.at(-1);
    if (!goal) throw new Error('no goal');
    await repo.deleteGoal(goal.id, { ifMatch: goal.etag ?? null });
    await expect(repo.updateGoal(goal.id, { text: 'x' }, { ifMatch: goal.etag ?? null })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('should keep texts with quotes, ampersands, hashes and percent signs intact, and filter on them', async () => {
    const { repo, graph } = repoAs(emu, boardA, alver.id);
    const planId = (await repo.load())?.plan.id ?? '';
    const area = "Helse & omsorg #1 – 'Kari''s' 50% + mer";
    const row = await repo.createSituationRow({ planId, area, now: 'a & b', shortTerm: '#2', longTerm: "'", sortOrder: 99 });
    expect(row.area).toBe(area);
    const loaded = await repo.load();
    expect(loaded?.situation.find((s) => s.id === row.id)).toMatchObject({ area, now: 'a & b', shortTerm: '#2', longTerm: "'" });
    const health = await repo.health();
    const situationList = health.lists.find((l) => l.key === 'situation')?.listId;
    const path = withQuery(`/groups/${alver.id}/sites/root/lists/${situationList}/items`, { expand: 'fields', filter: fieldEquals('Title', area) });
    await expect(graph.getAll(path)).rejects.toMatchObject({ status: 400 }); // Title is not indexed
    const found = await graph.getAll<{ id: string }>(path, { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } });
    expect(found.map((f) => f.id)).toEqual([row.id]);
  });

  it('should report values typed in Microsoft Lists that it does not understand', async () => {
    const { repo, graph } = repoAs(emu, boardA, alver.id);
    const snapshot = await repo.load();
    const goal = snapshot?.goals[1];
    const listId = (await repo.health()).lists.find((l) => l.key === 'goals')?.listId;
    await graph.patch(`/groups/${alver.id}/sites/root/lists/${listId}/items/${goal?.id}/fields`, { GoalStatus: 'Venter på styret' });
    const after = await repo.load();
    expect(after?.issues).toContainEqual({ list: 'goals', itemId: goal?.id, field: 'GoalStatus', value: 'Venter på styret', kind: 'unknownChoice' });
    expect(after?.goals.find((g) => g.id === goal?.id)?.status).toBeNull();
  });

  it('should repair the schema after someone deleted a column in Microsoft Lists', async () => {
    const { repo, graph } = repoAs(emu, boardA, alver.id);
    const listId = (await repo.health()).lists.find((l) => l.key === 'goals')?.listId;
    const columns = await graph.getAll<{ id: string; name: string }>(`/groups/${alver.id}/sites/root/lists/${listId}/columns`);
    const target = columns.find((c) => c.name === 'Target');
    await graph.delete(`/groups/${alver.id}/sites/root/lists/${listId}/columns/${target?.id}`);
    const health = await repo.health();
    expect(health.lists.find((l) => l.key === 'goals')).toMatchObject({ state: 'outdated', missingColumns: ['Target'] });
    // Loading still works, with the values of the lost column empty.
    expect((await repo.load())?.goals.length).toBeGreaterThan(0);
    // A save that needs the column repairs the schema and goes through.
    const goal = (await repo.load())?.goals.find((g) => g.kind === 'measured');
    if (!goal) throw new Error('no measured goal');
    const saved = await repo.updateGoal(goal.id, { measure: { unit: 'medlemmer', baseline: 0, target: 130, current: 12 } });
    expect(saved.measure?.target).toBe(130);
    expect((await repo.health()).lists.find((l) => l.key === 'goals')?.state).toBe('ok');
  });

  it('should store a goal’s start day and give each goal the day the store created it', async () => {
    const { repo } = repoAs(emu, boardA, alver.id);
    const snapshot = await repo.load();
    const goal = snapshot?.goals[0];
    if (!snapshot || !goal) throw new Error('no goal');
    expect(goal.start).toBeUndefined();
    expect(goal.created).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const saved = await repo.updateGoal(goal.id, { start: '2026-09-01' }, { ifMatch: goal.etag ?? null });
    expect(saved.start).toBe('2026-09-01');
    expect((await repo.load())?.goals.find((g) => g.id === goal.id)?.start).toBe('2026-09-01');
    const cleared = await repo.updateGoal(goal.id, { start: null }, { ifMatch: saved.etag ?? null });
    expect(cleared.start).toBeUndefined();
  });

  it('should keep multi-line text plain: created plain, and a column turned into rich text in Lists is set back', async () => {
    const { repo, graph } = repoAs(emu, boardA, alver.id);
    const listId = (await repo.health()).lists.find((l) => l.key === 'checkIns')?.listId;
    const columnsPath = `/groups/${alver.id}/sites/root/lists/${listId}/columns`;
    type Column = { id: string; name: string; text?: { allowMultipleLines?: boolean; textType?: string } };
    const multiline = (await graph.getAll<Column>(columnsPath)).filter((c) => c.text?.allowMultipleLines);
    expect(multiline.map((c) => c.name)).toContain('CheckInComment');
    expect(multiline.map((c) => c.text?.textType)).toEqual(multiline.map(() => 'plain'));

    const comment = multiline.find((c) => c.name === 'CheckInComment');
    await graph.patch(`${columnsPath}/${comment?.id}`, { text: { textType: 'richText' } });
    expect((await repo.health()).lists.find((l) => l.key === 'checkIns')?.state).toBe('outdated');
    await repo.provision();
    expect((await graph.get<Column>(`${columnsPath}/${comment?.id}`)).text?.textType).toBe('plain');
    expect((await repo.health()).lists.find((l) => l.key === 'checkIns')?.state).toBe('ok');

    // A comment with lines, ampersands and angle brackets comes back exactly as written.
    const snapshot = await repo.load();
    const goal = snapshot?.goals[0];
    if (!snapshot || !goal) throw new Error('no plan');
    const text = 'Linje 1 & <b>ikke fet</b>\nLinje 2';
    await repo.addCheckIn({ planId: snapshot.plan.id, goalId: goal.id, date: '2026-11-20', value: null, comment: text, clientId: 'plain-text-1' });
    expect((await repo.checkInsOf(goal.id)).find((c) => c.clientId === 'plain-text-1')?.comment).toBe(text);
  });
});

describe('check-ins, comments and history', () => {
  it('should store a check-in once however often it is sent with the same client id', async () => {
    const { repo } = repoAs(emu, steward, alver.id);
    const snapshot = await repo.load();
    const goal = snapshot?.goals.find((g) => ownsGoal(g, demoPerson(steward).id)) ?? snapshot?.goals[0];
    if (!snapshot || !goal) throw new Error('no goal');
    const checkIn = { planId: snapshot.plan.id, goalId: goal.id, date: '2026-11-20', value: 7, comment: 'Møte på sjukeheimen', clientId: 'c-123e4567' };
    const first = await repo.addCheckIn(checkIn);
    const again = await repo.addCheckIn(checkIn);
    const [third, fourth] = await Promise.all([repo.addCheckIn({ ...checkIn, clientId: 'c-other' }), repo.addCheckIn({ ...checkIn, clientId: 'c-other' })]);
    expect(again.id).toBe(first.id);
    const mine = (await repo.checkInsOf(goal.id)).filter((c) => c.comment === 'Møte på sjukeheimen');
    // Sequential retries and concurrent sends of one key alike store one item (ClientId is unique).
    expect(mine.filter((c) => c.clientId === 'c-123e4567')).toHaveLength(1);
    expect(mine.filter((c) => c.clientId === 'c-other')).toHaveLength(1);
    expect(third.id).toBe(fourth.id);
  });

  it('should record who made a check-in or comment from the token (createdBy), by Entra id, for a user without a mailbox and a guest', async () => {
    const people = ['ola.nesse@org365.example', DEMO_GUEST_UPN];
    for (const upn of people) {
      const { repo } = repoAs(emu, upn, alver.id);
      const snapshot = await repo.load();
      // Both own goals in the demo plan, matched by id although one has no e-mail and the other an external one.
      const own = snapshot?.goals.filter((g) => ownsGoal(g, demoPerson(upn).id)) ?? [];
      expect(own.length, upn).toBeGreaterThan(0);
      const goal = own[0];
      if (!snapshot || !goal) throw new Error('no goal');
      const checkIn = await repo.addCheckIn({ planId: snapshot.plan.id, goalId: goal.id, date: '2026-11-21', value: null, comment: `fra ${upn}`, clientId: `author-${upn}` });
      expect(checkIn.author).toEqual({ id: demoPerson(upn).id, displayName: demoPerson(upn).displayName });
      const comment = await repo.addComment({ planId: snapshot.plan.id, goalId: goal.id, text: `kommentar fra ${upn}`, clientId: `author-c-${upn}` });
      expect(comment.author?.id).toBe(demoPerson(upn).id);
    }
    // Read back by someone else, the authors are still who made them.
    const after = await repoAs(emu, boardA, alver.id).repo.load();
    for (const upn of people) {
      expect(after?.checkIns.find((c) => c.comment === `fra ${upn}`)?.author?.id).toBe(demoPerson(upn).id);
      expect(after?.comments.find((c) => c.text === `kommentar fra ${upn}`)?.author?.id).toBe(demoPerson(upn).id);
    }
  });

  it('should keep comments per goal', async () => {
    const { repo } = repoAs(emu, boardA, alver.id);
    const snapshot = await repo.load();
    const goal = snapshot?.goals[2];
    if (!snapshot || !goal) throw new Error('no goal');
    const comment = await repo.addComment({ planId: snapshot.plan.id, goalId: goal.id, text: 'Tas opp på styremøtet i desember', clientId: 'k1' });
    await repo.addComment({ planId: snapshot.plan.id, goalId: goal.id, text: 'Tas opp på styremøtet i desember', clientId: 'k1' });
    const after = await repo.load();
    expect(after?.comments.filter((c) => c.goalId === goal.id)).toEqual([expect.objectContaining({ id: comment.id, text: 'Tas opp på styremøtet i desember' })]);
  });

  it('should give a goal\'s history, newest first, with who changed it', async () => {
    const { repo } = repoAs(emu, boardA, alver.id);
    const goal = (await repo.load())?.goals[3];
    if (!goal) throw new Error('no goal');
    const b = repoAs(emu, boardB, alver.id).repo;
    const changed = await b.updateGoal(goal.id, { due: '2027-03' }, { ifMatch: goal.etag ?? null });
    await repo.updateGoal(goal.id, { status: 'atRisk' }, { ifMatch: changed.etag ?? null });
    const history = await repo.goalHistory(goal.id);
    expect(history.length).toBeGreaterThanOrEqual(3);
    expect(history[0]?.goal.status).toBe('atRisk');
    expect(history[0]?.modifiedBy).toBe('Ingrid Haugland');
    expect(history[1]?.goal.due).toBe('2027-03');
    expect(history[1]?.modifiedBy).toBe('Sigurd Mjelde');
  });

  it('should list the team\'s channels and edit areas and situation rows', async () => {
    const { repo, graph } = repoAs(emu, boardA, alver.id);
    const { GraphDirectory } = await import('../../src/adapters/teams/graph-directory');
    expect((await new GraphDirectory(graph).channels(alver.id)).map((c) => c.displayName)).toEqual(['General', 'Styret', 'Påminnelser']);
    const snapshot = await repo.load();
    const area = snapshot?.areas[0];
    const row = snapshot?.situation[0];
    if (!area || !row) throw new Error('missing');
    await repo.updateArea(area.id, { strategies: [...area.strategies, 'Ny lokal strategi'] }, { ifMatch: area.etag ?? null });
    await repo.deleteSituationRow(row.id, { ifMatch: row.etag ?? null });
    const after = await repo.load();
    expect(after?.areas[0]?.strategies.at(-1)).toBe('Ny lokal strategi');
    expect(after?.situation.some((s) => s.id === row.id)).toBe(false);
  });
});

describe('lists recreated in Microsoft Lists', () => {
  it('should not attach an earlier plan\'s items to a new plan that got the same item id', async () => {
    const local = await emulator();
    try {
      const asker = team('asker');
      const { graph, repo } = repoAs(local, asker.owners[0] as string, asker.id);
      await repo.provision();
      const old = await repo.createPlan({ union: 'Gammel', periodFrom: 2024, periodTo: 2025, adoptedDate: null, language: 'nb' });
      await repo.createArea({ planId: old.id, number: 1, title: 'Gammelt område', nationalGoals: [], strategies: [] });
      // Someone deletes the plans list; the app creates it again and a new plan gets id 1 again.
      const plansList = (await repo.health()).lists.find((l) => l.key === 'plans')?.listId;
      await graph.delete(`/groups/${asker.id}/sites/root/lists/${plansList}`);
      await new Promise((resolve) => setTimeout(resolve, 1100)); // SharePoint timestamps have whole seconds
      await repo.provision();
      const fresh = await repo.createPlan({ union: 'Ny', periodFrom: 2026, periodTo: 2027, adoptedDate: null, language: 'nb' });
      expect(fresh.id).toBe(old.id);
      const snapshot = await repo.load();
      expect(snapshot?.plan.union).toBe('Ny');
      expect(snapshot?.areas).toEqual([]);
    } finally {
      await local.close();
    }
  });
});

describe('schema versions', () => {
  it('should upgrade lists created by an older version without losing their items', async () => {
    const local = await emulator();
    try {
      const asker = team('asker');
      const { graph, repo } = repoAs(local, asker.owners[0] as string, asker.id);
      const { LISTS, toColumnDefinition } = await import('../../src/adapters/sharepoint/schema');
      // A v2 plans list: no ImportState column (v3) nor Planner columns (v4), v2 marker, one plan.
      const v2 = LISTS.plans.columns.filter((c) => !['ImportState', 'PlannerPlanId', 'PlannerBuckets', 'ReminderSettings', 'RolloutSteps', 'RosterImport'].includes(c.name)).map(toColumnDefinition);
      const plans = await graph.post<{ id: string }>(`/groups/${asker.id}/sites/root/lists`, {
        displayName: LISTS.plans.displayName,
        description: LISTS.plans.description.replace(/:v\d+\]/, ':v2]'),
        columns: v2,
        list: { template: 'genericList' },
      });
      const oldPlan = await graph.post<{ id: string }>(`/groups/${asker.id}/sites/root/lists/${plans.id}/items`, { fields: { Title: 'Fagforbundet Asker', PeriodFrom: 2024, PeriodTo: 2025 } });
      // A v1 goals list: no ClientId column, owners by user name (OwnerUpn, OwnerName), v1 marker.
      const legacyOwnerColumns = [
        { name: 'OwnerUpn', displayName: 'Ansvarlig (brukernavn)', text: {}, indexed: true },
        { name: 'OwnerName', displayName: 'Ansvarlig', text: {} },
      ];
      const v1 = [...LISTS.goals.columns.filter((c) => !['ClientId', 'OwnerIds', 'Owners', 'PlannerTasks', 'RolloutMeasure', 'StartDate'].includes(c.name)).map(toColumnDefinition), ...legacyOwnerColumns];
      const list = await graph.post<{ id: string }>(`/groups/${asker.id}/sites/root/lists`, {
        displayName: LISTS.goals.displayName,
        description: LISTS.goals.description.replace(/:v\d+\]/, ':v1]'),
        columns: v1,
        list: { template: 'genericList' },
      });
      // The earlier app stored the member's e-mail as the owner's "user name"; one name matches nobody.
      const nina = demoPerson(asker.owners[2] as string);
      const legacy = [
        { Title: 'Gammelt mål', GoalText: 'Gammelt mål' },
        { Title: 'Verve 30', GoalText: 'Verve 30', PlanId: oldPlan.id, OwnerUpn: (nina.mail as string).toUpperCase(), OwnerName: 'Nina S.' },
        { Title: 'Kurse alle', GoalText: 'Kurse alle', PlanId: oldPlan.id, OwnerUpn: 'sluttet@fagforbundet.example', OwnerName: 'Sluttet' },
      ];
      for (const fields of legacy) await graph.post(`/groups/${asker.id}/sites/root/lists/${list.id}/items`, { fields });
      const before = await repo.health();
      expect(before.lists.find((l) => l.key === 'goals')).toMatchObject({ state: 'outdated', missingColumns: ['OwnerIds', 'Owners', 'ClientId', 'PlannerTasks', 'RolloutMeasure', 'StartDate'], version: 1 });
      expect(before.lists.find((l) => l.key === 'plans')).toMatchObject({ state: 'outdated', missingColumns: ['ImportState', 'PlannerPlanId', 'PlannerBuckets', 'ReminderSettings', 'RolloutSteps', 'RosterImport'], version: 2 });
      // A v2 plan (no ImportState column at all) is a complete plan.
      expect((await repo.load())?.plan).toMatchObject({ union: 'Fagforbundet Asker', periodFrom: 2024, importState: null });
      local.clearLog();
      const result = await repo.provision();
      // Only documented calls: columns are added; no list is PATCHed (Graph v1.0 documents no list update).
      const writes = local.requestLog().filter((e) => e.method !== 'GET' && e.path !== '/v1.0/$batch');
      expect(writes.filter((e) => e.method === 'PATCH' && /\/lists\/[^/]+$/.test(e.path))).toEqual([]);
      expect(writes.filter((e) => e.method === 'POST' && e.path.endsWith('/columns')).length).toBeGreaterThanOrEqual(2);
      expect(result.lists.find((l) => l.key === 'goals')?.state).toBe('repaired');
      expect(result.lists.find((l) => l.key === 'plans')).toMatchObject({ state: 'repaired', version: 6 });
      expect(result.lists.find((l) => l.key === 'areas')?.state).toBe('created');
      const health = await repo.health();
      expect(health.lists.map((l) => l.key).sort()).toEqual(result.lists.map((l) => l.key).sort());
      expect(health.lists.length).toBeGreaterThan(0);
      expect(health.lists.filter((l) => l.state !== 'ok')).toEqual([]);
      const items = await graph.getAll<{ fields: { Title: string } }>(`/groups/${asker.id}/sites/root/lists/${list.id}/items?$expand=fields`);
      expect(items.map((i) => i.fields.Title)).toEqual(['Gammelt mål', 'Verve 30', 'Kurse alle']);
      // The marker written at creation stays; the version is read from the columns.
      const site = await graph.get<{ value: Array<{ id: string; description: string }> }>(`/groups/${asker.id}/sites/root/lists?$select=id,description`);
      expect(site.value.find((l) => l.id === plans.id)?.description).toContain('[handlingsplan:plans:v2]');
      expect(health.lists.find((l) => l.key === 'plans')?.version).toBe(6);
      expect(health.lists.find((l) => l.key === 'goals')?.version).toBe(6);
      const upgraded = await repo.load();
      expect(upgraded?.plan).toMatchObject({ union: 'Fagforbundet Asker', periodFrom: 2024, periodTo: 2025, importState: null });
      // Until the owners are upgraded they show as issues, never as someone matched by e-mail.
      expect(upgraded?.goals.length).toBeGreaterThan(0);
      expect(upgraded?.goals.filter((g) => g.owners.length > 0)).toEqual([]);
      expect(upgraded?.issues.filter((i) => i.kind === 'legacyOwner').map((i) => i.value).sort()).toEqual([(nina.mail as string).toUpperCase(), 'sluttet@fagforbundet.example']);
      // The upgrade maps each stored name to the member whose e-mail it is, once, and reports the rest.
      const members = await new GraphDirectory(graph).teamMembers(asker.id);
      const report = await repo.upgradeOwners(members);
      expect(report).toEqual({ upgraded: 1, unmatched: [{ goalId: expect.any(String), goalText: 'Kurse alle', stored: 'sluttet@fagforbundet.example' }] });
      const after = await repo.load();
      expect(after?.goals.find((g) => g.text === 'Verve 30')?.owners).toEqual([{ id: nina.id, displayName: 'Nina S.', email: nina.mail }]);
      expect(after?.issues.filter((i) => i.kind === 'legacyOwner').map((i) => i.value)).toEqual(['sluttet@fagforbundet.example']);
      expect(await repo.upgradeOwners(members)).toEqual({ upgraded: 0, unmatched: [expect.objectContaining({ goalText: 'Kurse alle' })] });
      // After the upgrade a plan item with an ImportState is invisible to load().
      await graph.post(`/groups/${asker.id}/sites/root/lists/${plans.id}/items`, { fields: { Title: 'Uferdig', PeriodFrom: 2030, PeriodTo: 2031, ImportState: 'pending:abcdef12' } });
      expect((await repo.load())?.plan.id).toBe(upgraded?.plan.id);
    } finally {
      await local.close();
    }
  });
});

describe('throttling', () => {
  it('should honour Retry-After on 429/503, for plain requests and inside $batch', async () => {
    const { repo } = repoAs(emu, steward, alver.id, { maxRetries: 8 });
    emu.setFaults({ failureRate: 0.4, failureStatuses: [429, 503], retryAfterSeconds: 1, randomSeed: 7 });
    try {
      const started = Date.now();
      const snapshot = await repo.load();
      const elapsed = Date.now() - started;
      expect(snapshot?.goals.length).toBeGreaterThan(0);
      const throttled = emu.requestLog().filter((e) => e.status === 429 || e.status === 503);
      expect(throttled.length).toBeGreaterThan(0);
      // Every throttled answer said "Retry-After: 1": the client waited at least that long.
      expect(elapsed).toBeGreaterThanOrEqual(1000);
    } finally {
      emu.setFaults({});
    }
  });
});

describe('large lists', () => {
  it('should page past 5,000 items with nextLinks, on load and on filtered queries', async () => {
    const local = await emulator();
    try {
      const sv = team('sor-varanger');
      const { repo, graph } = repoAs(local, sv.owners[0] as string, sv.id);
      await repo.provision();
      const plan = await repo.createPlan({ union: 'Test', periodFrom: 2026, periodTo: 2027, adoptedDate: null, language: 'nb' });
      const area = await repo.createArea({ planId: plan.id, number: 1, title: 'Område', nationalGoals: [], strategies: [] });
      const goal = await repo.createGoal({
        planId: plan.id, areaId: area.id, nationalGoal: null, text: 'Besøke arbeidsplasser', kind: 'recurring', owners: [], due: null,
        status: null, measure: null, recurrence: { count: 12, per: 'year' }, tariffArea: null, sortOrder: 1,
      });
      const listId = (await repo.health()).lists.find((l) => l.key === 'checkIns')?.listId;
      const total = 5230;
      const steps = Array.from({ length: total }, (_, i) => ({
        id: String(i),
        method: 'POST' as const,
        url: `/groups/${sv.id}/sites/root/lists/${listId}/items`,
        headers: { 'Content-Type': 'application/json' },
        body: { fields: { Title: `#${i}`, PlanId: plan.id, GoalId: goal.id, CheckInDate: '2026-03-01T00:00:00Z', CheckInValue: 1 } },
      }));
      const results = await graph.batch(steps);
      expect(results.size).toBe(total);
      expect([...results.values()].every((r) => r.status === 201)).toBe(true);
      local.clearLog();
      const snapshot = await repo.load();
      expect(snapshot?.checkIns).toHaveLength(total);
      const nextLinks = outerRequests(local).filter((e) => e.method === 'GET');
      expect(nextLinks.length).toBe(1); // one nextLink page after the first 5,000
      expect(await repo.checkInsOf(goal.id)).toHaveLength(total);
    } finally {
      await local.close();
    }
  }, 120_000);
});

describe('errors', () => {
  const failure = async (request: Promise<unknown>): Promise<GraphRequestError> => {
    const err = await request.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GraphRequestError);
    return err as GraphRequestError;
  };

  it('should carry Graph error codes', async () => {
    const { graph } = repoAs(emu, steward, alver.id);
    const missing = await failure(graph.get(`/groups/${alver.id}/sites/root/lists/00000000-0000-0000-0000-000000000000`));
    expect({ status: missing.status, code: missing.code }).toEqual({ status: 404, code: 'itemNotFound' });

    const denied = await failure(graph.get(`/groups/${team('asker').id}/sites/root/lists`));
    expect({ status: denied.status, code: denied.code }).toEqual({ status: 403, code: 'accessDenied' });

    const board = repoAs(emu, boardA, alver.id);
    const goal = (await board.repo.load())?.goals[0];
    const listId = (await board.repo.health()).lists.find((l) => l.key === 'goals')?.listId;
    expect(goal && listId).toBeTruthy();
    const stale = await failure(
      board.graph.patch(`/groups/${alver.id}/sites/root/lists/${listId}/items/${goal?.id}/fields`, { GoalText: goal?.text }, {
        headers: { 'If-Match': '"00000000-0000-0000-0000-000000000000,1"' },
      }),
    );
    // The emulator answers a stale eTag as Graph does: 412 resourceModified.
    expect({ status: stale.status, code: stale.code }).toEqual({ status: 412, code: 'resourceModified' });
  });

  it('should turn a refused write into the denied outcome every screen shows', async () => {
    const { saveErrorOutcome } = await import('../../src/lib/save-outcome');
    const goal = (await repoAs(emu, boardA, alver.id).repo.load())?.goals[0];
    if (!goal) throw new Error('no goal');
    // Someone outside the team (a member of another union's team) writes to Alver's plan.
    const outsider = team('asker').members.find((m) => !alver.owners.includes(m) && !alver.members.includes(m));
    if (!outsider) throw new Error('demo tenant changed');
    const err = await repoAs(emu, outsider, alver.id).repo.updateGoal(goal.id, { text: 'Ikke min plan' }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AccessDeniedError);
    expect(await saveErrorOutcome(err, async () => null)).toEqual({ kind: 'denied' });
    expect((await repoAs(emu, boardA, alver.id).repo.load())?.goals.find((g) => g.id === goal.id)?.text).toBe(goal.text);
  });
});
