/**
 * `npm run mutate [-- --all] [-- <stryker options>]`: mutation testing of the core with StrykerJS
 * (stryker.config.json), then the project's thresholds per part of the core.
 *
 * Incremental by default: results for code and tests that did not change since the last run are
 * taken from reports/stryker-incremental.json (committed), so a submission mutates only what it
 * changed. `--all` mutates everything again (and rewrites that file); `--typecheck` adds Stryker's
 * TypeScript checker, so mutants that do not compile are set aside instead of tested. Reports: Stryker's JSON and
 * HTML under reports/mutation/, and reports/mutation/scores.json with the figures below.
 *
 * `--part <glob>` mutates only the files the glob matches (e.g. a glob of every .ts file under src/import/extract), with
 * the configuration whose mutate list covers them, and merges their results into that
 * configuration's incremental file: a full measurement that does not fit one sitting on a 2-core
 * machine is done part by part, each part kept when it ends. Thresholds are not checked then. The
 * glob may not contain commas (Stryker splits --mutate at commas): `src/import/parse/@(a|b).ts`.
 *
 * Thresholds (mutation score = killed or timed out ÷ mutants that compile; mutants no test covers
 * count as survivors; mutants marked equivalent with a `// Stryker disable` comment and its reason
 * are ignored and listed):
 *   src/domain, src/graph ≥ 80 %; src/adapters, src/import, the offline queue, the emulator ≥ 70 %.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { calculateMetrics } from 'mutation-testing-metrics';
import type { FileResultDictionary, MutationTestResult } from 'mutation-testing-report-schema';

const root = path.resolve(import.meta.dirname, '..');
/** Each Stryker configuration with the JSON report it writes (the emulator runs against its own tests). */
const CONFIGS = [
  { file: 'stryker.config.json', report: 'reports/mutation/mutation.json', incremental: 'reports/stryker-incremental.json', prefix: 'src/' },
  { file: 'stryker.emulator.config.json', report: 'reports/mutation/emulator/mutation.json', incremental: 'reports/stryker-incremental.emulator.json', prefix: 'emulator/' },
] as const;

interface IncrementalTest {
  readonly id: string;
  readonly name: string;
  readonly [key: string]: unknown;
}
interface IncrementalMutant {
  readonly coveredBy?: readonly string[];
  readonly killedBy?: readonly string[];
  readonly [key: string]: unknown;
}
/** The parts of Stryker's incremental file (a mutation-testing-report-schema report) that merging touches. */
export interface IncrementalReport {
  files: Record<string, { mutants: IncrementalMutant[]; [key: string]: unknown }>;
  testFiles?: Record<string, { tests: IncrementalTest[]; source?: string; [key: string]: unknown }>;
  [key: string]: unknown;
}

/**
 * Merges the results of a part run into the incremental report: the part's files replace the
 * report's, and its tests (numbered afresh by each run) are matched to the report's by file and
 * name, or added with new ids, so that every mutant's coveredBy/killedBy still names the right tests.
 */
export function mergeIncremental(into: IncrementalReport, part: IncrementalReport): IncrementalReport {
  const testFiles: NonNullable<IncrementalReport['testFiles']> = structuredClone(into.testFiles ?? {});
  const idOf = new Map<string, string>();
  let next = 0;
  for (const [file, entry] of Object.entries(testFiles)) {
    for (const test of entry.tests) {
      idOf.set(`${file}\u0000${test.name}`, test.id);
      next = Math.max(next, Number(test.id) + 1);
    }
  }
  const remap = new Map<string, string>();
  for (const [file, entry] of Object.entries(part.testFiles ?? {})) {
    const target = (testFiles[file] ??= { ...entry, tests: [] });
    if (entry.source !== undefined) target.source = entry.source;
    for (const test of entry.tests) {
      const key = `${file}\u0000${test.name}`;
      let id = idOf.get(key);
      if (id === undefined) {
        id = String(next++);
        idOf.set(key, id);
        target.tests.push({ ...test, id });
      }
      remap.set(test.id, id);
    }
  }
  const ids = (list: readonly string[] | undefined) => list?.map((id) => remap.get(id) ?? id);
  const files = { ...into.files };
  for (const [file, entry] of Object.entries(part.files)) {
    files[file] = {
      ...entry,
      mutants: entry.mutants.map((m) => {
        const out: Record<string, unknown> = { ...m };
        if (m.coveredBy) out.coveredBy = ids(m.coveredBy);
        if (m.killedBy) out.killedBy = ids(m.killedBy);
        return out as IncrementalMutant;
      }),
    };
  }
  return { ...into, files, testFiles };
}

/** `--part <glob>`: Stryker on the matching files only, its results merged into the committed incremental file. */
function runPart(glob: string, bin: string, passThrough: readonly string[]): number {
  const config = CONFIGS.find((c) => glob.startsWith(c.prefix));
  if (!config) {
    console.error(`mutate: --part ${glob} is in no configuration (${CONFIGS.map((c) => c.prefix).join(', ')})`);
    return 1;
  }
  const main = path.join(root, config.incremental);
  const temp = path.join(root, 'reports/.stryker-part.json');
  // The part run starts from the committed results, so unchanged mutants of the part are reused.
  if (existsSync(main)) copyFileSync(main, temp);
  else rmSync(temp, { force: true });
  const run = spawnSync(process.execPath, [bin, 'run', config.file, '--mutate', glob, '--incrementalFile', temp, ...passThrough], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0 || !existsSync(temp)) {
    console.error(`mutate: Stryker failed for ${glob} (exit ${run.status ?? run.signal})`);
    return 1;
  }
  const base: IncrementalReport = existsSync(main) ? (JSON.parse(readFileSync(main, 'utf8')) as IncrementalReport) : (JSON.parse(readFileSync(temp, 'utf8')) as IncrementalReport);
  const merged = mergeIncremental(base, JSON.parse(readFileSync(temp, 'utf8')) as IncrementalReport);
  writeFileSync(main, JSON.stringify(merged));
  rmSync(temp, { force: true });
  console.log(`mutate: ${glob} merged into ${config.incremental}`);
  return 0;
}

export interface ScoreGroup {
  readonly name: string;
  readonly prefixes: readonly string[];
  readonly threshold: number;
}

export const GROUPS: readonly ScoreGroup[] = [
  { name: 'src/domain', prefixes: ['src/domain/'], threshold: 80 },
  { name: 'src/graph', prefixes: ['src/graph/'], threshold: 80 },
  { name: 'src/adapters', prefixes: ['src/adapters/'], threshold: 70 },
  { name: 'src/import', prefixes: ['src/import/'], threshold: 70 },
  { name: 'offline queue', prefixes: ['src/lib/offline-queue.ts'], threshold: 70 },
  { name: 'emulator (Graph semantics)', prefixes: ['emulator/'], threshold: 70 },
];

export interface GroupScore {
  readonly name: string;
  readonly threshold: number;
  readonly score: number;
  readonly killed: number;
  readonly timeout: number;
  readonly survived: number;
  readonly noCoverage: number;
  readonly ignored: number;
  readonly compileErrors: number;
  readonly met: boolean;
}

/** Scores per group from a Stryker JSON report (paths relative to the project). */
export function groupScores(report: MutationTestResult): GroupScore[] {
  const files: FileResultDictionary = {};
  for (const [file, result] of Object.entries(report.files)) {
    files[path.isAbsolute(file) ? path.relative(root, file).split(path.sep).join('/') : file] = result;
  }
  return GROUPS.map((group) => {
    const subset: FileResultDictionary = {};
    for (const [file, result] of Object.entries(files)) if (group.prefixes.some((p) => file.startsWith(p))) subset[file] = result;
    const m = calculateMetrics(subset).metrics;
    if (m.totalMutants === 0) throw new Error(`No mutants in ${group.name}: is it still in a Stryker configuration's mutate list?`);
    const score = Math.round(m.mutationScore * 100) / 100;
    return {
      name: group.name,
      threshold: group.threshold,
      score,
      killed: m.killed,
      timeout: m.timeout,
      survived: m.survived,
      noCoverage: m.noCoverage,
      ignored: m.ignored,
      compileErrors: m.compileErrors,
      met: score >= group.threshold,
    };
  });
}

function main(): number {
  const args = process.argv.slice(2);
  const all = args.includes('--all');
  // The TypeScript checker sorts out mutants that do not compile before they are tested; opt-in,
  // since it costs about five times the run time here (stryker.config.json).
  const typecheck = args.includes('--typecheck');
  const partAt = args.indexOf('--part');
  const part = partAt >= 0 ? args[partAt + 1] : undefined;
  const passThrough = args.filter((a, i) => a !== '--all' && a !== '--typecheck' && i !== partAt && (partAt < 0 || i !== partAt + 1));
  const bin = path.join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js');
  if (partAt >= 0) {
    if (!part) {
      console.error('mutate: --part needs a glob, e.g. --part "src/import/extract/**/*.ts"');
      return 1;
    }
    return runPart(part, bin, [...(typecheck ? ['--checkers', 'typescript'] : []), ...passThrough]);
  }
  const started = Date.now();
  const merged: MutationTestResult = { schemaVersion: '1', thresholds: { high: 90, low: 80 }, files: {} };
  for (const config of CONFIGS) {
    const run = spawnSync(process.execPath, [bin, 'run', config.file, ...(all ? ['--force'] : []), ...(typecheck ? ['--checkers', 'typescript'] : []), ...passThrough], {
      cwd: root,
      stdio: 'inherit',
    });
    if (run.status !== 0) {
      console.error(`mutate: Stryker failed for ${config.file} (exit ${run.status ?? run.signal})`);
      return 1;
    }
    const report = path.join(root, config.report);
    if (!existsSync(report)) {
      console.error(`mutate: no report at ${config.report}`);
      return 1;
    }
    Object.assign(merged.files, (JSON.parse(readFileSync(report, 'utf8')) as MutationTestResult).files);
  }
  const minutes = (Date.now() - started) / 60_000;
  const scores = groupScores(merged);
  writeFileSync(path.join(root, 'reports/mutation/scores.json'), `${JSON.stringify({ all, minutes: Math.round(minutes * 10) / 10, groups: scores }, null, 2)}\n`);
  console.log('\nMutation score per part of the core (threshold in brackets):');
  for (const s of scores) {
    const cells = `killed ${s.killed + s.timeout}, survived ${s.survived}, no coverage ${s.noCoverage}, equivalent ${s.ignored}, not compiling ${s.compileErrors}`;
    console.log(`  ${s.met ? 'ok  ' : 'FAIL'} ${s.name.padEnd(28)} ${s.score.toFixed(2).padStart(6)} % (≥ ${s.threshold} %)  ${cells}`);
  }
  console.log(`mutate: ${all ? 'full' : 'incremental'} run in ${minutes.toFixed(1)} min`);
  const failed = scores.filter((s) => !s.met);
  if (failed.length) console.error(`mutate: below threshold: ${failed.map((s) => s.name).join(', ')}`);
  return failed.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) process.exitCode = main();
