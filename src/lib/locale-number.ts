/**
 * Numbers as people type and read them in the app's languages: bokmål and nynorsk write '2,5' and
 * '1 250', English '2.5' and '1,250'. One pure parser and formatter for every number field (the goal
 * editor's baseline, target, current value and recurrence, the check-in's value). No React, no Intl
 * data: the result is the same in every browser and in Node.
 */

/** The app's languages (as i18n's Language; repeated here so that this module depends on nothing). */
export type NumberLanguage = 'nb' | 'nn' | 'en';

/** Spaces people and Intl put between groups of thousands: space, no-break space, narrow no-break space, thin space. */
const SPACES = /[\s\u00a0\u202f\u2009]+/g;
/** A minus as typed ('-') or as Intl writes it in Norwegian (U+2212). */
const SIGN = /^([-+\u2212])/;
/** Digits grouped by thousands with one separator: '1 250', '12 345 678' (after spaces became ' '). */
const grouped = (sep: string) => new RegExp(`^\\d{1,3}(?:\\${sep}\\d{3})+$`);
const GROUPED_SPACE = grouped(' ');
const GROUPED_COMMA = grouped(',');

/**
 * Reads a number as typed in the language, or null when the text is empty or not a number.
 * Bokmål and nynorsk: ',' or '.' is the decimal mark ('2,5', '2.5'), groups of thousands are
 * separated by spaces ('1 250,5'). English: '.' is the decimal mark, groups are separated by ','
 * or spaces ('1,250.5', '1 250'), and a lone ',' that cannot be a thousands separator is read as a
 * decimal comma ('2,5'). Groups must be whole ('12 5' is refused, not read as 125).
 */
export function parseLocaleNumber(text: string, language: NumberLanguage): number | null {
  let s = text.trim().replace(SPACES, ' ');
  if (s === '') return null;
  let negative = false;
  const sign = SIGN.exec(s);
  if (sign) {
    negative = sign[1] !== '+';
    s = s.slice(1).trimStart();
  }
  const parts = language === 'en' ? splitEnglish(s) : splitNorwegian(s);
  if (!parts) return null;
  const { whole, fraction } = parts;
  if (whole === '' && fraction === '') return null;
  let digits: string;
  if (whole === '' || /^\d+$/.test(whole)) digits = whole;
  else if (GROUPED_SPACE.test(whole) || (language === 'en' && GROUPED_COMMA.test(whole))) digits = whole.replace(/[ ,]/g, '');
  else return null;
  if (!/^\d*$/.test(fraction)) return null;
  const value = Number(`${digits || '0'}.${fraction || '0'}`);
  if (!Number.isFinite(value)) return null;
  return negative && value !== 0 ? -value : value;
}

/** Splits at the decimal mark: ',' or '.', at most one of them. */
function splitNorwegian(s: string): { whole: string; fraction: string } | null {
  const marks = s.match(/[.,]/g) ?? [];
  if (marks.length > 1) return null;
  const at = s.search(/[.,]/);
  return at < 0 ? { whole: s, fraction: '' } : { whole: s.slice(0, at), fraction: s.slice(at + 1) };
}

/** Splits at '.'; ',' separates thousands, unless it is a lone decimal comma ('2,5'). */
function splitEnglish(s: string): { whole: string; fraction: string } | null {
  const dots = s.split('.').length - 1;
  if (dots > 1) return null;
  if (dots === 1) {
    const at = s.indexOf('.');
    return { whole: s.slice(0, at), fraction: s.slice(at + 1) };
  }
  const commas = s.split(',').length - 1;
  if (commas === 1 && !GROUPED_COMMA.test(s)) {
    const at = s.indexOf(',');
    return { whole: s.slice(0, at), fraction: s.slice(at + 1) };
  }
  return { whole: s, fraction: '' };
}

/**
 * Writes a number as the language does, with every digit it has (never rounded): '2,5' and
 * '1 250' (no-break space) in bokmål and nynorsk, '2.5' and '1,250' in English; a minus as '-',
 * which people can type. What it writes, parseLocaleNumber reads back as the same number.
 */
export function formatLocaleNumber(value: number, language: NumberLanguage): string {
  if (!Number.isFinite(value)) return '';
  const [whole = '0', fraction = ''] = fullDigits(String(Math.abs(value))).split('.');
  const group = language === 'en' ? ',' : '\u00a0';
  const decimal = language === 'en' ? '.' : ',';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `${decimal}${fraction}` : ''}`;
}

/** A number's shortest exact text without an exponent: '1e+21' → '1000000000000000000000', '1.5e-7' → '0.00000015'. */
function fullDigits(plain: string): string {
  const match = /^(\d+)(?:\.(\d+))?e([-+]\d+)$/i.exec(plain);
  if (!match) return plain;
  const digits = `${match[1]}${match[2] ?? ''}`;
  const point = (match[1] as string).length + Number(match[3]);
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`.replace(/0+$/, '');
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}
