/**
 * Goals as Planner tasks through the app's Graph client against the emulator's Planner (issue 11,
 * first step): the team's plan and a bucket per area are created once and reused; a goal's task
 * carries its title, owners, due day, checklist and a reference back to the goal; a create whose
 * answer is lost after the server committed it leaves one task, not two.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphClientAs } from '../../emulator/app-client';
import { seedTeamPlan } from '../../emulator/seed/demo-plans';
import { demoPerson } from '../../emulator/seed/demo-tenant';
import type { RunningEmulator } from '../../emulator/server';
import { GraphPlannerBoard, referenceKey } from '../../src/adapters/planner/planner-board';
import type { PlanSnapshot } from '../../src/domain/plan';
import { taskForGoal } from '../../src/domain/planner';
import { emulator, repoAs, team } from './support';

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
