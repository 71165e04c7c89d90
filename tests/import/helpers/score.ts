/** Runs the official scorer (fixtures/plans/score_import.py) on a draft. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
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

/**
 * The scorer runs in one Python process per test process (score_server.py), started on first use:
 * starting Python and the scorer for every draft cost most of a second each.
 */
let server: { child: ChildProcessWithoutNullStreams; waiting: Array<{ resolve: (line: string) => void; reject: (e: Error) => void }> } | null = null;

function scorerProcess() {
  if (server) return server;
  const child = spawn('python3', [join(import.meta.dirname, 'score_server.py'), SCORER], { stdio: ['pipe', 'pipe', 'pipe'] });
  const waiting: Array<{ resolve: (line: string) => void; reject: (e: Error) => void }> = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.resolve(line));
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`the scorer exited (${code}): ${stderr}`));
    server = null;
  });
  // Never keeps the test process alive.
  child.unref();
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  (child.stdout as unknown as { unref?: () => void }).unref?.();
  (child.stderr as unknown as { unref?: () => void }).unref?.();
  server = { child, waiting };
  return server;
}

export async function score(truthPath: string, draft: PlanDraft): Promise<Score> {
  const text = JSON.stringify(draft);
  const key = createHash('sha256').update(truthPath).update('\0').update(text).digest('hex');
  const known = scored.get(key);
  if (known) return known;
  const draftPath = join(dir, `draft-${n++}.json`);
  writeFileSync(draftPath, text);
  const proc = scorerProcess();
  const line = await new Promise<string>((resolve, reject) => {
    proc.waiting.push({ resolve, reject });
    proc.child.stdin.write(`${truthPath}\t${draftPath}\n`);
  });
  const result = JSON.parse(line) as Score & { error?: string };
  if (result.error) throw new Error(`score_import.py: ${result.error}`);
  scored.set(key, result);
  return result;
}
