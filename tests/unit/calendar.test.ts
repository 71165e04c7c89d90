import { describe, expect, it } from 'vitest';
import { localDay, localDayOf } from '../../src/domain/calendar';

describe('calendar days', () => {
  it('gives the local day of an instant, with zero-padded month and day', () => {
    expect(localDayOf(new Date(2026, 0, 5, 0, 30))).toBe('2026-01-05');
    expect(localDayOf(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
  });

  it('reads a timestamp in the local zone, and keeps an unreadable one as its first ten characters', () => {
    const instant = new Date(2026, 2, 9, 1, 0);
    expect(localDay(instant.toISOString())).toBe('2026-03-09');
    expect(localDay('2026-04-31 weird')).toBe('2026-04-31');
  });
});
