/**
 * A site's time zone, as SharePoint applies it to date-only columns: the calendar day of a value is
 * the day in the site's regional settings, and Graph returns it as the UTC instant of that day's
 * local midnight (a site in Norway returns 30 June as 2027-06-29T22:00:00Z). The emulator's site
 * time zone is an IANA name (`EmulatorOptions.siteTimeZone`, default Europe/Oslo). Graph's dateTime
 * column `format: dateOnly` (https://learn.microsoft.com/en-us/graph/api/resources/datetimecolumn;
 * facts sheet §5) stores a day; SharePoint keeps it as the site's local midnight.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError for a name the runtime does not know. */
export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}

function wallClock(instant: number, timeZone: string): { year: number; month: number; day: number; utcOfWallClock: number } {
  const parts = formatter(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const year = get('year');
  const month = get('month');
  const day = get('day');
  return { year, month, day, utcOfWallClock: Date.UTC(year, month - 1, day, get('hour'), get('minute'), get('second')) };
}

/** The site-local calendar day (YYYY-MM-DD) of an instant. */
export function localDay(instant: number, timeZone: string): string {
  const { year, month, day } = wallClock(instant, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The UTC instant of local midnight at the start of `day` (YYYY-MM-DD) in the time zone. */
export function localMidnight(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d);
  // The zone's offset at the guess, then once more at the result (a DST change near midnight).
  let instant = naive - (wallClock(naive, timeZone).utcOfWallClock - naive);
  instant = naive - (wallClock(instant, timeZone).utcOfWallClock - instant);
  return instant;
}
