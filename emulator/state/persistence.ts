import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { TENANT_SCHEMA_VERSION, type TenantState } from './tenant-state.ts';

const FILE = 'tenant.json';
const DEBOUNCE_MS = 250;
const MAX_WAIT_MS = 2000;

/**
 * Keeps <dataDir>/tenant.json in step with the tenant. Every save is atomic (temp file, fsync,
 * rename, fsync of the directory), so a crash mid-write leaves the previous file intact. Writes
 * that the emulator acknowledges wait for `commit()` (group commit: the requests that changed the
 * tenant in the same turn of the event loop share one save), so after `kill -9` at any moment every
 * acknowledged write is on disk and nothing half-applied is; other changes (the control API, a
 * seed) are saved debounced.
 */
export class StatePersistence {
  private timer: NodeJS.Timeout | undefined;
  private firstPending = 0;
  private state: TenantState | undefined;
  private waiters: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];
  private commitQueued = false;

  constructor(private readonly dataDir: string) {}

  /** The saved tenant, or undefined when there is none (or it is unreadable; it is then set aside). */
  load(): TenantState | undefined {
    mkdirSync(this.dataDir, { recursive: true });
    for (const name of readdirSync(this.dataDir)) {
      if (name.startsWith(`${FILE}.`) && name.endsWith('.tmp')) rmSync(join(this.dataDir, name), { force: true });
    }
    const path = join(this.dataDir, FILE);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const state = JSON.parse(text) as TenantState;
      if (state.schemaVersion !== TENANT_SCHEMA_VERSION || !Array.isArray(state.users) || !Array.isArray(state.sites)) {
        throw new Error(`unsupported schema version ${String(state.schemaVersion)}`);
      }
      return state;
    } catch (err) {
      const aside = join(this.dataDir, `tenant.unreadable-${Date.now()}.json`);
      renameSync(path, aside);
      console.warn(`[emulator] ${path} could not be loaded (${(err as Error).message}); moved to ${aside}, starting fresh.`);
      return undefined;
    }
  }

  /** Schedules a save of `state` (debounced). */
  schedule(state: TenantState): void {
    this.state = state;
    const now = Date.now();
    if (this.timer === undefined) this.firstPending = now;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, this.firstPending + MAX_WAIT_MS - now));
    this.timer = setTimeout(() => this.flush(), wait);
    this.timer.unref();
  }

  /** Resolves once every change scheduled so far is on disk; rejects when it could not be saved. */
  commit(): Promise<void> {
    if (!this.state && !this.commitQueued) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (this.commitQueued) return;
      this.commitQueued = true;
      setImmediate(() => {
        this.commitQueued = false;
        const waiting = this.waiters.splice(0);
        try {
          this.flush();
          for (const w of waiting) w.resolve();
        } catch (err) {
          for (const w of waiting) w.reject(err);
        }
      });
    });
  }

  /** Writes any pending state now. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.state) return;
    const state = this.state;
    this.state = undefined;
    writeAtomically(this.dataDir, FILE, JSON.stringify(state));
  }
}

export function writeAtomically(dir: string, name: string, text: string): void {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, name);
  const temp = join(dir, `${name}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, target);
  try {
    const dirFd = openSync(dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Directories cannot be fsynced on every platform (Windows); the rename is still atomic.
  }
}
