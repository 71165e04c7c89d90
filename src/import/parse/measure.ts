/** The countable target a local goal names: 'minst 4 medlemsmøter i året' → { 4, medlemsmøter, year }. */
import type { DraftMeasure, MeasurePer } from '../draft.ts';
import { splitSentences } from './sentences.ts';

const MONTHS = 'januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember';
const WORD_NUMBERS: Readonly<Record<string, number>> = {
  to: 2, tre: 3, fire: 4, fem: 5, seks: 6, sju: 7, syv: 7, åtte: 8, ni: 9, ti: 10, elleve: 11, tolv: 12,
  femten: 15, tjue: 20, tjuefem: 25, tretti: 30, førti: 40, femti: 50, hundre: 100,
};
const ONE_WORDS = new Set(['en', 'ein', 'ei', 'ett', 'eitt', 'én', 'éin']);
const STOP_WORDS = new Set([
  'i', 'og', 'på', 'av', 'for', 'til', 'med', 'per', 'pr', 'om', 'som', 'at', 'eller', 'innen', 'innan',
  'fra', 'frå', 'mot', 'hver', 'kvar', 'kvart', 'hvert', 'år', 'året', 'måned', 'månad', 'der', 'den', 'det',
]);
const SKIPPED_ADJECTIVES = new Set([
  'nye', 'flere', 'fleire', 'ekstra', 'dedikerte', 'faste', 'totalt', 'aktive', 'åpne', 'opne', 'yrkesaktive',
  'politiske', 'store', 'små', 'lokale', 'digitale', 'felles', 'gode', 'unge',
]);
const REFERENCE_WORDS = /(?:§|kapittel|kap\.?|nr\.?|punkt|paragraf|side|versjon|trinn|steg|fase|nivå|kl\.?|klokka|klokken)\s*$/iu;
const TARGET_CUES = /(?:\btil|\bminst|\bminimum|\bmed|\bover|\bskal\s+\p{L}+|\bmål(?:et)?\s+er|\bha|\bgjennomføre|\barrangere|\bverve|\bauke|\bøke|\baukast|\bøkes)\s+(?:\p{L}+\s+){0,2}$/iu;
const BASELINE_CUES = /(?:\bi dag|\bno|\bnå|\bhar vi|\bfrå|\bfra|\bav|\bper i dag|\bpr\.? i dag)\s+(?:\p{L}+\s+){0,2}$/iu;

interface Candidate {
  readonly value: number;
  readonly unit: string;
  readonly start: number;
  readonly end: number;
}

function parseNumber(raw: string): number {
  return Number(raw.replace(/[ .](?=\d{3}\b)/g, '').replace(',', '.'));
}

/** 'faste møter med alle PTV 1 gong' → 'møter': the plural noun counted by 'N ganger'. */
function countedBefore(before: string): string | null {
  const words = before.split(/\s+/).filter(Boolean).reverse();
  for (const w of words.slice(0, 8)) {
    const clean = w.replace(/[.,;:!?()]+/g, '');
    if (/^\p{Ll}{3,}(er|ar)$/u.test(clean) && !STOP_WORDS.has(clean)) return clean;
  }
  return null;
}

function unitAfter(rest: string): string | null {
  // Longest first: '3 prosentpoeng' is percentage points, not per cent.
  const pct = /^\s*(%|prosentpoeng|prosent)/iu.exec(rest);
  if (pct) return pct[1] ?? '%';
  if (/^\s*(,-|kr\b|kroner)/iu.test(rest)) return 'kr';
  if (/^\s*[/\-–:)]/.test(rest)) return null;
  const words = rest.trim().split(/\s+/).slice(0, 4);
  const picked: string[] = [];
  for (const w of words) {
    const clean = w.replace(/[.,;:!?)]+$/, '');
    const lower = clean.toLowerCase();
    if (!/^\p{L}[\p{L}\d-]*$/u.test(clean) && !(picked.length > 0 && /^\d+$/.test(clean))) break;
    if (picked.length === 0 && SKIPPED_ADJECTIVES.has(lower)) continue;
    if (STOP_WORDS.has(lower) || new RegExp(`^(${MONTHS})$`).test(lower)) break;
    picked.push(clean);
    if (!/^\p{Lu}{2,}$/u.test(clean) || clean !== w) break;
  }
  return picked.length > 0 ? picked.join(' ') : null;
}

function candidates(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  const re = /(?<![\p{L}\d§\-/.,])(\d{1,3}(?:[ .]\d{3})+|\d+(?:,\d+)?)(?![\d\-–]|[.,]\d)/gu;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const raw = m[1] ?? '';
    const start = m.index;
    const end = start + raw.length;
    const before = sentence.slice(0, start);
    const after = sentence.slice(end);
    const value = parseNumber(raw);
    const kr = /\bkr\.?\s*$/iu.test(before);
    if (!kr && /^\d{4}$/.test(raw) && value >= 1900 && value <= 2100) continue;
    if (REFERENCE_WORDS.test(before)) continue;
    const prevWord = /(\S+)\s*$/u.exec(before)?.[1] ?? '';
    if (/^\p{Lu}\p{Ll}+$/u.test(prevWord) && /\S\s+\S+\s*$/u.test(before) && !/[.!?:]\s*\S+\s*$/u.test(before)) continue;
    if (new RegExp(`^\\.?\\s*(${MONTHS})\\b`, 'iu').test(after)) continue;
    if (/^\s*(%|prosent)\s+(\p{L}+\s+)?stilling/iu.test(after) && value === 100) continue;
    const times = /^\s*(gang|gong|ganger|gonger)\b/iu.exec(after);
    const unit = kr ? 'kr' : times ? countedBefore(before) ?? (times[1] ?? '') : unitAfter(after);
    if (!unit) continue;
    out.push({ value, unit, start, end });
  }
  const wordRe = /(?<![\p{L}])(\p{L}+)\s+(gang|gong|ganger|gonger|\p{L}{3,})/giu;
  for (let m = wordRe.exec(sentence); m; m = wordRe.exec(sentence)) {
    const word = (m[1] ?? '').toLowerCase();
    const next = (m[2] ?? '').toLowerCase();
    const isTimes = /^(gang|gong|ganger|gonger)$/.test(next);
    const value = ONE_WORDS.has(word) && isTimes ? 1 : WORD_NUMBERS[word];
    const countable = isTimes || /(er|ar|ane|ene|r)$/u.test(next);
    if (value === undefined || STOP_WORDS.has(next) || !countable) {
      wordRe.lastIndex = m.index + (m[1] ?? '').length;
      continue;
    }
    const unit = isTimes ? countedBefore(sentence.slice(0, m.index)) ?? next : (m[2] ?? '');
    out.push({ value, unit, start: m.index, end: m.index + (m[1] ?? '').length });
  }
  return out.sort((a, b) => a.start - b.start);
}

// (?<!\p{L}) rather than \b before 'å': \b knows only ASCII letters, so '\bårlig' never matched.
const YEAR_PER = /\b(per|pr\.?)\s+år\b|(?<!\p{L})årl[ie]g(?!\p{L})|\bi året\b|\b(hvert|kvart)\s+år\b|\bbåde i 20\d\d og 20\d\d\b|\bhvert av årene\b|\bkvart av åra\b/iu;
const MONTH_PER = /\b(per|pr\.?)\s+(måned|månad|mnd)\b|\bmånedl[ie]g\b|\bmånadleg\b|\bi (måneden|månaden)\b|\b(hver|kvar)\s+(måned|månad)\b/iu;

function perIn(text: string): MeasurePer {
  const y = YEAR_PER.exec(text);
  const m = MONTH_PER.exec(text);
  if (y && m) return y.index < m.index ? 'year' : 'month';
  if (y) return 'year';
  if (m) return 'month';
  return null;
}

export function extractMeasure(text: string): DraftMeasure | undefined {
  for (const sentence of splitSentences(text)) {
    const found = candidates(sentence);
    if (found.length === 0) continue;
    const notBaseline = found.filter((c) => !BASELINE_CUES.test(sentence.slice(0, c.start)));
    const pool = notBaseline.length > 0 ? notBaseline : found;
    const chosen = pool.find((c) => TARGET_CUES.test(sentence.slice(0, c.start))) ?? pool[0];
    if (!chosen) continue;
    const per = perIn(sentence.slice(chosen.end)) ?? perIn(sentence);
    return { value: chosen.value, unit: chosen.unit, per };
  }
  return undefined;
}
