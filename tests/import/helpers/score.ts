/** Runs the official scorer (fixtures/plans/score_import.py) on a draft. */
import { execFileSync } from 'node:child_process';
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

export function score(truthPath: string, draft: PlanDraft): Score {
  const draftPath = join(dir, `draft-${n++}.json`);
  writeFileSync(draftPath, JSON.stringify(draft));
  const out = execFileSync('python3', [SCORER, truthPath, draftPath], { encoding: 'utf8' });
  return JSON.parse(out) as Score;
}
