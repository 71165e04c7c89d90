/**
 * Roles enforced by SharePoint, not only by the UI (issue 9): the board gives the app's lists their
 * own permissions through SharePoint REST (the app's real client code over HTTP to the emulator,
 * which implements those calls and then enforces them on its Graph endpoints as SharePoint would).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharePointRestAs, sharePointRestFetch } from '../../emulator/app-client';
import type { RunningEmulator } from '../../emulator/server';
import { seedTeamPlan } from '../../emulator/seed/demo-plans';
import { DEMO_GUEST_UPN } from '../../emulator/seed/demo-tenant';
import { SharePointPlanRepository } from '../../src/adapters/sharepoint/plan-repository';
import { SharePointRest } from '../../src/adapters/sharepoint/sharepoint-rest';
import { AccessDeniedError } from '../../src/domain/ports';
import { GraphRequestError } from '../../src/graph/errors';
import { emulator, repoAs, team } from './support';

let emu: RunningEmulator;
const alver = team('alver');
const board = alver.owners[0] as string;
const steward = alver.members[1] as string;

beforeAll(async () => {
  emu = await emulator();
  await seedTeamPlan(emu, alver, '2026-11-23');
});
afterAll(async () => {
  await emu.close();
});

describe('list permissions', () => {
  it('should find the lists inheriting the site’s permissions, where any steward may change the plan', async () => {
    const before = await repoAs(emu, board, alver.id).repo.permissions();
    expect(before.state).toBe('notApplied');
    // The channels' webhook list was made the board's alone when the demo seed wrote its URL into it.
    expect(before.lists.map((l) => [l.key, l.state]).sort()).toEqual([
      ['areas', 'inherited'],
      ['channelWebhooks', 'ok'],
      ...['checkIns', 'comments', 'goals', 'plans', 'reminders', 'roster', 'rosterConfirmations', 'situation'].map((k) => [k, 'inherited']),
    ]);
    expect(before.siteUrl).toMatch(/^https:\/\/(localhost|127\.0\.0\.1):\d+\/sites\/FagforbundetAlver$/);
    // The leniency the permissions remove: a steward can still edit a goal of the board's.
    const { repo } = repoAs(emu, steward, alver.id);
    const goal = (await repo.load())?.goals[0];
    if (!goal) throw new Error('no goal');
    await expect(repo.updateGoal(goal.id, { sortOrder: goal.sortOrder }, { ifMatch: goal.etag ?? null })).resolves.toBeDefined();
  });

  it('should not let a steward set permissions (SharePoint refuses), and say so', async () => {
    const result = await repoAs(emu, steward, alver.id).repo.applyPermissions();
    expect(result.state).toBe('denied');
    expect((await repoAs(emu, board, alver.id).repo.permissions()).state).toBe('notApplied');
  });

  it('should give each list its permissions when the board applies them, idempotently', async () => {
    const { repo } = repoAs(emu, board, alver.id);
    const applied = await repo.applyPermissions();
    expect(applied.state).toBe('ok');
    expect(applied.lists.map((l) => [l.key, l.rule, l.state]).sort()).toEqual([
      ['areas', 'boardEdits', 'ok'],
      ['channelWebhooks', 'boardOnly', 'ok'],
      ['checkIns', 'stewardsAddOwn', 'ok'],
      ['comments', 'stewardsAddOwn', 'ok'],
      ['goals', 'boardEdits', 'ok'],
      ['plans', 'boardEdits', 'ok'],
      ['reminders', 'boardEdits', 'ok'],
      ['roster', 'boardEdits', 'ok'],
      ['rosterConfirmations', 'stewardsAddOwn', 'ok'],
      ['situation', 'boardEdits', 'ok'],
    ]);
    expect(await repo.applyPermissions()).toEqual(applied);
    expect(await repo.permissions()).toEqual(applied);
  });

  it('should then refuse a steward’s change to the plan with 403, and leave the plan as it was', async () => {
    const { repo, graph } = repoAs(emu, steward, alver.id);
    const snapshot = await repo.load();
    const goal = snapshot?.goals[0];
    if (!snapshot || !goal) throw new Error('no plan');
    await expect(repo.updateGoal(goal.id, { text: 'Endret av en tillitsvalgt' }, { ifMatch: goal.etag ?? null })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(repo.deleteGoal(goal.id, { ifMatch: goal.etag ?? null })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(repo.updatePlan(snapshot.plan.id, { importState: 'pending:hidden' }, { ifMatch: snapshot.plan.etag ?? null })).rejects.toBeInstanceOf(AccessDeniedError);
    // Straight through Graph, as Microsoft Lists or a script would: the same 403 accessDenied.
    const site = await graph.get<{ id: string }>(`/groups/${alver.id}/sites/root?$select=id`);
    const goalsList = (await repo.health()).lists.find((l) => l.key === 'goals')?.listId;
    const raw = graph.patch(`/sites/${site.id}/lists/${goalsList}/items/${goal.id}/fields`, { GoalText: 'x' });
    await expect(raw).rejects.toBeInstanceOf(GraphRequestError);
    await expect(raw).rejects.toMatchObject({ status: 403, code: 'accessDenied' });
    const after = await repoAs(emu, board, alver.id).repo.load();
    expect(after?.plan.importState ?? null).toBeNull();
    expect(after?.goals.find((g) => g.id === goal.id)?.text).toBe(goal.text);
    // The board still edits.
    const { repo: boardRepo } = repoAs(emu, board, alver.id);
    const fresh = after?.goals.find((g) => g.id === goal.id);
    await expect(boardRepo.updateGoal(goal.id, { status: 'onTrack' }, { ifMatch: fresh?.etag ?? null })).resolves.toMatchObject({ status: 'onTrack' });
  });

  it('should let stewards add check-ins and comments, and change only their own', async () => {
    const { repo, graph } = repoAs(emu, steward, alver.id);
    const snapshot = await repo.load();
    const goal = snapshot?.goals[1];
    if (!snapshot || !goal) throw new Error('no plan');
    const mine = await repo.addCheckIn({ planId: snapshot.plan.id, goalId: goal.id, date: '2026-11-30', value: null, comment: 'egen', clientId: 'perm-own-1' });
    const guests = await repoAs(emu, DEMO_GUEST_UPN, alver.id).repo.addComment({ planId: snapshot.plan.id, goalId: goal.id, text: 'gjest', clientId: 'perm-guest-1' });
    expect(guests.author?.displayName).toBe('Randi Kvam');
    const health = await repo.health();
    const site = await graph.get<{ id: string }>(`/groups/${alver.id}/sites/root?$select=id`);
    const checkIns = health.lists.find((l) => l.key === 'checkIns')?.listId;
    const comments = health.lists.find((l) => l.key === 'comments')?.listId;
    await expect(graph.patch(`/sites/${site.id}/lists/${checkIns}/items/${mine.id}/fields`, { CheckInComment: 'rettet' })).resolves.toMatchObject({ CheckInComment: 'rettet' });
    // Another person's comment: 403 for the steward, allowed for the board.
    await expect(graph.patch(`/sites/${site.id}/lists/${comments}/items/${guests.id}/fields`, { CommentText: 'endret' })).rejects.toMatchObject({ status: 403, code: 'accessDenied' });
    await expect(graph.delete(`/sites/${site.id}/lists/${comments}/items/${guests.id}`)).rejects.toMatchObject({ status: 403 });
    const boardGraph = repoAs(emu, board, alver.id).graph;
    await expect(boardGraph.patch(`/sites/${site.id}/lists/${comments}/items/${guests.id}/fields`, { CommentText: 'endret av styret' })).resolves.toMatchObject({ CommentText: 'endret av styret' });
  });

  it('should keep the roster to the team: no visitor or anyone added by hand reads union membership data', async () => {
    const { repo } = repoAs(emu, board, alver.id);
    const rest = sharePointRestAs(emu, board)((await repo.permissions()).siteUrl as string);
    const listId = (await repo.health()).lists.find((l) => l.key === 'roster')?.listId as string;
    const [owners, members, visitors] = await Promise.all(['owner', 'member', 'visitor'].map((w) => rest.get<{ Id: number }>(`web/associated${w}group?$select=Id`)));
    const read = await rest.get<{ Id: number }>('web/roledefinitions/getbytype(2)');
    const assignments = async () =>
      (await rest.get<{ value: Array<{ PrincipalId: number }> }>(`web/lists(guid'${listId}')/roleassignments?$expand=Member,RoleDefinitionBindings`)).value.map((a) => a.PrincipalId).sort();
    expect(await assignments()).toEqual([owners?.Id, members?.Id].sort());
    // Someone gives the site's visitors read access in Microsoft Lists: the list is no longer as its rule asks.
    await rest.post(`web/lists(guid'${listId}')/roleassignments/addroleassignment(principalid=${visitors?.Id},roledefid=${read.Id})`);
    expect((await repo.permissions()).lists.find((l) => l.key === 'roster')?.state).toBe('different');
    await repo.applyPermissions();
    expect(await assignments()).toEqual([owners?.Id, members?.Id].sort());
    expect((await repo.permissions()).lists.find((l) => l.key === 'roster')?.state).toBe('ok');
  });

  it('should say the browser path is unreachable when SharePoint gives no answer, and why it failed otherwise', async () => {
    const unreachable = new SharePointPlanRepository(repoAs(emu, board, alver.id).graph, alver.id, {
      sharePoint: (webUrl) => new SharePointRest({ webUrl, getToken: async () => 'x', fetch: async () => Promise.reject(new TypeError('Failed to fetch')) }),
    });
    const result = await unreachable.permissions();
    expect(result.state).toBe('unreachable');
    expect(result.siteUrl).toContain('/sites/FagforbundetAlver');
    // A Graph token on SharePoint REST is refused (a token is for one resource).
    const wrongAudience = new SharePointPlanRepository(repoAs(emu, board, alver.id).graph, alver.id, {
      sharePoint: (webUrl) => new SharePointRest({ webUrl, getToken: async () => `dev:${board}`, fetch: sharePointRestFetch(emu) }),
    });
    expect((await wrongAudience.permissions()).state).toBe('denied');
  });
});
