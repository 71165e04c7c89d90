import { GraphError } from '../core/graph-error.ts';

/**
 * Planner order hints (https://learn.microsoft.com/en-us/graph/api/resources/planner-order-hint-format):
 * strings of characters 32–126 compared ordinally. A client asks for a place with `"<prev> <next>!"`
 * (`" !"` = no neighbours, `"<prev> !"` = after prev, `" <next>!"` = before next); the service
 * stores a short value of its own that sorts between them (visible with `Prefer: return=representation`).
 * A hint that does not end in `!` is kept as sent (not confirmed what the service does with it).
 */
const MIN = 33; // '!'; generated hints never contain a space, so " " can split prev from next
const MAX = 126; // '~'

export function validOrderHintText(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 32 || c > 126) return false;
  }
  return true;
}

/** The stored hint for what the client sent; 400 for a value that is not an order hint. */
export function resolveOrderHint(value: unknown, property = 'orderHint'): string {
  if (!validOrderHintText(value) || value.length === 0) {
    throw new GraphError(400, 'invalidRequest', `The value of '${property}' is not a valid order hint.`);
  }
  if (!value.endsWith('!')) return value;
  const body = value.slice(0, -1);
  const space = body.indexOf(' ');
  if (space < 0) return value;
  const prev = body.slice(0, space);
  const next = body.slice(space + 1);
  if (next !== '' && prev >= next) throw new GraphError(400, 'invalidRequest', `The value of '${property}' is not a valid order hint.`);
  return between(prev, next === '' ? null : next);
}

/** A string of characters 33–126 strictly between `a` ('' = lowest) and `b` (null = above everything). */
export function between(a: string, b: string | null): string {
  let out = '';
  let upper = b;
  for (let i = 0; i < 1000; i++) {
    const ca = i < a.length ? a.charCodeAt(i) : MIN - 1;
    const cb = upper !== null && i < upper.length ? upper.charCodeAt(i) : MAX + 1;
    if (ca === cb) {
      out += String.fromCharCode(ca);
      continue;
    }
    const mid = Math.floor((ca + cb) / 2);
    if (mid > ca && mid < cb && mid >= MIN) return out + String.fromCharCode(mid);
    if (ca < MIN && upper !== null && i === upper.length - 1) {
      // Nothing made of '!'…'~' sorts between a prefix and the prefix + '!': fall back to a space.
      return `${out} O`;
    }
    if (ca < MIN) {
      // a has ended and b's character is the lowest: follow b one level deeper.
      out += String.fromCharCode(MIN);
      continue;
    }
    // cb === ca + 1: keep a's character; anything after it is below b.
    out += String.fromCharCode(ca);
    upper = null;
  }
  return `${a}${String.fromCharCode(MIN + 40)}`;
}
