/**
 * Accuracy on the sample plans and the extra fixtures, per plan and per file type, scored by the
 * official scorer. The .docx and .pdf files are generated at test time from the texts, so the real
 * mammoth and pdf.js parsers run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { importPlan, type PlanDraft } from '../../src/import/index.ts';
import { decodeText } from '../../src/import/extract/decode.ts';
import { textToBlocks } from '../../src/import/extract/txt.ts';
import { makeDocx } from './helpers/make-docx.ts';
import { makePdf } from './helpers/make-pdf.ts';
import { EXTRAS, SAMPLES, type Sample } from './helpers/samples.ts';
import { score, type Score } from './helpers/score.ts';

type FileType = 'txt' | 'docx' | 'pdf';
const TYPES: readonly FileType[] = ['txt', 'docx', 'pdf'];

async function draftFor(sample: Sample, type: FileType): Promise<PlanDraft> {
  if (type === 'txt') return importPlan(sample.bytes, `${sample.name}.txt`);
  const blocks = textToBlocks(decodeText(sample.bytes));
  const bytes = type === 'docx' ? await makeDocx(blocks) : await makePdf(blocks);
  return importPlan(bytes, `${sample.name}.${type}`);
}

const results: Array<{ plan: string; type: FileType; score: Score }> = [];

function expectThresholds(s: Score): void {
  expect(s.goal_f1).toBeGreaterThanOrEqual(0.95);
  expect(s.placed_in_area).toBeGreaterThanOrEqual(0.95);
  expect(s.under_national_goal).toBeGreaterThanOrEqual(0.95);
  if (s.measure_recall !== null) expect(s.measure_recall).toBeGreaterThanOrEqual(0.9);
  if (s.due_recall !== null) expect(s.due_recall).toBeGreaterThanOrEqual(0.9);
  if (s.situation_recall !== null) expect(s.situation_recall).toBeGreaterThanOrEqual(0.9);
}

for (const sample of [...SAMPLES, ...EXTRAS]) {
  describe(sample.name, () => {
    for (const type of TYPES) {
      it(`${type}: meets the accuracy thresholds`, async () => {
        const s = score(sample.truthPath, await draftFor(sample, type));
        results.push({ plan: sample.name, type, score: s });
        expectThresholds(s);
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
      `situation=${fmt(r.score.situation_recall)} spurious=${r.score.measure_spurious}`,
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
