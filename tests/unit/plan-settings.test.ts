import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan';
import { settingsFormOf, settingsPatch } from '../../src/features/settings/settings-form';

const plan: Plan = { id: '1', union: 'Fagforbundet Alver', periodFrom: 2026, periodTo: 2027, adoptedDate: '2026-02-19', language: 'nn', etag: '"1,3"' };

describe('plan settings form', () => {
  it('round-trips a plan into a patch of its editable fields', () => {
    const { patch, errors } = settingsPatch(settingsFormOf(plan));
    expect(errors).toEqual({});
    expect(patch).toEqual({ union: 'Fagforbundet Alver', periodFrom: 2026, periodTo: 2027, adoptedDate: '2026-02-19', language: 'nn' });
  });

  it('trims text and stores an empty adoption date as null', () => {
    const { patch, errors } = settingsPatch({ union: '  Fagforbundet Asker ', periodFrom: ' 2026', periodTo: '2027 ', adoptedDate: '', language: 'nb' });
    expect(errors).toEqual({});
    expect(patch).toMatchObject({ union: 'Fagforbundet Asker', periodFrom: 2026, periodTo: 2027, adoptedDate: null, language: 'nb' });
  });

  it('rejects a missing union, non-years, a period that ends before it starts and impossible dates', () => {
    expect(settingsPatch({ ...settingsFormOf(plan), union: ' ' }).errors).toEqual({ union: 'settings.validation.union' });
    expect(settingsPatch({ ...settingsFormOf(plan), periodFrom: '26', periodTo: 'to' }).errors).toEqual({
      periodFrom: 'settings.validation.year',
      periodTo: 'settings.validation.year',
    });
    expect(settingsPatch({ ...settingsFormOf(plan), periodTo: '2025' }).errors).toEqual({ periodTo: 'settings.validation.period' });
    expect(settingsPatch({ ...settingsFormOf(plan), adoptedDate: '2026-02-30' }).errors).toEqual({ adoptedDate: 'settings.validation.date' });
    expect(settingsPatch({ ...settingsFormOf(plan), adoptedDate: '19.02.2026' }).errors).toEqual({ adoptedDate: 'settings.validation.date' });
    expect(settingsPatch({ ...settingsFormOf(plan), periodTo: '2026' }).errors).toEqual({});
  });
});
