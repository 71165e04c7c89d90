/** Test support: an in-process emulator and a small fetch client over HTTPS that trusts its CA. */
import { Agent, fetch } from 'undici';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/server.ts';
import { DEMO_TEAMS, type DemoTeam } from '../../emulator/seed/demo-tenant.ts';

export const INGRID = 'ingrid.haugland@org365.example';
export const PER = 'per.olsen@org365.example';
export const ALVER: DemoTeam = DEMO_TEAMS[0] as DemoTeam;
export const ASKER: DemoTeam = DEMO_TEAMS[2] as DemoTeam;

export interface GraphResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  as?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RestCallOptions extends CallOptions {
  /** The whole token after 'Bearer ' (default `dev:<as>;aud=<origin>`); null sends no Authorization. */
  token?: string | null;
}

export interface TestEmulator {
  emu: RunningEmulator;
  /** A Graph call; `path` is below /v1.0 or an absolute URL (nextLink). */
  call<T = Record<string, unknown>>(method: string, path: string, options?: CallOptions): Promise<GraphResult<T>>;
  /**
   * A SharePoint REST call: `url` is absolute (e.g. `${webUrl}/_api/web`) or below the emulator's
   * origin. Sends the SharePoint token `dev:<as>;aud=<origin of url>` (override with `token`, or
   * `token: null` for none) and `Accept: application/json` unless `headers` say otherwise.
   */
  rest<T = Record<string, unknown>>(method: string, url: string, options?: RestCallOptions): Promise<GraphResult<T>>;
  /** Fetch of any URL on the emulator (e.g. /_emulator/log). */
  raw(url: string, init?: { method?: string; body?: string; headers?: Record<string, string> }): Promise<GraphResult>;
  close(): Promise<void>;
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emu = await startEmulator({ port: 0, dataDir: null, ...options });
  const dispatcher = new Agent({ connect: { ca: emu.ca } });
  const raw = async (url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<GraphResult> => {
    const res = await fetch(url.startsWith('https://') ? url : `${emu.origin}${url}`, { ...init, dispatcher });
    const text = await res.text();
    return { status: res.status, headers: res.headers as unknown as Headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  return {
    emu,
    raw,
    call: async <T,>(method: string, path: string, options: CallOptions = {}) => {
      const headers: Record<string, string> = { ...options.headers };
      const as = options.as === undefined ? INGRID : options.as;
      if (as !== null) headers.Authorization = `Bearer dev:${as}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['Content-Type'] = 'application/json';
      }
      const url = path.startsWith('https://') ? path : `${emu.graphUrl}${path}`;
      const result = await raw(url, { method, body, headers });
      return result as GraphResult<T>;
    },
    rest: async <T,>(method: string, url: string, options: RestCallOptions = {}) => {
      const absolute = url.startsWith('https://') ? url : `${emu.origin}${url}`;
      const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
      const as = options.as === undefined ? INGRID : options.as;
      const token = options.token === undefined ? (as === null ? null : `dev:${as};aud=${new URL(absolute).origin}`) : options.token;
      if (token !== null) headers.Authorization = `Bearer ${token}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['Content-Type'] ??= 'application/json';
      }
      const result = await raw(absolute, { method, body, headers });
      return result as GraphResult<T>;
    },
    close: async () => {
      await emu.close();
      await dispatcher.close();
    },
  };
}

export interface Collection<T = Record<string, unknown>> {
  value: T[];
  '@odata.nextLink'?: string;
}

export interface ErrorBody {
  error: { code: string; message: string; innerError: Record<string, string> };
}

/** Creates a list with the given columns in Alver's site and returns its id. */
export async function createTestList(t: TestEmulator, displayName: string, columns: unknown[]): Promise<string> {
  const res = await t.call('POST', `/sites/${ALVER.siteId}/lists`, { body: { displayName, columns, list: { template: 'genericList' } } });
  if (res.status !== 201) throw new Error(`list create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** Creates items through $batch, 20 at a time, a few batches in parallel. */
export async function createItemsFast(t: TestEmulator, listPath: string, fields: Record<string, unknown>[]): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < fields.length; i += 20) batches.push(fields.slice(i, i + 20));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      const batch = batches[next++] as Record<string, unknown>[];
      const res = await t.call<{ responses: { status: number }[] }>('POST', '/$batch', {
        body: {
          requests: batch.map((f, i) => ({ id: String(i + 1), method: 'POST', url: `${listPath}/items`, headers: { 'Content-Type': 'application/json' }, body: { fields: f } })),
        },
      });
      const failed = res.body.responses.filter((r) => r.status !== 201);
      if (res.status !== 200 || failed.length) throw new Error(`batch create failed: ${JSON.stringify(res.body).slice(0, 500)}`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}
