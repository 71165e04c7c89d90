import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import { toAppLanguage } from '../../src/teams/locale';
import { loadFluentTheme, toHostTheme } from '../../src/teams/theme';

describe('toAppLanguage', () => {
  it.each([
    ['nb-NO', 'nb'],
    ['nb', 'nb'],
    ['no', 'nb'],
    ['no-NO', 'nb'],
    ['NB-no', 'nb'],
    ['nn-NO', 'nn'],
    ['nn', 'nn'],
    ['nn_NO', 'nn'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['sv-SE', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ] as const)('maps %s to %s', (locale, language) => {
    expect(toAppLanguage(locale)).toBe(language);
  });
});

describe('theme mapping', () => {
  it('maps each host theme to the Fluent Teams theme', async () => {
    expect(await loadFluentTheme('default')).toBe(teamsLightTheme);
    expect(await loadFluentTheme('dark')).toBe(teamsDarkTheme);
    expect(await loadFluentTheme('contrast')).toBe(teamsHighContrastTheme);
  });

  it('treats unknown theme names as default', () => {
    expect(toHostTheme('dark')).toBe('dark');
    expect(toHostTheme('contrast')).toBe('contrast');
    expect(toHostTheme('light')).toBe('default');
    expect(toHostTheme(undefined)).toBe('default');
  });
});
