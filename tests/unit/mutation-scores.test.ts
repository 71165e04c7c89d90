/** The thresholds of `npm run mutate`, computed per part of the core from Stryker's JSON report. */
import { describe, expect, it } from 'vitest';
import type { MutantStatus, MutationTestResult } from 'mutation-testing-report-schema';
import { GROUPS, groupScores } from '../../scripts/mutate';

function file(statuses: MutantStatus[]) {
  return {
    language: 'typescript',
    source: 'x',
    mutants: statuses.map((status, i) => ({
      id: String(i),
      mutatorName: 'ConditionalExpression',
      replacement: 'true',
      status,
      location: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } },
    })),
  };
}

const report = (files: Record<string, ReturnType<typeof file>>): MutationTestResult => ({ schemaVersion: '1', thresholds: { high: 90, low: 80 }, files });

const everyGroup = () => Object.fromEntries(GROUPS.map((g) => [`${g.prefixes[0]?.endsWith('.ts') ? g.prefixes[0] : `${g.prefixes[0]}a.ts`}`, file(['Killed'])]));

describe('mutation score per part', () => {
  it('scores killed and timed-out mutants against all that compile, counting uncovered ones as survivors', () => {
    const scores = groupScores(
      report({
        ...everyGroup(),
        'src/domain/a.ts': file(['Killed', 'Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'Ignored']),
      }),
    );
    const domain = scores.find((s) => s.name === 'src/domain');
    expect(domain).toEqual({ name: 'src/domain', threshold: 80, score: 60, killed: 2, timeout: 1, survived: 1, noCoverage: 1, ignored: 1, compileErrors: 1, met: false });
    expect(scores.find((s) => s.name === 'src/graph')).toMatchObject({ score: 100, met: true });
  });

  it('meets a threshold exactly at the figure and reads absolute paths as project paths', () => {
    const root = process.cwd();
    const statuses: MutantStatus[] = [...Array<MutantStatus>(7).fill('Killed'), ...Array<MutantStatus>(3).fill('Survived')];
    const scores = groupScores(report({ ...everyGroup(), [`${root}/src/adapters/sharepoint/x.ts`]: file(statuses) }));
    // 7 + 1 killed of 11 in src/adapters (the everyGroup file and this one): 72.73 % ≥ 70 %.
    expect(scores.find((s) => s.name === 'src/adapters')).toMatchObject({ score: 72.73, threshold: 70, met: true });
  });

  it('refuses a report that lacks a part, rather than passing it', () => {
    expect(() => groupScores(report({ 'src/domain/a.ts': file(['Killed']) }))).toThrow(/No mutants in src\/graph/);
  });
});

describe('merging a part run into the incremental file', () => {
  it('replaces the part’s files and keeps every mutant naming the same tests by file and name', async () => {
    const { mergeIncremental } = await import('../../scripts/mutate');
    const mutant = (id: string, coveredBy: string[], killedBy: string[] = []) => ({ id, status: killedBy.length ? 'Killed' : 'Survived', coveredBy, killedBy });
    const into = {
      files: { 'src/domain/a.ts': { mutants: [mutant('1', ['0', '1'], ['1'])] }, 'src/import/b.ts': { mutants: [mutant('2', ['0'])] } },
      testFiles: { 'tests/a.test.ts': { source: 'old', tests: [{ id: '0', name: 'first' }, { id: '1', name: 'second' }] } },
    };
    // The part run numbered its tests afresh, and found one test the report did not have.
    const part = {
      files: { 'src/import/b.ts': { mutants: [mutant('9', ['5', '7'], ['7'])] } },
      testFiles: {
        'tests/a.test.ts': { source: 'new', tests: [{ id: '5', name: 'second' }, { id: '6', name: 'first' }] },
        'tests/b.test.ts': { source: 'b', tests: [{ id: '7', name: 'third' }] },
      },
    };
    const merged = mergeIncremental(into, part);
    expect(merged.files['src/domain/a.ts']).toEqual(into.files['src/domain/a.ts']);
    expect(merged.files['src/import/b.ts']?.mutants).toEqual([{ id: '9', status: 'Killed', coveredBy: ['1', '2'], killedBy: ['2'] }]);
    expect(merged.testFiles?.['tests/b.test.ts']?.tests).toEqual([{ id: '2', name: 'third' }]);
    expect(merged.testFiles?.['tests/a.test.ts']).toEqual({ source: 'new', tests: [{ id: '0', name: 'first' }, { id: '1', name: 'second' }] });
    // The report it was merged into is left as it was.
    expect(into.testFiles['tests/a.test.ts'].source).toBe('old');
  });
});

describe('files with no mutants', () => {
  it('are recorded with their current source, replacing an earlier record, so they count as unchanged next time', async () => {
    const { recordUnmutated, changedSince } = await import('../../scripts/mutate');
    const merged = {
      files: {
        'emulator/state/types.ts': { mutants: [], source: 'old text' },
        'emulator/graph/a.ts': { mutants: [{ id: '1', status: 'Killed' }], source: 'a' },
        'emulator/graph/gone.ts': { mutants: [{ id: '2', status: 'Survived' }], source: 'had mutants' },
      },
    };
    const part = { files: { 'emulator/graph/a.ts': { mutants: [{ id: '1', status: 'Killed' }], source: 'a' } } };
    const disk: Record<string, string> = { 'emulator/state/types.ts': 'new text', 'emulator/graph/a.ts': 'a', 'emulator/graph/gone.ts': 'no mutants now', 'emulator/new.ts': 'types only' };
    const out = recordUnmutated(merged, part, Object.keys(disk), (f) => disk[f] as string);
    expect(out.files['emulator/state/types.ts']).toEqual({ language: 'typescript', mutants: [], source: 'new text' });
    expect(out.files['emulator/graph/gone.ts']).toEqual({ language: 'typescript', mutants: [], source: 'no mutants now' });
    expect(out.files['emulator/new.ts']).toEqual({ language: 'typescript', mutants: [], source: 'types only' });
    expect(out.files['emulator/graph/a.ts']).toBe(merged.files['emulator/graph/a.ts']);
    expect(changedSince(out, Object.keys(disk), (f) => disk[f] as string).changed).toEqual([]);
    expect(merged.files['emulator/state/types.ts'].source).toBe('old text');
  });
});

describe('what the default run mutates', () => {
  it('finds files whose text differs from the recorded source, new files, and files that are gone', async () => {
    const { changedSince } = await import('../../scripts/mutate');
    const report = { files: { 'src/a.ts': { mutants: [], source: 'a' }, 'src/b.ts': { mutants: [], source: 'b' }, 'src/gone.ts': { mutants: [], source: 'g' } } };
    const text: Record<string, string> = { 'src/a.ts': 'a', 'src/b.ts': 'b changed', 'src/new.ts': 'n' };
    expect(changedSince(report, ['src/a.ts', 'src/b.ts', 'src/new.ts'], (f) => text[f] as string)).toEqual({ changed: ['src/b.ts', 'src/new.ts'], removed: ['src/gone.ts'] });
    expect(changedSince(report, ['src/a.ts', 'src/b.ts', 'src/gone.ts'], (f) => (report.files as Record<string, { source: string }>)[f]!.source)).toEqual({ changed: [], removed: [] });
  });

  it("lists a configuration's files as its mutate patterns name them, tests and declarations left out", async () => {
    const { filesToMutate } = await import('../../scripts/mutate');
    const files = filesToMutate(['src/domain/**/*.ts', '!**/*.test.ts', '!**/*.d.ts']);
    expect(files).toContain('src/domain/reminders.ts');
    expect(files).toContain('src/domain/holidays.ts');
    expect(files.every((f) => f.startsWith('src/domain/') && f.endsWith('.ts') && !f.endsWith('.d.ts'))).toBe(true);
    expect(filesToMutate(['src/lib/offline-queue.ts'])).toEqual(['src/lib/offline-queue.ts']);
  });
});
