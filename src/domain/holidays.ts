/**
 * Norwegian public holidays (helligdager and lovbestemte høytidsdager) and working days, for the
 * reminder rules: no reminder is posted at a weekend or on a public holiday.
 *
 * Computed rather than taken from a holiday library: the Norwegian list is short and stable (Lov om
 * helligdager og helligdagsfred § 2, and 1 and 17 May by lov om 1. og 17. mai som høgtidsdager),
 * every movable day hangs on Easter Sunday, and the Gregorian computus is a closed formula. A
 * library would bring every country's rules into the tab and the runners for twelve dates a year.
 * Pure: days are ISO dates (YYYY-MM-DD) with no time zone.
 */

/** Which holiday a day is, in the app's own words (the UI translates them). */
export type HolidayName =
  | 'newYear'
  | 'maundyThursday'
  | 'goodFriday'
  | 'easterSunday'
  | 'easterMonday'
  | 'labourDay'
  | 'constitutionDay'
  | 'ascension'
  | 'whitSunday'
  | 'whitMonday'
  | 'christmasDay'
  | 'boxingDay';

export interface Holiday {
  readonly day: string;
  readonly name: HolidayName;
}

const DAY_MS = 86_400_000;

function utcDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, also known as
 * Meeus/Jones/Butcher), as YYYY-MM-DD.
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(utcDay(year, month, day));
}

/** The public holidays of a year in date order. */
export function norwegianHolidays(year: number): Holiday[] {
  const easter = Date.parse(`${easterSunday(year)}T00:00:00Z`);
  const fromEaster = (offset: number, name: HolidayName): Holiday => ({ day: iso(easter + offset * DAY_MS), name });
  const fixed = (month: number, day: number, name: HolidayName): Holiday => ({ day: iso(utcDay(year, month, day)), name });
  return [
    fixed(1, 1, 'newYear'),
    fromEaster(-3, 'maundyThursday'),
    fromEaster(-2, 'goodFriday'),
    fromEaster(0, 'easterSunday'),
    fromEaster(1, 'easterMonday'),
    fixed(5, 1, 'labourDay'),
    fixed(5, 17, 'constitutionDay'),
    fromEaster(39, 'ascension'),
    fromEaster(49, 'whitSunday'),
    fromEaster(50, 'whitMonday'),
    fixed(12, 25, 'christmasDay'),
    fixed(12, 26, 'boxingDay'),
  ].sort((x, y) => x.day.localeCompare(y.day));
}

const cache = new Map<number, ReadonlyMap<string, HolidayName>>();

/** The holiday a day is, or null. */
export function holidayOn(day: string): HolidayName | null {
  const year = Number(day.slice(0, 4));
  let byDay = cache.get(year);
  if (!byDay) {
    byDay = new Map(norwegianHolidays(year).map((h) => [h.day, h.name]));
    cache.set(year, byDay);
  }
  return byDay.get(day) ?? null;
}

/** ISO weekday of a day: 1 Monday … 7 Sunday. */
export function isoWeekday(day: string): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/**
 * Whether a day is a working day: Monday to Friday, not a public holiday and not one of the extra
 * closed days given (e.g. the days between Christmas and New Year a board chooses to keep quiet).
 */
export function isWorkingDay(day: string, closed: ReadonlySet<string> = new Set()): boolean {
  return isoWeekday(day) <= 5 && holidayOn(day) === null && !closed.has(day);
}

/** The day `days` calendar days after (or before, when negative) a day. */
export function addDays(day: string, days: number): string {
  return iso(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS);
}

/** The first working day on or after a day. */
export function workingDayOnOrAfter(day: string, closed: ReadonlySet<string> = new Set()): string {
  let d = day;
  // A closed run never lasts a month; the bound only stops a caller's impossible closed set.
  for (let i = 0; i < 366 && !isWorkingDay(d, closed); i++) d = addDays(d, 1);
  return d;
}

/** The last working day on or before a day. */
export function workingDayOnOrBefore(day: string, closed: ReadonlySet<string> = new Set()): string {
  let d = day;
  for (let i = 0; i < 366 && !isWorkingDay(d, closed); i++) d = addDays(d, -1);
  return d;
}
