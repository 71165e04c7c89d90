import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The list of Teams host origins that teams-js fetches from Microsoft's CDN when it is imported
 * (node_modules/@microsoft/teams-js, internal/constants.js `validOriginsCdnEndpoint`; it falls back
 * to a built-in list when the fetch fails). The one request the tab makes outside the tenant.
 */
export const TEAMS_JS_VALID_ORIGINS_URL = 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';

const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com/organizations';

/** The origin of a configured absolute URL; null for a relative one (served by the app itself, 'self'). */
function originOf(value: string | undefined, fallback: string): string | null {
  const url = value?.trim() || fallback;
  return /^https?:\/\//i.test(url) ? new URL(url).origin : null;
}

/**
 * The Content-Security-Policy of the built index.html, from the same build environment the app
 * reads (src/app/config.ts): Graph's origin follows VITE_GRAPH_BASE_URL (the emulator in e2e runs,
 * where a relative '/v1.0' is the app's own origin) and sign-in follows VITE_AAD_AUTHORITY.
 * frame-ancestors cannot be set by a <meta> tag: it is in the host's headers (docs/deployment.md §3).
 */
export function contentSecurityPolicy(env: Readonly<Record<string, string | undefined>>): string {
  const graph = originOf(env.VITE_GRAPH_BASE_URL, DEFAULT_GRAPH_BASE_URL);
  const login = originOf(env.VITE_AAD_AUTHORITY, DEFAULT_AUTHORITY);
  const directives: Array<[string, ...Array<string | null>]> = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['connect-src', "'self'", graph, 'https://*.sharepoint.com', login, TEAMS_JS_VALID_ORIGINS_URL],
    ['frame-src', "'self'", login],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ];
  return directives
    .map(([name, ...sources]) => [name, ...new Set(sources.filter((s): s is string => s !== null))].join(' '))
    .join('; ');
}

/** Puts the Content-Security-Policy <meta> right after <meta charset> of the built index.html. */
function contentSecurityPolicyMeta(): Plugin {
  let env: Record<string, string | undefined> = {};
  return {
    name: 'handlingsplan-csp-meta',
    apply: 'build',
    configResolved(config) {
      env = config.env as Record<string, string | undefined>;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.path !== '/index.html') return html;
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html)) throw new Error('index.html: no <meta charset> to put the Content-Security-Policy after');
        const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(env)}" />`;
        return html.replace(charset, (tag) => `${tag}\n    ${meta}`);
      },
    },
  };
}

/**
 * Sign-in's code (MSAL in a tenant build; the emulator's dev tokens in a local one) is loaded by a
 * dynamic import() (src/app/services.ts, loadTokenSource) but is needed by every open before the
 * first Graph request: preloaded with the page (`<link rel="modulepreload">`, as Vite does for the
 * entry's own imports), its download starts with `main` instead of one round trip after it (issue 16).
 */
export const PRELOADED_WITH_PAGE = ['src/auth/msal-token-source.ts', 'src/auth/dev-token-source.ts'] as const;

function preloadWithPage(modules: readonly string[]): Plugin {
  let base = '/';
  return {
    name: 'handlingsplan-preload-with-page',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.path !== '/index.html' || !ctx.bundle) return html;
        const chunks = Object.values(ctx.bundle).filter((o) => o.type === 'chunk');
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const entry = chunks.find((c) => c.isEntry);
        // What the page already loads: the entry and its static imports (Vite preloads those).
        const loaded = new Set<string>();
        const closure = (name: string, into: Set<string>) => {
          if (into.has(name)) return;
          into.add(name);
          for (const dep of byName.get(name)?.imports ?? []) closure(dep, into);
        };
        if (entry) closure(entry.fileName, loaded);
        const wanted = new Set<string>();
        for (const chunk of chunks) {
          const facade = chunk.facadeModuleId?.replace(/\\/g, '/') ?? '';
          if (modules.some((m) => facade.endsWith(`/${m}`))) closure(chunk.fileName, wanted);
        }
        const links = [...wanted].filter((name) => !loaded.has(name)).map((name) => `<link rel="modulepreload" crossorigin href="${base}${name}">`);
        if (links.length === 0) return html;
        return html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
      },
    },
  };
}

// The production bundle is built from index.html only: the emulator (emulator/) and the local
// Teams host page (host-sim/) are never part of it (tests/build checks the built files).
// public/ (the favicon) is copied into dist/ as it is.
export default defineConfig({
  plugins: [react(), contentSecurityPolicyMeta(), preloadWithPage(PRELOADED_WITH_PAGE)],
  // The import's parse worker (src/import/parse-worker.ts) is a module worker: the importer loads
  // its parsers with dynamic import() and pdf.js reads import.meta, neither of which an iife keeps.
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    sourcemap: true,
    rollupOptions: { input: { main: 'index.html' } },
  },
  server: { strictPort: true },
});
