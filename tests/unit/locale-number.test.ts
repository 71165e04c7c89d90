import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLocaleNumber, parseLocaleNumber, type NumberLanguage } from '../../src/lib/locale-number';

const NBSP = '\u00a0';

describe('parseLocaleNumber', () => {
  it.each<[string, NumberLanguage, number]>([
    ['2,5', 'nb', 2.5],
    ['2.5', 'nb', 2.5],
    ['2,5', 'nn', 2.5],
    ['2.5', 'nn', 2.5],
    ['2.5', 'en', 2.5],
    ['1 250', 'nb', 1250],
    [`1${NBSP}250`, 'nb', 1250],
    ['1\u202f250,75', 'nn', 1250.75],
    ['12 345 678', 'nb', 12345678],
    ['1,250', 'en', 1250],
    ['1,250.5', 'en', 1250.5],
    ['1 250', 'en', 1250],
    ['12,345,678', 'en', 12345678],
    // A lone comma that cannot separate thousands is a decimal comma, in English too.
    ['2,5', 'en', 2.5],
    ['1,25', 'en', 1.25],
    // In Norwegian a comma is always the decimal mark, so '1,250' is one and a quarter.
    ['1,250', 'nb', 1.25],
    ['1.250', 'nb', 1.25],
    ['  40 ', 'nb', 40],
    ['0', 'nb', 0],
    ['-3,5', 'nb', -3.5],
    ['\u22123,5', 'nb', -3.5],
    ['+7', 'en', 7],
    [',5', 'nb', 0.5],
    ['.5', 'en', 0.5],
    ['5,', 'nb', 5],
    ['007', 'en', 7],
  ])('reads %j in %s as %d', (text, language, expected) => {
    expect(parseLocaleNumber(text, language)).toBe(expected);
  });

  it.each<[string, NumberLanguage]>([
    ['', 'nb'],
    ['   ', 'nb'],
    ['abc', 'nb'],
    ['2,5,1', 'nb'],
    ['1.250,5', 'nb'],
    ['2.5.1', 'en'],
    ['1,250,5', 'en'],
    // Groups of thousands must be whole: '12 5' is a typo, not 125.
    ['12 5', 'nb'],
    ['1 25', 'en'],
    ['1e5', 'en'],
    ['Infinity', 'en'],
    ['-', 'nb'],
    [',', 'nb'],
    ['5 %', 'nb'],
    ['2,5 kr', 'nb'],
    ['--5', 'nb'],
  ])('refuses %j in %s', (text, language) => {
    expect(parseLocaleNumber(text, language)).toBeNull();
  });

  it('never turns zero negative', () => {
    expect(Object.is(parseLocaleNumber('-0', 'nb'), 0)).toBe(true);
  });
});

describe('formatLocaleNumber', () => {
  it.each<[number, NumberLanguage, string]>([
    [2.5, 'nb', '2,5'],
    [2.5, 'nn', '2,5'],
    [2.5, 'en', '2.5'],
    [1250, 'nb', `1${NBSP}250`],
    [1250, 'en', '1,250'],
    [1234567.125, 'nb', `1${NBSP}234${NBSP}567,125`],
    [999, 'nb', '999'],
    [-3.5, 'nb', '-3,5'],
    [0, 'en', '0'],
    [0.1 + 0.2, 'en', '0.30000000000000004'],
    [1.5e-7, 'nb', '0,00000015'],
  ])('writes %d in %s as %j', (value, language, expected) => {
    expect(formatLocaleNumber(value, language)).toBe(expected);
  });

  it('writes very large numbers out in full', () => {
    expect(formatLocaleNumber(1e21, 'en')).toBe('1,000,000,000,000,000,000,000');
  });

  it('writes nothing for a value that is not a number', () => {
    expect(formatLocaleNumber(Number.NaN, 'nb')).toBe('');
  });

  it('reads back every number it writes, in every language', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), fc.constantFrom<NumberLanguage>('nb', 'nn', 'en'), (value, language) => {
        const back = parseLocaleNumber(formatLocaleNumber(value, language), language);
        expect(back).toBe(value === 0 ? 0 : value);
      }),
    );
  });
});
