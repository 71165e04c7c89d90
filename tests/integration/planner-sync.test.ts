/**
 * The plan and the team's Planner board in step (issue 11), through the app's real data layer and
 * Graph client against the emulator's SharePoint lists and Planner: the board turns goals into tasks
 * (plan, buckets and links stored by id), work done in Planner comes back as check-ins exactly once,
 * plan edits flow to the tasks, conflicts are reported and written nowhere, deleted tasks unlink,
 * a steward's sync brings check-ins only, and an unreachable plan is reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphClientAs } from '../../emulator/app-client';
import { seedTeamPlan } from '../../emulator/seed/demo-plans';
import { demoPerson } from '../../emulator/seed/demo-tenant';
import type { RunningEmulator } from '../../emulator/server';
import { GraphPlannerBoard } from '../../src/adapters/planner/planner-board';
import { PlannerPlanUnreachableError, PlannerSync, type PlannerTexts } from '../../src/adapters/planner/planner-sync';
import { GraphDirectory } from '../../src/adapters/teams/graph-directory';
import type { LocalGoal, PlanSnapshot } from '../../src/domain/plan';
import type { TeamRole } from '../../src/domain/ports';
import { ROUND_TRIP_LATENCY_MS, countRoundTrips, emulator, repoAs, team } from './support';

let emu: RunningEmulator;
const alver = team('alver');
const boardUpn = alver.owners[0] as string;
const stewardUpn = alver.members[0] as string;

const texts: PlannerTexts = {
  planTitle: 'Handlingsplan 2026–2027',
  goalLabel: 'Målet i handlingsplanen',
  occurrenceTitle: (n, total) => `Møte ${n} av ${total}`,
  checkInComment: (event) => (event.kind === 'checked' ? `Planner: ${event.itemTitle}` : event.kind === 'completed' ? `Planner: fullført` : `Planner: ${event.percent} %`),
};
const goalUrl = (id: string) => `https://teams.microsoft.com/l/entity/app/handlingsplan?context=goal%3A${id}`;

async function syncAs(upn: string, role: TeamRole, today = '2026-12-02') {
  const { graph, repo } = repoAs(emu, upn, alver.id);
  const members = await new GraphDirectory(graph).teamMembers(alver.id);
  const board = new GraphPlannerBoard(graph, demoPerson(upn).id, () => 10);
  const snapshot = (await repo.load()) as PlanSnapshot;
  return { repo, snapshot, sync: new PlannerSync({ repo, board, groupId: alver.id, goalUrl, taskUrl: (id) => `https://tasks.office.com/${alver.id}/Home/Task/${id}`, texts: () => texts, members, role, today }) };
}

/** A Graph client as a user of the team, for what people do in Planner itself. */
const plannerAs = (upn: string) => graphClientAs(emu, upn, { retryDelaySeconds: 0.05 });

beforeAll(async () => {
  emu = await emulator();
  await seedTeamPlan(emu, alver, '2026-11-23');
});
afterAll(async () => {
  await emu.close();
});

describe('goals become Planner tasks', () => {
  it('previews, then creates the plan, a bucket per area and a task per goal, stored by id, once', async () => {
    const { snapshot: seeded, repo: seededRepo } = await syncAs(boardUpn, 'board');
    // An imported plan arrives without owners: three goals have none.
    for (const goal of seeded.goals.slice(2, 5)) await seededRepo.updateGoal(goal.id, { owners: [] }, { ifMatch: goal.etag ?? null });
    const { snapshot, sync, repo } = await syncAs(boardUpn, 'board');
    const ids = snapshot.goals.map((g) => g.id);
    const owner = { id: demoPerson(stewardUpn).id, displayName: demoPerson(stewardUpn).displayName };
    const withoutOwner = snapshot.goals.filter((g) => g.owners.length === 0).map((g) => g.id);
    const preview = await sync.preview(snapshot, ids, null);
    expect(preview.createsPlan).toBe(true);
    expect(preview.tasks).toHaveLength(ids.length);
    expect(new Set(preview.newBuckets)).toEqual(new Set(snapshot.areas.filter((a) => snapshot.goals.some((g) => g.areaId === a.id)).map((a) => a.title)));
    expect(preview.limits).toEqual([]);
    expect(sync.previewWith(snapshot, ids, null, { tasks: 8990, activeTasks: 0, buckets: 0 }).limits).toEqual(['tasksInPlan']);

    // Owners first for the goals without one, then every goal's task.
    const assigned = await sync.createTasks(snapshot, withoutOwner, [owner]);
    expect(assigned.failed).toEqual([]);
    const loaded = (await repo.load()) as PlanSnapshot;
    emu.clearLog();
    emu.setFaults({ latencyMs: ROUND_TRIP_LATENCY_MS });
    const report = await sync.createTasks(loaded, ids, null);
    const trips = countRoundTrips(emu.requestLog());
    emu.setFaults({});
    expect(report).toMatchObject({ failed: [], alreadyLinked: withoutOwner.length, created: ids.length - withoutOwner.length, existing: 0 });
    // Planner's side in a few round trips and SharePoint's goal writes in $batch (not one request per goal).
    const outer = emu.requestLog().filter((e) => e.batchId === undefined);
    // (One plain PATCH: the plan item's Planner columns, for the buckets of areas new to this call.)
    expect(outer.filter((e) => e.method === 'PATCH' && e.path.includes('/items/')).map((e) => e.path.replace(/.*\/items\//, ''))).toEqual([`${snapshot.plan.id}/fields`]);
    // The plan's state and buckets together, the missing buckets made in parallel, the tasks
    // (bulk-create.ts: five) alongside the plan's columns, the goals' links in one wave of $batch.
    expect(trips).toBeLessThanOrEqual(8);
    console.info(`createTasks(${ids.length - withoutOwner.length} goals): ${trips} sequential round trips, ${outer.length} requests`);

    const after = (await repo.load()) as PlanSnapshot;
    expect(after.plan.planner?.planId).toBe(report.planId);
    const tasks = await plannerAs(boardUpn).getAll<{ id: string; title: string; bucketId: string; assignments: Record<string, unknown> }>(`/planner/plans/${report.planId}/tasks`);
    expect(tasks).toHaveLength(ids.length);
    for (const goal of after.goals) {
      const links = goal.tasks ?? [];
      expect(links.filter((l) => l.main), goal.text).toHaveLength(1);
      const task = tasks.find((t) => t.id === links[0]?.taskId);
      expect(task?.bucketId).toBe(after.plan.planner?.buckets[goal.areaId]);
      expect(Object.keys(task?.assignments ?? {}).sort()).toEqual(goal.owners.map((o) => o.id).sort());
    }
    // The goals without an owner got the one assigned.
    expect(after.goals.filter((g) => withoutOwner.includes(g.id)).every((g) => g.owners[0]?.id === owner.id)).toBe(true);
    expect(withoutOwner.length).toBeGreaterThan(0);
    // The goal page's view of a goal's tasks.
    const shown = after.goals.find((g) => g.kind === 'recurring') as LocalGoal;
    const views = await sync.tasksOf(shown, after.plan.planner as NonNullable<typeof after.plan.planner>);
    expect(views).toEqual([
      expect.objectContaining({ id: shown.tasks?.[0]?.taskId, main: true, percentComplete: 0, checklistDone: 0, webUrl: `https://tasks.office.com/${alver.id}/Home/Task/${shown.tasks?.[0]?.taskId}` }),
    ]);
    expect(views[0]?.checklistTotal).toBeGreaterThan(1);
    // Again: nothing new.
    const again = await sync.createTasks(after, ids, null);
    expect(again).toMatchObject({ created: 0, alreadyLinked: ids.length });
    expect(await plannerAs(boardUpn).getAll(`/planner/plans/${report.planId}/tasks`)).toHaveLength(ids.length);
  });
});

describe('the sync, both ways', () => {
  let snapshot: PlanSnapshot;
  let recurring: LocalGoal;
  let measured: LocalGoal;

  beforeAll(async () => {
    snapshot = (await syncAs(boardUpn, 'board')).snapshot;
    recurring = snapshot.goals.find((g) => g.kind === 'recurring' && (g.recurrence?.count ?? 0) >= 2) as LocalGoal;
    measured = snapshot.goals.find((g) => g.kind === 'measured' && g.id !== recurring.id) as LocalGoal;
    expect(recurring?.tasks?.length).toBe(1);
    expect(measured?.tasks?.length).toBe(1);
  });

  it('turns a ticked item and a completed task into check-ins, dated and authored as in Planner, once', async () => {
    const steward = plannerAs(stewardUpn);
    const taskId = recurring.tasks?.[0]?.taskId as string;
    const details = await steward.get<{ '@odata.etag': string; checklist: Record<string, { title: string }> }>(`/planner/tasks/${taskId}/details`);
    const [firstKey] = Object.keys(details.checklist);
    await steward.patch(`/planner/tasks/${taskId}/details`, { checklist: { [firstKey as string]: { '@odata.type': 'microsoft.graph.plannerChecklistItem', isChecked: true } } }, { headers: { 'If-Match': details['@odata.etag'] } });
    const mTask = await steward.get<{ '@odata.etag': string }>(`/planner/tasks/${measured.tasks?.[0]?.taskId}`);
    await steward.patch(`/planner/tasks/${measured.tasks?.[0]?.taskId}`, { percentComplete: 100 }, { headers: { 'If-Match': mTask['@odata.etag'] } });

    // A steward's sync brings the work in.
    const first = await (await syncAs(stewardUpn, 'steward')).sync.sync((await syncAs(stewardUpn, 'steward')).snapshot);
    expect(first).toMatchObject({ state: 'synced', checkIns: 2, tasksUpdated: 0, goalsUpdated: 0, failures: [] });
    const { snapshot: after } = await syncAs(boardUpn, 'board');
    const fromPlanner = after.checkIns.filter((c) => c.via);
    expect(fromPlanner.map((c) => [c.goalId, c.value, c.comment]).sort()).toEqual(
      [
        [recurring.id, 1, `Planner: ${details.checklist[firstKey as string]?.title}`],
        [measured.id, null, 'Planner: fullført'],
      ].sort(),
    );
    const steward_ = demoPerson(stewardUpn);
    for (const c of fromPlanner) {
      expect(c.via?.actor).toEqual({ id: steward_.id, displayName: steward_.displayName });
      expect(c.author?.id).toBe(steward_.id);
    }
    // Twice, by the board this time: nothing new.
    const second = await (await syncAs(boardUpn, 'board')).sync.sync(after);
    expect(second.checkIns).toBe(0);
    expect((await syncAs(boardUpn, 'board')).snapshot.checkIns.filter((c) => c.via)).toHaveLength(2);
  });

  it('sends the plan’s changed due day to the task, and brings a due day changed in Planner to the goal', async () => {
    const { repo, snapshot: s } = await syncAs(boardUpn, 'board');
    const goal = s.goals.find((g) => g.id === measured.id) as LocalGoal;
    await repo.updateGoal(goal.id, { due: '2027-10-15' }, { ifMatch: goal.etag ?? null });
    const other = s.goals.find((g) => g.id !== measured.id && g.id !== recurring.id && g.tasks?.length) as LocalGoal;
    const otherTask = await plannerAs(stewardUpn).get<{ '@odata.etag': string }>(`/planner/tasks/${other.tasks?.[0]?.taskId}`);
    await plannerAs(stewardUpn).patch(`/planner/tasks/${other.tasks?.[0]?.taskId}`, { dueDateTime: '2027-11-20T12:00:00Z' }, { headers: { 'If-Match': otherTask['@odata.etag'] } });

    const { sync, snapshot: fresh } = await syncAs(boardUpn, 'board');
    const report = await sync.sync(fresh);
    expect(report).toMatchObject({ tasksUpdated: 1, conflicts: [], failures: [] });
    const task = await plannerAs(boardUpn).get<{ dueDateTime: string }>(`/planner/tasks/${goal.tasks?.[0]?.taskId}`);
    expect(task.dueDateTime.slice(0, 10)).toBe('2027-10-15');
    const { snapshot: after } = await syncAs(boardUpn, 'board');
    expect(after.goals.find((g) => g.id === other.id)?.due).toBe('2027-11-20');
    // Settled: the next sync changes nothing.
    expect(await sync.sync(after)).toMatchObject({ tasksUpdated: 0, goalsUpdated: 0, conflicts: [] });
  });

  it('adds an activity to a goal as a task of its own, and its completion counts as an occurrence', async () => {
    const { sync, snapshot: s } = await syncAs(boardUpn, 'board');
    const goal = s.goals.find((g) => g.id === recurring.id) as LocalGoal;
    const binding = s.plan.planner as NonNullable<typeof s.plan.planner>;
    const view = await sync.addActivity(goal, binding, { title: 'Medlemsmøte i mars', dueDay: '2027-03-15', assigneeIds: [] });
    expect(view).toMatchObject({ title: 'Medlemsmøte i mars', main: false, dueDay: '2027-03-15', assigneeIds: goal.owners.map((o) => o.id).sort() });
    const { snapshot: after } = await syncAs(boardUpn, 'board');
    expect(after.goals.find((g) => g.id === goal.id)?.tasks?.map((t) => [t.taskId, t.main])).toEqual([
      [goal.tasks?.[0]?.taskId, true],
      [view.id, false],
    ]);
    const task = await plannerAs(stewardUpn).get<{ '@odata.etag': string; bucketId: string }>(`/planner/tasks/${view.id}`);
    expect(task.bucketId).toBe(binding.buckets[goal.areaId]);
    await plannerAs(stewardUpn).patch(`/planner/tasks/${view.id}`, { percentComplete: 100 }, { headers: { 'If-Match': task['@odata.etag'] } });
    const report = await sync.sync((await syncAs(boardUpn, 'board')).snapshot);
    expect(report).toMatchObject({ checkIns: 1, tasksUpdated: 0, failures: [] });
    const fromActivity = (await syncAs(boardUpn, 'board')).snapshot.checkIns.filter((c) => c.via?.taskId === view.id);
    expect(fromActivity.map((c) => c.value)).toEqual([1]);
  });

  it('sends a change again on the next sync when Planner refused it the first time', async () => {
    const { repo, snapshot: s } = await syncAs(boardUpn, 'board');
    const goal = s.goals.find((g) => g.id !== measured.id && g.id !== recurring.id && g.tasks?.length) as LocalGoal;
    await repo.updateGoal(goal.id, { due: '2027-09-09' }, { ifMatch: goal.etag ?? null });
    emu.setFaults({ failureRate: 1, failureStatuses: [403], methods: ['PATCH'], pathPattern: '^/planner/tasks/[^/]+$', scope: ['request'] });
    const { sync, snapshot: fresh } = await syncAs(boardUpn, 'board');
    const refused = await sync.sync(fresh);
    emu.setFaults({});
    expect(refused.tasksUpdated).toBe(0);
    expect(refused.failures.map((f) => f.goalId)).toEqual([goal.id]);
    const again = await sync.sync((await syncAs(boardUpn, 'board')).snapshot);
    expect(again).toMatchObject({ tasksUpdated: 1, failures: [] });
    expect((await plannerAs(boardUpn).get<{ dueDateTime: string }>(`/planner/tasks/${goal.tasks?.[0]?.taskId}`)).dueDateTime.slice(0, 10)).toBe('2027-09-09');
  });

  it('reports a due day both sides changed, writes neither, and settles it as the board chooses', async () => {
    const { repo, snapshot: s } = await syncAs(boardUpn, 'board');
    const goal = s.goals.find((g) => g.id === recurring.id) as LocalGoal;
    const taskId = goal.tasks?.[0]?.taskId as string;
    await repo.updateGoal(goal.id, { due: '2027-03' }, { ifMatch: goal.etag ?? null });
    const task = await plannerAs(stewardUpn).get<{ '@odata.etag': string }>(`/planner/tasks/${taskId}`);
    await plannerAs(stewardUpn).patch(`/planner/tasks/${taskId}`, { dueDateTime: '2027-05-05T12:00:00Z' }, { headers: { 'If-Match': task['@odata.etag'] } });

    const { sync, snapshot: fresh } = await syncAs(boardUpn, 'board');
    const report = await sync.sync(fresh);
    expect(report.conflicts).toEqual([{ goalId: goal.id, goalText: goal.text, taskId, field: 'dueDay', goalValue: '2027-03-31', taskValue: '2027-05-05' }]);
    expect((await plannerAs(boardUpn).get<{ dueDateTime: string }>(`/planner/tasks/${taskId}`)).dueDateTime.slice(0, 10)).toBe('2027-05-05');
    expect((await syncAs(boardUpn, 'board')).snapshot.goals.find((g) => g.id === goal.id)?.due).toBe('2027-03');

    await sync.resolve((await syncAs(boardUpn, 'board')).snapshot.goals.find((g) => g.id === goal.id) as LocalGoal, taskId, 'dueDay', 'planner');
    const { snapshot: settled } = await syncAs(boardUpn, 'board');
    expect(settled.goals.find((g) => g.id === goal.id)?.due).toBe('2027-05-05');
    expect((await sync.sync(settled)).conflicts).toEqual([]);
  });

  it('unlinks a task deleted in Planner, and adopts a task whose link was never written', async () => {
    const { snapshot: s, repo } = await syncAs(boardUpn, 'board');
    const goal = s.goals.find((g) => g.id !== measured.id && g.id !== recurring.id && g.tasks?.length) as LocalGoal;
    const taskId = goal.tasks?.[0]?.taskId as string;
    const task = await plannerAs(boardUpn).get<{ '@odata.etag': string }>(`/planner/tasks/${taskId}`);
    await plannerAs(boardUpn).delete(`/planner/tasks/${taskId}`, { headers: { 'If-Match': task['@odata.etag'] } });
    // Another goal's link is lost (as if the tab closed between the task's create and the goal's write).
    const lost = s.goals.find((g) => g.id !== goal.id && g.id !== measured.id && g.id !== recurring.id && g.tasks?.length) as LocalGoal;
    await repo.updateGoal(lost.id, { tasks: [] }, { ifMatch: lost.etag ?? null });

    const { sync, snapshot: fresh } = await syncAs(boardUpn, 'board');
    const report = await sync.sync(fresh);
    expect(report).toMatchObject({ unlinked: 1, adopted: 1, failures: [] });
    const { snapshot: after } = await syncAs(boardUpn, 'board');
    expect(after.goals.find((g) => g.id === goal.id)?.tasks).toBeUndefined();
    expect(after.goals.find((g) => g.id === lost.id)?.tasks?.map((t) => [t.taskId, t.main])).toEqual([[lost.tasks?.[0]?.taskId, true]]);
  });

  it('reports a plan that can no longer be reached, and makes a basic one only when asked', async () => {
    const { snapshot: s, sync } = await syncAs(boardUpn, 'board');
    const planId = s.plan.planner?.planId as string;
    const plan = await plannerAs(boardUpn).get<{ '@odata.etag': string }>(`/planner/plans/${planId}`);
    await plannerAs(boardUpn).delete(`/planner/plans/${planId}`, { headers: { 'If-Match': plan['@odata.etag'] } });
    expect((await sync.sync(s)).state).toBe('unreachable');
    const goal = s.goals[0] as LocalGoal;
    const unlinked = { ...s, goals: s.goals.map((g) => (g.id === goal.id ? { ...g, tasks: [] } : g)) };
    await expect(sync.createTasks(unlinked, [goal.id], null)).rejects.toBeInstanceOf(PlannerPlanUnreachableError);
    const report = await sync.createTasks(unlinked, [goal.id], null, { newPlan: true });
    expect(report.planId).not.toBe(planId);
    expect(report.created).toBe(1);
    expect((await syncAs(boardUpn, 'board')).snapshot.plan.planner?.planId).toBe(report.planId);
  });
});
