/**
 * `npm run sync` (src/runner/sync.ts) against the emulator, through the runners' composition root:
 * the unattended sync brings work done in Planner into the plan, once, and says why when it cannot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatcherFor, graphClientAs, sharePointRestFetch } from '../../emulator/app-client';
import { seedTeamPlan } from '../../emulator/seed/demo-plans';
import { demoPerson } from '../../emulator/seed/demo-tenant';
import type { RunningEmulator } from '../../emulator/server';
import { createRunner } from '../../src/runner/composition-root';
import { createRunnerTokenSource } from '../../src/runner/token-sources';
import { parseSyncArgs, runSync } from '../../src/runner/sync';
import { UsageError } from '../../src/runner/args';
import type { LocalGoal, PlanSnapshot } from '../../src/domain/plan';
import { emulator, team } from './support';

let emu: RunningEmulator;
const bergen = team('sor-varanger');
const board = bergen.owners[0] as string;
const steward = bergen.members[0] as string;
const APP_ID = '6d1f3c2a-8b4e-4f7a-9c5d-2e8b1a7f4c30';

beforeAll(async () => {
  emu = await emulator();
  await seedTeamPlan(emu, bergen, '2026-11-23');
});
afterAll(async () => {
  await emu.close();
});

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSync(argv, {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    env: {},
    fetch: sharePointRestFetch(emu),
    fetchOptions: { dispatcher: dispatcherFor(emu.ca) },
    today: '2026-12-02',
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run sync', () => {
  it('refuses unclear options with the usage (exit 2)', async () => {
    expect(() => parseSyncArgs(['--as', board, '--graph', emu.graphUrl])).toThrow(/--team is required/);
    expect(() => parseSyncArgs(['--team', 'Fagforbundet Bergen', '--as', board, '--graph', emu.graphUrl])).toThrow(UsageError);
    expect(parseSyncArgs(['--team', bergen.id, '--as', board, '--graph', emu.graphUrl], { TEAMS_APP_ID: APP_ID }).appId).toBe(APP_ID);
    const result = await run(['--team']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Usage: npm run sync');
  });

  it('says when the plan has no Planner tasks yet', async () => {
    const result = await run(['--team', bergen.id, '--as', board, '--graph', emu.graphUrl, '--app-id', APP_ID]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('has no Planner tasks yet');
  });

  it('brings a task completed in Planner into the plan as one check-in, however often it runs', async () => {
    // The board turned the plan's goals into tasks from the tab (the same sync, with the same app id).
    const runner = createRunner({ graphUrl: emu.graphUrl, getToken: await createRunnerTokenSource({ kind: 'dev', userPrincipalName: board }, () => {}), fetch: sharePointRestFetch(emu), fetchOptions: { dispatcher: dispatcherFor(emu.ca) } });
    const members = await runner.directory.teamMembers(bergen.id);
    const snapshot = (await runner.repository(bergen.id).load()) as PlanSnapshot;
    const sync = runner.planner(bergen.id, { role: 'board', members, userId: demoPerson(board).id, appId: APP_ID, today: '2026-12-02' });
    const goal = snapshot.goals.find((g) => g.kind === 'milestone') as LocalGoal;
    expect((await sync.createTasks(snapshot, [goal.id], null)).created).toBe(1);

    const linked = (await runner.repository(bergen.id).load()) as PlanSnapshot;
    const taskId = linked.goals.find((g) => g.id === goal.id)?.tasks?.[0]?.taskId as string;
    const planner = graphClientAs(emu, steward);
    const task = await planner.get<{ '@odata.etag': string }>(`/planner/tasks/${taskId}`);
    await planner.patch(`/planner/tasks/${taskId}`, { percentComplete: 100 }, { headers: { 'If-Match': task['@odata.etag'] } });

    const first = await run(['--team', bergen.id, '--as', board, '--graph', emu.graphUrl, '--app-id', APP_ID]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('check-ins from Planner: 1;');
    const again = await run(['--team', bergen.id, '--as', board, '--graph', emu.graphUrl, '--app-id', APP_ID]);
    expect(again.out).toContain('check-ins from Planner: 0;');
    const after = (await runner.repository(bergen.id).load()) as PlanSnapshot;
    const fromPlanner = after.checkIns.filter((c) => c.goalId === goal.id && c.via);
    // A milestone's only task completed: the milestone is reached, and who did it is the steward.
    expect(fromPlanner.map((c) => [c.value, c.via?.actor?.id])).toEqual([[1, demoPerson(steward).id]]);
  });

  it('adopts a task whose link was lost only by the tab’s app id (the tasks’ key is built from it)', async () => {
    const runner = createRunner({ graphUrl: emu.graphUrl, getToken: await createRunnerTokenSource({ kind: 'dev', userPrincipalName: board }, () => {}), fetch: sharePointRestFetch(emu), fetchOptions: { dispatcher: dispatcherFor(emu.ca) } });
    const snapshot = (await runner.repository(bergen.id).load()) as PlanSnapshot;
    const goal = snapshot.goals.find((g) => g.tasks?.length) as LocalGoal;
    await runner.repository(bergen.id).updateGoal(goal.id, { tasks: [] }, { ifMatch: goal.etag ?? null });
    const other = await run(['--team', bergen.id, '--as', board, '--graph', emu.graphUrl, '--app-id', '00000000-0000-0000-0000-000000000001']);
    expect(other.code).toBe(0);
    expect(other.out).toContain('tasks adopted: 0');
    const same = await run(['--team', bergen.id, '--as', board, '--graph', emu.graphUrl, '--app-id', APP_ID]);
    expect(same.out).toContain('tasks adopted: 1');
    expect(((await runner.repository(bergen.id).load()) as PlanSnapshot).goals.find((g) => g.id === goal.id)?.tasks?.map((t) => t.taskId)).toEqual(goal.tasks?.map((t) => t.taskId));
  });
});
