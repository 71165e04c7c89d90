import { describe, expect, it } from 'vitest';
import { CATALOGUES, createI18n } from '../../src/i18n/catalogue';
import { en as core } from '../../src/i18n/messages/en';
import { PARTS } from '../../src/i18n/parts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)[},]/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  // Placeholders are compared on the parsed messages in i18n-catalogue.test.ts (a plural branch's text is no placeholder).
  it('should translate every key in nb, nn and en', () => {
    const keys = Object.keys(CATALOGUES.en) as Array<keyof typeof CATALOGUES.en>;
    for (const language of ['nb', 'nn'] as const) {
      expect(Object.keys(CATALOGUES[language]).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        expect(CATALOGUES[language][key].trim(), `${language} ${key}`).not.toBe('');
      }
    }
  });

  it('should define every key in one place only', () => {
    const seen = new Map<string, number>();
    for (const keys of [Object.keys(core), ...PARTS.map((p) => Object.keys(p.en))]) for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([k]) => k)).toEqual([]);
  });

  it('should leave no raw template in any message, whatever the numbers', () => {
    // Every placeholder filled: a message whose plural did not parse would show its braces.
    for (const language of ['nb', 'nn', 'en'] as const) {
      const i18n = createI18n(language);
      for (const key of Object.keys(CATALOGUES.en) as Array<keyof typeof CATALOGUES.en>) {
        const params = Object.fromEntries(placeholders(CATALOGUES[language][key]).map((name) => [name, 2])) as Record<string, number>;
        for (const n of [0, 1, 2, 5]) {
          const text = i18n.t(key, Object.fromEntries(Object.keys(params).map((name) => [name, n])));
          expect(text, `${language} ${key} (${n})`).not.toMatch(/[{}]/);
        }
      }
    }
  });

  it('should pick an exact branch before the plural rule, and fill placeholders inside a branch', () => {
    const nb = createI18n('nb');
    expect(nb.t('overview.deadlines.daysLeft', { days: 0 })).toBe('frist i dag');
    expect(nb.t('overview.deadlines.daysLeft', { days: 1 })).toBe('om 1 dag');
    expect(nb.t('overview.deadlines.daysLeft', { days: 3 })).toBe('om 3 dager');
    expect(nb.t('reminders.send.summary', { count: 1, channel: 'Påminnelser' })).toBe('1 melding postes i Påminnelser:');
    expect(nb.t('reminders.send.summary', { count: 3, channel: 'Påminnelser' })).toBe('3 meldinger postes i Påminnelser:');
  });

  it('should format plurals, numbers and dates for the locale', () => {
    const nb = createI18n('nb');
    expect(nb.t('plan.goalsCount', { count: 1 })).toBe('1 lokalt mål');
    expect(nb.t('plan.goalsCount', { count: 1250 })).toMatch(/^1\s250 lokale mål$/);
    expect(nb.formatDate('2027-02')).toBe('februar 2027');
    expect(createI18n('en').formatDate('2027-02-01')).toBe('1 Feb 2027');
    expect(createI18n('nn').t('plan.goalsCount', { count: 2 })).toBe('2 lokale mål');
    expect(nb.formatPercent(0.5)).toMatch(/^50\s%$/);
  });
});
