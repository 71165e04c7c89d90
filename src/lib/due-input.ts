/**
 * A deadline or start date as people type it, read into what the plan stores: a day `YYYY-MM-DD`
 * or a whole month `YYYY-MM` (domain/plan.ts `dueProblem`). Accepts the Norwegian and English ways
 * of writing a date ('30.06.2027', '30.6.2027', '30/6/2027', '30. juni 2027', '30 Jun 2027',
 * 'June 30, 2027', '2027-06-30') and a month ('juni 2027', 'jun. 2027', 'June 2027', '06.2027',
 * '6/2027', '2027-06'), and whatever i18n's formatDate writes in nb, nn and en. A day that does not
 * exist (31.04.2027, 29.02.2027) is refused, never rolled over into the next month. Pure: no React,
 * no Intl.
 */
import { dueProblem } from '../domain/plan';

/** Why a typed date was refused. */
export type DueInputProblem =
  /** Not a date or month in any form we read ('next spring', '2027', '30062027'). */
  | 'format'
  /** A day the month does not have (31.04.2027, 29.02.2027, 0.6.2027). */
  | 'noSuchDay'
  /** A month number outside 1–12 (13.2027, 30.13.2027). */
  | 'noSuchMonth'
  /** No year, or a two-digit one ('30.06', '30.06.27'): which century or year is meant is a guess. */
  | 'needsYear';

export type DueInput =
  | { readonly kind: 'empty' }
  | { readonly kind: 'day'; readonly value: string }
  | { readonly kind: 'month'; readonly value: string }
  | { readonly kind: 'invalid'; readonly problem: DueInputProblem };

/** Month names in bokmål and nynorsk (the same twelve) and English, lower case. */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['januar', 'january'],
  ['februar', 'february'],
  ['mars', 'march'],
  ['april'],
  ['mai', 'may'],
  ['juni', 'june'],
  ['juli', 'july'],
  ['august'],
  ['september'],
  ['oktober', 'october'],
  ['november'],
  ['desember', 'december'],
];

/**
 * The month (1–12) a word names: a whole month name or its start of at least three letters
 * ('jun', 'sept', 'okt', 'Dec'), in any of the three languages; null when it names none.
 */
export function monthOfName(word: string): number | null {
  const w = word.toLowerCase();
  if (w.length < 3) return null;
  const found = MONTH_NAMES.findIndex((names) => names.some((name) => name.startsWith(w)));
  return found < 0 ? null : found + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

function day(year: number, month: number, dayOfMonth: number): DueInput {
  if (month < 1 || month > 12) return { kind: 'invalid', problem: 'noSuchMonth' };
  const value = `${year}-${pad(month)}-${pad(dayOfMonth)}`;
  return dueProblem(value) === null ? { kind: 'day', value } : { kind: 'invalid', problem: 'noSuchDay' };
}

function month(year: number, monthOfYear: number): DueInput {
  if (monthOfYear < 1 || monthOfYear > 12) return { kind: 'invalid', problem: 'noSuchMonth' };
  return { kind: 'month', value: `${year}-${pad(monthOfYear)}` };
}

const INVALID = (problem: DueInputProblem): DueInput => ({ kind: 'invalid', problem });

/** Reads a typed deadline: a day, a month, nothing (empty), or why it cannot be read. */
export function parseDueInput(text: string): DueInput {
  const trimmed = text.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();
  if (trimmed === '') return { kind: 'empty' };
  if (/^[\d\s./-]+$/.test(trimmed)) return parseNumeric(trimmed.replace(/\s/g, ''));
  return parseNamed(trimmed);
}

/** Digits and separators only: ISO (year first) or Norwegian and British order (day, month, year). */
function parseNumeric(s: string): DueInput {
  let m: RegExpExecArray | null;
  // 2027-06-30, 2027-6-30, 2027.06.30, 2027/06/30
  if ((m = /^(\d{4})([-./])(\d{1,2})\2(\d{1,2})$/.exec(s))) return day(Number(m[1]), Number(m[3]), Number(m[4]));
  // 2027-06, 2027/6
  if ((m = /^(\d{4})[-./](\d{1,2})$/.exec(s))) return month(Number(m[1]), Number(m[2]));
  // 30.06.2027, 30.6.2027, 30/6/2027, 30-06-2027
  if ((m = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4})$/.exec(s))) return day(Number(m[4]), Number(m[3]), Number(m[1]));
  // 06.2027, 6/2027
  if ((m = /^(\d{1,2})[-./](\d{4})$/.exec(s))) return month(Number(m[2]), Number(m[1]));
  // 30.06, 30.06., 30.06.27: the year is missing or has two digits.
  if (/^\d{1,2}([-./])\d{1,2}(\1(\d{2})?)?$/.test(s)) return INVALID('needsYear');
  return INVALID('format');
}

/** With a month name: 'juni 2027', '30. juni 2027', '30 Jun 2027', 'June 30, 2027'. */
function parseNamed(s: string): DueInput {
  const words = s.split(/[\s.,/-]+/).filter(Boolean);
  const names = words.filter((w) => /^\p{L}+$/u.test(w));
  const numbers = words.filter((w) => /^\d+$/.test(w));
  if (names.length !== 1 || numbers.length + names.length !== words.length) return INVALID('format');
  const monthOfYear = monthOfName(names[0] as string);
  if (monthOfYear === null) return INVALID('format');
  const years = numbers.filter((n) => n.length === 4);
  const days = numbers.filter((n) => n.length <= 2);
  if (years.length === 0) return days.length <= 2 && numbers.length === days.length ? INVALID('needsYear') : INVALID('format');
  if (years.length !== 1 || days.length > 1 || years.length + days.length !== numbers.length) return INVALID('format');
  // The year comes last ('30. juni 2027', 'June 30, 2027'); a day stands next to the month name.
  if (words[words.length - 1] !== years[0]) return INVALID('format');
  const year = Number(years[0]);
  return days.length === 1 ? day(year, monthOfYear, Number(days[0])) : month(year, monthOfYear);
}

/** The last day a deadline covers: the day itself, or a month's last day ('2027-02' → '2027-02-28'). */
export function lastDayOf(value: string): string {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number | undefined];
  if (d !== undefined) return value;
  return `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

/** A stored day or month as a local Date for a calendar (a month as its first day); null if it is neither. */
export function dateOfValue(value: string | null | undefined): Date | null {
  if (!value || dueProblem(value) !== null) return null;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number | undefined];
  return new Date(y, m - 1, d ?? 1);
}

/** A calendar's local Date as a day (`YYYY-MM-DD`) or its month (`YYYY-MM`). */
export function valueOfDate(date: Date, kind: 'day' | 'month'): string {
  const monthValue = `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
  return kind === 'month' ? monthValue : `${monthValue}-${pad(date.getDate())}`;
}
