/**
 * The arithmetic of `npm run bench`, pure and unit-tested (tests/unit/bench-metrics.test.ts):
 * medians of runs, sequential round trips from resource timings, the first screen's files from a
 * Vite manifest, and each figure judged against its target.
 */

export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

/** Median (the lower of the middle two for an even count), min and max of at least one value. */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('summarize: no values');
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor((sorted.length - 1) / 2)] as number,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    runs: sorted.length,
  };
}

/** One request as the browser timed it, in ms from the tab document's navigation start. */
export interface TimedRequest {
  readonly url: string;
  readonly start: number;
  readonly end: number;
  /** Served from the browser's cache without asking the server (no round trip). */
  readonly fromCache: boolean;
}

/**
 * The longest chain of requests each of which started only after the previous one had finished:
 * the round trips a page waits for one after another. A request's depth is one more than the
 * deepest request that had finished when it started; requests answered from the cache cost no
 * round trip and are left out, as are requests that finished after `until` (the first goal).
 */
export function sequentialRoundTrips(requests: readonly TimedRequest[], until: number = Number.POSITIVE_INFINITY): number {
  const network = requests.filter((r) => !r.fromCache && r.end <= until).sort((a, b) => a.start - b.start || a.end - b.end);
  const depth: number[] = [];
  let deepest = 0;
  network.forEach((request, i) => {
    let before = 0;
    for (let j = 0; j < i; j++) {
      const earlier = network[j] as TimedRequest;
      if (earlier.end <= request.start) before = Math.max(before, depth[j] as number);
    }
    depth[i] = before + 1;
    deepest = Math.max(deepest, before + 1);
  });
  return deepest;
}

/** The part of Vite's build manifest (build.manifest: true) the first-screen count reads. */
export interface ManifestChunk {
  readonly file: string;
  readonly src?: string;
  readonly isEntry?: boolean;
  readonly isDynamicEntry?: boolean;
  readonly imports?: readonly string[];
  readonly css?: readonly string[];
}
export type Manifest = Readonly<Record<string, ManifestChunk>>;

/** The manifest keys (source modules) of the entry and dynamic chunks whose files were downloaded. */
export function loadedRoots(manifest: Manifest, downloadedFiles: ReadonlySet<string>): string[] {
  return Object.entries(manifest)
    .filter(([, chunk]) => (chunk.isEntry || chunk.isDynamicEntry) && downloadedFiles.has(chunk.file))
    .map(([key]) => key)
    .sort();
}

/**
 * Every file (JS and CSS) a page needs to run the given roots: each root's chunk, the chunks it
 * imports statically, transitively, and their CSS. Dynamic imports are not followed (they load
 * on demand; a root list names the ones the first screen loads).
 */
export function filesOf(manifest: Manifest, roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const files = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no chunk ${key}`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  roots.forEach(visit);
  return [...files].sort();
}

export type Comparison = 'atMost' | 'atLeast';

/** One figure of the report. `target` is absolute (the floor-relative targets are computed first). */
export interface Figure {
  readonly group: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly min?: number;
  readonly max?: number;
  readonly runs?: number;
  /** What the value is compared with: the floor's figure, or a stated reference. */
  readonly reference?: { readonly name: string; readonly value: number };
  /** value ÷ reference value. */
  readonly ratio?: number;
  /** The target, in the value's unit, and how it was derived (e.g. '1.3 × floor + 2 × 150 ms'). */
  readonly target?: number;
  readonly targetRule?: string;
  readonly comparison?: Comparison;
  readonly met?: boolean;
  readonly note?: string;
}

export interface FigureInput {
  readonly group: string;
  readonly name: string;
  readonly unit: string;
  readonly value: number | Summary;
  readonly reference?: { readonly name: string; readonly value: number };
  readonly target?: number;
  readonly targetRule?: string;
  readonly comparison?: Comparison;
  readonly note?: string;
}

/** A figure with its ratio to the reference and whether its target is met (a figure without a target is informational). */
export function figure(input: FigureInput): Figure {
  const summary = typeof input.value === 'number' ? null : input.value;
  const value = summary ? summary.median : (input.value as number);
  const comparison = input.comparison ?? 'atMost';
  const out: {
    -readonly [K in keyof Figure]: Figure[K];
  } = { group: input.group, name: input.name, value: round(value), unit: input.unit };
  if (summary) {
    out.min = round(summary.min);
    out.max = round(summary.max);
    out.runs = summary.runs;
  }
  if (input.reference) {
    out.reference = { name: input.reference.name, value: round(input.reference.value) };
    if (input.reference.value > 0) out.ratio = Math.round((value / input.reference.value) * 100) / 100;
  }
  if (input.target !== undefined) {
    out.target = round(input.target);
    if (input.targetRule) out.targetRule = input.targetRule;
    out.comparison = comparison;
    out.met = comparison === 'atMost' ? value <= input.target : value >= input.target;
  }
  if (input.note) out.note = input.note;
  return out;
}

function round(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}

/** The report as a table for the terminal (and the README). */
export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.met === undefined ? '' : f.met ? 'ok' : 'MISS',
    `${f.group} · ${f.name}`,
    `${f.value} ${f.unit}`,
    f.min !== undefined && f.max !== undefined ? `${f.min}–${f.max}` : '',
    f.reference ? `${f.reference.value} (${f.reference.name})` : '',
    f.ratio !== undefined ? `${f.ratio}` : '',
    f.target !== undefined ? `${f.comparison === 'atLeast' ? '≥' : '≤'} ${f.target}${f.targetRule ? ` (${f.targetRule})` : ''}` : '',
  ]);
  const header = ['', 'figure', 'value', 'min–max', 'reference', 'ratio', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
