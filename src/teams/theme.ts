import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';

/** The three themes a Teams host announces (`app.theme`, `themeChange`). */
export type HostTheme = 'default' | 'dark' | 'contrast';

/** Normalises anything a host might send into a HostTheme ('default' when unknown). */
export function toHostTheme(value: unknown): HostTheme {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

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
