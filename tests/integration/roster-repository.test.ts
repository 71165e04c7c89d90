/**
 * The Org365 rollout's data layer (issue 13) through the app's real Graph client and adapters over
 * HTTP against the emulator: the account and team steps follow the tenant (a membership added in the
 * emulator turns the team step done on the next read, and the board's read stores the Entra id and
 * the day); a goal measured by a step follows the roster; a steward's own confirmation counts for the
 * person SharePoint records as its author; an import is all-or-nothing and exactly once (a publish
 * lost on the way, a retry, an edit since the preview); the board invites a representative into the team.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphClientAs } from '../../emulator/app-client';
import { seedTeamPlan } from '../../emulator/seed/demo-plans';
import { demoPerson } from '../../emulator/seed/demo-tenant';
import type { RunningEmulator } from '../../emulator/server';
import { SharePointRosterRepository } from '../../src/adapters/sharepoint/roster-repository';
import { SiteListsManager } from '../../src/adapters/sharepoint/site-lists';
import { GraphDirectory } from '../../src/adapters/teams/graph-directory';
import { AccessDeniedError, ConflictError, NotFoundError } from '../../src/domain/ports';
import { BUILT_IN_STEPS, addStep, measuredGoalUpdates, rolloutProgress, stepDone, type Representative, type RolloutStep } from '../../src/domain/roster';
import { RosterChangedError, type NewRepresentative } from '../../src/domain/roster-port';
import type { GraphApi } from '../../src/graph/client';
import { emulator, repoAs, team } from './support';

let emu: RunningEmulator;
const asker = team('asker');
const board = asker.owners[0] as string;
const steward = asker.members[0] as string;
const outsider = asker.notInTeam[1] as string; // has an account, not in the team
const TODAY = '2026-11-23';
const step = (id: string): RolloutStep => BUILT_IN_STEPS.find((s) => s.id === id) as RolloutStep;

function rosterAs(upn: string): { graph: GraphApi; roster: SharePointRosterRepository } {
  const graph = graphClientAs(emu, upn, { retryDelaySeconds: 0.05 });
  return { graph, roster: new SharePointRosterRepository(graph, asker.id, new GraphDirectory(graph), { now: () => new Date(`${TODAY}T12:00:00Z`) }) };
}

async function rawRows(): Promise<Array<{ id: string; fields?: Record<string, unknown> }>> {
  const graph = graphClientAs(emu, board);
  const { siteId, lists } = await new SiteListsManager(graph, asker.id).locate();
  return graph.getAll(`/sites/${siteId}/lists/${lists.get('roster')?.id}/items?$expand=fields`);
}

const rep = (name: string, email: string, role: NewRepresentative['role'] = 'ptv'): NewRepresentative => ({ name, email, role, area: 'KS', workplace: 'Asker' });

beforeAll(async () => {
  emu = await emulator();
  await seedTeamPlan(emu, asker, TODAY);
});
afterAll(async () => {
  await emu.close();
});

describe('the roster over Graph', () => {
  let stewardRep: Representative;

  it('adds representatives exactly once and reads what the tenant says about them', async () => {
    const { roster } = rosterAs(board);
    const stewardMail = demoPerson(steward).mail as string;
    stewardRep = await roster.add({ ...rep('Steward', stewardMail.toUpperCase()), clientId: 'k-steward' });
    // The same create again (a retry after a lost answer) stores nothing new.
    const again = await roster.add({ ...rep('Steward', stewardMail.toUpperCase()), clientId: 'k-steward' });
    expect(again.id).toBe(stewardRep.id);
    await roster.add({ ...rep('Outsider', outsider, 'ktv'), clientId: 'k-outsider' });
    await roster.add({ ...rep('No Account', 'no.account@privat.example', 'safety'), clientId: 'k-none' });
    expect(await rawRows()).toHaveLength(3);

    const snapshot = await roster.refresh(TODAY, { write: true });
    const byName = new Map(snapshot.reps.map((r) => [r.name, r]));
    expect(snapshot.facts).not.toBeNull();
    // Found by mail (in another case than stored), by sign-in name; not at all without an account.
    expect(byName.get('Steward')?.entraId).toBe(demoPerson(steward).id);
    expect(byName.get('Outsider')?.entraId).toBe(demoPerson(outsider).id);
    expect(byName.get('No Account')?.entraId).toBeNull();
    expect(stepDone(byName.get('Steward') as Representative, step('team'), snapshot.facts)).toBe(true);
    expect(stepDone(byName.get('Outsider') as Representative, step('team'), snapshot.facts)).toBe(false);
    expect(byName.get('Steward')?.seen).toEqual({ org365: TODAY, team: TODAY });
    expect(snapshot.updated).toBe(2);
    // Stored: a second read finds nothing to update and the stored state says the same without the tenant.
    const second = await roster.refresh(TODAY, { write: true });
    expect(second.updated).toBe(0);
    expect(stepDone(second.reps.find((r) => r.name === 'Steward') as Representative, step('team'), null)).toBe(true);
    // As stored, without the tenant (a representative's own checklist): one $batch, no directory search.
    emu.clearLog();
    const stored = await roster.refresh(TODAY, { directory: false });
    expect(stored.facts).toBeNull();
    expect(stored.reps.map((r) => r.entraId)).toEqual(second.reps.map((r) => r.entraId));
    expect(emu.requestLog().filter((e) => /\/users|\/members/.test(e.path))).toEqual([]);
  });

  it('the team step follows membership changed in the tenant, and the board invites a representative', async () => {
    const { roster } = rosterAs(board);
    const before = await roster.refresh(TODAY);
    const target = before.reps.find((r) => r.name === 'Outsider') as Representative;
    await expect(rosterAs(steward).roster.invite(target)).rejects.toBeInstanceOf(AccessDeniedError);
    const member = await roster.invite(target);
    expect(member.id).toBe(demoPerson(outsider).id);
    const after = await roster.refresh(TODAY, { write: true });
    const now = after.reps.find((r) => r.name === 'Outsider') as Representative;
    expect(stepDone(now, step('team'), after.facts)).toBe(true);
    expect(now.seen.team).toBe(TODAY);

    // Removed from the team in the tenant (by the emulator's Graph): the step is undone again.
    const graph = graphClientAs(emu, board);
    const members = await graph.getAll<{ id: string; userId: string }>(`/teams/${asker.id}/members`);
    const membership = members.find((m) => m.userId === demoPerson(outsider).id);
    await graph.delete(`/teams/${asker.id}/members/${membership?.id}`);
    const removed = await roster.refresh(TODAY, { write: true });
    const gone = removed.reps.find((r) => r.name === 'Outsider') as Representative;
    expect(stepDone(gone, step('team'), removed.facts)).toBe(false);
    expect(gone.seen.team).toBeUndefined();
  });

  it('a goal measured by a step follows the roster', async () => {
    const { repo } = repoAs(emu, board, asker.id);
    const plan = await repo.load();
    const goal = plan?.goals[0];
    if (!goal) throw new Error('no goal');
    await repo.updateGoal(goal.id, { rollout: { stepId: 'team', roles: ['ptv', 'ktv'] }, kind: 'measured', measure: { unit: '%', baseline: 0, target: 100, current: null } });
    const { roster } = rosterAs(board);
    const snapshot = await roster.refresh(TODAY);
    const loaded = (await repo.load())?.goals.find((g) => g.id === goal.id);
    expect(loaded?.rollout).toEqual({ stepId: 'team', roles: ['ptv', 'ktv'] });
    const updates = measuredGoalUpdates([loaded as NonNullable<typeof loaded>], snapshot.reps, snapshot.steps, snapshot.facts);
    // Steward (PTV, in the team) and Outsider (KTV, removed again): 1 of 2.
    expect(rolloutProgress(snapshot.reps, snapshot.steps, { stepId: 'team', roles: ['ptv', 'ktv'] }, snapshot.facts)).toEqual({ done: 1, total: 2, percent: 50 });
    const results = await repo.updateGoals(updates);
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await repo.getGoal(goal.id)).measure?.current).toBe(50);
    // Nothing changed: nothing to write.
    expect(measuredGoalUpdates([await repo.getGoal(goal.id)], snapshot.reps, snapshot.steps, snapshot.facts)).toEqual([]);
  });

  it("the board ticks steps; a steward confirms their own, never someone else's; stewards cannot edit the roster", async () => {
    const { roster } = rosterAs(board);
    let snapshot = await roster.refresh(TODAY);
    const target = snapshot.reps.find((r) => r.name === 'No Account') as Representative;
    const ticked = await roster.setMark(target, 'klarTraining', { on: '2026-10-01', by: 'board' });
    expect(ticked.marks.klarTraining).toEqual({ on: '2026-10-01', by: 'board' });
    // A stale etag is refused.
    await expect(roster.setMark(target, 'teamsTraining', { on: '2026-10-02', by: 'board' })).rejects.toBeInstanceOf(ConflictError);

    const own = rosterAs(steward).roster;
    await own.confirmOwn('teamsTraining', '2026-11-01');
    await own.confirmOwn('teamsTraining', '2026-11-01');
    snapshot = await roster.refresh(TODAY);
    const me = snapshot.reps.find((r) => r.name === 'Steward') as Representative;
    expect(me.marks.teamsTraining).toEqual({ on: '2026-11-01', by: 'self' });
    expect(snapshot.reps.filter((r) => r.marks.teamsTraining?.by === 'self')).toHaveLength(1);
    // A confirmation by someone who is no representative counts for nobody.
    await rosterAs(asker.members[1] as string).roster.confirmOwn('klarAccess', '2026-11-02');
    expect((await roster.refresh(TODAY)).reps.some((r) => r.marks.klarAccess?.by === 'self')).toBe(false);
    // Withdrawn by the steward; the board's write of the row keeps the confirmation out of StepMarks.
    await own.confirmOwn('teamsTraining', null);
    expect((await roster.refresh(TODAY)).reps.find((r) => r.name === 'Steward')?.marks.teamsTraining).toBeUndefined();

    // Once the lists carry their permissions, a steward cannot change the roster.
    await repoAs(emu, board, asker.id).repo.applyPermissions();
    await expect(own.update(me.id, { name: 'Changed' }, { ifMatch: me.etag })).rejects.toBeInstanceOf(AccessDeniedError);
    await own.confirmOwn('klarAccess', '2026-11-03');
    expect((await roster.refresh(TODAY)).reps.find((r) => r.name === 'Steward')?.marks.klarAccess?.by).toBe('self');
  });

  it('the board renames, retires and adds steps on the plan, with If-Match', async () => {
    const { roster } = rosterAs(board);
    const snapshot = await roster.refresh(TODAY);
    const renamed = addStep(snapshot.steps.map((s) => (s.id === 'klarAccess' ? { ...s, label: 'Bruker KL*AR' } : s.id === 'team' ? { ...s, retired: true } : s)), 'Verneombudskurs');
    await roster.saveSteps(renamed, snapshot.plan as NonNullable<typeof snapshot.plan>);
    const after = await roster.refresh(TODAY);
    expect(after.steps.map((s) => [s.id, s.label, s.retired])).toEqual([
      ['org365', null, false],
      ['team', null, true],
      ['teamsTraining', null, false],
      ['klarAccess', 'Bruker KL*AR', false],
      ['klarTraining', null, false],
      ['custom6', 'Verneombudskurs', false],
    ]);
    await expect(roster.saveSteps(BUILT_IN_STEPS, snapshot.plan as NonNullable<typeof snapshot.plan>)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('a roster import', () => {
  it('is published by one write, exactly once, when its answer is lost and it is retried', async () => {
    const { roster } = rosterAs(board);
    const before = await roster.refresh(TODAY);
    const changedRep = before.reps.find((r) => r.name === 'No Account') as Representative;
    const input = {
      importId: 'imp-1',
      added: [rep('Ny En', 'ny.en@privat.example'), rep('Ny To', 'ny.to@privat.example', 'htv')],
      changed: [{ ...changedRep, workplace: 'Heggedal' }],
    };
    // The publish (the PATCH of the plan item) is stored but its answer is lost.
    emu.setFaults({ failureRate: 1, commit: 'after', failureStatuses: [0], methods: ['PATCH'], scope: ['request'], pathPattern: '/lists/[^/]+/items/[^/]+/fields$', failCount: 1 });
    await expect(roster.importRoster(input)).rejects.toThrow();
    emu.setFaults({ failureRate: 0 });
    // Published already: the roster shows the import (the clean-up is left), nothing doubled.
    const visible = await roster.refresh(TODAY);
    expect(visible.reps.filter((r) => r.name.startsWith('Ny '))).toHaveLength(2);
    expect(visible.reps.find((r) => r.id !== changedRep.id && r.name === 'No Account')?.workplace).toBe('Heggedal');
    expect(visible.reps.filter((r) => r.name === 'No Account')).toHaveLength(1);
    // The retry finishes it: staged rows become ordinary, the replaced row is gone; marks kept.
    const result = await roster.importRoster(input);
    expect(result.resumed).toBe(true);
    const rows = await rawRows();
    expect(rows.filter((r) => String(r.fields?.Title).startsWith('Ny '))).toHaveLength(2);
    expect(rows.filter((r) => r.fields?.Title === 'No Account')).toHaveLength(1);
    expect(rows.every((r) => !r.fields?.ImportState)).toBe(true);
    const after = (await roster.refresh(TODAY)).reps.find((r) => r.name === 'No Account') as Representative;
    expect(after.marks.klarTraining).toEqual({ on: '2026-10-01', by: 'board' });
  });

  it('shows nothing of an import that never published, and refuses one whose people changed since the preview', async () => {
    const { roster } = rosterAs(board);
    const before = await roster.refresh(TODAY);
    const target = before.reps.find((r) => r.name === 'Ny En') as Representative;
    // The person was edited after the preview was made: the import is refused and nothing is published.
    await roster.update(target.id, { workplace: 'Vollen' }, { ifMatch: target.etag });
    await expect(roster.importRoster({ importId: 'imp-2', added: [rep('Ny Tre', 'ny.tre@privat.example')], changed: [{ ...target, role: 'ktv' }] })).rejects.toBeInstanceOf(RosterChangedError);
    const rows = await rawRows();
    expect(rows.some((r) => r.fields?.Title === 'Ny Tre')).toBe(false);
    expect((await roster.refresh(TODAY)).reps.find((r) => r.id === target.id)?.role).toBe('ptv');

    // An import interrupted before it published: its rows are written but shown nowhere.
    emu.setFaults({ failureRate: 1, commit: 'before', failureStatuses: [503], methods: ['PATCH'], scope: ['request'], pathPattern: '/lists/[^/]+/items/[^/]+/fields$', failCount: 10 });
    await expect(roster.importRoster({ importId: 'imp-3', added: [rep('Ny Fire', 'ny.fire@privat.example')], changed: [] })).rejects.toThrow();
    emu.setFaults({ failureRate: 0 });
    expect((await rawRows()).some((r) => r.fields?.Title === 'Ny Fire')).toBe(true);
    expect((await roster.refresh(TODAY)).reps.some((r) => r.name === 'Ny Fire')).toBe(false);
  });
});

describe('the roster when things go wrong', () => {
  it('removes the rows of an import that never published once they are a day old', async () => {
    expect((await rawRows()).some((r) => r.fields?.Title === 'Ny Fire')).toBe(true);
    const graph = graphClientAs(emu, board, { retryDelaySeconds: 0.05 });
    const later = new SharePointRosterRepository(graph, asker.id, new GraphDirectory(graph), { now: () => new Date(Date.now() + 2 * 24 * 3_600_000) });
    await later.importRoster({ importId: 'imp-5', added: [rep('Ny Fem', 'ny.fem@privat.example')], changed: [] });
    const rows = await rawRows();
    expect(rows.some((r) => r.fields?.Title === 'Ny Fire')).toBe(false);
    expect(rows.filter((r) => r.fields?.Title === 'Ny Fem')).toHaveLength(1);
  });

  it('publishes after another write to the plan item moved its eTag on (412), and refuses an import into a team without a plan', async () => {
    const { roster } = rosterAs(board);
    emu.setFaults({ failureRate: 1, commit: 'before', failureStatuses: [412], methods: ['PATCH'], scope: ['request'], pathPattern: '/lists/[^/]+/items/[^/]+/fields$', failCount: 1 });
    const result = await roster.importRoster({ importId: 'imp-6', added: [rep('Ny Seks', 'ny.seks@privat.example')], changed: [] });
    // The one refusal was spent on the publish, which was then sent again with the plan's new eTag.
    expect(emu.faults().failCount).toBe(0);
    emu.setFaults({ failureRate: 0 });
    expect(result).toEqual({ added: 1, changed: 0, resumed: false });
    expect((await roster.refresh(TODAY)).reps.filter((r) => r.name === 'Ny Seks')).toHaveLength(1);

    const alver = team('alver');
    const graph = graphClientAs(emu, alver.owners[0] as string);
    const empty = new SharePointRosterRepository(graph, alver.id, new GraphDirectory(graph));
    await expect(empty.importRoster({ importId: 'imp-7', added: [rep('X', 'x@privat.example')], changed: [] })).rejects.toBeInstanceOf(NotFoundError);
    expect((await empty.refresh(TODAY)).plan).toBeNull();
  });

  it('leaves a representative whose row changed meanwhile for the next read, and invites by address when no id is stored', async () => {
    const { roster } = rosterAs(board);
    await roster.add({ ...rep('Late', demoPerson(asker.notInTeam[2] as string).mail as string), clientId: 'k-late' });
    emu.setFaults({ failureRate: 1, commit: 'before', failureStatuses: [412], methods: ['PATCH'], scope: ['batchStep'], pathPattern: '/lists/[^/]+/items/[^/]+/fields$', failCount: 1 });
    const first = await roster.refresh(TODAY, { write: true });
    emu.setFaults({ failureRate: 0 });
    expect(first.updated).toBe(0);
    const stored = (await roster.refresh(TODAY, { directory: false })).reps.find((r) => r.name === 'Late') as Representative;
    expect(stored.entraId).toBeNull();
    expect((await roster.refresh(TODAY, { write: true })).updated).toBe(1);

    // Invited before any id was stored: the account is found by the address.
    const member = await roster.invite({ ...stored, entraId: null });
    expect(member.id).toBe(demoPerson(asker.notInTeam[2] as string).id);
    await expect(roster.invite({ ...stored, email: 'nobody@privat.example', entraId: null })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('the board withdraws a representative’s own confirmation by unticking it', async () => {
    const own = rosterAs(steward).roster;
    await own.confirmOwn('klarTraining', '2026-11-05');
    const { roster } = rosterAs(board);
    const me = (await roster.refresh(TODAY)).reps.find((r) => r.name === 'Steward') as Representative;
    expect(me.marks.klarTraining?.by).toBe('self');
    await roster.setMark(me, 'klarTraining', null);
    expect((await roster.refresh(TODAY)).reps.find((r) => r.name === 'Steward')?.marks.klarTraining).toBeUndefined();
  });
});
