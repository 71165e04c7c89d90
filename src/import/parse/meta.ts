/** Plan-level facts: language, union name and period. */
import type { DraftLanguage } from '../draft.ts';

const NN_WORDS = new Set([
  'ikkje', 'eit', 'ein', 'dei', 'kva', 'korleis', 'vere', 'medlemmar', 'fagforeininga', 'fagforeiningar',
  'tillitsvalde', 'gjennomføre', 'sjølv', 'berre', 'mykje', 'kvar', 'kvart', 'frå', 'heile', 'eigne', 'eige',
  'auke', 'årleg', 'innan', 'saman', 'dessutan', 'mellom', 'òg', 'blir', 'vert', 'desse', 'noko', 'nokre',
  'jobbar', 'arbeidsgivarar', 'tilsette', 'offentlege', 'tenester', 'stillingar', 'skulering', 'opplæring',
  'sine', 'hjå', 'fleire', 'medlemmane', 'område', 'møte', 'samarbeidsavtalar',
]);
const NB_WORDS = new Set([
  'ikke', 'et', 'en', 'de', 'hva', 'hvordan', 'være', 'medlemmer', 'fagforeningen', 'fagforeninger',
  'tillitsvalgte', 'selv', 'bare', 'mye', 'hver', 'hvert', 'fra', 'hele', 'egne', 'eget', 'øke', 'årlig',
  'innen', 'sammen', 'dessuten', 'blir', 'disse', 'noe', 'noen', 'jobber', 'arbeidsgivere', 'ansatte',
  'offentlige', 'tjenester', 'stillinger', 'skolering', 'flere', 'medlemmene', 'områder', 'samarbeidsavtaler',
]);

export function detectLanguage(text: string): DraftLanguage {
  let nn = 0;
  let nb = 0;
  for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (NN_WORDS.has(w)) nn++;
    if (NB_WORDS.has(w)) nb++;
  }
  return nn > nb ? 'nn' : 'nb';
}

const NAME = "\\p{Lu}[\\p{L}'’]*(?:-\\p{Lu}?[\\p{L}'’]+)*";
const NOT_NAMES = new Set([
  'Fagforbundet', 'Fagforbundets', 'Prinsipp', 'Handlingsprogram', 'Strategiplan', 'Strategiplanen', 'Spekter',
  'KS', 'LO', 'NHO', 'KI', 'AMU', 'HMS', 'IA', 'Teams', 'Org', 'Virke', 'Stat', 'Oslo', 'Sine', 'Skal',
]);

function mostFrequent(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [v, c] of counts) {
    if (c > n) {
      best = v;
      n = c;
    }
  }
  return best;
}

function trimOg(words: readonly string[]): string[] {
  let start = 0;
  let end = words.length;
  while (start < end && words[start] === 'og') start++;
  while (end > start && words[end - 1] === 'og') end--;
  return words.slice(start, end);
}

/** 'Fagforbundet Alver' from the plan's own text; falls back to '<Name> kommune'. */
export function detectUnion(text: string): string | null {
  const flat = text.replace(/(\p{L})-\s+(\p{Lu})/gu, '$1-$2');
  // A name does not run on to the next line ('Fagforbundet Midtbygda' above 'Vedtatt på årsmøtet').
  const direct = [...flat.matchAll(new RegExp(`\\bFagforbundet[^\\S\\n]+(${NAME}(?:[^\\S\\n]+(?:og[^\\S\\n]+)?${NAME})?)`, 'gu'))]
    .map((m) => (m[1] ?? '').trim())
    .map((n) => n.split(/\s+/).filter((w) => !NOT_NAMES.has(w) && !/^\p{Lu}{2,}$/u.test(w)))
    // 'Fagforbundet KS og Spekter' leaves only the 'og' between two names that are not the union's.
    .map((ws) => trimOg(ws))
    .filter((ws) => ws.length > 0 && !NOT_NAMES.has(ws[0] ?? ''))
    .map((ws) => ws.join(' '));
  const named = mostFrequent(direct);
  if (named) return `Fagforbundet ${named}`;
  const municipal = [...flat.matchAll(new RegExp(`\\b(${NAME})\\s+(?:kommune|kommunes|fylkeskommune)\\b`, 'gu'))]
    .map((m) => m[1] ?? '')
    .filter((n) => !NOT_NAMES.has(n) && !/^(Den|Det|I|Kommunen|Hele|Heile|Vår|Denne|Ny|Nye)$/u.test(n));
  const place = mostFrequent(municipal);
  return place ? `Fagforbundet ${place}` : null;
}

export function detectPeriod(text: string): { from: number; to: number } | null {
  const pairs = [...text.matchAll(/\b(20\d\d)\s*[-–—/]\s*(20\d\d)\b/g)]
    .map((m) => [Number(m[1]), Number(m[2])] as const)
    .filter(([a, b]) => b > a && b - a <= 4)
    .map(([a, b]) => `${a}-${b}`);
  const best = mostFrequent(pairs);
  if (!best) return null;
  const [from, to] = best.split('-').map(Number);
  return from !== undefined && to !== undefined ? { from, to } : null;
}
