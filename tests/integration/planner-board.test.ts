/**
 * Goals as Planner tasks through the app's Graph client against the emulator's Planner (issue 11,
 * first step): the team's plan and a bucket per area are created once and reused; a goal's task
 * carries its title, owners, due day, checklist and a reference back to the goal; a create whose
 * answer is lost after the server committed it leaves one task, not two.
 *
 * Next step: a whole plan's goals become tasks in a few `$batch` round trips, exactly once through
 * lost answers and throttling; the board is read with every task's details in `$batch`; changes and
 * deletes with a stale etag re-read and apply only their own change; a deleted plan is
 * 'unreachable'; Planner's limits come back as PlannerLimitError.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphClientAs } from '../../emulator/app-client';
import { seedTeamPlan } from '../../emulator/seed/demo-plans';
import { DEMO_PEOPLE, demoPerson } from '../../emulator/seed/demo-tenant';
import type { RunningEmulator } from '../../emulator/server';
import { GraphPlannerBoard, PlannerLimitError, referenceKey, type NewTask } from '../../src/adapters/planner/planner-board';
import { GraphRequestError } from '../../src/graph/errors';
import type { PlanSnapshot } from '../../src/domain/plan';
import { taskForGoal, type TaskDraft } from '../../src/domain/planner';
import { ROUND_TRIP_LATENCY_MS, countRoundTrips, emulator, repoAs, team } from './support';

let emu: RunningEmulator;
const alver = team('alver');
const board = alver.owners[0] as string;
let snapshot: PlanSnapshot;

const boardOf = (upn = board) => new GraphPlannerBoard(graphClientAs(emu, upn, { retryDelaySeconds: 0.05 }), demoPerson(upn).id, () => 10);
const options = { year: 2026, occurrenceTitle: (n: number, total: number) => `Møte ${n} av ${total}` };
const goalUrl = (id: string) => `https://teams.microsoft.com/l/entity/app/handlingsplan?context=goal%3A${id}`;

beforeAll(async () => {
  emu = await emulator();
  await seedTeamPlan(emu, alver, '2026-11-23');
  snapshot = (await repoAs(emu, board, alver.id).repo.load()) as PlanSnapshot;
});
afterAll(async () => {
  await emu.close();
});

describe('the team’s Planner board', () => {
  it('creates the plan and a bucket per area once, and reuses them', async () => {
    const planner = boardOf();
    const plan = await planner.ensurePlan(alver.id, 'Handlingsplan 2026–2027');
    expect(await planner.ensurePlan(alver.id, 'Handlingsplan 2026–2027')).toEqual(plan);
    const area = snapshot.areas[0];
    const bucket = await planner.ensureBucket(plan.id, area?.title ?? '');
    expect(await planner.ensureBucket(plan.id, area?.title ?? '')).toEqual(bucket);
    expect(plan.id).toHaveLength(28);
  });

  it('turns a goal into a task with its owners, due day, checklist and a reference back to the goal', async () => {
    const planner = boardOf();
    const plan = await planner.ensurePlan(alver.id, 'Handlingsplan 2026–2027');
    const bucket = await planner.ensureBucket(plan.id, 'Test');
    const goal = snapshot.goals.find((g) => g.kind === 'recurring' && g.owners.length > 0) ?? snapshot.goals[0];
    if (!goal) throw new Error('no goal');
    const draft = taskForGoal({ ...goal, due: '2027-06' }, options);
    const task = await planner.createTask(plan.id, bucket.id, draft, goalUrl(goal.id), 'Målet i handlingsplanen');
    expect(task).toMatchObject({ title: draft.title, bucketId: bucket.id, completed: false, dueDay: '2027-06-30', assigneeIds: [...draft.assigneeIds].sort() });
    const graph = graphClientAs(emu, board);
    const details = await graph.get<{ description: string; checklist: Record<string, { title: string }>; references: Record<string, { alias: string }> }>(`/planner/tasks/${task.id}/details`);
    expect(details.description).toBe(draft.description);
    expect(Object.values(details.checklist).map((c) => c.title).sort()).toEqual(draft.checklist.map((c) => c.title).sort());
    expect(Object.keys(details.references)).toEqual([referenceKey(goalUrl(goal.id))]);
  });

  it('stores one task when the create’s answer is lost after the server committed it', async () => {
    const planner = boardOf();
    const plan = await planner.ensurePlan(alver.id, 'Handlingsplan 2026–2027');
    const bucket = await planner.ensureBucket(plan.id, 'Tapte svar');
    const goal = snapshot.goals[3];
    if (!goal) throw new Error('no goal');
    const draft = taskForGoal(goal, options);
    for (const status of [504, 0]) {
      emu.setFaults({ failureRate: 1, failCount: 1, commit: 'after', failureStatuses: [status], methods: ['POST'], pathPattern: '^/planner/tasks$', scope: ['request'] });
      const task = await planner.createTask(plan.id, bucket.id, { ...draft, title: `${draft.title} ${status}` }, goalUrl(`${goal.id}-${status}`), 'Mål');
      emu.setFaults({});
      const same = (await planner.tasks(plan.id)).filter((t) => t.title === `${draft.title} ${status}`);
      expect(same.map((t) => t.id)).toEqual([task.id]);
    }
  });

  it('marks a task complete with If-Match, and refuses a stale etag', async () => {
    const planner = boardOf();
    const plan = await planner.ensurePlan(alver.id, 'Handlingsplan 2026–2027');
    const task = (await planner.tasks(plan.id))[0];
    if (!task) throw new Error('no task');
    await planner.setCompleted(task.id, true, task.etag);
    expect((await planner.tasks(plan.id)).find((t) => t.id === task.id)?.completed).toBe(true);
    await expect(planner.setCompleted(task.id, false, task.etag)).rejects.toMatchObject({ status: 412 });
  });
});

/** Latency for counting round trips: requests sent together overlap in the log, sequential ones do not. */
const LATENCY_MS = ROUND_TRIP_LATENCY_MS;
const roundTrips = (log: ReturnType<RunningEmulator['requestLog']>) => countRoundTrips(log);

/** Inner and plain requests of the log with this method and path (below /v1.0, without the query). */
const requestsTo = (method: string, path: RegExp) => emu.requestLog().filter((e) => e.method === method && path.test(e.path.replace(/^\/v1\.0/, '').replace(/\?.*$/, '')));

/** `count` goals as new tasks for a bucket: distinct titles and goal URLs, owners, due days and checklists as the plan has them. */
function newTasks(bucketId: string, count: number, tag: string): NewTask[] {
  return Array.from({ length: count }, (_, n) => {
    const goal = snapshot.goals[n % snapshot.goals.length];
    if (!goal) throw new Error('no goals');
    const id = `${goal.id}-${tag}-${n}`;
    // Every fourth a recurring goal (a checklist), every third with a deadline.
    const recurrence = n % 4 === 1 ? { count: 4, per: 'year' as const } : goal.recurrence;
    const due = n % 3 === 0 ? `2027-0${1 + (n % 9)}` : goal.due;
    const draft = taskForGoal({ ...goal, id, text: `${tag} ${n + 1}: ${goal.text}`, recurrence, due }, options);
    return { bucketId, draft, goalUrl: goalUrl(id), goalLabel: 'Målet i handlingsplanen' };
  });
}

async function freshBoard(title: string) {
  const planner = boardOf();
  const plan = await planner.ensurePlan(alver.id, title);
  const bucket = await planner.ensureBucket(plan.id, 'Mål');
  return { planner, plan, bucket };
}

const countByTitle = (tasks: readonly { title: string }[]) => {
  const counts = new Map<string, number>();
  for (const t of tasks) counts.set(t.title, (counts.get(t.title) ?? 0) + 1);
  return counts;
};

describe('many goals at once, and changes that meet someone else’s', () => {
  it('creates 60 tasks with their details in at most 8 sequential round trips, and none again the second time', async () => {
    const { planner, plan, bucket } = await freshBoard('Bulk 60');
    const items = newTasks(bucket.id, 60, 'Bulk');
    emu.setFaults({ latencyMs: LATENCY_MS });
    emu.clearLog();
    const results = await planner.createTasks(plan.id, items);
    const trips = roundTrips(emu.requestLog());
    emu.setFaults({});
    // The creates went as $batch steps, not as plain requests: one per request would be 60+ round trips.
    expect(requestsTo('POST', /^\/planner\/tasks$/).filter((e) => e.batchId !== undefined)).toHaveLength(60);
    expect(requestsTo('POST', /^\/planner\/tasks$/).filter((e) => e.batchId === undefined)).toHaveLength(0);
    expect(trips).toBeLessThanOrEqual(8);
    console.info(`createTasks(60): ${trips} sequential round trips`);

    expect(results.map((r) => (r.ok ? r.task.title : r.error.message))).toEqual(items.map((i) => i.draft.title));
    expect(results.every((r) => r.ok && r.created)).toBe(true);
    const onBoard = await planner.readBoard(plan.id);
    expect(onBoard).toHaveLength(60);
    for (const [n, item] of items.entries()) {
      const result = results[n];
      const task = onBoard.find((t) => t.title === item.draft.title);
      if (!task || !result?.ok) throw new Error(`no task for ${item.draft.title}`);
      expect(result.task).toEqual({ id: task.id, title: task.title, bucketId: bucket.id, completed: false, dueDay: task.dueDay, assigneeIds: task.assigneeIds, etag: task.etag });
      expect(task.referenceKeys).toEqual([referenceKey(item.goalUrl)]);
      expect(task.description).toBe(item.draft.description);
      expect(task.checklist.map((c) => c.key).sort()).toEqual(item.draft.checklist.map((c) => c.key).sort());
      expect(task.assigneeIds).toEqual([...item.draft.assigneeIds].sort());
      expect(task.dueDay).toBe(item.draft.dueDay);
    }

    emu.clearLog();
    const again = await planner.createTasks(plan.id, items);
    expect(again.map((r) => (r.ok ? [r.created, r.task.id] : r.error.message))).toEqual(results.map((r) => (r.ok ? [false, r.task.id] : null)));
    expect(requestsTo('POST', /^\/planner\/tasks$/)).toHaveLength(0);
    expect(requestsTo('PATCH', /\/details$/)).toHaveLength(0);
    expect(await planner.tasks(plan.id)).toHaveLength(60);
  });

  it('reads the board with every task’s details through $batch, not one request per task', async () => {
    const { planner, plan, bucket } = await freshBoard('Lese tavla');
    const items = newTasks(bucket.id, 30, 'Les');
    const created = await planner.createTasks(plan.id, items);
    const first = created[0];
    if (!first?.ok) throw new Error('not created');
    await planner.setCompleted(first.task.id, true, first.task.etag);
    const withChecklist = items.findIndex((i) => i.draft.checklist.length > 0);
    const checklistTask = created[withChecklist];
    if (!checklistTask?.ok) throw new Error('no task with a checklist');
    const ticked = items[withChecklist]?.draft.checklist[0]?.key ?? '';
    await planner.updateDetails(checklistTask.task.id, { checklistChecked: { [ticked]: true } });

    emu.setFaults({ latencyMs: LATENCY_MS });
    emu.clearLog();
    const onBoard = await planner.readBoard(plan.id);
    const trips = roundTrips(emu.requestLog());
    emu.setFaults({});
    expect(trips).toBe(2);
    expect(emu.requestLog().filter((e) => e.batchId === undefined && /\/details$/.test(e.path))).toHaveLength(0);
    expect(onBoard).toHaveLength(30);
    const me = demoPerson(board).id;
    const done = onBoard.find((t) => t.id === first.task.id);
    expect(done).toMatchObject({ completed: true, percentComplete: 100, completedBy: me });
    expect(Date.parse(done?.completedDateTime ?? '')).toBeGreaterThan(Date.now() - 60_000);
    const item = onBoard.find((t) => t.id === checklistTask.task.id)?.checklist.find((c) => c.key === ticked);
    expect(item).toMatchObject({ isChecked: true, lastModifiedBy: me });
    expect(item?.lastModifiedDateTime).toBeTruthy();
    const open = onBoard.find((t) => t.id !== first.task.id);
    expect(open).toMatchObject({ completed: false, percentComplete: 0, completedBy: null, completedDateTime: null });
    expect(open?.detailsEtag).toMatch(/^W\/"/);
    expect(open?.detailsEtag).not.toBe(open?.etag);
  });

  it('leaves one task per goal when creates are committed and their answers lost (504, no answer, the whole $batch)', async () => {
    const cases = [
      { name: '504', faults: { failureStatuses: [504], scope: ['batchStep' as const], pathPattern: '^/planner/tasks$', failCount: 3 } },
      { name: 'no answer', faults: { failureStatuses: [0], scope: ['request' as const, 'batchStep' as const], pathPattern: '^/planner/tasks$', failCount: 3 } },
      { name: 'batch lost', faults: { failureStatuses: [0], scope: ['batch' as const], pathPattern: '^/\\$batch$', failCount: 1 } },
    ];
    for (const c of cases) {
      const { planner, plan, bucket } = await freshBoard(`Tapte svar ${c.name}`);
      const items = newTasks(bucket.id, 25, c.name);
      emu.clearLog();
      emu.setFaults({ latencyMs: LATENCY_MS, failureRate: 1, commit: 'after', methods: ['POST'], ...c.faults });
      const results = await planner.createTasks(plan.id, items);
      expect(emu.faults().failCount).toBe(0);
      emu.setFaults({});
      // One re-read resolves every lost answer of a wave: still within the round trips of a bulk create.
      const trips = roundTrips(emu.requestLog());
      expect(trips).toBeLessThanOrEqual(8);
      console.info(`createTasks(25), ${c.name}: ${trips} sequential round trips`);
      expect(emu.requestLog().some((e) => e.status === 504 || e.status === 0)).toBe(true);
      expect(results.every((r) => r.ok && r.created)).toBe(true);
      const onBoard = await planner.readBoard(plan.id);
      expect([...countByTitle(onBoard).values()].every((n) => n === 1)).toBe(true);
      expect(onBoard.map((t) => t.title).sort()).toEqual(items.map((i) => i.draft.title).sort());
      expect(onBoard.every((t) => t.referenceKeys.length === 1)).toBe(true);
    }
  });

  it('gets through a 429 storm on the creates and on the reads', async () => {
    const { planner, plan, bucket } = await freshBoard('Storm');
    const items = newTasks(bucket.id, 60, 'Storm');
    emu.clearLog();
    // More throttled steps than the client retries inside a $batch (4 tries of 60): the adapter
    // must look for the tasks and send the creates again.
    emu.setFaults({ failureRate: 1, failCount: 250, failureStatuses: [429], retryAfterSeconds: 0.01, scope: ['batchStep'] });
    const results = await planner.createTasks(plan.id, items);
    expect(emu.faults().failCount).toBe(0);
    expect(results.map((r) => r.ok)).toEqual(items.map(() => true));
    // Plain requests: more 429s than the client's own retries of one request.
    emu.setFaults({ failureRate: 1, failCount: 10, failureStatuses: [429], retryAfterSeconds: 0.01, scope: ['request'] });
    const onBoard = await planner.readBoard(plan.id);
    expect(emu.faults().failCount).toBe(0);
    emu.setFaults({});
    expect(emu.requestLog().filter((e) => e.status === 429)).toHaveLength(260);
    expect(onBoard).toHaveLength(60);
    expect([...countByTitle(onBoard).values()].every((n) => n === 1)).toBe(true);
    expect(onBoard.every((t) => t.referenceKeys.length === 1)).toBe(true);
  });

  it('applies its own change on top of someone else’s after a 412', async () => {
    const { planner, plan, bucket } = await freshBoard('Samtidig');
    const [a, b, c] = alver.members.map((upn) => demoPerson(upn).id);
    if (!a || !b || !c) throw new Error('members');
    const draft: TaskDraft = { goalId: 'g', title: 'Verve 20 nye medlemmer', description: 'Verving', assigneeIds: [a], dueDay: '2027-03-31', checklist: [] };
    const created = (await planner.createTasks(plan.id, [{ bucketId: bucket.id, draft, goalUrl: goalUrl('samtidig'), goalLabel: 'Mål' }]))[0];
    if (!created?.ok) throw new Error('not created');
    const stale = created.task;

    // Someone else moves the due date and adds an assignee.
    const other = graphClientAs(emu, alver.owners[1] as string);
    const theirs = await other.get<{ '@odata.etag': string }>(`/planner/tasks/${stale.id}`);
    await other.patch(`/planner/tasks/${stale.id}`, { dueDateTime: '2027-05-31T12:00:00Z', assignments: { [b]: { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' } } }, { headers: { 'If-Match': theirs['@odata.etag'] } });

    emu.clearLog();
    const updated = await planner.updateTask(stale.id, stale.etag, { title: 'Verve 25 nye medlemmer', assigneeIds: [a, c], baseAssigneeIds: [a] });
    expect(requestsTo('PATCH', /^\/planner\/tasks\/[^/]+$/).map((e) => e.status)).toEqual([412, 200]);
    expect(updated).toMatchObject({ title: 'Verve 25 nye medlemmer', dueDay: '2027-05-31', assigneeIds: [a, b, c].sort() });
    const now = (await planner.tasks(plan.id)).find((t) => t.id === stale.id);
    expect(now).toEqual(updated);

    // Removing with a stale etag removes only ours; the desired set without a base is exact.
    const removed = await planner.updateTask(stale.id, stale.etag, { assigneeIds: [c], baseAssigneeIds: [a, c] });
    expect(removed.assigneeIds).toEqual([b, c].sort());
    const exact = await planner.updateTask(stale.id, stale.etag, { assigneeIds: [a] });
    expect(exact.assigneeIds).toEqual([a]);

    // Details: someone else adds a checklist item; ours is added beside it.
    const details = await other.get<{ '@odata.etag': string }>(`/planner/tasks/${stale.id}/details`);
    const staleDetails = details['@odata.etag'];
    const theirItem = '11111111-1111-4111-8111-111111111111';
    const ourItem = '22222222-2222-4222-8222-222222222222';
    await other.patch(`/planner/tasks/${stale.id}/details`, { checklist: { [theirItem]: { '@odata.type': 'microsoft.graph.plannerChecklistItem', title: 'Deres' } } }, { headers: { 'If-Match': staleDetails } });
    emu.clearLog();
    const after = await planner.updateDetails(stale.id, { description: 'Verving hele året', checklistAdd: [{ key: ourItem, title: 'Vår' }] }, staleDetails);
    expect(requestsTo('PATCH', /\/details$/).map((e) => e.status)).toEqual([412, 200]);
    expect(after.description).toBe('Verving hele året');
    expect(after.checklist.map((i) => i.title).sort()).toEqual(['Deres', 'Vår']);
    const removedItem = await planner.updateDetails(stale.id, { checklistRemove: [theirItem] }, staleDetails);
    expect(removedItem.checklist.map((i) => i.key)).toEqual([ourItem]);
  });

  it('deletes a task with a stale etag, and a task that is already gone', async () => {
    const { planner, plan, bucket } = await freshBoard('Sletting');
    const [created] = await planner.createTasks(plan.id, newTasks(bucket.id, 1, 'Slett'));
    if (!created?.ok) throw new Error('not created');
    await planner.setCompleted(created.task.id, true, created.task.etag);
    emu.clearLog();
    await planner.deleteTask(created.task.id, created.task.etag);
    expect(requestsTo('DELETE', /^\/planner\/tasks\//).map((e) => e.status)).toEqual([412, 204]);
    expect(await planner.tasks(plan.id)).toEqual([]);
    await expect(planner.deleteTask(created.task.id, created.task.etag)).resolves.toBeUndefined();
  });

  it('reports a deleted plan as unreachable', async () => {
    const { planner, plan } = await freshBoard('Slettes');
    expect(await planner.planStatus(plan.id)).toBe('ok');
    const graph = graphClientAs(emu, board);
    const stored = await graph.get<{ '@odata.etag': string }>(`/planner/plans/${plan.id}`);
    await graph.delete(`/planner/plans/${plan.id}`, { headers: { 'If-Match': stored['@odata.etag'] } });
    expect(await planner.planStatus(plan.id)).toBe('unreachable');
    // Someone outside the plan's group (403) cannot reach it either.
    const survivor = await freshBoard('Handlingsplan 2026–2027');
    expect(await boardOf(`per.olsen@${board.split('@')[1]}`).planStatus(survivor.plan.id)).toBe('unreachable');
    // Other failures are not 'unreachable'.
    emu.setFaults({ failureRate: 1, failCount: 1, failureStatuses: [400], scope: ['request'], pathPattern: '^/planner/plans/' });
    await expect(planner.planStatus(survivor.plan.id)).rejects.toMatchObject({ status: 400 });
    emu.setFaults({});
  });

  it('finds a bucket by id after it was renamed', async () => {
    const { planner, plan, bucket } = await freshBoard('Omdøpt');
    const graph = graphClientAs(emu, board);
    const stored = await graph.get<{ '@odata.etag': string }>(`/planner/buckets/${bucket.id}`);
    await graph.patch(`/planner/buckets/${bucket.id}`, { name: 'Nytt navn' }, { headers: { 'If-Match': stored['@odata.etag'] } });
    expect(await planner.bucketsOf(plan.id)).toContainEqual({ id: bucket.id, name: 'Nytt navn' });
  });

  it('returns Planner’s limits as PlannerLimitError, from plain requests and from $batch steps', async () => {
    const { planner, plan, bucket } = await freshBoard('Grenser');
    const everyone = DEMO_PEOPLE.filter((p) => !p.userPrincipalName.includes('#EXT#')).map((p) => p.id);
    expect(everyone.length).toBeGreaterThanOrEqual(21);
    const base: TaskDraft = { goalId: 'g', title: 'Grense', description: 'Grense', assigneeIds: [], dueDay: null, checklist: [] };
    const items: NewTask[] = [
      { bucketId: bucket.id, draft: { ...base, title: '21 ansvarlige', assigneeIds: everyone.slice(0, 21) }, goalUrl: goalUrl('limit-1'), goalLabel: 'Mål' },
      { bucketId: bucket.id, draft: { ...base, title: '21 punkter', checklist: Array.from({ length: 21 }, (_, i) => ({ key: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, title: `Punkt ${i + 1}` })) }, goalUrl: goalUrl('limit-2'), goalLabel: 'Mål' },
      { bucketId: bucket.id, draft: { ...base, title: 'Innenfor', assigneeIds: everyone.slice(0, 20) }, goalUrl: goalUrl('limit-3'), goalLabel: 'Mål' },
    ];
    const [assignees, checklist, within] = await planner.createTasks(plan.id, items);
    // $batch step: Planner refused the create.
    expect(assignees?.ok ? null : assignees?.error).toBeInstanceOf(PlannerLimitError);
    expect(assignees?.ok ? null : (assignees?.error as PlannerLimitError).limit).toBe('assigneesPerTask');
    expect(assignees?.ok ? null : assignees?.error).toMatchObject({ status: 403, code: 'MaximumAssigneesInTasks' });
    // Refused before anything is written: a task without its details would have no key.
    expect(checklist?.ok ? null : (checklist?.error as PlannerLimitError).limit).toBe('checklistItemsPerTask');
    expect(within?.ok).toBe(true);
    expect((await planner.tasks(plan.id)).map((t) => t.title)).toEqual(['Innenfor']);
    if (!within?.ok) throw new Error('not created');

    // Plain requests.
    const tooMany = planner.updateTask(within.task.id, within.task.etag, { assigneeIds: everyone.slice(0, 21), baseAssigneeIds: everyone.slice(0, 20) });
    await expect(tooMany).rejects.toBeInstanceOf(PlannerLimitError);
    await expect(tooMany).rejects.toMatchObject({ limit: 'assigneesPerTask', status: 403 });
    const tooLong = planner.updateDetails(within.task.id, { checklistAdd: items[1]?.draft.checklist ?? [] });
    await expect(tooLong).rejects.toBeInstanceOf(PlannerLimitError);
    await expect(tooLong).rejects.toMatchObject({ limit: 'checklistItemsPerTask' });
    // Another refusal stays a GraphRequestError.
    const bad = planner.updateTask(within.task.id, within.task.etag, { assigneeIds: ['not-a-user'], baseAssigneeIds: [] });
    await expect(bad).rejects.toBeInstanceOf(GraphRequestError);
    await expect(bad).rejects.not.toBeInstanceOf(PlannerLimitError);

    // $batch step of the details: our own task without its reference (its details were never
    // written) already holds 15 items, and the goal's checklist adds 10.
    const graph = graphClientAs(emu, board);
    const orphan = await graph.post<{ id: string }>('/planner/tasks', { planId: plan.id, bucketId: bucket.id, title: 'Halvferdig' });
    const orphanDetails = await graph.get<{ '@odata.etag': string }>(`/planner/tasks/${orphan.id}/details`);
    const fifteen = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`10000000-0000-4000-8000-${String(i).padStart(12, '0')}`, { '@odata.type': 'microsoft.graph.plannerChecklistItem', title: `Eget ${i}` }]));
    await graph.patch(`/planner/tasks/${orphan.id}/details`, { checklist: fifteen }, { headers: { 'If-Match': orphanDetails['@odata.etag'] } });
    const ten = Array.from({ length: 10 }, (_, i) => ({ key: `20000000-0000-4000-8000-${String(i).padStart(12, '0')}`, title: `Møte ${i}` }));
    const [half] = await planner.createTasks(plan.id, [{ bucketId: bucket.id, draft: { ...base, title: 'Halvferdig', checklist: ten }, goalUrl: goalUrl('limit-4'), goalLabel: 'Mål' }]);
    expect(half?.ok ? null : half?.error).toBeInstanceOf(PlannerLimitError);
    expect(half?.ok ? null : (half?.error as PlannerLimitError).limit).toBe('checklistItemsPerTask');
    expect(half?.ok ? null : half?.taskId).toBe(orphan.id);
  });
});
