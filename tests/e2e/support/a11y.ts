/** Accessibility checks for e2e tests: axe-core over the tab's frame, serious and critical only. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  // Fluent's focus manager (Tabster) adds hidden focus sentinels (<i data-tabster-dummy>) that
  // forward focus at once; axe flags them as aria-hidden-focus, a known false positive.
  const results = await new AxeBuilder({ page }).include('#tab-frame').exclude(['#tab-frame', '[data-tabster-dummy]']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([]);
}
