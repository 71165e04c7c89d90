import { describe, expect, it } from 'vitest';
import { figure, filesOf, loadedRoots, sequentialRoundTrips, summarize, table, type Manifest, type TimedRequest } from '../../bench/lib/metrics';
import { isCompressible, isProxied, Link } from '../../bench/lib/serve';

const req = (url: string, start: number, end: number, fromCache = false): TimedRequest => ({ url, start, end, fromCache });

describe('summarize', () => {
  it('gives the median, min and max of odd and even counts', () => {
    expect(summarize([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, runs: 3 });
    // The lower middle value for an even count: a single slow run does not pull the median up.
    expect(summarize([10, 2, 8, 4])).toEqual({ median: 4, min: 2, max: 10, runs: 4 });
    expect(summarize([7])).toEqual({ median: 7, min: 7, max: 7, runs: 1 });
  });

  it('refuses an empty list', () => {
    expect(() => summarize([])).toThrow(/no values/);
  });
});

describe('sequentialRoundTrips', () => {
  it('counts a chain of requests each started after the previous finished', () => {
    const chain = [req('doc', 0, 150), req('main.js', 160, 320), req('view.js', 330, 480), req('$batch', 490, 640)];
    expect(sequentialRoundTrips(chain)).toBe(4);
  });

  it('counts requests sent together as one round trip', () => {
    const parallel = [req('doc', 0, 150), req('a.js', 160, 300), req('b.js', 161, 320), req('c.js', 162, 310), req('graph', 330, 480)];
    expect(sequentialRoundTrips(parallel)).toBe(3);
  });

  it('leaves out requests answered from the cache and those that finished after the first goal', () => {
    const requests = [req('doc', 0, 150), req('main.js', 160, 161, true), req('graph', 170, 320), req('late', 330, 900)];
    expect(sequentialRoundTrips(requests, 500)).toBe(2);
    expect(sequentialRoundTrips(requests)).toBe(3);
  });

  it('takes the deepest chain, not the number of requests', () => {
    const requests = [req('doc', 0, 100), req('x', 110, 200), req('y', 110, 400), req('z', 210, 300), req('w', 250, 500)];
    // doc → x → z and doc → x → w: w started before z and y had finished, so it waited for x at most.
    expect(sequentialRoundTrips(requests)).toBe(3);
    // Timing alone cannot tell that a request did not wait for one that had finished: it counts it.
    expect(sequentialRoundTrips([...requests, req('v', 510, 600)])).toBe(4);
    expect(sequentialRoundTrips([])).toBe(0);
  });

  it('counts a request that starts exactly when another ends as sequential', () => {
    expect(sequentialRoundTrips([req('a', 0, 100), req('b', 100, 200)])).toBe(2);
  });
});

const manifest: Manifest = {
  'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_vendor.js'], css: ['assets/index-1.css'] },
  _vendor: { file: 'assets/vendor-2.js' },
  '_vendor.js': { file: 'assets/vendor-2.js', imports: ['_react.js'] },
  '_react.js': { file: 'assets/react-3.js' },
  'src/auth/dev-token-source.ts': { file: 'assets/dev-4.js', isDynamicEntry: true },
  'src/auth/msal-token-source.ts': { file: 'assets/msal-5.js', isDynamicEntry: true, imports: ['_vendor.js', '_msal.js'] },
  '_msal.js': { file: 'assets/msal-core-6.js' },
  'src/features/plan/plan-view.tsx': { file: 'assets/plan-7.js', isDynamicEntry: true, imports: ['_react.js'], css: ['assets/plan-7.css'] },
  'src/features/import/import-view.tsx': { file: 'assets/import-8.js', isDynamicEntry: true, imports: ['_mammoth.js'] },
  '_mammoth.js': { file: 'assets/mammoth-9.js' },
};

describe('first-screen files from the build manifest', () => {
  it('finds the entry and dynamic chunks that were downloaded', () => {
    const downloaded = new Set(['assets/index-1.js', 'assets/vendor-2.js', 'assets/dev-4.js', 'assets/plan-7.js', 'assets/react-3.js']);
    expect(loadedRoots(manifest, downloaded)).toEqual(['index.html', 'src/auth/dev-token-source.ts', 'src/features/plan/plan-view.tsx']);
  });

  it('follows static imports transitively with their CSS, not dynamic ones', () => {
    expect(filesOf(manifest, ['index.html', 'src/auth/msal-token-source.ts', 'src/features/plan/plan-view.tsx'])).toEqual([
      'assets/index-1.css',
      'assets/index-1.js',
      'assets/msal-5.js',
      'assets/msal-core-6.js',
      'assets/plan-7.css',
      'assets/plan-7.js',
      'assets/react-3.js',
      'assets/vendor-2.js',
    ]);
    expect(filesOf(manifest, ['src/features/import/import-view.tsx'])).toEqual(['assets/import-8.js', 'assets/mammoth-9.js']);
  });

  it('refuses a root the manifest does not have (a renamed module would otherwise count nothing)', () => {
    expect(() => filesOf(manifest, ['src/gone.ts'])).toThrow(/no chunk src\/gone\.ts/);
  });
});

describe('figure', () => {
  it('takes the median of a summary and judges it against an upper target', () => {
    const f = figure({ group: 'coldOpen', name: 'x', unit: 'ms', value: summarize([900, 1100, 1000]), reference: { name: 'floor', value: 800 }, target: 1040 });
    expect(f).toMatchObject({ value: 1000, min: 900, max: 1100, runs: 3, ratio: 1.25, target: 1040, comparison: 'atMost', met: true });
    expect(figure({ group: 'g', name: 'x', unit: 'ms', value: 1041, target: 1040 }).met).toBe(false);
    expect(figure({ group: 'g', name: 'x', unit: 'ms', value: 1040, target: 1040 }).met).toBe(true);
  });

  it('judges a lower bound when asked', () => {
    expect(figure({ group: 'g', name: 'x', unit: 'ms', value: -5, target: 0, comparison: 'atLeast' }).met).toBe(false);
    expect(figure({ group: 'g', name: 'x', unit: 'ms', value: 0, target: 0, comparison: 'atLeast' }).met).toBe(true);
  });

  it('leaves a figure without a target unjudged and a zero reference without a ratio', () => {
    const f = figure({ group: 'bundle', name: 'css', unit: 'KB', value: 3, reference: { name: 'floor', value: 0 } });
    expect(f.met).toBeUndefined();
    expect(f.ratio).toBeUndefined();
    expect(f.target).toBeUndefined();
  });

  it('rounds to whole units from 100 and to hundredths below', () => {
    expect(figure({ group: 'g', name: 'x', unit: 'ms', value: 1234.567 }).value).toBe(1235);
    expect(figure({ group: 'g', name: 'x', unit: 'ms', value: 12.3456 }).value).toBe(12.35);
  });

  it('prints a table row per figure with its verdict', () => {
    const text = table([
      figure({ group: 'bundle', name: 'js', unit: 'KB', value: 100, reference: { name: 'floor', value: 90 }, target: 108, targetRule: '1.2 × floor' }),
      figure({ group: 'scale', name: 'heap', unit: 'MB', value: 70, target: 60 }),
    ]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^\| ok +\| bundle · js +\| 100 KB .*\| 90 \(floor\) .*\| 1\.11 .*\| ≤ 108 \(1\.2 × floor\)/);
    expect(lines[3]).toMatch(/^\| MISS \| scale · heap/);
  });
});

describe('bench server rules', () => {
  it('compresses text, not images', () => {
    expect(isCompressible('text/javascript; charset=utf-8')).toBe(true);
    expect(isCompressible('application/json')).toBe(true);
    expect(isCompressible('image/svg+xml')).toBe(true);
    expect(isCompressible('image/png')).toBe(false);
  });

  it('passes Graph and SharePoint REST requests on to the emulator', () => {
    expect(isProxied('/v1.0/$batch')).toBe(true);
    expect(isProxied('/_emulator/users')).toBe(true);
    expect(isProxied('/sites/contoso.sharepoint.com,1,2/_api/web/lists')).toBe(true);
    expect(isProxied('/assets/index.js')).toBe(false);
    expect(isProxied('/floor/goals.json')).toBe(false);
  });
});

describe('the bench server\'s link', () => {
  it('lets bytes leave one after another at its rate, shared by answers sent together', () => {
    let now = 0;
    const link = new Link(1_000_000, () => now); // 1 MB/s: 1 byte a microsecond
    expect(link.delayFor(16_000)).toBeCloseTo(16);
    // A second answer's chunk waits for the first one's.
    expect(link.delayFor(16_000)).toBeCloseTo(32);
    now = 20;
    expect(link.delayFor(4_000)).toBeCloseTo(16);
    // An idle link starts again from now.
    now = 1_000;
    expect(link.delayFor(1_000)).toBeCloseTo(1);
    expect(link.delayFor(0)).toBeCloseTo(1);
  });
});
