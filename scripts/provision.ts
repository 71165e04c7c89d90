/**
 * `npm run provision -- --site <site URL | team id> …`: see src/runner/provision.ts.
 * Against the local emulator the certificate authority it generated is trusted (`.certs/`).
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { rootCertificates } from 'node:tls';
import { Agent } from 'undici';
import { runProvision } from '../src/runner/provision';

const ca = path.resolve(import.meta.dirname, '../.certs/ca.pem');
// Microsoft's hosts keep Node's usual roots; the emulator's local CA is added to them.
const dispatcher = existsSync(ca) ? new Agent({ connect: { ca: [...rootCertificates, readFileSync(ca, 'utf8')] } }) : undefined;
const fetchWithCa = dispatcher ? (((url: string | URL | Request, init?: RequestInit) => fetch(url, { ...init, dispatcher } as RequestInit)) as typeof fetch) : undefined;

process.exitCode = await runProvision(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  ...(fetchWithCa ? { fetch: fetchWithCa, fetchOptions: { dispatcher } } : {}),
});
