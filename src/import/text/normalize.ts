/** Text cleaning shared by extractors and parser. */

const BULLET_RE = /^\s*(?:[•·▪◦●○■□►▸‣∙\-–—*]|o(?=\s))\s+/u;
const NUMBERED_RE = /^\s*(\d{1,2})\s*[.)]\s+(?=\S)/u;

/** Trim, fold inner white space, drop export markers such as "[bookmark: x]" and "[image: ]". */
export function cleanText(s: string): string {
  return s
    .replace(/\[(?:bookmark|image)\s*:[^\]]*\]/gi, ' ')
    .replace(/[\u00ad\u200b-\u200d\ufeff]/g, '')
    .replace(/[\s\u00a0\u2007\u202f]+/g, ' ')
    .trim();
}

export function hasBullet(s: string): boolean {
  return BULLET_RE.test(s);
}

export function stripBullet(s: string): string {
  return s.replace(BULLET_RE, '');
}

/** "3. Tittel" → 3; otherwise null. */
export function leadingNumber(s: string): number | null {
  const m = NUMBERED_RE.exec(s);
  return m ? Number(m[1]) : null;
}

export function stripLeadingNumber(s: string): string {
  return s.replace(NUMBERED_RE, '');
}

/** Comparison key: lower case, punctuation and bullets folded to single spaces (like the scorer). */
export function normKey(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2022\u00b7\-–—*]+/g, ' ')
    .replace(/[^\p{L}\p{N}_%]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function hasLetters(s: string): boolean {
  return /\p{L}/u.test(s);
}

export function endsSentence(s: string): boolean {
  return /[.!?:;]["»”')]*\s*$/.test(s);
}

export function startsLowercase(s: string): boolean {
  return /^\s*\p{Ll}/u.test(s);
}
