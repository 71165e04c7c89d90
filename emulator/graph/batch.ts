import { randomUUID } from 'node:crypto';
import type { BatchRunner, GraphDispatcher } from '../core/dispatcher.ts';
import { GraphError } from '../core/graph-error.ts';
import type { GraphRequest, GraphResponse } from '../core/types.ts';

/** JSON batching: POST /$batch with up to 20 requests, `dependsOn` and 424 for failed dependencies. */
export const MAX_BATCH_REQUESTS = 20;

interface BatchStep {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly dependsOn: string[];
}

interface BatchStepResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

const invalid = (message: string): GraphError => new GraphError(400, 'BadRequest', message);

function parseSteps(body: unknown): BatchStep[] {
  const requests = (body as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests) || requests.length === 0) throw invalid('Invalid batch payload format.');
  if (requests.length > MAX_BATCH_REQUESTS) {
    throw invalid(`The number of requests in a batch cannot exceed ${MAX_BATCH_REQUESTS}; got ${requests.length}.`);
  }
  const steps = requests.map((raw: unknown, index): BatchStep => {
    const r = (raw ?? {}) as Record<string, unknown>;
    if (typeof r.id !== 'string' || r.id === '') throw invalid(`Request ${index}: 'id' is required and must be a string.`);
    if (typeof r.method !== 'string' || r.method === '') throw invalid(`Request '${r.id}': 'method' is required.`);
    if (typeof r.url !== 'string' || r.url === '') throw invalid(`Request '${r.id}': 'url' is required.`);
    const headers: Record<string, string> = {};
    if (r.headers !== undefined) {
      if (typeof r.headers !== 'object' || r.headers === null) throw invalid(`Request '${r.id}': 'headers' must be an object.`);
      for (const [k, v] of Object.entries(r.headers)) headers[k.toLowerCase()] = String(v);
    }
    if (r.body !== undefined && r.body !== null && !headers['content-type']) {
      throw invalid(`Request '${r.id}': a request with a body must have a Content-Type header.`);
    }
    const dependsOn = r.dependsOn ?? [];
    if (!Array.isArray(dependsOn) || !dependsOn.every((d) => typeof d === 'string')) {
      throw invalid(`Request '${r.id}': 'dependsOn' must be an array of request ids.`);
    }
    return { id: r.id, method: r.method.toUpperCase(), url: r.url, headers, body: r.body, dependsOn };
  });
  const ids = new Set<string>();
  for (const s of steps) {
    const key = s.id.toLowerCase();
    if (ids.has(key)) throw invalid(`Batch request contains duplicate id '${s.id}' (ids are not case-sensitive).`);
    ids.add(key);
  }
  for (const s of steps) {
    for (const d of s.dependsOn) {
      if (!ids.has(d.toLowerCase()) || d.toLowerCase() === s.id.toLowerCase()) {
        throw invalid(`Request '${s.id}' depends on unknown request '${d}'.`);
      }
    }
  }
  assertAcyclic(steps);
  return steps;
}

function assertAcyclic(steps: readonly BatchStep[]): void {
  const byId = new Map(steps.map((s) => [s.id.toLowerCase(), s]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') throw invalid('The dependsOn relations of the batch form a cycle.');
    state.set(id, 'visiting');
    for (const d of byId.get(id)?.dependsOn ?? []) visit(d.toLowerCase());
    state.set(id, 'done');
  };
  for (const s of steps) visit(s.id.toLowerCase());
}

/** Splits a batch step url (relative to the version root, with or without '/', or absolute). */
function splitUrl(url: string): { path: string; rawQuery: string } {
  const relative = url.replace(/^https?:\/\/[^/]+/i, '').replace(/^\/?(v1\.0|beta)(?=\/|$)/i, '');
  const withSlash = relative.startsWith('/') ? relative : `/${relative}`;
  const q = withSlash.indexOf('?');
  return q < 0 ? { path: withSlash, rawQuery: '' } : { path: withSlash.slice(0, q), rawQuery: withSlash.slice(q + 1) };
}

function stepBody(step: BatchStep): unknown {
  if (typeof step.body === 'string' && step.headers['content-type']?.includes('json')) {
    try {
      return JSON.parse(step.body);
    } catch {
      return step.body;
    }
  }
  return step.body;
}

export const runBatch: BatchRunner = async (outer: GraphRequest, _principal, dispatcher: GraphDispatcher): Promise<GraphResponse> => {
  const steps = parseSteps(outer.body);
  const results = new Map<string, Promise<BatchStepResponse>>();
  const run = async (step: BatchStep): Promise<BatchStepResponse> => {
    const deps = await Promise.all(step.dependsOn.map((d) => results.get(d.toLowerCase()) as Promise<BatchStepResponse>));
    if (deps.some((d) => d.status >= 400)) {
      return {
        id: step.id,
        status: 424,
        headers: { 'Content-Type': 'application/json' },
        body: { error: { code: 'FailedDependency', message: 'The request could not be completed because a request it depends on failed.' } },
      };
    }
    const { path, rawQuery } = splitUrl(step.url);
    const inner: GraphRequest = {
      method: step.method,
      path,
      rawQuery,
      query: new URLSearchParams(rawQuery),
      headers: { ...step.headers, authorization: outer.headers.authorization ?? '' },
      body: stepBody(step),
      host: outer.host,
      batchId: step.id,
    };
    const clientRequestId = step.headers['client-request-id'] ?? randomUUID();
    const response = await dispatcher.handle(inner, { requestId: randomUUID(), clientRequestId });
    const out: BatchStepResponse = { id: step.id, status: response.status, headers: { ...response.headers } };
    if (response.body !== undefined) out.body = response.body;
    return out;
  };
  // Steps are registered in array order; a step waits only for the steps it depends on.
  const ordered = orderByDependencies(steps);
  for (const step of ordered) results.set(step.id.toLowerCase(), run(step));
  const responses = await Promise.all(steps.map((s) => results.get(s.id.toLowerCase()) as Promise<BatchStepResponse>));
  return { status: 200, body: { responses } };
};

/** Steps with their dependencies first, otherwise in request order. */
function orderByDependencies(steps: readonly BatchStep[]): BatchStep[] {
  const byId = new Map(steps.map((s) => [s.id.toLowerCase(), s]));
  const seen = new Set<string>();
  const out: BatchStep[] = [];
  const add = (s: BatchStep): void => {
    const key = s.id.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    for (const d of s.dependsOn) add(byId.get(d.toLowerCase()) as BatchStep);
    out.push(s);
  };
  steps.forEach(add);
  return out;
}
