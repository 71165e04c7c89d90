import { describe, expect, it } from 'vitest';
import { parseLeadDays, parseQuietDays } from '../../src/features/settings/components/reminder-form';

describe('the reminder form', () => {
  it('should read lead days as different whole days from 1 to 90, longest first', () => {
    expect(parseLeadDays('14, 3')).toEqual([14, 3]);
    expect(parseLeadDays(' 3;14 ')).toEqual([14, 3]);
    expect(parseLeadDays('7')).toEqual([7]);
    expect(parseLeadDays('1 2 3 4 5')).toEqual([5, 4, 3, 2, 1]);
    expect(parseLeadDays('90')).toEqual([90]);
    for (const bad of ['', '0', '91', '3, 3', '1.5', '-2', 'to', '1 2 3 4 5 6', '100']) expect(parseLeadDays(bad), bad).toBeNull();
  });

  it('should read quiet days as real dates and name what is not one', () => {
    expect(parseQuietDays('2026-12-31, 2026-12-28\n2026-12-28')).toEqual({ days: ['2026-12-28', '2026-12-31'], invalid: [] });
    expect(parseQuietDays('')).toEqual({ days: [], invalid: [] });
    expect(parseQuietDays('2026-02-30 2026-13-01 31.12.2026 2026-12-24')).toEqual({ days: ['2026-12-24'], invalid: ['2026-02-30', '2026-13-01', '31.12.2026'] });
  });
});

describe('the card preview', () => {
  it('renders bold and mentions as Teams does, and nothing else as markup', async () => {
    const { cardMarkdownToHtml } = await import('../../src/components/adaptive-card-view');
    expect(cardMarkdownToHtml('**Ansvarlig:** <at>Kari Nordmann</at>, <at>Ola</at>')).toBe('<strong>Ansvarlig:</strong> <strong data-mention="">Kari Nordmann</strong>, <strong data-mention="">Ola</strong>');
    expect(cardMarkdownToHtml('<img src=x onerror=alert(1)> & "q"')).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;');
    expect(cardMarkdownToHtml('Frist i dag (3. des. 2026)')).toBe('Frist i dag (3. des. 2026)');
  });
});
