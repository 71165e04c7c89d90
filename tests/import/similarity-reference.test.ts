/**
 * The importer's text similarity (src/import/text/similarity.ts) against a plain reference: the
 * Ratcliff/Obershelp ratio written the way its definition reads (find the longest common block,
 * recurse left and right of it, 2 × matched ÷ total length), with none of the speed-ups (typed
 * rows, an explicit stack, the caches, the shortcuts and the pruning by `atLeast`). Thousands of
 * generated pairs, from random letters to near-copies with edits, so that any change in what the
 * function answers fails here. This test stands in for mutation testing, which leaves the file out
 * (stryker.config.json: its instrumented loops made every importer mutant take minutes).
 */
import { describe, expect, it } from 'vitest';
import { bestMatch, coverage, similarity, startSimilarityRun } from '../../src/import/text/similarity.ts';
import { normKey } from '../../src/import/text/normalize.ts';

/** The longest common block, leftmost in `a` and then in `b` on ties (as difflib's find_longest_match without junk). */
function longest(a: string, b: string): { i: number; j: number; k: number } {
  let best = { i: 0, j: 0, k: 0 };
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      if (k > best.k) best = { i, j, k };
    }
  }
  return best;
}

function matched(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  const { i, j, k } = longest(a, b);
  if (k === 0) return 0;
  return k + matched(a.slice(0, i), b.slice(0, j)) + matched(a.slice(i + k), b.slice(j + k));
}

function referenceSimilarity(a: string, b: string): number {
  const x = normKey(a);
  const y = normKey(b);
  if (!x || !y) return 0;
  return (2 * matched(x, y)) / (x.length + y.length);
}

/** The ratio's bound from the letters alone: characters the two keys have in common, with repeats (difflib's quick_ratio). */
function lettersBound(x: string, y: string): number {
  const left = [...x];
  let common = 0;
  for (const c of y) {
    const at = left.indexOf(c);
    if (at >= 0) {
      common++;
      left.splice(at, 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

function referenceCoverage(part: string, whole: string): number {
  const x = normKey(part);
  const y = normKey(whole);
  if (!x || !y) return 0;
  return matched(x, y) / x.length;
}

/** A small deterministic generator (mulberry32), so that a failure names a pair that comes back. */
function random(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['verve', 'nye', 'medlemmer', 'tillitsvalgte', 'kurs', 'i', 'KL*AR', 'Teams', 'møte', 'år', 'minst', '4', '125', 'arbeidsplass', 'organisasjonsgraden', 'øke', 'auke', 'heltid', 'likelønn', '–', 'og', 'på'];

function pairs(seed: number, count: number): Array<[string, string]> {
  const next = random(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const letters = 'abcæøå ';
  const out: Array<[string, string]> = [];
  for (let n = 0; n < count; n++) {
    const kind = n % 3;
    if (kind === 0) {
      // Random short strings over a small alphabet: many repeated blocks and ties.
      const make = () => Array.from({ length: Math.floor(next() * 14) }, () => pick([...letters])).join('');
      out.push([make(), make()]);
    } else {
      // Sentences of plan words, and the same sentence edited (words dropped, swapped, added, case and punctuation changed).
      const sentence = Array.from({ length: 2 + Math.floor(next() * 7) }, () => pick(WORDS));
      const edited = sentence.flatMap((w) => (next() < 0.2 ? [] : next() < 0.15 ? [w, pick(WORDS)] : [next() < 0.2 ? w.toUpperCase() : w]));
      if (kind === 2 && edited.length > 1) edited.reverse();
      out.push([sentence.join(' '), `${edited.join(next() < 0.5 ? ' ' : ', ')}${next() < 0.3 ? '.' : ''}`]);
    }
  }
  return out;
}

describe('text similarity against a plain reference', () => {
  it('gives the reference ratio for every generated pair, either way round, within an import and across imports', () => {
    startSimilarityRun();
    for (const [a, b] of [...pairs(20261203, 3000), ...pairs(20261203, 300)]) {
      expect(similarity(a, b), `${JSON.stringify(a)} ~ ${JSON.stringify(b)}`).toBeCloseTo(referenceSimilarity(a, b), 12);
      expect(similarity(b, a), `${JSON.stringify(b)} ~ ${JSON.stringify(a)}`).toBeCloseTo(referenceSimilarity(b, a), 12);
    }
  });

  it('with a lower bound, gives the ratio when it can reach the bound and 0 when the lengths or the letters alone rule it out', () => {
    for (const [a, b] of pairs(7, 1500)) {
      const full = referenceSimilarity(a, b);
      const x = normKey(a);
      const y = normKey(b);
      for (const atLeast of [0.3, 0.6, 0.9]) {
        const reachable = x.length > 0 && y.length > 0 && (2 * Math.min(x.length, y.length)) / (x.length + y.length) >= atLeast && lettersBound(x, y) >= atLeast;
        expect(similarity(a, b, atLeast), `${JSON.stringify(a)} ~ ${JSON.stringify(b)} ≥ ${atLeast}`).toBeCloseTo(reachable ? full : 0, 12);
      }
    }
  });

  it('finds the best candidate (the first of equals) with its reference score', () => {
    const list = pairs(99, 600).map(([a]) => a);
    for (const [text] of pairs(123, 300)) {
      const candidates = list.slice(0, 20);
      const scores = candidates.map((c) => referenceSimilarity(text, c));
      const best = Math.max(0, ...scores);
      const { index, score } = bestMatch(text, candidates);
      expect(score).toBeCloseTo(best, 12);
      expect(index).toBe(best > 0 ? scores.findIndex((s) => Math.abs(s - best) < 1e-12) : -1);
      list.push(list.shift() as string);
    }
  });

  it('measures how much of a part a whole contains, as the reference does', () => {
    for (const [a, b] of pairs(42, 1500)) {
      expect(coverage(a, b), `${JSON.stringify(a)} in ${JSON.stringify(b)}`).toBeCloseTo(referenceCoverage(a, b), 12);
    }
  });
});
