/** Helpers for driving the local Teams host page (host-sim/) from Playwright tests. */
import { expect, type FrameLocator, type Page } from '@playwright/test';

export type HostView = 'tab' | 'config' | 'personal';
export type HostTheme = 'default' | 'dark' | 'contrast';

export interface OpenTabOptions {
  /** User principal name of the signed-in user. */
  user: string;
  /** Team display name or id (ignored for the personal view). */
  team?: string;
  /** Channel display name or id (default: the team's first channel). */
  channel?: string;
  theme?: HostTheme;
  locale?: 'nb-NO' | 'nn-NO' | 'en-US' | (string & {});
  view?: HostView;
  subEntityId?: string;
  /** Load another document of the app origin instead of /index.html (test pages). */
  tabPath?: string;
}

/** The host page URL (relative to the e2e baseURL) that reproduces a view. */
export function hostUrl(options: OpenTabOptions): string {
  const params = new URLSearchParams({ user: options.user });
  if (options.team) params.set('team', options.team);
  if (options.channel) params.set('channel', options.channel);
  if (options.theme) params.set('theme', options.theme);
  if (options.locale) params.set('locale', options.locale);
  if (options.view) params.set('view', options.view);
  if (options.subEntityId) params.set('subEntityId', options.subEntityId);
  if (options.tabPath) params.set('tabPath', options.tabPath);
  return `/?${params.toString()}`;
}

/** Opens the host page for a view and returns the tab's frame. */
export async function openTab(page: Page, options: OpenTabOptions): Promise<FrameLocator> {
  await page.goto(hostUrl(options));
  await expect(page.locator('#tab-frame')).toBeAttached();
  return page.frameLocator('#tab-frame');
}

/** Changes the host theme (pushed live to the tab as themeChange). */
export async function setHostTheme(page: Page, theme: HostTheme): Promise<void> {
  await page.getByLabel('Theme', { exact: true }).selectOption(theme);
}

/** The host's status line (e.g. 'Tab ready' once the tab called notifySuccess). */
export function hostStatus(page: Page) {
  return page.getByRole('status');
}

/** The host's Save button (configuration view). */
export function hostSaveButton(page: Page) {
  return page.getByRole('button', { name: 'Save', exact: true });
}
