/**
 * `npm run mutate [-- --strict | --all] [-- <stryker options>]`: mutation testing of the core with
 * StrykerJS (stryker.config.json, stryker.emulator.config.json), then the project's thresholds per
 * part of the core.
 *
 * Three depths:
 * - default (what `npm test`, and so CI, runs): only the source files that changed since the
 *   committed results are mutated. A file's source is kept in Stryker's incremental file
 *   (reports/stryker-incremental*.json, committed); a file whose text differs, or that is new, is
 *   run through Stryker (which still reuses its unchanged mutants), a file that is gone is dropped,
 *   and the thresholds are checked over the whole file. Nothing changed: no mutant runs. This is
 *   the equivalent of Stryker.NET's `--since`: a change to tests alone is not re-measured here, since
 *   Stryker's own incremental mode re-tests every mutant a changed test covers, and the app's
 *   integration tests cover thousands (one edited test of the repository re-ran 2,900 mutants, over
 *   an hour on two cores). Added tests can only kill more; a weakened test shows in `--strict`.
 * - `--strict`: Stryker's incremental mode over everything: mutants whose code or covering tests
 *   changed are tested again.
 * - `--all`: every mutant again (rewrites the incremental files).
 * `--typecheck` adds Stryker's TypeScript checker, so mutants that do not compile are set aside
 * instead of tested. Reports: Stryker's JSON and HTML under reports/mutation/ for what Stryker ran,
 * and reports/mutation/scores.json with the figures below over the whole core.
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
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { calculateMetrics } from 'mutation-testing-metrics';
import { globSync } from 'tinyglobby';
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
  files: Record<string, { mutants: IncrementalMutant[]; source?: string; [key: string]: unknown }>;
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

/**
 * A file Stryker found no mutant in (types only, or every mutant gone) is not in its report: record
 * it with no mutants and its current source, replacing what an earlier run recorded, so that it
 * counts as unchanged next time.
 */
export function recordUnmutated(merged: IncrementalReport, part: IncrementalReport, files: readonly string[], read: (file: string) => string): IncrementalReport {
  const out: IncrementalReport = { ...merged, files: { ...merged.files } };
  for (const file of files) {
    if (!part.files[file]) out.files[file] = { language: 'typescript', mutants: [], source: read(file) };
  }
  return out;
}

/**
 * Stryker on some files only (`mutate`: a glob, or file paths joined by commas), with the results of
 * the committed incremental file to reuse, then merged into it.
 */
function runOn(config: (typeof CONFIGS)[number], mutate: string, bin: string, passThrough: readonly string[]): number {
  const main = path.join(root, config.incremental);
  const temp = path.join(root, 'reports/.stryker-part.json');
  // The part run starts from the committed results, so unchanged mutants of the part are reused.
  if (existsSync(main)) copyFileSync(main, temp);
  else rmSync(temp, { force: true });
  const run = spawnSync(process.execPath, [bin, 'run', config.file, '--mutate', mutate, '--incrementalFile', temp, ...passThrough], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0 || !existsSync(temp)) {
    console.error(`mutate: Stryker failed for ${mutate} (exit ${run.status ?? run.signal})`);
    return 1;
  }
  const base: IncrementalReport = existsSync(main) ? (JSON.parse(readFileSync(main, 'utf8')) as IncrementalReport) : (JSON.parse(readFileSync(temp, 'utf8')) as IncrementalReport);
  const part = JSON.parse(readFileSync(temp, 'utf8')) as IncrementalReport;
  const files = (mutate.includes('*') || mutate.includes('(') ? [] : mutate.split(',')).filter((file) => existsSync(path.join(root, file)));
  const merged = recordUnmutated(mergeIncremental(base, part), part, files, (file) => readFileSync(path.join(root, file), 'utf8'));
  writeFileSync(main, JSON.stringify(merged));
  rmSync(temp, { force: true });
  return 0;
}

/** `--part <glob>`: Stryker on the matching files only, its results merged into the committed incremental file. */
function runPart(glob: string, bin: string, passThrough: readonly string[]): number {
  const config = CONFIGS.find((c) => glob.startsWith(c.prefix));
  if (!config) {
    console.error(`mutate: --part ${glob} is in no configuration (${CONFIGS.map((c) => c.prefix).join(', ')})`);
    return 1;
  }
  const status = runOn(config, glob, bin, passThrough);
  if (status === 0) console.log(`mutate: ${glob} merged into ${config.incremental}`);
  return status;
}

/** The files a Stryker configuration's `mutate` list names, as paths relative to the project. */
export function filesToMutate(patterns: readonly string[], cwd = root): string[] {
  return globSync([...patterns], { cwd, ignore: ['node_modules/**', '.stryker-tmp*/**'] }).sort();
}

/**
 * What changed since the incremental file was written: files whose text differs from the source
 * it recorded, or that it does not hold (new), and files it holds that are gone.
 */
export function changedSince(report: IncrementalReport, files: readonly string[], read: (file: string) => string): { changed: string[]; removed: string[] } {
  const present = new Set(files);
  const changed = files.filter((file) => report.files[file]?.source !== read(file));
  const removed = Object.keys(report.files).filter((file) => !present.has(file));
  return { changed, removed };
}

/** The default run: Stryker on the changed files of each configuration only. */
function runChanged(bin: string, passThrough: readonly string[]): number {
  for (const config of CONFIGS) {
    const patterns = (JSON.parse(readFileSync(path.join(root, config.file), 'utf8')) as { mutate: string[] }).mutate;
    const main = path.join(root, config.incremental);
    const report: IncrementalReport = existsSync(main) ? (JSON.parse(readFileSync(main, 'utf8')) as IncrementalReport) : { files: {} };
    const { changed, removed } = changedSince(report, filesToMutate(patterns), (file) => readFileSync(path.join(root, file), 'utf8'));
    if (removed.length > 0) {
      for (const file of removed) delete report.files[file];
      writeFileSync(main, JSON.stringify(report));
      console.log(`mutate: ${config.file}: dropped ${removed.length} file(s) that are gone: ${removed.join(', ')}`);
    }
    if (changed.length === 0) {
      console.log(`mutate: ${config.file}: no source changed since the committed results`);
      continue;
    }
    console.log(`mutate: ${config.file}: ${changed.length} changed file(s): ${changed.join(', ')}`);
    if (runOn(config, changed.join(','), bin, passThrough) !== 0) return 1;
  }
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
  const strict = args.includes('--strict');
  const rest = passThrough.filter((a) => a !== '--strict');
  if (all || strict) {
    for (const config of CONFIGS) {
      const run = spawnSync(process.execPath, [bin, 'run', config.file, ...(all ? ['--force'] : []), ...(typecheck ? ['--checkers', 'typescript'] : []), ...rest], {
        cwd: root,
        stdio: 'inherit',
      });
      if (run.status !== 0) {
        console.error(`mutate: Stryker failed for ${config.file} (exit ${run.status ?? run.signal})`);
        return 1;
      }
    }
  } else if (runChanged(bin, [...(typecheck ? ['--checkers', 'typescript'] : []), ...rest]) !== 0) {
    return 1;
  }
  // The thresholds hold for the whole core: every configuration's incremental file, as it now is.
  const merged: MutationTestResult = { schemaVersion: '1', thresholds: { high: 90, low: 80 }, files: {} };
  for (const config of CONFIGS) {
    const file = path.join(root, config.incremental);
    if (!existsSync(file)) {
      console.error(`mutate: no results in ${config.incremental}: run npm run mutate -- --all once`);
      return 1;
    }
    Object.assign(merged.files, (JSON.parse(readFileSync(file, 'utf8')) as MutationTestResult).files);
  }
  mkdirSync(path.join(root, 'reports/mutation'), { recursive: true });
  const minutes = (Date.now() - started) / 60_000;
  const scores = groupScores(merged);
  writeFileSync(path.join(root, 'reports/mutation/scores.json'), `${JSON.stringify({ mode: all ? 'all' : strict ? 'strict' : 'changed', minutes: Math.round(minutes * 10) / 10, groups: scores }, null, 2)}\n`);
  console.log('\nMutation score per part of the core (threshold in brackets):');
  for (const s of scores) {
    const cells = `killed ${s.killed + s.timeout}, survived ${s.survived}, no coverage ${s.noCoverage}, equivalent ${s.ignored}, not compiling ${s.compileErrors}`;
    console.log(`  ${s.met ? 'ok  ' : 'FAIL'} ${s.name.padEnd(28)} ${s.score.toFixed(2).padStart(6)} % (≥ ${s.threshold} %)  ${cells}`);
  }
  console.log(`mutate: ${all ? 'full' : strict ? 'strict incremental' : 'changed-files'} run in ${minutes.toFixed(1)} min`);
  const failed = scores.filter((s) => !s.met);
  if (failed.length) console.error(`mutate: below threshold: ${failed.map((s) => s.name).join(', ')}`);
  return failed.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) process.exitCode = main();
