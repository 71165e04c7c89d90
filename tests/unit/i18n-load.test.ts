import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATALOGUES, createI18n } from '../../src/i18n/catalogue';
import { loadI18n } from '../../src/i18n/load';
import { messages as en } from '../../src/i18n/languages/en';
import { messages as nb } from '../../src/i18n/languages/nb';
import { messages as nn } from '../../src/i18n/languages/nn';

afterEach(() => vi.restoreAllMocks());

describe('one language loaded alone', () => {
  it('holds the same messages as the whole catalogue, in each language', () => {
    expect(nb).toEqual(CATALOGUES.nb);
    expect(nn).toEqual(CATALOGUES.nn);
    expect(en).toEqual(CATALOGUES.en);
  });

  it('formats as the whole catalogue does', async () => {
    for (const language of ['nb', 'nn', 'en'] as const) {
      const loaded = await loadI18n(language);
      const whole = createI18n(language);
      expect(loaded.language).toBe(language);
      expect(loaded.locale).toBe(whole.locale);
      expect(loaded.t('statusReason.missed', { missed: 2, date: '1. mai' })).toBe(whole.t('statusReason.missed', { missed: 2, date: '1. mai' }));
      expect(loaded.formatNumber(36000.25)).toBe(whole.formatNumber(36000.25));
      expect(loaded.formatDate('2027-06')).toBe(whole.formatDate('2027-06'));
    }
  });

  it('falls back to English for a message that fails to format, once English has arrived', async () => {
    const i18n = await loadI18n('nb');
    // A malformed message (an unclosed plural) cannot be formatted: English stands in for it.
    const key = 'app.title' as const;
    expect(i18n.t(key)).toBe(CATALOGUES.nb[key]);
    const broken = (await import('../../src/i18n/languages/nb')).messages as Record<string, string>;
    const original = broken[key];
    try {
      broken[key] = '{count, plural, one {# mål} other {# mål}';
      const fresh = await loadI18n('nb');
      // The first failure shows the key while English loads; the next shows English.
      expect(fresh.t(key)).toBe(key);
      await vi.waitFor(() => expect(fresh.t(key)).toBe(CATALOGUES.en[key]));
    } finally {
      broken[key] = original as string;
    }
  });
});
