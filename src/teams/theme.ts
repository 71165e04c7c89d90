import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';

import type { HostTheme } from './host-theme';

export { toHostTheme, type HostTheme } from './host-theme';

/** Maps the host theme to the matching Fluent UI v9 Teams theme (as the Toolkit's App.tsx does). */
export function fluentThemeFor(theme: HostTheme): Theme {
  switch (theme) {
    case 'dark':
      return teamsDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    default:
      return teamsLightTheme;
  }
}
