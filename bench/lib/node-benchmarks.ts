/**
 * The benchmarks of `npm run bench` that need no browser: the importer on every fixture plan in
 * every file type, and the plan's load through the real Graph client against the emulator.
 */
import { performance } from 'node:perf_hooks';
import { importPlan } from '../../src/import/index';
import { SharePointPlanRepository } from '../../src/adapters/sharepoint/plan-repository';
import { graphClientAs } from '../../emulator/app-client';
import type { RunningEmulator } from '../../emulator/server';
import { docxFromText, pdfFromText } from '../../tests/import/helpers/from-text';
import { EXTRAS, SAMPLES } from '../../tests/import/helpers/samples';
import { figure, summarize, type Figure } from './metrics';

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
        reference: { name: '2 round trips', value: 2 * latency },
        target: 2 * latency * 1.25,
        targetRule: '2 round trips + 25 %',
      }),
    ];
  } finally {
    emulator.setFaults({});
  }
}
