/** Teams' high-contrast theme, in a chunk of its own: loaded only when the host asks for it (theme.ts). */
export { teamsHighContrastTheme as theme } from '@fluentui/react-components';
