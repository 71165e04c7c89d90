/** Matching plan text against the national template. */
import { NATIONAL_TEMPLATE, type TemplateArea } from '../national-template.ts';
import { bestMatch, coverage, similarity } from '../text/similarity.ts';
import { normKey, stripLeadingNumber } from '../text/normalize.ts';

export interface TemplateRef {
  readonly number: number;
  readonly nb: TemplateArea;
  readonly nn: TemplateArea;
}

const REFS: readonly TemplateRef[] = NATIONAL_TEMPLATE.nb.map((nb, i) => ({
  number: nb.number,
  nb,
  nn: NATIONAL_TEMPLATE.nn[i] ?? nb,
}));

/** '3. Gode offentlige tjenester …:' → 'Gode offentlige tjenester …'. */
export function areaTitleText(text: string): string {
  return stripLeadingNumber(text)
    .replace(/^(?:satsings?område|innsatsområde|område|strategisk område|prioritert område)\s*\d*\s*[:.–-]?\s*/iu, '')
    .replace(/[:.]\s*$/, '')
    .trim();
}

export function matchTemplateArea(text: string, threshold = 0.8): TemplateRef | null {
  const title = areaTitleText(text);
  if (!title || title.length > 120) return null;
  let best: TemplateRef | null = null;
  let score = 0;
  for (const ref of REFS) {
    const s = Math.max(similarity(title, ref.nb.title, threshold), similarity(title, ref.nn.title, threshold));
    if (s > score) {
      score = s;
      best = ref;
    }
  }
  return score >= threshold ? best : null;
}

/**
 * Words by which plans name an area when they shorten or use an older name ('Organisasjonsbygging',
 * 'Heltid og likelønn', 'Fagligpolitisk arbeid'), matched as the start of a word. Each belongs to
 * one area only.
 */
const AREA_STEMS: Readonly<Record<number, readonly string[]>> = {
  1: ['tariffmakt', 'organisasjonsbygging', 'organisering', 'organisasjonsarbeid', 'verving'],
  2: ['heltid', 'heiltid', 'likelønn', 'likeløn', 'deltid', 'lønnsforskjell', 'forskjell'],
  3: ['offentlige tjenester', 'offentlege tenester', 'egne ansatte', 'eigne tilsette', 'velferd', 'konkurranseutsetting'],
  4: ['arbeidsliv', 'arbeidsmiljø', 'inkluderende', 'inkluderande'],
  5: ['allianse', 'myndighetskontakt', 'myndigheitskontakt', 'fagligpolitisk', 'faglig politisk', 'fagleg politisk', 'påvirkning', 'påverknad', 'samfunnspåvirkning'],
  6: ['digitalisering', 'digital', 'org365'],
};

/** Words that may stand in a short area name besides its stems. */
const FILLER = new Set(['og', 'for', 'i', 'med', 'mot', 'et', 'eit', 'en', 'ein', 'kampen', 'arbeid', 'arbeidet', 'mindre', 'gode', 'god', 'trygt', 'sterk', 'sterkere', 'sterkare', 'område', 'satsingsområde', 'tema', 'samarbeid', 'bygging', 'og/eller']);

function stemAreas(key: string): Set<number> {
  const areas = new Set<number>();
  const padded = ` ${key}`;
  for (const [area, stems] of Object.entries(AREA_STEMS)) {
    if (stems.some((s) => padded.includes(` ${normKey(s)}`))) areas.add(Number(area));
  }
  return areas;
}

/**
 * An area heading by the strategy plan's title, or by a shortened or older name: a short line whose
 * words name exactly one area (AREA_STEMS) and say little else.
 */
export function matchAreaHeading(text: string): TemplateRef | null {
  const byTitle = matchTemplateArea(text);
  if (byTitle) return byTitle;
  const title = areaTitleText(text);
  const k = normKey(title);
  const words = k.split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 7 || /[.!?]$/.test(title)) return null;
  const areas = stemAreas(k);
  if (areas.size !== 1) return null;
  const [area] = [...areas];
  const ref = REFS.find((r) => r.number === area);
  if (!ref) return null;
  const known = new Set([...normKey(ref.nb.title).split(' '), ...normKey(ref.nn.title).split(' ')]);
  const other = words.filter((w) => !known.has(w) && !FILLER.has(w) && stemAreas(w).size === 0);
  return other.length <= 1 ? ref : null;
}

export interface ReferenceHit {
  readonly kind: 'national' | 'strategy';
  /** The area of the strategy plan it belongs to. */
  readonly area: number;
  /** The reference text, in the language it matched. */
  readonly text: string;
  readonly score: number;
}

interface ReferenceItem {
  readonly kind: 'national' | 'strategy';
  readonly area: number;
  readonly text: string;
}

const ITEMS: readonly ReferenceItem[] = REFS.flatMap((r) =>
  [r.nb, r.nn].flatMap((t) => [
    ...t.nationalGoals.map((text) => ({ kind: 'national' as const, area: r.number, text })),
    ...t.strategies.map((text) => ({ kind: 'strategy' as const, area: r.number, text })),
  ]),
);

export const ALL_NATIONAL_GOALS: readonly string[] = ITEMS.filter((i) => i.kind === 'national').map((i) => i.text);
export const ALL_STRATEGIES: readonly string[] = ITEMS.filter((i) => i.kind === 'strategy').map((i) => i.text);

/**
 * The national goal or strategy of the strategy plan a text quotes, closely enough: the whole of it
 * (similarity, robust to small edits and line breaks), or a shortened quotation of at least five
 * words nearly all contained in it. Numbers the reference does not have make it the union's own.
 */
export function referenceHit(text: string, threshold = 0.8): ReferenceHit | null {
  const key = `${threshold} ${text}`;
  const known = hitCache.get(key);
  if (known !== undefined) return known;
  const hit = findReference(text, threshold);
  if (hitCache.size > 20_000) hitCache.clear();
  hitCache.set(key, hit);
  return hit;
}

/** A plan asks about the same texts several times (classification, review marks, table columns). */
const hitCache = new Map<string, ReferenceHit | null>();

/** Each item's words, to rule out a shortened quotation cheaply before measuring it. */
const ITEM_WORDS: ReadonlyMap<ReferenceItem, ReadonlySet<string>> = new Map(ITEMS.map((i) => [i, new Set(normKey(i.text).split(' '))]));

/** Most of the text's words are the item's: only then can the item contain nearly all of it. */
function sharesWords(words: readonly string[], item: ReferenceItem): boolean {
  const own = ITEM_WORDS.get(item);
  if (!own) return false;
  let shared = 0;
  for (const w of words) if (own.has(w)) shared++;
  return shared >= 0.75 * words.length;
}

function findReference(text: string, threshold: number): ReferenceHit | null {
  const k = normKey(text);
  const wordList = k.split(' ').filter(Boolean);
  const words = wordList.length;
  if (words < 3) return null;
  let best: ReferenceHit | null = null;
  for (const item of ITEMS) {
    let score = similarity(text, item.text, Math.min(threshold, best?.score ?? threshold));
    if (score < threshold && words >= 5 && sharesWords(wordList, item)) {
      const c = coverage(text, item.text);
      if (c >= 0.92) score = Math.max(score, threshold + (c - 0.92));
    }
    if (score >= threshold && score > (best?.score ?? 0)) best = { kind: item.kind, area: item.area, text: item.text, score };
  }
  if (!best) return null;
  const digits = (s: string) => (normKey(s).match(/\d+/g) ?? []).join(' ');
  const own = (normKey(text).match(/\d+/g) ?? []).filter((d) => !digits(best.text).split(' ').includes(d));
  return own.length > 0 ? null : best;
}

export function templateNationalGoals(ref: TemplateRef | null): string[] {
  return ref ? [...ref.nb.nationalGoals, ...ref.nn.nationalGoals] : [];
}

export function templateStrategies(ref: TemplateRef | null): string[] {
  return ref ? [...ref.nb.strategies, ...ref.nn.strategies] : [];
}

export function matchesAny(text: string, candidates: readonly string[], threshold: number): boolean {
  return candidates.length > 0 && bestMatch(text, candidates, threshold).score >= threshold;
}

export function isTemplateAreaTitle(text: string): boolean {
  return REFS.some((r) => similarity(text, r.nb.title, 0.85) >= 0.85 || similarity(text, r.nn.title, 0.85) >= 0.85);
}

const OPENINGS = new Set(ITEMS.map((i) => normKey(i.text).split(' ').slice(0, 2).join(' ')));

/**
 * Where a quoted national goal or strategy at the start of a text ends, when more text follows
 * it (at least three words): the character offset of the rest, or null.
 */
export function quotedPrefix(text: string): number | null {
  const words = [...text.matchAll(/\S+/g)];
  if (words.length < 6 || !OPENINGS.has(normKey(words.slice(0, 2).map((m) => m[0]).join(' ')))) return null;
  for (let k = words.length - 3; k >= 3; k--) {
    const end = (words[k - 1]?.index ?? 0) + (words[k - 1]?.[0].length ?? 0);
    const head = text.slice(0, end);
    if (!ITEMS.some((i) => similarity(head, i.text, 0.97) >= 0.97)) continue;
    // The rest must start something new, not go on with the quoted sentence ('… kan seiast opp').
    const next = normKey(words[k]?.[0] ?? '');
    return CONTINUERS.has(next) ? null : end;
  }
  return null;
}

/** Words that carry a sentence on rather than start a goal. */
const CONTINUERS = new Set(['og', 'i', 'på', 'som', 'der', 'kan', 'skal', 'vil', 'til', 'for', 'med', 'av', 'om', 'eller', 'at', 'å', 'samt', 'slik', 'så', 'men', 'blir', 'vert', 'er', 'har', 'gjennom', 'innen', 'innan', 'mellom', 'hos', 'ved', 'både', 'særlig', 'særleg', 'spesielt', 'også', 'òg']);
