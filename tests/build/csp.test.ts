/**
 * The Content-Security-Policy of the production build and of the documented host headers.
 *
 * A tenant build (no VITE_GRAPH_BASE_URL, a tenant authority) is made through Vite's API and its
 * index.html must carry one CSP <meta>, before anything it governs, with exactly the directives
 * below; the header documented in docs/deployment.md (text, nginx, Azure Static Web Apps) must be
 * the same policy plus frame-ancestors, which a <meta> cannot carry. The Graph origin follows the
 * build's VITE_GRAPH_BASE_URL, so that the emulator builds of the e2e tests keep working.
 * The favicon from public/ is in the build and linked.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../vite.config';
import { ROOT, buildProduction } from './production-build';

const root = ROOT;
let html = '';

const VALID_ORIGINS = 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';

/** The policy of a tenant build, spelled out (docs/deployment.md §3 explains each source). */
const TENANT_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'connect-src': ["'self'", 'https://graph.microsoft.com', 'https://*.sharepoint.com', 'https://login.microsoftonline.com', VALID_ORIGINS],
  'frame-src': ["'self'", 'https://login.microsoftonline.com'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** Teams, the Microsoft 365 app and Outlook (learn.microsoft.com, tabs/how-to/tab-requirements), and the tab itself (MSAL's silent frame). */
const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://m365.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
];

function directives(policy: string): Record<string, string[]> {
  const entries = policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .filter((parts) => parts[0])
    .map(([name, ...sources]) => [name as string, sources] as const);
  const names = entries.map(([name]) => name);
  expect(new Set(names).size, `a directive given twice in ${policy}`).toBe(names.length);
  return Object.fromEntries(entries);
}

function cspMetas(text: string): string[] {
  return [...text.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)].map((m) => m[1] ?? '');
}

let outDir = '';
beforeAll(async () => {
  outDir = await buildProduction({ env: { VITE_AAD_AUTHORITY: 'https://login.microsoftonline.com/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' } });
  html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
}, 240_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('Content-Security-Policy', () => {
  it('should be one <meta> in the built index.html with exactly the tenant directives, before anything it governs', () => {
    const metas = cspMetas(html);
    expect(metas).toHaveLength(1);
    expect(directives(metas[0] ?? '')).toEqual(TENANT_POLICY);
    const at = html.indexOf('http-equiv="Content-Security-Policy"');
    expect(at).toBeGreaterThan(html.search(/<meta charset=/i));
    expect(at).toBeLessThan(html.search(/<script|<link|<style/i));
  });

  it('should not be in the source index.html (the dev server injects inline scripts a policy would block)', () => {
    expect(cspMetas(readFileSync(path.join(root, 'index.html'), 'utf8'))).toEqual([]);
  });

  it("should let Graph's origin follow VITE_GRAPH_BASE_URL, and sign-in VITE_AAD_AUTHORITY", () => {
    const emulator = directives(contentSecurityPolicy({ VITE_GRAPH_BASE_URL: 'https://localhost:4010/v1.0' }));
    expect(emulator['connect-src']).toEqual(["'self'", 'https://localhost:4010', 'https://*.sharepoint.com', 'https://login.microsoftonline.com', VALID_ORIGINS]);
    // The e2e and `npm start` builds: a relative Graph URL is the app's own origin (proxied to the emulator).
    const proxied = directives(contentSecurityPolicy({ VITE_GRAPH_BASE_URL: '/v1.0' }));
    expect(proxied['connect-src']).toEqual(["'self'", 'https://*.sharepoint.com', 'https://login.microsoftonline.com', VALID_ORIGINS]);
    const usGov = directives(contentSecurityPolicy({ VITE_GRAPH_BASE_URL: 'https://graph.microsoft.us/v1.0', VITE_AAD_AUTHORITY: 'https://login.microsoftonline.us/t' }));
    expect(usGov['connect-src']).toEqual(["'self'", 'https://graph.microsoft.us', 'https://*.sharepoint.com', 'https://login.microsoftonline.us', VALID_ORIGINS]);
    expect(usGov['frame-src']).toEqual(["'self'", 'https://login.microsoftonline.us']);
  });

  it('should be the documented host header, which adds frame-ancestors, in every form docs/deployment.md gives', () => {
    const doc = readFileSync(path.join(root, 'docs', 'deployment.md'), 'utf8');
    const documented = [
      ...[...doc.matchAll(/^Content-Security-Policy: (.+)$/gm)].map((m) => m[1] ?? ''),
      ...[...doc.matchAll(/add_header Content-Security-Policy "([^"]+)"/g)].map((m) => m[1] ?? ''),
      ...[...doc.matchAll(/"Content-Security-Policy": "([^"]+)"/g)].map((m) => m[1] ?? ''),
    ];
    expect(documented).toHaveLength(3);
    for (const policy of documented) expect(directives(policy)).toEqual({ ...TENANT_POLICY, 'frame-ancestors': FRAME_ANCESTORS });
  });
});

describe('public/', () => {
  it('should put the favicon in the build and link it from index.html', () => {
    expect(html).toContain('<link rel="icon" type="image/svg+xml" href="/favicon.svg" />');
    expect(existsSync(path.join(outDir, 'favicon.svg'))).toBe(true);
    expect(readFileSync(path.join(outDir, 'favicon.svg'), 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 192 192"/);
  });
});
