/** Runs the official scorer (fixtures/plans/score_import.py) on a draft. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlanDraft } from '../../../src/import/index.ts';

export interface Score {
  readonly goals_truth: number;
  readonly goals_draft: number;
  readonly goals_matched: number;
  readonly goal_f1: number;
  readonly placed_in_area: number;
  readonly under_national_goal: number;
  readonly measure_recall: number | null;
  readonly due_recall: number | null;
  readonly situation_recall: number | null;
  readonly areas_recall: number | null;
  readonly national_goals_recall: number | null;
  readonly measure_spurious: number;
  readonly union_ok: boolean;
  readonly language_ok: boolean;
}

const SCORER = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'plans', 'score_import.py');
const dir = mkdtempSync(join(tmpdir(), 'import-score-'));
let n = 0;

/**
 * Scores by draft: the scorer takes most of a second per call, and the same draft always gets the
 * same score, so a draft seen before (in this process: mutation testing runs these tests once per
 * mutant, and most mutants leave most drafts unchanged) is not scored again.
 */
const scored = new Map<string, Score>();

export function score(truthPath: string, draft: PlanDraft): Score {
  const text = JSON.stringify(draft);
  const key = createHash('sha256').update(truthPath).update('\0').update(text).digest('hex');
  const known = scored.get(key);
  if (known) return known;
  const draftPath = join(dir, `draft-${n++}.json`);
  writeFileSync(draftPath, text);
  const out = execFileSync('python3', [SCORER, truthPath, draftPath], { encoding: 'utf8' });
  const result = JSON.parse(out) as Score;
  scored.set(key, result);
  return result;
}
