/**
 * Ports and URLs of the e2e stack. Defaults 4110/5273/5274 (distinct from `npm start`'s
 * 4010/5173/5174 so both can run). When those are taken (another e2e run on the same machine),
 * playwright.config.ts picks a free triple once and passes it to global setup and the workers
 * through E2E_PORTS="emulator,app,host"; set E2E_PORTS yourself to pin them.
 */
import net from 'node:net';

export interface E2EPorts {
  emulator: number;
  app: number;
  host: number;
}

export const DEFAULT_E2E_PORTS: E2EPorts = { emulator: 4110, app: 5273, host: 5274 };
const DEFAULT_PORTS = DEFAULT_E2E_PORTS;
const FALLBACK_BASES = [5400, 5410, 5420, 5430, 5440, 5450, 5460, 5470, 5480, 5490];

function parsePorts(value: string | undefined): E2EPorts | null {
  const parts = (value ?? '').split(',').map((part) => Number(part.trim()));
  const [emulator, app, host] = parts;
  if (parts.length !== 3 || !emulator || !app || !host) return null;
  return { emulator, app, host };
}

/** The ports of this run (from E2E_PORTS when set, else the defaults). */
export function e2ePorts(): E2EPorts {
  return parsePorts(process.env.E2E_PORTS) ?? DEFAULT_PORTS;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function allFree(ports: E2EPorts): Promise<boolean> {
  const results = await Promise.all([ports.emulator, ports.app, ports.host].map(isFree));
  return results.every(Boolean);
}

/** Chooses the ports once per run (in the Playwright main process) and records them in E2E_PORTS. */
export async function chooseE2EPorts(): Promise<E2EPorts> {
  const pinned = parsePorts(process.env.E2E_PORTS);
  if (pinned) return pinned;
  let chosen = DEFAULT_PORTS;
  if (!(await allFree(DEFAULT_PORTS))) {
    for (const base of FALLBACK_BASES) {
      const candidate = { emulator: base, app: base + 1, host: base + 2 };
      if (await allFree(candidate)) {
        chosen = candidate;
        break;
      }
    }
  }
  process.env.E2E_PORTS = `${chosen.emulator},${chosen.app},${chosen.host}`;
  return chosen;
}

export const hostUrlFor = (ports: E2EPorts) => `https://localhost:${ports.host}/`;
export const appUrlFor = (ports: E2EPorts) => `https://localhost:${ports.app}/`;

/** URLs for test files (workers inherit E2E_PORTS from the main process). */
export const E2E_HOST_URL = hostUrlFor(e2ePorts());
export const E2E_APP_URL = appUrlFor(e2ePorts());

/** Env vars global-setup sets for the test workers. */
export const E2E_ENV = {
  hostUrl: 'E2E_HOST_URL',
  appUrl: 'E2E_APP_URL',
  emulatorUrl: 'E2E_EMULATOR_URL',
} as const;
