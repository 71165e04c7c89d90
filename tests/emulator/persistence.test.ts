import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/server.ts';
import { ALVER, startTestEmulator, type Collection, type TestEmulator } from './support.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-state-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const listsOf = async (t: TestEmulator): Promise<string[]> =>
  (await t.call<Collection>('GET', `/sites/${ALVER.siteId}/lists`)).body.value.map((l) => l.displayName as string);

describe('persistence', () => {
  it('should seed once, call onFreshSeed once, and keep changes across a restart', async () => {
    const dataDir = tempDir();
    const seeded: RunningEmulator[] = [];
    const onFreshSeed = async (emu: RunningEmulator): Promise<void> => {
      seeded.push(emu);
    };
    const first = await startTestEmulator({ dataDir, onFreshSeed });
    expect(seeded).toHaveLength(1);
    expect(seeded[0]?.graphUrl).toBe(first.emu.graphUrl);
    await first.call('POST', `/sites/${ALVER.siteId}/lists`, { body: { displayName: 'Varig', columns: [{ name: 'N', number: {} }] } });
    await first.call('POST', `/sites/${ALVER.siteId}/lists/Varig/items`, { body: { fields: { Title: 'lagret', N: 7 } } });
    await first.close();
    expect(readdirSync(dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const second = await startTestEmulator({ dataDir, onFreshSeed });
    expect(seeded).toHaveLength(1);
    expect(await listsOf(second)).toContain('Varig');
    const item = await second.call('GET', `/sites/${ALVER.siteId}/lists/Varig/items/1`);
    expect(item.body.fields).toMatchObject({ Title: 'lagret', N: 7 });
    await second.close();
  });

  it('should write state in the background (debounced) without waiting for close', async () => {
    const dataDir = tempDir();
    const t = await startTestEmulator({ dataDir });
    await t.call('POST', `/sites/${ALVER.siteId}/lists`, { body: { displayName: 'Snart lagret' } });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(readFileSync(join(dataDir, 'tenant.json'), 'utf8')).toContain('Snart lagret');
    await t.close();
  });

  it('should ignore a leftover temp file of an interrupted write', async () => {
    const dataDir = tempDir();
    const t = await startTestEmulator({ dataDir });
    await t.call('POST', `/sites/${ALVER.siteId}/lists`, { body: { displayName: 'Før krasj' } });
    await t.close();
    const good = readFileSync(join(dataDir, 'tenant.json'), 'utf8');
    writeFileSync(join(dataDir, 'tenant.json.999.1.tmp'), good.slice(0, good.length / 2));
    const again = await startTestEmulator({ dataDir });
    expect(await listsOf(again)).toContain('Før krasj');
    expect(existsSync(join(dataDir, 'tenant.json.999.1.tmp'))).toBe(false);
    await again.close();
  });

  it('should start fresh (and set the file aside) when tenant.json is truncated', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'tenant.json'), '{"schemaVersion":1,"users":[{"id":');
    let seeds = 0;
    const t = await startTestEmulator({ dataDir, onFreshSeed: async () => void seeds++ });
    expect(seeds).toBe(1);
    expect((await t.call('GET', '/me')).status).toBe(200);
    expect(readdirSync(dataDir).some((f) => f.startsWith('tenant.unreadable-'))).toBe(true);
    await t.close();
    expect(() => JSON.parse(readFileSync(join(dataDir, 'tenant.json'), 'utf8')) as unknown).not.toThrow();
  });

  it('should not keep a half-seeded tenant when onFreshSeed fails, so the next start seeds again', async () => {
    const dataDir = tempDir();
    const failing = async (emu: RunningEmulator): Promise<void> => {
      void emu;
      throw new Error('seed failed');
    };
    await expect(startTestEmulator({ dataDir, onFreshSeed: failing })).rejects.toThrow('seed failed');
    expect(existsSync(join(dataDir, 'tenant.json'))).toBe(false);
    let seeds = 0;
    const t = await startTestEmulator({ dataDir, onFreshSeed: async () => void seeds++ });
    expect(seeds).toBe(1);
    await t.close();
  });

  it("should not run onFreshSeed for the 'empty' seed, which still has the directory", async () => {
    let seeds = 0;
    const t = await startTestEmulator({ seed: 'empty', onFreshSeed: async () => void seeds++ });
    expect(seeds).toBe(0);
    expect(await listsOf(t)).toEqual(['Documents']);
    await t.close();
  });
});
