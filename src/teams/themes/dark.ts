/** Teams' dark theme, in a chunk of its own: loaded only when the host is dark (theme.ts). */
export { teamsDarkTheme as theme } from '@fluentui/react-components';
