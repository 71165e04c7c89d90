/**
 * fetch for the Node runners (`npm run provision`, `npm run sync`): Microsoft's hosts keep Node's
 * usual roots, and the local emulator's certificate authority (`.certs/`) is trusted beside them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rootCertificates } from 'node:tls';
import { Agent } from 'undici';

export function runnerFetch(): { fetch?: typeof fetch; fetchOptions?: { dispatcher: Agent } } {
  const ca = path.resolve(import.meta.dirname, '../../.certs/ca.pem');
  if (!existsSync(ca)) return {};
  const dispatcher = new Agent({ connect: { ca: [...rootCertificates, readFileSync(ca, 'utf8')] } });
  const withCa = ((url: string | URL | Request, init?: RequestInit) => fetch(url, { ...init, dispatcher } as RequestInit)) as typeof fetch;
  return { fetch: withCa, fetchOptions: { dispatcher } };
}
