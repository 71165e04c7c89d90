import { describe, expect, it } from 'vitest';
import { localDay, localMidnight } from '../../emulator/sharepoint/time-zone';

describe('site time zone for date-only columns', () => {
  it.each([
    ['Europe/Oslo', '2027-06-30', '2027-06-29T22:00:00.000Z'],
    ['Europe/Oslo', '2027-01-15', '2027-01-14T23:00:00.000Z'],
    ['Pacific/Honolulu', '2027-06-30', '2027-06-30T10:00:00.000Z'],
    ['Pacific/Auckland', '2027-06-30', '2027-06-29T12:00:00.000Z'],
    ['Pacific/Auckland', '2027-01-15', '2027-01-14T11:00:00.000Z'],
    ['UTC', '2028-02-29', '2028-02-29T00:00:00.000Z'],
  ])('in %s, %s starts at %s', (zone, day, instant) => {
    expect(new Date(localMidnight(day, zone)).toISOString()).toBe(instant);
    expect(localDay(localMidnight(day, zone), zone)).toBe(day);
  });

  it('keeps local midnight across a daylight-saving change (Oslo, 28 and 29 March 2027)', () => {
    expect(new Date(localMidnight('2027-03-28', 'Europe/Oslo')).toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(new Date(localMidnight('2027-03-29', 'Europe/Oslo')).toISOString()).toBe('2027-03-28T22:00:00.000Z');
  });

  it('gives the local calendar day of an instant', () => {
    expect(localDay(Date.parse('2027-06-30T23:30:00Z'), 'Europe/Oslo')).toBe('2027-07-01');
    expect(localDay(Date.parse('2027-06-30T09:30:00Z'), 'Pacific/Honolulu')).toBe('2027-06-29');
    expect(localDay(Date.parse('2027-06-30T12:00:00Z'), 'Pacific/Auckland')).toBe('2027-07-01');
  });
});
