/** The CLI: JSON on stdout, --out written atomically and only on success, localised one-line errors. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'scripts', 'import.ts');

function run(args: string[], lang = 'C') {
  return spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: lang, LC_ALL: '' } });
}

describe('scripts/import.ts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));

  it('prints the draft JSON and exits 0', () => {
    const r = run([join(ROOT, 'fixtures/plans/asker.txt')]);
    expect(r.status).toBe(0);
    const draft = JSON.parse(r.stdout) as { union: string; areas: unknown[] };
    expect(draft.union).toBe('Fagforbundet Asker');
    expect(draft.areas.length).toBe(7);
  });

  it('writes --out on success', () => {
    const out = join(dir, 'alver.json');
    const r = run([join(ROOT, 'fixtures/plans/alver.txt'), '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('language', 'nn');
  });

  it('fails with one line in the locale language and writes nothing', () => {
    const bad = join(dir, 'bilde.png');
    writeFileSync(bad, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const out = join(dir, 'never.json');
    const nb = run([bad, '--out', out], 'nb_NO.UTF-8');
    expect(nb.status).toBe(1);
    expect(nb.stderr.trim().split('\n')).toHaveLength(1);
    expect(nb.stderr).toContain('UNSUPPORTED_TYPE: Filtypen støttes ikke');
    expect(existsSync(out)).toBe(false);
    expect(run([bad], 'nn_NO.UTF-8').stderr).toContain('Filtypen er ikkje støtta');
    expect(run([bad], 'en_US.UTF-8').stderr).toContain('Unsupported file type');
  });

  it('reports a missing file and usage errors', () => {
    expect(run([join(dir, 'missing.txt')]).status).toBe(1);
    expect(run([]).status).toBe(2);
  });
});
