import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { writeAtomically } from './state/persistence.ts';

export interface DevCertificates {
  key: string;
  cert: string;
  ca: string;
  caPath: string;
  certPath: string;
  keyPath: string;
}

const CA_CERT = 'ca.pem';
const CA_KEY = 'ca-key.pem';
const LEAF_CERT = 'localhost.pem';
const LEAF_KEY = 'localhost-key.pem';
const LOCK = '.lock';
const DAY = 24 * 60 * 60 * 1000;
/** Regenerate when less than this validity is left. */
const MIN_REMAINING_MS = 14 * DAY;

function paths(dir: string) {
  return {
    caPath: join(dir, CA_CERT),
    caKeyPath: join(dir, CA_KEY),
    certPath: join(dir, LEAF_CERT),
    keyPath: join(dir, LEAF_KEY),
  };
}

/** The stored certificates when they exist, chain up and are valid long enough. */
function readValid(dir: string): DevCertificates | undefined {
  const p = paths(dir);
  if (![p.caPath, p.caKeyPath, p.certPath, p.keyPath].every((f) => existsSync(f))) return undefined;
  try {
    const ca = readFileSync(p.caPath, 'utf8');
    const cert = readFileSync(p.certPath, 'utf8');
    const key = readFileSync(p.keyPath, 'utf8');
    const caX509 = new X509Certificate(ca);
    const leaf = new X509Certificate(cert);
    const soon = Date.now() + MIN_REMAINING_MS;
    if (Date.parse(caX509.validTo) < soon || Date.parse(leaf.validTo) < soon) return undefined;
    if (!leaf.verify(caX509.publicKey) || !leaf.checkHost('localhost') || !leaf.checkIP('127.0.0.1')) return undefined;
    return { key, cert, ca, caPath: p.caPath, certPath: p.certPath, keyPath: p.keyPath };
  } catch {
    return undefined;
  }
}

async function generateAll(dir: string): Promise<void> {
  const now = new Date();
  const caPems = await generate([{ name: 'commonName', value: 'Handlingsplan Local Dev CA' }, { name: 'organizationName', value: 'Handlingsplan (local development)' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - DAY),
    notAfterDate: new Date(now.getTime() + 3650 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const leafPems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - DAY),
    notAfterDate: new Date(now.getTime() + 365 * DAY),
    ca: { key: caPems.private, cert: caPems.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] },
    ],
  });
  writeAtomically(dir, CA_KEY, caPems.private);
  writeAtomically(dir, LEAF_KEY, leafPems.private);
  writeAtomically(dir, LEAF_CERT, leafPems.cert);
  // Written last: its presence with the others marks a complete set.
  writeAtomically(dir, CA_CERT, caPems.cert);
}

/** Cross-process lock by exclusive create; a lock older than 60 s is considered stale. */
async function withLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const lockPath = join(dir, LOCK);
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      try {
        if (Date.now() - statSync(lockPath).mtimeMs > 60_000) rmSync(lockPath, { force: true });
      } catch {
        // The holder released it meanwhile.
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockPath, { force: true });
  }
}

/**
 * A local CA and a `localhost`/`127.0.0.1` certificate signed by it, created once in `dir` and
 * reused while valid. The Vite dev servers use the same files.
 */
export async function ensureDevCertificates(dir: string): Promise<DevCertificates> {
  const existing = readValid(dir);
  if (existing) return existing;
  mkdirSync(dir, { recursive: true });
  return withLock(dir, async () => {
    const again = readValid(dir);
    if (again) return again;
    await generateAll(dir);
    const made = readValid(dir);
    if (!made) throw new Error(`Could not create valid development certificates in ${dir}`);
    return made;
  });
}
