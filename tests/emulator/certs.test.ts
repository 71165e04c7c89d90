import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureDevCertificates } from '../../emulator/certs.ts';

const dir = mkdtempSync(join(tmpdir(), 'emulator-certs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('development certificates', () => {
  it('should create one CA-signed localhost certificate, even when asked concurrently, and reuse it', async () => {
    const [a, b] = await Promise.all([ensureDevCertificates(dir), ensureDevCertificates(dir)]);
    expect(a.cert).toBe(b?.cert);
    const leaf = new X509Certificate(a.cert);
    const ca = new X509Certificate(a.ca);
    expect(ca.ca).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.checkHost('localhost')).toBe('localhost');
    expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(a.caPath).toBe(join(dir, 'ca.pem'));
    const again = await ensureDevCertificates(dir);
    expect(again.cert).toBe(a.cert);
    expect(again.key).toBe(a.key);
  }, 30_000);
});
