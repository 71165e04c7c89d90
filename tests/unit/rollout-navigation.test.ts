/** The rollout view is a tab view everyone sees, reached by its hash and by a deep link's sub-page id. */
import { describe, expect, it } from 'vitest';
import { TAB_VIEWS } from '../../src/app/tab-views';
import { createI18n } from '../../src/i18n/catalogue';
import { parseTabView, subPageIdFor, tabViewHash, viewFromSubPage } from '../../src/lib/navigation';

describe('the rollout view in the tab', () => {
  it('should be reached by #/tab/rollout and by the sub-page id rollout', () => {
    expect(parseTabView('#/tab/rollout')).toEqual({ name: 'rollout' });
    expect(tabViewHash({ name: 'rollout' })).toBe('#/tab/rollout');
    expect(subPageIdFor({ name: 'rollout' })).toBe('rollout');
    expect(viewFromSubPage('rollout')).toEqual({ name: 'rollout' });
  });

  it('should be in the tab bar for everyone, named in all three languages', () => {
    const entry = TAB_VIEWS.find((v) => v.name === 'rollout');
    expect(entry).toMatchObject({ label: 'nav.rollout' });
    expect(entry?.boardOnly).toBeFalsy();
    expect(entry?.hidden).toBeFalsy();
    expect(['nb', 'nn', 'en'].map((l) => createI18n(l as 'nb').t('nav.rollout'))).toEqual(['Tillitsvalgte', 'Tillitsvalde', 'Representatives']);
  });
});
