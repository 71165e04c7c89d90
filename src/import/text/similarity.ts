/** Ratcliff/Obershelp similarity (the same ratio as Python's difflib.SequenceMatcher without junk). */
import { normKey } from './normalize.ts';

const keyCache = new Map<string, string>();

function key(s: string): string {
  let k = keyCache.get(s);
  if (k === undefined) {
    if (keyCache.size > 5000) keyCache.clear();
    k = normKey(s);
    keyCache.set(s, k);
  }
  return k;
}

/** Each key's letters counted (for the quick bound below), cached with the keys. */
const countCache = new Map<string, Map<number, number>>();

function letterCounts(k: string): Map<number, number> {
  let counts = countCache.get(k);
  if (counts === undefined) {
    if (countCache.size > 5000) countCache.clear();
    counts = new Map();
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    countCache.set(k, counts);
  }
  return counts;
}

/**
 * An upper bound of the ratio from the letters alone (difflib's quick_ratio): no matching can pair
 * more characters than the two texts have in common, counted with repeats.
 */
function quickBound(x: string, y: string): number {
  const cx = letterCounts(x);
  const cy = letterCounts(y);
  const [few, many] = cx.size <= cy.size ? [cx, cy] : [cy, cx];
  let common = 0;
  for (const [c, n] of few) common += Math.min(n, many.get(c) ?? 0);
  return (2 * common) / (x.length + y.length);
}

/**
 * Full ratios already computed in this import, by pair of keys: the parser asks about the same
 * paragraph and the same template text from several rules. Emptied when an import starts
 * (`startSimilarityRun`), so that one import never profits from an earlier one's work.
 */
const ratioCache = new Map<string, number>();

/** Forgets the ratios of earlier imports (src/import/index.ts calls it as an import starts). */
export function startSimilarityRun(): void {
  ratioCache.clear();
}

function fullRatio(x: string, y: string): number {
  const pair = `${x}\u0000${y}`;
  let ratio = ratioCache.get(pair);
  if (ratio === undefined) {
    if (ratioCache.size > 20000) ratioCache.clear();
    ratio = (2 * matchedChars(x, y)) / (x.length + y.length);
    ratioCache.set(pair, ratio);
  }
  return ratio;
}

function longestMatch(
  a: string,
  b: string,
  alo: number,
  ahi: number,
  blo: number,
  bhi: number,
  rows: [Int32Array, Int32Array],
): [number, number, number] {
  let bestI = alo;
  let bestJ = blo;
  let bestK = 0;
  let [prev, cur] = rows;
  prev.fill(0, blo, bhi + 1);
  for (let i = alo; i < ahi; i++) {
    const ca = a.charCodeAt(i);
    cur[blo] = 0;
    for (let j = blo; j < bhi; j++) {
      if (b.charCodeAt(j) === ca) {
        const k = (prev[j] ?? 0) + 1;
        cur[j + 1] = k;
        if (k > bestK) {
          bestK = k;
          bestI = i - k + 1;
          bestJ = j - k + 1;
        }
      } else {
        cur[j + 1] = 0;
      }
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return [bestI, bestJ, bestK];
}

function matchedChars(a: string, b: string): number {
  const rows: [Int32Array, Int32Array] = [new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let total = 0;
  const stack: Array<[number, number, number, number]> = [[0, a.length, 0, b.length]];
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top) break;
    const [alo, ahi, blo, bhi] = top;
    if (alo >= ahi || blo >= bhi) continue;
    const [i, j, k] = longestMatch(a, b, alo, ahi, blo, bhi, rows);
    if (k === 0) continue;
    total += k;
    stack.push([alo, i, blo, j], [i + k, ahi, j + k, bhi]);
  }
  return total;
}

/**
 * Similarity in [0, 1] of two texts after normalisation. With `atLeast`, pairs whose lengths or
 * letters alone rule that score out return 0 without the full comparison.
 */
export function similarity(a: string, b: string, atLeast = 0): number {
  const x = key(a);
  const y = key(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  if ((2 * Math.min(x.length, y.length)) / (x.length + y.length) < atLeast) return 0;
  if (atLeast > 0 && quickBound(x, y) < atLeast) return 0;
  return fullRatio(x, y);
}

/** Best similarity of `text` against candidates, with the index of the best one. */
export function bestMatch(text: string, candidates: readonly string[], atLeast = 0): { index: number; score: number } {
  let index = -1;
  let score = 0;
  candidates.forEach((c, i) => {
    const s = similarity(text, c, Math.max(atLeast, score));
    if (s > score) {
      score = s;
      index = i;
    }
  });
  return { index, score };
}

/**
 * How much of `part` the text `whole` contains, in [0, 1]: a shortened quotation ('Øke
 * organisasjonsgraden i kommunal sektor') is nearly all contained in the sentence it shortens.
 */
export function coverage(part: string, whole: string): number {
  const x = key(part);
  const y = key(whole);
  if (!x || !y) return 0;
  if (y.includes(x)) return 1;
  return matchedChars(x, y) / x.length;
}
