/**
 * The privacy statement and terms of use the app manifest links to (#/privacy, #/terms): shown in
 * the user's language inside the tab, readable in every theme.
 */
import { expect, test } from '@playwright/test';
import { DEMO_TEAMS } from '../../emulator/seed/demo-tenant';
import { openTab, setHostTheme } from './support/host';
import { expectNoSeriousA11yViolations } from './support/a11y';

const alver = DEMO_TEAMS.find((t) => t.planKey === 'alver');
const steward = alver?.members[0] ?? '';

const PAGES = {
  'nb-NO': { privacy: 'Personvern', terms: 'Vilkår for bruk', body: /særlig kategori personopplysninger/ },
  'nn-NO': { privacy: 'Personvern', terms: 'Vilkår for bruk', body: /særleg kategori personopplysingar/ },
  'en-US': { privacy: 'Privacy', terms: 'Terms of use', body: /special category of personal data/ },
} as const;

for (const locale of ['nb-NO', 'nn-NO', 'en-US'] as const) {
  test(`privacy and terms in ${locale}`, async ({ page }) => {
    const tab = await openTab(page, { user: steward, locale, view: 'personal' });
    await expect(tab.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
    const frame = page.frames().find((f) => f.url().includes('/index.html'));
    if (!frame) throw new Error('tab frame missing');
    await frame.evaluate(() => {
      window.location.hash = '#/privacy';
    });
    await expect(tab.getByRole('heading', { level: 1, name: PAGES[locale].privacy })).toBeVisible();
    await expect(tab.getByText(PAGES[locale].body)).toBeVisible();
    if (locale === 'nb-NO') {
      for (const theme of ['default', 'dark', 'contrast'] as const) {
        await setHostTheme(page, theme);
        await expect(tab.locator('html')).toHaveAttribute('data-theme', theme);
        await expectNoSeriousA11yViolations(page);
      }
    }
    await frame.evaluate(() => {
      window.location.hash = '#/terms';
    });
    await expect(tab.getByRole('heading', { level: 1, name: PAGES[locale].terms })).toBeVisible();
  });
}
