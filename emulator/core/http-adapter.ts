import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleControl, type ControlContext } from '../control/control-routes.ts';
import { INVALID_JSON, type GraphDispatcher } from './dispatcher.ts';
import { DroppedResponse } from './faults.ts';
import { GraphError, errorBody } from './graph-error.ts';
import { CORS_HEADERS, JSON_CONTENT_TYPE } from './http-headers.ts';
import { gzipAsync, shouldCompress } from './compression.ts';
import type { GraphResponse } from './types.ts';
import { isSharePointRestPath, type SharePointRest, type SpRestResponse } from '../sharepoint-rest/rest-service.ts';
import type { MessagingService } from '../messaging/service.ts';
import type { ServiceResponse } from '../messaging/types.ts';
import { SIMPLE_UPLOAD_MAX_BYTES, isDownloadPath, isSimpleUpload, serveDownload } from '../graph/drives.ts';

const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** The body, or 'tooLarge' above `limit` bytes: at once when Content-Length declares more, else once read past it. */
async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | 'tooLarge'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return 'tooLarge';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) return 'tooLarge';
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** A body that is not JSON: a Content-Type is given and it is not a JSON one (a file's bytes, graph/drives.ts). */
function isBinary(headers: Readonly<Record<string, string>>): boolean {
  const type = (headers['content-type'] ?? '').trim().toLowerCase();
  return type !== '' && !type.includes('json');
}

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Sends a Graph answer; a JSON body is gzip-compressed for a client that accepts it (core/compression.ts). */
async function send(res: ServerResponse, response: GraphResponse, requestId: string, clientRequestId: string, acceptEncoding?: string): Promise<void> {
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    'request-id': requestId,
    'client-request-id': clientRequestId,
    'Cache-Control': 'no-store, no-cache',
    'x-ms-ags-diagnostic': JSON.stringify({ ServerInfo: { DataCenter: 'Local', Slice: 'E', Ring: 'emulator', ScaleUnit: '000', RoleInstance: 'localhost' } }),
    ...response.headers,
  };
  if (response.binary !== undefined) {
    headers['Content-Length'] = String(response.binary.byteLength);
    res.writeHead(response.status, headers);
    res.end(response.binary);
    return;
  }
  if (response.body === undefined) {
    delete headers['Content-Type'];
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(response.body);
  headers['Content-Type'] = headers['Content-Type'] ?? JSON_CONTENT_TYPE;
  headers['OData-Version'] = '4.0';
  headers.Vary = 'Accept-Encoding';
  const bytes = Buffer.byteLength(text);
  if (shouldCompress(acceptEncoding, bytes)) {
    const body = await gzipAsync(text);
    headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = String(body.byteLength);
    res.writeHead(response.status, headers);
    res.end(body);
    return;
  }
  headers['Content-Length'] = String(bytes);
  res.writeHead(response.status, headers);
  res.end(text);
}

/** A SharePoint REST response: its own headers only (no Graph CORS or Graph headers). */
function sendSharePoint(res: ServerResponse, response: SpRestResponse): void {
  if (response.body === undefined) {
    res.writeHead(response.status, response.headers);
    res.end();
    return;
  }
  const text = JSON.stringify(response.body);
  res.writeHead(response.status, { ...response.headers, 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

/** A response of the messaging services (webhook, Bot Connector, token endpoint): JSON or no body. */
function sendService(res: ServiceResponse, out: ServerResponse, requestId: string): void {
  const headers: Record<string, string> = { 'request-id': requestId, 'X-Correlating-OperationId': requestId, ...res.headers };
  if (res.body === undefined) {
    out.writeHead(res.status, { ...headers, 'Content-Length': '0' });
    out.end();
    return;
  }
  const text = JSON.stringify(res.body);
  out.writeHead(res.status, { 'Content-Type': 'application/json; charset=utf-8', ...headers, 'Content-Length': String(Buffer.byteLength(text)) });
  out.end(text);
}

/**
 * Turns Node HTTP requests into Graph requests (/v1.0), SharePoint REST requests
 * (/sites/<name>/_api/…, sharepoint-rest/), the messaging services (Workflows webhooks, the Bot
 * Connector and its token endpoint, messaging/) or control requests (/_emulator).
 */
/**
 * `durable` resolves once every change made so far is on disk: a write is answered only after it
 * (state/persistence.ts, group commit), so an acknowledged write survives a kill -9.
 */
export function createRequestListener(
  dispatcher: GraphDispatcher,
  control: ControlContext,
  fallbackHost: string,
  sharePoint?: SharePointRest,
  durable: () => Promise<void> = () => Promise.resolve(),
  messaging?: MessagingService,
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    const headers = lowerCaseHeaders(req);
    const clientRequestId = headers['client-request-id'] ?? randomUUID();
    try {
      const url0 = req.url ?? '/';
      const path0 = url0.includes('?') ? url0.slice(0, url0.indexOf('?')) : url0;
      if (sharePoint && isSharePointRestPath(path0)) {
        if (req.method === 'OPTIONS') {
          sendSharePoint(res, sharePoint.preflight(headers));
          return;
        }
        const raw = await readBody(req);
        if (raw === 'tooLarge') throw new GraphError(413, 'requestTooLarge', 'The request body exceeds the maximum size.');
        const response = await sharePoint.handle({
          method: (req.method ?? 'GET').toUpperCase(),
          path: path0,
          rawQuery: url0.includes('?') ? url0.slice(url0.indexOf('?') + 1) : '',
          headers,
          body: parseJson(raw),
          host: headers.host ?? fallbackHost,
        });
        if (req.method !== 'GET') await durable();
        sendSharePoint(res, response);
        return;
      }
      if (messaging && messaging.handles(path0)) {
        const raw = await readBody(req);
        if (raw === 'tooLarge') throw new GraphError(413, 'requestTooLarge', 'The request body exceeds the maximum size.');
        const method = (req.method ?? 'GET').toUpperCase();
        const response = await messaging.handle({
          method,
          path: path0,
          rawQuery: url0.includes('?') ? url0.slice(url0.indexOf('?') + 1) : '',
          headers,
          raw,
          origin: `https://${headers.host ?? fallbackHost}`,
        });
        // A posted message is acknowledged only once it is on disk.
        if (method !== 'GET') await durable();
        sendService(response, res, requestId);
        return;
      }
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { ...CORS_HEADERS, 'request-id': requestId, 'client-request-id': clientRequestId });
        res.end();
        return;
      }
      // A drive item's pre-authenticated download URL (graph/drives.ts): no token, the URL is the key.
      if (isDownloadPath(path0)) {
        await send(res, serveDownload(control.store, url0.includes('?') ? url0.slice(url0.indexOf('?') + 1) : ''), requestId, clientRequestId);
        return;
      }
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const path = q < 0 ? url : url.slice(0, q);
      const rawQuery = q < 0 ? '' : url.slice(q + 1);
      const method = (req.method ?? 'GET').toUpperCase();
      // A simple upload takes up to 250 MB (graph/drives.ts); other bodies 16 MB.
      const raw = await readBody(req, method === 'PUT' && isSimpleUpload(path) ? SIMPLE_UPLOAD_MAX_BYTES : MAX_BODY_BYTES);
      if (raw === 'tooLarge') throw new GraphError(413, 'requestTooLarge', 'The request body exceeds the maximum size.', { headers: { Connection: 'close' } });
      const binary = isBinary(headers) && raw.length > 0;
      const body = binary ? undefined : parseJson(raw);

      if (path === '/_emulator' || path.startsWith('/_emulator/')) {
        const origin = `https://${headers.host ?? fallbackHost}`;
        await send(res, handleControl(control, method, path, body === INVALID_JSON ? undefined : body, origin), requestId, clientRequestId);
        return;
      }
      const version = /^\/v1\.0(?=\/|$)/i.exec(path);
      if (!version) throw new GraphError(404, 'itemNotFound', `Unknown API version or path '${path}'; the emulator serves /v1.0.`);
      const response = await dispatcher.handle(
        {
          method,
          path: path.slice(version[0].length) || '/',
          rawQuery,
          query: new URLSearchParams(rawQuery),
          headers,
          body,
          ...(binary ? { raw: new Uint8Array(raw) } : {}),
          host: headers.host ?? fallbackHost,
        },
        { requestId, clientRequestId },
      );
      // Writes (and a $batch, which may hold them) are acknowledged only once they are durable.
      if (method !== 'GET') await durable();
      await send(res, response, requestId, clientRequestId, headers['accept-encoding']);
    } catch (err) {
      // An injected lost answer (faults, commit: 'after'): the write is stored, the client gets none.
      if (err instanceof DroppedResponse) {
        res.destroy();
        return;
      }
      const graphError = err instanceof GraphError ? err : new GraphError(500, 'generalException', 'An unspecified error has occurred.');
      if (!(err instanceof GraphError)) console.error('[emulator] request failed:', err);
      if (!res.headersSent) await send(res, { status: graphError.status, headers: { ...graphError.options.headers }, body: errorBody(graphError, requestId, clientRequestId) }, requestId, clientRequestId);
      else res.destroy();
    }
  };
}
