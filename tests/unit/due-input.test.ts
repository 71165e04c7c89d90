import { describe, expect, it } from 'vitest';
import { dueProblem } from '../../src/domain/plan';
import { type Language } from '../../src/i18n';
import { createI18n } from '../../src/i18n/catalogue';
import { dateOfValue, lastDayOf, monthOfName, parseDueInput, valueOfDate } from '../../src/lib/due-input';

describe('parseDueInput: days', () => {
  it.each([
    ['30.06.2027', '2027-06-30'],
    ['30.6.2027', '2027-06-30'],
    ['1.2.2027', '2027-02-01'],
    ['30/6/2027', '2027-06-30'],
    ['30-06-2027', '2027-06-30'],
    [' 30. 06. 2027 ', '2027-06-30'],
    ['2027-06-30', '2027-06-30'],
    ['2027-6-30', '2027-06-30'],
    ['2027.06.30', '2027-06-30'],
    ['30. juni 2027', '2027-06-30'],
    ['30. jun. 2027', '2027-06-30'],
    ['30 juni 2027', '2027-06-30'],
    ['30 Jun 2027', '2027-06-30'],
    ['30 June 2027', '2027-06-30'],
    ['June 30, 2027', '2027-06-30'],
    ['30 Sept 2027', '2027-09-30'],
    ['1. okt. 2027', '2027-10-01'],
    ['24. des. 2027', '2027-12-24'],
    ['24 Dec 2027', '2027-12-24'],
    ['17. MAI 2027', '2027-05-17'],
    ['29.02.2028', '2028-02-29'],
    ['31.12.2027', '2027-12-31'],
  ])('reads %j as the day %s', (text, value) => {
    expect(parseDueInput(text)).toEqual({ kind: 'day', value });
    expect(dueProblem(value)).toBeNull();
  });
});

describe('parseDueInput: months', () => {
  it.each([
    ['juni 2027', '2027-06'],
    ['Juni 2027', '2027-06'],
    ['jun 2027', '2027-06'],
    ['jun. 2027', '2027-06'],
    ['june 2027', '2027-06'],
    ['June 2027', '2027-06'],
    ['mai 2027', '2027-05'],
    ['may 2027', '2027-05'],
    ['mars 2027', '2027-03'],
    ['march 2027', '2027-03'],
    ['okt 2027', '2027-10'],
    ['october 2027', '2027-10'],
    ['desember 2027', '2027-12'],
    ['dec 2027', '2027-12'],
    ['sept 2027', '2027-09'],
    ['06.2027', '2027-06'],
    ['6.2027', '2027-06'],
    ['6/2027', '2027-06'],
    ['2027-06', '2027-06'],
    ['2027-6', '2027-06'],
    ['2027/06', '2027-06'],
  ])('reads %j as the month %s', (text, value) => {
    expect(parseDueInput(text)).toEqual({ kind: 'month', value });
    expect(dueProblem(value)).toBeNull();
  });
});

describe('parseDueInput: what it refuses', () => {
  it('reads an empty field as no date', () => {
    expect(parseDueInput('')).toEqual({ kind: 'empty' });
    expect(parseDueInput('  \u00a0 ')).toEqual({ kind: 'empty' });
  });

  it.each(['31.04.2027', '29.02.2027', '30.02.2028', '31.06.2027', '0.6.2027', '00.06.2027', '2027-04-31', '2027-02-29', '31. april 2027', 'June 31, 2027', '32.01.2027'])(
    'refuses %j as a day the month does not have, never rolling it over',
    (text) => {
      expect(parseDueInput(text)).toEqual({ kind: 'invalid', problem: 'noSuchDay' });
    },
  );

  it.each(['13.2027', '2027-13', '2027-00', '30.13.2027', '2027-13-01', '0.2027'])('refuses %j: there is no such month', (text) => {
    expect(parseDueInput(text)).toEqual({ kind: 'invalid', problem: 'noSuchMonth' });
  });

  it.each(['30.06', '30.06.', '30.06.27', '30/6/27', '6.27', 'juni', '30. juni', 'June 30'])('refuses %j: the year is missing or has two digits', (text) => {
    expect(parseDueInput(text)).toEqual({ kind: 'invalid', problem: 'needsYear' });
  });

  it.each([
    'next spring',
    'snart',
    '2027',
    '30062027',
    '20270630',
    'ju 2027',
    'junii 2027',
    '2027 juni',
    'juni juli 2027',
    'juni 2027 2028',
    '30 31 juni 2027',
    '30th June 2027',
    '300.06.2027',
    '30.06-2027',
    '2027-06-30x',
    'x2027-06',
    '2027-06x',
    '30.06.20271',
    '123 juni 2027',
    'Q2 2027',
  ])('refuses %j as no date it can read', (text) => {
    expect(parseDueInput(text)).toEqual({ kind: 'invalid', problem: 'format' });
  });
});

describe('parseDueInput reads back what the app shows', () => {
  const values = ['2027-01-01', '2027-02-28', '2027-05-17', '2027-06-30', '2027-09-30', '2027-12-31', '2028-02-29', '2026-03', '2027-05', '2027-09', '2027-12'];
  it.each<Language>(['nb', 'nn', 'en'])('in %s: every day and month formatDate writes', (language) => {
    const { formatDate } = createI18n(language);
    for (const value of values) {
      const parsed = parseDueInput(formatDate(value));
      expect(parsed, `${language}: ${formatDate(value)}`).toEqual({ kind: value.length === 7 ? 'month' : 'day', value });
    }
  });
});

describe('month names', () => {
  it('knows every month in bokmål, nynorsk and English, whole or by its first three letters or more', () => {
    const nb = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
    const en = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    nb.forEach((name, i) => {
      expect(monthOfName(name)).toBe(i + 1);
      expect(monthOfName(name.slice(0, 3))).toBe(i + 1);
    });
    en.forEach((name, i) => {
      expect(monthOfName(name)).toBe(i + 1);
      expect(monthOfName(name.slice(0, 3))).toBe(i + 1);
    });
    expect(monthOfName('ju')).toBeNull();
    expect(monthOfName('ma')).toBeNull();
    expect(monthOfName('juny')).toBeNull();
  });
});

describe('calendar helpers', () => {
  it('gives the last day a deadline covers', () => {
    expect(lastDayOf('2027-06')).toBe('2027-06-30');
    expect(lastDayOf('2027-02')).toBe('2027-02-28');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(lastDayOf('2027-12')).toBe('2027-12-31');
    expect(lastDayOf('2027-06-15')).toBe('2027-06-15');
  });

  it('turns a stored day or month into a local date and back', () => {
    const day = dateOfValue('2027-06-30');
    expect([day?.getFullYear(), day?.getMonth(), day?.getDate()]).toEqual([2027, 5, 30]);
    expect(valueOfDate(day as Date, 'day')).toBe('2027-06-30');
    expect(valueOfDate(day as Date, 'month')).toBe('2027-06');
    const month = dateOfValue('2027-06');
    expect([month?.getFullYear(), month?.getMonth(), month?.getDate()]).toEqual([2027, 5, 1]);
    expect(valueOfDate(new Date(2027, 0, 5), 'day')).toBe('2027-01-05');
    expect(dateOfValue('')).toBeNull();
    expect(dateOfValue(null)).toBeNull();
    expect(dateOfValue('2027-02-31')).toBeNull();
  });
});
