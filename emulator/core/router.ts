import type { Handler } from './types.ts';

interface Route {
  readonly method: string;
  readonly segments: readonly string[];
  readonly handler: Handler;
}

export type RouteMatch =
  | { kind: 'found'; handler: Handler; params: Record<string, string> }
  | { kind: 'methodNotAllowed' }
  | { kind: 'none'; unknownSegment: string };

/**
 * Path-pattern router. Patterns are like '/sites/{siteId}/lists/{listId}'; parameters match one
 * segment and are percent-decoded. Literal segments match case-insensitively, as Graph does.
 */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method: method.toUpperCase(), segments: split(pattern), handler });
    return this;
  }

  match(method: string, path: string): RouteMatch {
    const segments = split(path);
    let pathMatched = false;
    let deepest = 0;
    for (const route of this.routes) {
      const result = matchSegments(route.segments, segments);
      if (typeof result === 'number') {
        deepest = Math.max(deepest, result);
        continue;
      }
      if (route.method === method.toUpperCase()) return { kind: 'found', handler: route.handler, params: result };
      pathMatched = true;
    }
    if (pathMatched) return { kind: 'methodNotAllowed' };
    return { kind: 'none', unknownSegment: safeDecode(segments[deepest] ?? '') };
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

/** Returns the params, or the number of leading segments that matched. */
function matchSegments(pattern: readonly string[], segments: readonly string[]): Record<string, string> | number {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const s = segments[i];
    if (s === undefined) return i;
    if (p.startsWith('{') && p.endsWith('}')) params[p.slice(1, -1)] = safeDecode(s);
    else if (p.toLowerCase() !== safeDecode(s).toLowerCase()) return i;
  }
  return pattern.length === segments.length ? params : pattern.length;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
