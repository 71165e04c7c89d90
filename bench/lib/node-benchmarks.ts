/**
 * The benchmarks of `npm run bench` that need no browser: the importer on every fixture plan in
 * every file type, the plan's load and a board's bulk Planner assignment through the real Graph
 * client against the emulator.
 */
import { performance } from 'node:perf_hooks';
import { importPlan } from '../../src/import/index';
import { SharePointPlanRepository } from '../../src/adapters/sharepoint/plan-repository';
import { graphClientAs } from '../../emulator/app-client';
import { demoPerson, type DemoTeam } from '../../emulator/seed/demo-tenant';
import { GraphPlannerBoard, type NewTask } from '../../src/adapters/planner/planner-board';
import { taskForGoal } from '../../src/domain/planner';
import type { RunningEmulator } from '../../emulator/server';
import { docxFromText, pdfFromText } from '../../tests/import/helpers/from-text';
import { EXTRAS, SAMPLES } from '../../tests/import/helpers/samples';
import { figure, sequentialRoundTrips, summarize, type Figure } from './metrics';

async function timed(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up: the parsers are loaded on the first import
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

/** `import`: each fixture plan as .txt, .docx and .pdf through the importer, ≤ 200 ms each. */
export async function benchImport(runs: number, plans: 'all' | 'samples'): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const sample of plans === 'all' ? [...SAMPLES, ...EXTRAS] : SAMPLES) {
    const files = { txt: sample.bytes, docx: await docxFromText(sample.bytes), pdf: await pdfFromText(sample.bytes) };
    for (const [type, bytes] of Object.entries(files)) {
      const times = await timed(runs, () => importPlan(bytes, `${sample.name}.${type}`));
      figures.push(figure({ group: 'import', name: `${sample.name}.${type}`, unit: 'ms', value: summarize(times), target: 200, targetRule: 'issue 16' }));
    }
  }
  return figures;
}

/**
 * `planLoad`: the plan read through the real repository, counted in the emulator's log (outer
 * requests: a `$batch` is one round trip) and timed with the emulator's per-request latency.
 */
export async function benchPlanLoad(emulator: RunningEmulator, teamId: string, userPrincipalName: string, runs: number): Promise<Figure[]> {
  const repo = new SharePointPlanRepository(graphClientAs(emulator, userPrincipalName), teamId);
  await repo.load();
  emulator.clearLog();
  await repo.load();
  const outer = emulator.requestLog().filter((e) => e.batchId === undefined).length;
  const latency = 150;
  emulator.setFaults({ latencyMs: latency });
  try {
    const times = await timed(runs, () => repo.load());
    return [
      figure({ group: 'planLoad', name: 'requests (a $batch counts once)', unit: 'requests', value: outer, target: 2, targetRule: 'no more than 2 for Graph' }),
      figure({
        group: 'planLoad',
        name: `load at ${latency} ms per request (emulator)`,
        unit: 'ms',
        value: summarize(times),
        reference: { name: `${outer} round trip${outer === 1 ? '' : 's'}`, value: outer * latency },
        target: outer * latency * 1.25,
        targetRule: 'its round trips + 25 %',
      }),
    ];
  } finally {
    emulator.setFaults({});
  }
}

/** The emulator's log as timed requests: outer requests only (a `$batch` is one), its 1 ms rounding allowed for. */
function timedRequests(log: ReturnType<RunningEmulator['requestLog']>) {
  return log
    .filter((e) => e.batchId === undefined)
    .map((e) => ({ url: e.path, start: Date.parse(e.at) - e.durationMs + 1, end: Date.parse(e.at), fromCache: false }));
}

/**
 * `plannerBulk` (issue 16): a board assigns 60 goals as Planner tasks (each task created, then its
 * details) through the app's Planner adapter against the emulator at 150 ms a request: the time,
 * the sequential round trips (≤ 8) and, for reference, what one request at a time would cost (every
 * request the run sent, one after another). Each run on a new Planner plan of the team.
 */
export async function benchPlannerBulk(emulator: RunningEmulator, team: DemoTeam, runs: number): Promise<Figure[]> {
  const owner = team.owners[0];
  if (!owner) throw new Error(`${team.displayName} has no owner`);
  const graph = graphClientAs(emulator, owner);
  const planner = new GraphPlannerBoard(graph, demoPerson(owner).id);
  const snapshot = await new SharePointPlanRepository(graph, team.id).load();
  if (!snapshot || snapshot.goals.length === 0) throw new Error(`${team.displayName} has no plan`);
  const latency = 150;
  const count = 60;
  const times: number[] = [];
  const trips: number[] = [];
  const requests: number[] = [];
  let errors = 0;
  for (let run = 0; run < runs; run++) {
    const plan = await planner.ensurePlan(team.id, `Bench ${new Date().toISOString()} ${run + 1}`);
    const bucket = await planner.ensureBucket(plan.id, 'Mål');
    const items: NewTask[] = Array.from({ length: count }, (_, n) => {
      const goal = snapshot.goals[n % snapshot.goals.length] as (typeof snapshot.goals)[number];
      const id = `${goal.id}-bench-${run}-${n}`;
      const draft = taskForGoal({ ...goal, id, text: `${n + 1}: ${goal.text}` }, { year: 2026, occurrenceTitle: (i, total) => `${i} av ${total}` });
      return { bucketId: bucket.id, draft, goalUrl: `https://teams.microsoft.com/l/entity/app/handlingsplan?context=goal%3A${id}`, goalLabel: 'Mål' };
    });
    emulator.setFaults({ latencyMs: latency });
    emulator.clearLog();
    const started = performance.now();
    try {
      const results = await planner.createTasks(plan.id, items);
      times.push(performance.now() - started);
      errors += results.filter((r) => !r.ok).length;
    } finally {
      emulator.setFaults({});
    }
    const log = emulator.requestLog();
    trips.push(sequentialRoundTrips(timedRequests(log)));
    // Every request of the run, inner steps included: what one request at a time would send.
    requests.push(log.length);
  }
  const oneAtATime = summarize(requests).median * latency;
  return [
    figure({ group: 'plannerBulk', name: `${count} goals as tasks: errors`, unit: 'errors', value: errors, target: 0 }),
    figure({ group: 'plannerBulk', name: `${count} goals as tasks: sequential round trips`, unit: 'round trips', value: summarize(trips), target: 8 }),
    figure({
      group: 'plannerBulk',
      name: `${count} goals as tasks at ${latency} ms per request (emulator)`,
      unit: 'ms',
      value: summarize(times),
      reference: { name: 'one request at a time', value: oneAtATime },
    }),
  ];
}
