/** The three themes a Teams host announces (`app.theme`, `themeChange`). Kept free of Fluent UI imports. */
export type HostTheme = 'default' | 'dark' | 'contrast';

/** Normalises anything a host might send into a HostTheme ('default' when unknown). */
export function toHostTheme(value: unknown): HostTheme {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}
