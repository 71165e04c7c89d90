import { teamsLightTheme, type Theme } from '@fluentui/react-components';

import type { HostTheme } from './host-theme';

export { toHostTheme, type HostTheme } from './host-theme';

/**
 * The Fluent UI v9 Teams theme for the host's theme (as the Toolkit's App.tsx maps them). The light
 * theme is part of the first download; dark and high contrast are fetched when a host asks for them
 * (main.tsx fetches the first one alongside sign-in, so the tab never paints in the wrong theme).
 */
export async function loadFluentTheme(theme: HostTheme): Promise<Theme> {
  switch (theme) {
    case 'dark':
      return (await import('./themes/dark')).theme;
    case 'contrast':
      return (await import('./themes/contrast')).theme;
    default:
      return teamsLightTheme;
  }
}
