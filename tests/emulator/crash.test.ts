/**
 * A durable emulator (issue 10): killed with SIGKILL during a burst of writes, again and again, it
 * comes back with every write it acknowledged (201) and nothing half-applied (every stored item is
 * whole, none twice, and the saved tenant always loads). Runs the emulator as its own process,
 * as `npm run emulator` does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatcherFor } from '../../emulator/app-client';
import { REPO_ROOT } from '../../emulator/server';
import { DEMO_TEAMS } from '../../emulator/seed/demo-tenant';

const dataDir = mkdtempSync(path.join(tmpdir(), 'emulator-crash-'));
const ca = () => readFileSync(path.join(REPO_ROOT, '.certs', 'ca.pem'), 'utf8');
const USER = DEMO_TEAMS[0]?.owners[0] as string;
const SITE = DEMO_TEAMS[0]?.siteId as string;
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `scripts/emulator.ts` on a free port with the data directory; resolves with its Graph URL. */
function start(): Promise<string> {
  child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts/emulator.ts'), '--port', '0', '--data', dataDir, '--seed', 'empty'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child?.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Graph emulator: (\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    child?.once('exit', (code) => reject(new Error(`emulator exited (${code}): ${out}`)));
  });
}

function killHard(): Promise<void> {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function call(graph: string, method: string, pathName: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${graph}${pathName}`, {
    method,
    headers: { Authorization: `Bearer dev:${USER}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    dispatcher: dispatcherFor(ca()),
  } as RequestInit);
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}

describe('a durable emulator', () => {
  it('keeps every acknowledged write through repeated kill -9 during bursts of writes', async () => {
    let graph = await start();
    const created = await call(graph, 'POST', `/sites/${SITE}/lists`, { displayName: 'Crash test', columns: [{ name: 'Round', number: {} }], list: { template: 'genericList' } });
    expect(created.status).toBe(201);
    const listId = (created.json as { id: string }).id;
    const acknowledged = new Set<string>();
    let attempted = 0;
    for (let round = 1; round <= 6; round++) {
      let stop = false;
      const writers = Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; !stop; i++) {
          const title = `r${round}-w${w}-${i}`;
          attempted++;
          try {
            const res = await call(graph, 'POST', `/sites/${SITE}/lists/${listId}/items`, { fields: { Title: title, Round: round } });
            if (res.status === 201) acknowledged.add(title);
          } catch {
            return; // the connection died with the process: not acknowledged
          }
        }
      });
      await new Promise((r) => setTimeout(r, 150 + round * 60));
      await killHard();
      stop = true;
      await Promise.all(writers);
      graph = await start();
      const items: Array<{ fields: { Title: string; Round: number } }> = [];
      let next: string | undefined = `/sites/${SITE}/lists/${listId}/items?$expand=fields&$top=5000`;
      while (next) {
        const page = await call(graph, 'GET', next.replace(graph, ''));
        expect(page.status).toBe(200);
        const body = page.json as { value: typeof items; '@odata.nextLink'?: string };
        items.push(...body.value);
        next = body['@odata.nextLink'];
      }
      const titles = items.map((i) => i.fields.Title);
      const missing = [...acknowledged].filter((t) => !titles.includes(t));
      expect(missing, `round ${round}: acknowledged writes lost`).toEqual([]);
      expect(new Set(titles).size).toBe(titles.length);
      // Whole items only: each has its title and the round it was written in.
      for (const item of items) expect(item.fields.Title).toMatch(new RegExp(`^r${item.fields.Round}-w\\d-\\d+$`));
      // The saved tenant always loaded (an unreadable file would have been set aside).
      expect(readdirSync(dataDir).filter((n) => n.startsWith('tenant.unreadable'))).toEqual([]);
    }
    expect(acknowledged.size).toBeGreaterThan(50);
    expect(attempted).toBeGreaterThan(acknowledged.size);
    expect(existsSync(path.join(dataDir, 'tenant.json'))).toBe(true);
    await killHard();
  }, 120_000);
});
