/** Ratcliff/Obershelp similarity (the same ratio as Python's difflib.SequenceMatcher without junk). */
import { normKey } from './normalize.ts';

function longestMatch(a: string, b: string, alo: number, ahi: number, blo: number, bhi: number): [number, number, number] {
  let bestI = alo;
  let bestJ = blo;
  let bestK = 0;
  let prev = new Int32Array(bhi - blo + 1);
  let cur = new Int32Array(bhi - blo + 1);
  for (let i = alo; i < ahi; i++) {
    const ca = a.charCodeAt(i);
    for (let j = blo; j < bhi; j++) {
      const idx = j - blo + 1;
      if (b.charCodeAt(j) === ca) {
        const k = (prev[idx - 1] ?? 0) + 1;
        cur[idx] = k;
        if (k > bestK) {
          bestK = k;
          bestI = i - k + 1;
          bestJ = j - k + 1;
        }
      } else {
        cur[idx] = 0;
      }
    }
    const t = prev;
    prev = cur;
    cur = t;
    cur.fill(0);
  }
  return [bestI, bestJ, bestK];
}

function matchedChars(a: string, b: string): number {
  let total = 0;
  const stack: Array<[number, number, number, number]> = [[0, a.length, 0, b.length]];
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top) break;
    const [alo, ahi, blo, bhi] = top;
    if (alo >= ahi || blo >= bhi) continue;
    const [i, j, k] = longestMatch(a, b, alo, ahi, blo, bhi);
    if (k === 0) continue;
    total += k;
    stack.push([alo, i, blo, j], [i + k, ahi, j + k, bhi]);
  }
  return total;
}

/** Similarity in [0, 1] of two texts after normalisation. */
export function similarity(a: string, b: string): number {
  const x = normKey(a);
  const y = normKey(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  return (2 * matchedChars(x, y)) / (x.length + y.length);
}

/** Best similarity of `text` against candidates, with the index of the best one. */
export function bestMatch(text: string, candidates: readonly string[]): { index: number; score: number } {
  let index = -1;
  let score = 0;
  candidates.forEach((c, i) => {
    const s = similarity(text, c);
    if (s > score) {
      score = s;
      index = i;
    }
  });
  return { index, score };
}
