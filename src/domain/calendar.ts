/**
 * Calendar days as people live them: the day of an instant in the local time zone of whoever
 * looks (a Norwegian just after midnight is already on the new day). Shared by the tab and the
 * Node runners (reminders will need the same day); pure, given the instant.
 */

/** YYYY-MM-DD of an instant in the local time zone of this runtime. */
export function localDayOf(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/** The local day of an ISO timestamp; an unreadable one gives its first ten characters. */
export function localDay(timestamp: string): string {
  const d = new Date(timestamp);
  return Number.isNaN(d.getTime()) ? timestamp.slice(0, 10) : localDayOf(d);
}
