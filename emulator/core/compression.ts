/**
 * Response compression, as Graph's front door does it: a client that sends `Accept-Encoding: gzip`
 * gets a JSON answer gzip-compressed (`Content-Encoding: gzip`, `Vary: Accept-Encoding`); one that
 * does not, gets it as it is. Microsoft's Graph SDKs ship a middleware that asks for exactly this
 * and decompresses the answer (Microsoft.Graph.Core `CompressionHandler`: "to request, detect and
 * decompress response bodies from Graph service", release notes of v1.15.0-Preview.1;
 * learn: /dotnet/api/microsoft.graph.compressionhandler), and browsers always ask. Graph's threshold
 * below which it does not bother is not documented (not confirmed): small answers are sent as they
 * are here, since a few hundred bytes gain nothing.
 */
import { gzip } from 'node:zlib';

/** Answers smaller than this are not worth compressing. */
export const COMPRESS_MIN_BYTES = 1024;

/** Whether an Accept-Encoding header accepts gzip: `gzip` or `*`, with no q-value or one above 0 (RFC 9110 §12.5.3). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? '').split(',').some((entry) => {
    const [coding, ...params] = entry.split(';').map((p) => p.trim().toLowerCase());
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** Whether an answer of `bytes` is sent compressed to a client that sent this Accept-Encoding. */
export function shouldCompress(acceptEncoding: string | undefined, bytes: number): boolean {
  return bytes >= COMPRESS_MIN_BYTES && acceptsGzip(acceptEncoding);
}

/** gzip on libuv's thread pool, so that a 5,000-item answer does not hold up other requests. */
export function gzipAsync(data: string | Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => gzip(data, (error, out) => (error ? reject(error) : resolve(out))));
}
