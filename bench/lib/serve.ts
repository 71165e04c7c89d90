/**
 * How `npm run bench` serves the app and the floor, the same way for both and as a static host
 * (Azure Static Web Apps, a CDN) serves a tab: HTTP/2 over TLS, text compressed with gzip, hashed
 * assets cached for a year as immutable and the HTML revalidated. Requests for Graph and the SharePoint REST API go on to the emulator, as
 * the dev stack proxies them (the built app's Graph base URL is the relative '/v1.0').
 *
 * Bandwidth is limited here, per connection as a link would (`bitsPerSecond`: the bytes of every
 * answer, Graph's included, leave one after another at that rate); the round-trip time is added in
 * the browser (Chromium's network emulation, bench/lib/browser.ts), to every request alike.
 * Chromium's own bandwidth throttling is not used: with it, about one open in five to twenty stalled
 * with module scripts that never finished loading (and none in 50 opens with its latency alone).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import http2 from 'node:http2';
import https from 'node:https';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { acceptsGzip } from '../../emulator/core/compression';

export interface StaticRoot {
  /** URL prefix, '/' or e.g. '/floor/'. */
  readonly prefix: string;
  readonly dir: string;
}

export interface BenchServerOptions {
  readonly port: number;
  readonly key: string | Buffer;
  readonly cert: string | Buffer;
  readonly roots: readonly StaticRoot[];
  /** The emulator's origin, e.g. https://127.0.0.1:4310; requests matching `proxied` go there. */
  readonly proxyTarget: string;
  /** Download bandwidth of each connection (bit/s); 0 or absent: not limited. */
  readonly bitsPerSecond?: number;
}

/**
 * One direction of a link at a fixed rate: bytes leave in the order they are given, each chunk
 * once those before it have left. `delayFor` says how long to hold a chunk back (ms) from now.
 */
export class Link {
  private idleAt = 0;
  constructor(
    private readonly bytesPerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  delayFor(bytes: number): number {
    const now = this.now();
    this.idleAt = Math.max(now, this.idleAt) + (bytes / this.bytesPerSecond) * 1000;
    return this.idleAt - now;
  }
}

/** Bytes written to a link in chunks, so that answers sent together share it. */
const CHUNK = 16 * 1024;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Sends `body` through `link` (at once without one) and ends the answer; stops if the client went away. */
async function sendPaced(res: http2.Http2ServerResponse, body: Buffer, link: Link | null): Promise<void> {
  if (!link) {
    res.end(body);
    return;
  }
  for (let at = 0; at < body.length; at += CHUNK) {
    const chunk = body.subarray(at, at + CHUNK);
    await pause(link.delayFor(chunk.length));
    if (res.destroyed || res.writableEnded) return;
    res.write(chunk);
  }
  res.end();
}

export interface BenchServer {
  readonly origin: string;
  close(): Promise<void>;
}

interface StaticFile {
  readonly type: string;
  readonly raw: Buffer;
  readonly gzip: Buffer | null;
  readonly immutable: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

/** Paths that belong to Graph or SharePoint (the emulator), never to the static roots. */
export function isProxied(pathname: string): boolean {
  return pathname.startsWith('/v1.0/') || pathname.startsWith('/_emulator/') || /^\/sites\/[^/]+\/_api\//.test(pathname);
}

/** Text worth compressing, as a static host compresses it. */
export function isCompressible(type: string): boolean {
  return /^(text\/|application\/(json|javascript|wasm)|image\/svg)/.test(type);
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** Reads and compresses every file of the roots once, up front (compression is not timed). */
function loadFiles(roots: readonly StaticRoot[]): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const root of roots) {
    for (const full of walk(root.dir)) {
      const rel = path.relative(root.dir, full).split(path.sep).join('/');
      if (rel.endsWith('.map')) continue;
      const type = TYPES[path.extname(full)] ?? 'application/octet-stream';
      const raw = readFileSync(full);
      const compress = isCompressible(type) && raw.length > 256;
      files.set(root.prefix + rel, {
        type,
        raw,
        gzip: compress ? gzipSync(raw, { level: 9 }) : null,
        // Vite names built assets by their content hash: a new build gets new names.
        immutable: /\/assets\//.test(root.prefix + rel),
      });
    }
  }
  return files;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'host']);

function proxy(req: http2.Http2ServerRequest, res: http2.Http2ServerResponse, target: string, link: Link | null): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || HOP_BY_HOP.has(name) || value === undefined) continue;
    headers[name] = value;
  }
  // The browser's host, so that the emulator's absolute nextLinks and webUrls point back here.
  headers.host = req.authority;
  const upstream = https.request(new URL(req.url, target), { method: req.method, headers, rejectUnauthorized: false }, (answer) => {
    const out: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (HOP_BY_HOP.has(name) || value === undefined) continue;
      out[name] = value;
    }
    res.writeHead(answer.statusCode ?? 502, out);
    if (!link) {
      answer.pipe(res);
      return;
    }
    // Paced as the static files are: each chunk held back until the link has carried those before
    // it. One chain, so that the end always follows the last chunk (two timers due in the same
    // millisecond need not fire in the order they were set: answers were cut short).
    let sent = Promise.resolve();
    answer.on('data', (chunk: Buffer) => {
      answer.pause();
      sent = sent
        .then(() => pause(link.delayFor(chunk.length)))
        .then(() => {
          if (!res.destroyed) res.write(chunk);
          answer.resume();
        });
    });
    answer.on('end', () => {
      sent = sent.then(() => {
        if (!res.destroyed) res.end();
      });
    });
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(upstream);
}

export async function startBenchServer(options: BenchServerOptions): Promise<BenchServer> {
  const files = loadFiles(options.roots);
  const rate = options.bitsPerSecond && options.bitsPerSecond > 0 ? options.bitsPerSecond / 8 : 0;
  // One link per connection: an HTTP/2 session, or an HTTP/1.1 socket.
  const links = new WeakMap<object, Link>();
  const linkOf = (req: http2.Http2ServerRequest): Link | null => {
    if (!rate) return null;
    const owner: object = (req.stream as http2.ServerHttp2Stream | undefined)?.session ?? req.socket;
    let link = links.get(owner);
    if (!link) links.set(owner, (link = new Link(rate)));
    return link;
  };
  const server = http2.createSecureServer({ key: options.key, cert: options.cert, allowHTTP1: true }, (req, res) => {
    const url = new URL(req.url, 'https://bench.invalid');
    if (isProxied(url.pathname)) {
      proxy(req, res, options.proxyTarget, linkOf(req));
      return;
    }
    const key = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
    const file = files.get(key);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const body = acceptsGzip(req.headers['accept-encoding']) ? file.gzip : null;
    const headers: Record<string, string | number> = {
      'content-type': file.type,
      'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
      'content-length': (body ?? file.raw).length,
    };
    if (body) headers['content-encoding'] = 'gzip';
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else void sendPaced(res, body ?? file.raw, linkOf(req));
  });
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, 'localhost', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    origin: `https://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Open HTTP/2 sessions would keep close() waiting.
        for (const session of sessions) session.destroy();
      }),
  };
}
