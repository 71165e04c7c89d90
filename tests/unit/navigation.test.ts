import { describe, expect, it } from 'vitest';
import { parseTabView, subPageIdFor, tabViewHash, viewFromSubPage, type TabView } from '../../src/lib/navigation';

describe('in-tab navigation', () => {
  const views: TabView[] = [
    { name: 'overview' },
    { name: 'plan' },
    { name: 'goal', goalId: '42' },
    { name: 'goal', goalId: 'a/b c' },
    { name: 'mine' },
    { name: 'mine', goalId: '17' },
    { name: 'situation' },
    { name: 'settings' },
    { name: 'import' },
  ];

  it('should read back every view from its hash and from its deep-link sub-page id', () => {
    for (const view of views) {
      expect(parseTabView(tabViewHash(view))).toEqual(view);
      expect(viewFromSubPage(subPageIdFor(view))).toEqual(view);
    }
  });

  it("should open a goal's check-in on 'My goals' from a reminder's link", () => {
    expect(viewFromSubPage('checkin:17')).toEqual({ name: 'mine', goalId: '17' });
    expect(subPageIdFor({ name: 'mine', goalId: '17' })).toBe('checkin:17');
    expect(tabViewHash({ name: 'mine', goalId: '17' })).toBe('#/tab/mine/17');
    expect(tabViewHash({ name: 'mine' })).toBe('#/tab/mine');
    expect(parseTabView('#/tab/mine/a%2Fb')).toEqual({ name: 'mine', goalId: 'a/b' });
  });

  it('should refuse what is not a view', () => {
    expect(parseTabView('#/tab/nowhere')).toBeNull();
    expect(viewFromSubPage(undefined)).toBeNull();
    expect(viewFromSubPage('')).toBeNull();
    expect(parseTabView('#/other/plan')).toBeNull();
  });
});
