/**
 * Accuracy on the sample plans and the extra fixtures, per plan and per file type, scored by the
 * official scorer. The .docx and .pdf files are generated at test time from the source texts'
 * lines, independently of the importer (helpers/from-text.ts uses no code from src/import), so the
 * real mammoth and pdf.js parsers run on documents the importer's own segmentation did not shape.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { importPlan, type PlanDraft } from '../../src/import/index.ts';
import { docxFromText, pdfFromText } from './helpers/from-text.ts';
import { EXTRAS, SAMPLES, type Sample } from './helpers/samples.ts';
import { score, type Score } from './helpers/score.ts';

type FileType = 'txt' | 'docx' | 'pdf';
const TYPES: readonly FileType[] = ['txt', 'docx', 'pdf'];

/**
 * The generated documents depend only on the fixture's text, so each is built once per process
 * (mutation testing runs these tests once per mutant in the same process; it mutates the importer,
 * never the generator).
 */
const generated = new Map<string, Promise<Uint8Array>>();

function documentFor(sample: Sample, type: Exclude<FileType, 'txt'>): Promise<Uint8Array> {
  const key = `${sample.name}.${type}`;
  let doc = generated.get(key);
  if (!doc) {
    doc = type === 'docx' ? docxFromText(sample.bytes) : pdfFromText(sample.bytes);
    generated.set(key, doc);
  }
  return doc;
}

async function draftFor(sample: Sample, type: FileType): Promise<PlanDraft> {
  if (type === 'txt') return importPlan(sample.bytes, `${sample.name}.txt`);
  // A copy: the importer may transfer or detach the buffer it is given.
  return importPlan((await documentFor(sample, type)).slice(), `${sample.name}.${type}`);
}

const results: Array<{ plan: string; type: FileType; score: Score; ms: number }> = [];

/**
 * The targets of issue 15, on every fixture in every format: local-goal F1 ≥ 0.97, placement by area
 * and by national goal ≥ 0.95, measures and deadlines ≥ 0.9, situation rows ≥ 0.9.
 */
const TARGET = { goal_f1: 0.97, placed: 0.95, measure: 0.9, due: 0.9, situation: 0.9 } as const;

/**
 * Fixtures whose .txt writes the situation table in the table convention (fixtures/plans/README.md),
 * so their generated .docx and .pdf carry it as a real table; the samples' own text exports carry it
 * as loose cells, which become paragraphs in the generated documents: scored on the .txt alone.
 */
const SITUATION_AS_TABLE = new Set(['nordre-fjord-maltabell', 'fjordbygd-nynorsk']);

function expectThresholds(s: Score, plan: string, type: FileType): void {
  expect(s.goals_matched).toBeGreaterThan(0);
  expect(s.goal_f1).toBeGreaterThanOrEqual(TARGET.goal_f1);
  expect(s.placed_in_area).toBeGreaterThanOrEqual(TARGET.placed);
  expect(s.under_national_goal).toBeGreaterThanOrEqual(TARGET.placed);
  if (s.measure_recall !== null) expect(s.measure_recall).toBeGreaterThanOrEqual(TARGET.measure);
  if (s.due_recall !== null) expect(s.due_recall).toBeGreaterThanOrEqual(TARGET.due);
  if (s.situation_recall !== null && (type === 'txt' || SITUATION_AS_TABLE.has(plan))) expect(s.situation_recall).toBeGreaterThanOrEqual(TARGET.situation);
  // A measure on a goal whose truth has none is an error, not a bonus.
  expect(s.measure_spurious).toBe(0);
  // Every truth file has areas and national goals, so both recalls are figures, never null.
  expect(s.areas_recall).toBeGreaterThanOrEqual(0.95);
  expect(s.national_goals_recall).toBeGreaterThanOrEqual(0.95);
}

interface TruthFile {
  readonly areas: ReadonlyArray<{ readonly localGoals?: ReadonlyArray<{ readonly measure?: unknown }> }>;
}

it('the samples include goals without a measure, so spurious measures are counted', () => {
  for (const sample of [...SAMPLES, ...EXTRAS]) {
    const truth = JSON.parse(readFileSync(sample.truthPath, 'utf8')) as TruthFile;
    const goals = truth.areas.flatMap((a) => a.localGoals ?? []);
    expect(goals.filter((g) => !g.measure).length, sample.name).toBeGreaterThan(0);
  }
});

for (const sample of [...SAMPLES, ...EXTRAS]) {
  describe(sample.name, () => {
    for (const type of TYPES) {
      it(`${type}: meets the accuracy thresholds`, async () => {
        const started = performance.now();
        const draft = await draftFor(sample, type);
        // Printed only: the 200 ms target is held by `npm run bench` (import), not by a timed test.
        const ms = performance.now() - started;
        const s = await score(sample.truthPath, draft);
        results.push({ plan: sample.name, type, score: s, ms });
        expectThresholds(s, sample.name, type);
        expect(s.union_ok).toBe(true);
        expect(s.language_ok).toBe(true);
      });
    }
  });
}

const fmt = (v: number | null): string => (v === null ? '   - ' : v.toFixed(3));

afterAll(() => {
  const rows = results.map(
    (r) =>
      `${r.plan.padEnd(18)} ${r.type.padEnd(5)} f1=${fmt(r.score.goal_f1)} area=${fmt(r.score.placed_in_area)} ` +
      `natgoal=${fmt(r.score.under_national_goal)} measure=${fmt(r.score.measure_recall)} due=${fmt(r.score.due_recall)} ` +
      `situation=${fmt(r.score.situation_recall)} areas=${fmt(r.score.areas_recall)} ` +
      `natgoals=${fmt(r.score.national_goals_recall)} spurious=${r.score.measure_spurious} ${Math.round(r.ms)} ms`,
  );
  const mean = (xs: Array<number | null>): number | null => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
  };
  for (const type of TYPES) {
    const of = results.filter((r) => r.type === type).map((r) => r.score);
    rows.push(
      `${'ALL'.padEnd(18)} ${type.padEnd(5)} f1=${fmt(mean(of.map((s) => s.goal_f1)))} area=${fmt(mean(of.map((s) => s.placed_in_area)))} ` +
        `natgoal=${fmt(mean(of.map((s) => s.under_national_goal)))} measure=${fmt(mean(of.map((s) => s.measure_recall)))} ` +
        `due=${fmt(mean(of.map((s) => s.due_recall)))} situation=${fmt(mean(of.map((s) => s.situation_recall)))}`,
    );
  }
  console.log(`\nImport accuracy (score_import.py)\n${rows.join('\n')}`);
});
