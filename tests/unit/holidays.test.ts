import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  easterSunday,
  holidayOn,
  isWorkingDay,
  isoWeekday,
  norwegianHolidays,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from '../../src/domain/holidays';

describe('easterSunday', () => {
  it('should give the published dates, the earliest and latest possible ones included', () => {
    // Dates from the Church of Norway's calendar and the Gregorian tables (22 March … 25 April).
    const known: Record<number, string> = {
      1818: '1818-03-22',
      1943: '1943-04-25',
      2000: '2000-04-23',
      2008: '2008-03-23',
      2011: '2011-04-24',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2028: '2028-04-16',
      2038: '2038-04-25',
      2285: '2285-03-22',
    };
    for (const [year, day] of Object.entries(known)) expect(easterSunday(Number(year)), year).toBe(day);
  });

  it('should always be a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 4099 }), (year) => {
        const day = easterSunday(year);
        expect(isoWeekday(day)).toBe(7);
        expect(day >= `${year}-03-22` && day <= `${year}-04-25`).toBe(true);
      }),
    );
  });
});

describe('norwegianHolidays', () => {
  it('should list the twelve public holidays of 2026 in date order', () => {
    expect(norwegianHolidays(2026)).toEqual([
      { day: '2026-01-01', name: 'newYear' },
      { day: '2026-04-02', name: 'maundyThursday' },
      { day: '2026-04-03', name: 'goodFriday' },
      { day: '2026-04-05', name: 'easterSunday' },
      { day: '2026-04-06', name: 'easterMonday' },
      { day: '2026-05-01', name: 'labourDay' },
      { day: '2026-05-14', name: 'ascension' },
      { day: '2026-05-17', name: 'constitutionDay' },
      { day: '2026-05-24', name: 'whitSunday' },
      { day: '2026-05-25', name: 'whitMonday' },
      { day: '2026-12-25', name: 'christmasDay' },
      { day: '2026-12-26', name: 'boxingDay' },
    ]);
  });

  it('should place the movable days of 2027 around its early Easter', () => {
    const days = Object.fromEntries(norwegianHolidays(2027).map((h) => [h.name, h.day]));
    expect(days).toMatchObject({ maundyThursday: '2027-03-25', goodFriday: '2027-03-26', easterMonday: '2027-03-29', ascension: '2027-05-06', whitSunday: '2027-05-16', whitMonday: '2027-05-17' });
    // 17 May 2027 is both Constitution Day and Whit Monday: one day, two holidays.
    expect(norwegianHolidays(2027).filter((h) => h.day === '2027-05-17').map((h) => h.name).sort()).toEqual(['constitutionDay', 'whitMonday']);
  });

  it('should keep Ascension on a Thursday and Whit Monday on a Monday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), (year) => {
        const byName = Object.fromEntries(norwegianHolidays(year).map((h) => [h.name, h.day]));
        expect(isoWeekday(byName.ascension!)).toBe(4);
        expect(isoWeekday(byName.maundyThursday!)).toBe(4);
        expect(isoWeekday(byName.goodFriday!)).toBe(5);
        expect(isoWeekday(byName.whitMonday!)).toBe(1);
        expect(isoWeekday(byName.easterMonday!)).toBe(1);
      }),
    );
  });
});

describe('working days', () => {
  it('should name a holiday and know ordinary days from it', () => {
    expect(holidayOn('2026-05-17')).toBe('constitutionDay');
    expect(holidayOn('2026-12-24')).toBeNull();
    expect(holidayOn('2027-03-26')).toBe('goodFriday');
    expect(holidayOn('2027-03-27')).toBeNull();
  });

  it('should count ISO weekdays from Monday', () => {
    expect(isoWeekday('2026-03-02')).toBe(1);
    expect(isoWeekday('2026-03-06')).toBe(5);
    expect(isoWeekday('2026-03-07')).toBe(6);
    expect(isoWeekday('2026-03-08')).toBe(7);
  });

  it('should close weekends, holidays and the extra days given', () => {
    expect(isWorkingDay('2026-03-06')).toBe(true);
    expect(isWorkingDay('2026-03-07')).toBe(false);
    expect(isWorkingDay('2026-03-08')).toBe(false);
    expect(isWorkingDay('2026-04-02')).toBe(false);
    expect(isWorkingDay('2026-12-28')).toBe(true);
    expect(isWorkingDay('2026-12-28', new Set(['2026-12-28']))).toBe(false);
  });

  it('should add days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-03-02', 0)).toBe('2026-03-02');
  });

  it('should move to the nearest working day in the direction asked', () => {
    // Easter 2026: Thursday 2 April to Monday 6 April closed.
    expect(workingDayOnOrAfter('2026-04-02')).toBe('2026-04-07');
    expect(workingDayOnOrBefore('2026-04-06')).toBe('2026-04-01');
    expect(workingDayOnOrAfter('2026-04-01')).toBe('2026-04-01');
    expect(workingDayOnOrBefore('2026-04-01')).toBe('2026-04-01');
    // Christmas 2026 (Friday and Saturday) with the board's quiet days until New Year.
    const quiet = new Set(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']);
    expect(workingDayOnOrAfter('2026-12-24', quiet)).toBe('2026-12-24');
    expect(workingDayOnOrAfter('2026-12-25', quiet)).toBe('2027-01-04');
    expect(workingDayOnOrBefore('2027-01-03', quiet)).toBe('2026-12-24');
  });

  it('should always land on a working day no further than needed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (offset) => {
        const day = addDays('2025-01-01', offset);
        const after = workingDayOnOrAfter(day);
        const before = workingDayOnOrBefore(day);
        expect(isWorkingDay(after)).toBe(true);
        expect(isWorkingDay(before)).toBe(true);
        for (let d = day; d < after; d = addDays(d, 1)) expect(isWorkingDay(d)).toBe(false);
        for (let d = day; d > before; d = addDays(d, -1)) expect(isWorkingDay(d)).toBe(false);
      }),
    );
  });
});
