/** Check-in helpers: error messages and date checks (numbers are read by lib/locale-number.ts). */
import type { MessageKey } from '../../i18n';
import type { QueueFailure } from '../../lib/offline-queue';

/** The message for a check-in the server refused (thrown, or kept in the queue as a failure). */
export function checkInErrorKey(failure: Pick<QueueFailure, 'status' | 'code'>): MessageKey {
  if (failure.status === 401) return 'checkIn.error.signIn';
  if (failure.status === 403) return 'checkIn.error.forbidden';
  if (failure.status === 404 || failure.code === 'NotFoundError') return 'checkIn.error.notFound';
  if (failure.status === 429 || failure.status === 503 || failure.status === 504) return 'checkIn.error.throttled';
  return 'checkIn.error.generic';
}

export function isIsoDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
