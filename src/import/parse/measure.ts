/** The countable target a local goal names: 'minst 4 medlemsmøter i året' → { 4, medlemsmøter, year }. */
import type { DraftMeasure } from '../draft.ts';
import { periodFollows, periodIn } from './measure-period.ts';
import { isNeuterOne, isOneWord, isStressedOne, numberWordValue } from './number-words.ts';
import { splitSentences } from './sentences.ts';

const MONTHS = 'januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember';
const STOP_WORDS = new Set([
  'i', 'og', 'på', 'av', 'for', 'til', 'med', 'per', 'pr', 'om', 'som', 'at', 'eller', 'innen', 'innan',
  'fra', 'frå', 'mot', 'hver', 'kvar', 'kvart', 'hvert', 'år', 'året', 'måned', 'månad', 'der', 'den', 'det',
  'ganger', 'gonger', 'gang', 'gong', 'under', 'over', 'enn', 'ut', 'inn',
]);
const SKIPPED_ADJECTIVES = new Set([
  'nye', 'flere', 'fleire', 'ekstra', 'dedikerte', 'faste', 'totalt', 'aktive', 'åpne', 'opne', 'yrkesaktive',
  'politiske', 'store', 'små', 'lokale', 'digitale', 'felles', 'gode', 'unge',
  'ny', 'nytt', 'fast', 'fysisk', 'fysiske', 'digital', 'digitalt', 'åpent', 'ope', 'opent', 'stort', 'stor',
]);
/** 'et dusin', 'et par', 'ei rekke': an amount, not a count. */
const NOT_COUNTS = new Set(['dusin', 'par', 'rekke', 'del', 'mengde', 'antall', 'tal', 'håndfull', 'handfull', 'serie']);
/** The people a meeting or visit is for: 'møte medlemmer to ganger' counts the times, not them. */
const PEOPLE = /(?:medlemm|medlem|leder|leiar|arbeidstaker|arbeidstakar|arbeidsgiver|arbeidsgjevar|lærling|politiker|politikar|elev|student|pensjonist|bruker|brukar|pasient|innbygger|innbyggjar|pleier|pleiar|person|kolleg|medarbeider|medarbeidar|ungdomm|ungdom)(?:e|er|ar)$/u;
const REFERENCE_WORDS = /(?:§|kapittel|kap\.?|nr\.?|punkt|paragraf|side|versjon|trinn|steg|fase|nivå|kl\.?|klokka|klokken)\s*$/iu;
/** Names that carry a number: 'Fagforbundet 1', 'Fane 2', 'Org 365', 'Office 365'. */
const NAME_BEFORE = /(?<!\p{L})(?:fagforbundet|fane|org|office|microsoft|windows|teams)\s*$/iu;
const TARGET_CUES = /(?:\btil|\bminst|\bminimum|\bmed|\bover|\bmer enn|\bmeir enn|\bopp mot|\bopptil|\bskal\s+\p{L}+|\bmål(?:et)?\s+er|\bha|\bgjennomføre|\barrangere|\bverve|\bauke|\bøke|\baukast|\bøkes)\s+(?:\p{L}+\s+){0,2}$/iu;
const BASELINE_CUES = /(?:\bi dag|\bno|\bnå|\bhar vi|\bfrå|\bfra|\bav|\bper i dag|\bpr\.? i dag)\s+(?:\p{L}+\s+){0,2}$/iu;
/** 'minst', 'minimum', 'over', 'mer enn', 'meir enn', 'opp mot' right before a number word. */
const QUALIFIER = /(?<!\p{L})(?:minst|minimum|min\.|over|mer enn|meir enn|fleire enn|flere enn|opp mot|opptil)\s+$/iu;
/** Only these make 'en', 'ei', 'ett' a count ('over en periode' is a preposition and an article). */
const ONE_QUALIFIER = /(?<!\p{L})(?:minst|minimum|min\.)\s+$/iu;
/**
 * A noun that reads as a plural after a number word: '-er', '-ar', '-ene', the people ('tillitsvalgte',
 * 'tilsette', 'verneombud') and the nynorsk 'møte'. Others ('tolv kurs') need a qualifier or a period.
 */
const PLURAL = /(?:r|ane|ene|valgte|valde|ansatte|tilsette|ombud|møte)$/u;
/** 'samle alt i ett dokument': after a preposition even 'ett' reads as an article. */
const PREPOSITION_BEFORE = /(?<!\p{L})(?:i|på|til|med|for|om|av|under|etter|mot|fra|frå|gjennom|over|ved|hos|som)\s+$/iu;
/** 'innan tre månader', 'i mer enn åtte uker': a time limit or a span, not a count to reach. */
const SPAN_BEFORE = /(?<!\p{L})(?:innen|innan|etter|i|på|senest|seinast|løpet av|over)\s+(?:(?:mer|meir|minst|over|under|mindre)\s+(?:enn\s+)?)?$/iu;
const TIME_UNIT = /^(?:uke|uker|veke|veker|måned|måneder|månad|månader|dag|dager|dagar|døgn|time|timar|timer|minutter|år)$/iu;
/** 'arbeidsplassar med fleire enn ti tilsette': which ones, not how many to reach. */
const DESCRIPTOR_BEFORE = /(?<!\p{L})(?:med|på|for|i|til|av)\s+(?:flere|fleire|færre|mindre)\s+enn\s+$/iu;
/** 'talet på medlemmar … med 20', 'antallet tillitsvalgte til 45': what a bare target counts. */
const COUNT_OF = /(?<!\p{L})(?:talet|tallet|antallet|antalet|antall)\s+(?:på\s+|av\s+)?/iu;
const BARE_TARGET_CUE = /(?<!\p{L})(?:med|til)\s+(?:(?:minst|minimum|over|mer enn|meir enn|opp mot)\s+)?$/iu;
/** 'en god dialog', 'ei tydeleg stemme': the word after an article that is no noun to count. */
const ADJECTIVE = /^(?:god|godt|tett|nær|nært|sterk|sterkt|bred|breitt|brei|klar|tydelig|tydeleg|synlig|synleg|aktiv|viktig)$|(?:lig|leg|ig|isk)$/iu;
const TIMES = /^\s+(gang|gong|ganger|gonger)(?!\p{L})/iu;
const GROWTH = /(?<!\p{L})(?:øke|auke|heve|styrke|øking|økning|auking)(?!\p{L})/iu;

interface Candidate {
  readonly value: number;
  readonly unit: string;
  readonly start: number;
  readonly end: number;
}

interface Noun {
  readonly unit: string;
  /** Offset in the text given to nounAfter just past the unit. */
  readonly end: number;
}

function parseNumber(raw: string): number {
  return Number(raw.replace(/[ .](?=\d{3}\b)/g, '').replace(',', '.'));
}

/**
 * 'faste møter med alle PTV 1 gong' → 'møter': the plural noun counted by 'N ganger', not the people
 * (unless `people`: 'auke talet på medlemmar frå 200 til 250' counts them).
 */
function countedBefore(before: string, people = false): string | null {
  const words = before.split(/\s+/).filter(Boolean).reverse();
  for (const w of words.slice(0, 8)) {
    const clean = w.replace(/[.,;:!?()]+/g, '');
    if (/^\p{Ll}{3,}(er|ar)$/u.test(clean) && !STOP_WORDS.has(clean) && (people || !PEOPLE.test(clean))) return clean;
  }
  return null;
}

/** Per cent, percentage points or kroner right after a number, or null. */
function currencyOrPercent(rest: string): Noun | null {
  // Longest first: '3 prosentpoeng' is percentage points, not per cent.
  const pct = /^\s*(%|prosentpoeng|prosent)(?!\p{L})/iu.exec(rest);
  if (pct) return { unit: pct[1] ?? '%', end: pct[0].length };
  const kr = /^\s*(?:,-|kr\b\.?|kroner(?!\p{L}))/iu.exec(rest);
  return kr ? { unit: 'kr', end: kr[0].length } : null;
}

/** The thing counted, right after the number: '125 nye medlemmer' → 'medlemmer', '3 ISO 9001 …' → 'ISO 9001'. */
function nounAfter(rest: string): Noun | null {
  const special = currencyOrPercent(rest);
  if (special) return special;
  if (/^\s*[/\-–:)]/.test(rest)) return null;
  const picked: string[] = [];
  const wordRe = /\S+/gu;
  let end = 0;
  for (let m = wordRe.exec(rest); m && picked.length < 4 && m.index < 80; m = wordRe.exec(rest)) {
    const w = m[0];
    const clean = w.replace(/[.,;:!?)]+$/, '');
    const lower = clean.toLowerCase();
    if (!/^\p{L}[\p{L}\d-]*$/u.test(clean) && !(picked.length > 0 && /^\d+$/.test(clean))) break;
    if (picked.length === 0 && SKIPPED_ADJECTIVES.has(lower)) continue;
    if (STOP_WORDS.has(lower) || new RegExp(`^(${MONTHS})$`).test(lower)) break;
    picked.push(clean);
    end = m.index + clean.length;
    if (!/^\p{Lu}{2,}$/u.test(clean) || clean !== w) break;
  }
  return picked.length > 0 ? { unit: picked.join(' '), end } : null;
}

/** A number written in digits that is no year, date, reference, name or list number. */
function skipDigits(raw: string, before: string, after: string, value: number): boolean {
  const kr = /\bkr\.?\s*$/iu.test(before);
  if (!kr && /^\d{4}$/.test(raw) && value >= 1900 && value <= 2100) return true;
  if (REFERENCE_WORDS.test(before) || NAME_BEFORE.test(before)) return true;
  const prevWord = /(\S+)\s*$/u.exec(before)?.[1] ?? '';
  if (/^\p{Lu}\p{Ll}+$/u.test(prevWord) && /\S\s+\S+\s*$/u.test(before) && !/[.!?:]\s*\S+\s*$/u.test(before)) return true;
  if (before.trim() === '' && /^\s+\p{Lu}\p{Ll}/u.test(after)) return true; // '1 Verve …': a list number
  if (new RegExp(`^\\.?\\s*(${MONTHS})\\b`, 'iu').test(after)) return true;
  return /^\s*(%|prosent)\s+(\p{L}+\s+)?stilling/iu.test(after) && value === 100;
}

/**
 * A bare number's unit from what it grows: 'fra 40 medlemmer til 60', 'øke medlemmene fra 40 til 60',
 * 'auke talet på medlemmar med 20'.
 */
function inheritedUnit(before: string, found: readonly Candidate[]): string | null {
  const range = /(?<!\p{L})(?:fra|frå)\s+(?:\S+\s+){1,3}til\s+$/iu.exec(before);
  if (!range) return BARE_TARGET_CUE.test(before) ? countOf(before) : null;
  const baseline = found.find((c) => c.start >= range.index);
  if (baseline) return baseline.unit;
  const lead = before.slice(0, range.index);
  return GROWTH.test(lead) ? countedBefore(lead, true) : null;
}

function countOf(before: string): string | null {
  const m = COUNT_OF.exec(before);
  return m ? nounAfter(before.slice(m.index + m[0].length))?.unit ?? null : null;
}

function digitCandidates(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  const re = /(?<![\p{L}\d§\-/.,])(\d{1,3}(?:[ .]\d{3})+|\d+(?:,\d+)?)(?![\d\-–]|[.,]\d)/gu;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const raw = m[1] ?? '';
    const start = m.index;
    const end = start + raw.length;
    const before = sentence.slice(0, start);
    const after = sentence.slice(end);
    const value = parseNumber(raw);
    if (skipDigits(raw, before, after, value)) continue;
    const times = /^\s*(gang|gong|ganger|gonger)\b/iu.exec(after);
    const kr = /\bkr\.?\s*$/iu.test(before);
    const unit = kr ? 'kr' : times ? countedBefore(before) ?? (times[1] ?? '') : nounAfter(after)?.unit ?? inheritedUnit(before, out);
    if (unit) out.push({ value, unit, start, end });
  }
  return out;
}

/** 'fire medlemsmøter', 'ti prosent', 'minst tolv kurs', 'to møte i året': a number word that counts. */
function wordCount(before: string, after: string): string | null {
  const times = TIMES.exec(after);
  if (times) return countedBefore(before) ?? (times[1] ?? '');
  const noun = nounAfter(after);
  if (!noun || NOT_COUNTS.has(noun.unit.toLowerCase())) return null;
  if (currencyOrPercent(after)) return noun.unit;
  const clause = after.slice(noun.end).split(/[,;:()]/u)[0] ?? '';
  const counts = PLURAL.test(noun.unit) || QUALIFIER.test(before) || periodIn(clause) !== undefined;
  return counts ? noun.unit : null;
}

/** 'ett møte i året', 'minst ei samling', 'én tillitsvalgt', 'ein gong i månaden': 'en' and its kin as a count. */
function oneCount(word: string, before: string, after: string): string | null {
  const cued = ONE_QUALIFIER.test(before) || isStressedOne(word) || (isNeuterOne(word) && !PREPOSITION_BEFORE.test(before));
  const times = TIMES.exec(after);
  if (times) {
    const rest = after.slice(times[0].length);
    return cued || periodFollows(rest, 0) ? countedBefore(before) ?? (times[1] ?? '') : null;
  }
  const noun = nounAfter(after);
  if (!noun || NOT_COUNTS.has(noun.unit.toLowerCase()) || /^\p{Lu}\p{Ll}/u.test(noun.unit)) return null;
  if (currencyOrPercent(after)) return noun.unit;
  if (ADJECTIVE.test(noun.unit)) return null;
  return cued || periodFollows(after.slice(noun.end), 5) ? noun.unit : null;
}

function wordCandidates(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  const re = /(?<![\p{L}\p{M}\d-])[\p{L}\p{M}]+(?![\p{L}\p{M}\d-])/gu;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const word = m[0];
    const start = m.index;
    const end = start + word.length;
    const before = sentence.slice(0, start);
    const after = sentence.slice(end);
    const many = numberWordValue(word);
    const one = many === undefined && isOneWord(word);
    if (many === undefined && !one) continue;
    const unit = one ? oneCount(word, before, after) : wordCount(before, after);
    if (unit) out.push({ value: many ?? 1, unit, start, end });
  }
  return out;
}

/**
 * A number that is no count to reach: a share ('tre av fire medlemmer', '1 av 5'), a time limit or span
 * ('innan tre månader', 'i mer enn åtte uker'), or a description ('med fleire enn ti tilsette').
 */
function isNoTarget(sentence: string, c: Candidate): boolean {
  const before = sentence.slice(0, c.start);
  const numberish = (w: string): boolean => /^\d+$/.test(w) || numberWordValue(w) !== undefined || isOneWord(w);
  const prev = /(\S+)\s+av\s+$/u.exec(before)?.[1];
  const next = /^\s+av\s+(\S+)/u.exec(sentence.slice(c.end))?.[1];
  if ((prev !== undefined && numberish(prev)) || (next !== undefined && numberish(next))) return true;
  if (TIME_UNIT.test(c.unit) && SPAN_BEFORE.test(before)) return true;
  return DESCRIPTOR_BEFORE.test(before);
}

/** Today's figure gives way to the target; among targets, the first a target word leads to. */
function chooseTarget(sentence: string, found: readonly Candidate[]): Candidate | undefined {
  const notBaseline = found.filter((c) => !BASELINE_CUES.test(sentence.slice(0, c.start)));
  const pool = notBaseline.length > 0 ? notBaseline : found;
  return pool.find((c) => TARGET_CUES.test(sentence.slice(0, c.start))) ?? pool[0];
}

export function extractMeasure(text: string): DraftMeasure | undefined {
  for (const sentence of splitSentences(text)) {
    const found = [...digitCandidates(sentence), ...wordCandidates(sentence)]
      .filter((c) => !isNoTarget(sentence, c))
      .sort((a, b) => a.start - b.start);
    const chosen = chooseTarget(sentence, found);
    if (!chosen) continue;
    const period = periodIn(sentence.slice(chosen.end)) ?? periodIn(sentence);
    if (!period) return { value: chosen.value, unit: chosen.unit, per: null };
    return { value: chosen.value * period.factor, unit: chosen.unit, per: period.per };
  }
  return undefined;
}
