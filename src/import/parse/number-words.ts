/**
 * Norwegian number words, bokmål and nynorsk: 'fire' → 4, 'tjuge' → 20, 'tjuefem' / 'femogtjue' → 25.
 * The words for one ('en', 'ei', 'ett', …) are kept apart: they are far more often an article than a count.
 */

const DIGITS: Readonly<Record<string, number>> = {
  to: 2, tre: 3, fire: 4, fem: 5, seks: 6, sju: 7, syv: 7, åtte: 8, ni: 9,
};
const TEENS: Readonly<Record<string, number>> = {
  ti: 10, elleve: 11, tolv: 12, tretten: 13, fjorten: 14, femten: 15, seksten: 16, sytten: 17, atten: 18, nitten: 19,
};
const TENS: Readonly<Record<string, number>> = {
  tjue: 20, tjuge: 20, tretti: 30, tredve: 30, førti: 40, femti: 50, seksti: 60, sytti: 70, søtti: 70, åtti: 80, nitti: 90,
};
/** 'en', 'ein', 'ei', 'ett', 'eitt', 'et' and the stressed 'én', 'éin', 'éi', 'étt'. */
const ONE_FORMS = new Set(['en', 'ein', 'ei', 'ett', 'eitt', 'et', 'én', 'éin', 'éi', 'étt', 'éitt']);

const TENS_RE = Object.keys(TENS).join('|');
const UNIT_RE = [...Object.keys(DIGITS), 'en', 'ein', 'ett', 'eitt'].join('|');
/** 'tjuefem', 'tjuge-fem', 'femogtjue', 'einogtjuge'. */
const COMPOUND_TENS_FIRST = new RegExp(`^(${TENS_RE})-?(${UNIT_RE})$`, 'u');
const COMPOUND_UNITS_FIRST = new RegExp(`^(${UNIT_RE})og(${TENS_RE})$`, 'u');
/** 'hundre', 'tohundre', 'to-hundre'. */
const HUNDREDS = new RegExp(`^(?:(${Object.keys(DIGITS).join('|')})-?)?hundre$`, 'u');

function unitValue(word: string): number {
  return DIGITS[word] ?? 1;
}

/** The value of a number word of two or more, or undefined ('en' and its kin are not read here). */
export function numberWordValue(word: string): number | undefined {
  const w = word.normalize('NFC').toLowerCase();
  const simple = DIGITS[w] ?? TEENS[w] ?? TENS[w];
  if (simple !== undefined) return simple;
  const tensFirst = COMPOUND_TENS_FIRST.exec(w);
  if (tensFirst) return (TENS[tensFirst[1] ?? ''] ?? 0) + unitValue(tensFirst[2] ?? '');
  const unitsFirst = COMPOUND_UNITS_FIRST.exec(w);
  if (unitsFirst) return (TENS[unitsFirst[2] ?? ''] ?? 0) + unitValue(unitsFirst[1] ?? '');
  const hundreds = HUNDREDS.exec(w);
  if (hundreds) return 100 * (hundreds[1] ? unitValue(hundreds[1]) : 1);
  return undefined;
}

/** A word for one: 'en', 'ei', 'ett', 'eitt', 'én' … (article or numeral; the caller decides which). */
export function isOneWord(word: string): boolean {
  return ONE_FORMS.has(word.normalize('NFC').toLowerCase());
}

/** 'ett' (bokmål) and 'eitt' (nynorsk) are the numeral; the neuter articles are 'et' and 'eit'. */
export function isNeuterOne(word: string): boolean {
  return /^(?:ett|eitt)$/u.test(word.normalize('NFC').toLowerCase());
}

/** 'én', 'éin', 'étt': the accent marks the numeral, so it counts even without other cues. */
export function isStressedOne(word: string): boolean {
  const w = word.normalize('NFC').toLowerCase();
  return ONE_FORMS.has(w) && w.startsWith('é');
}
