import { describe, expect, it } from 'vitest';
import { CONTEXT_HINT_QUERY, fillContextPlaceholders, hintedContentUrl, readContextHints } from '../../src/teams/context-hints';

describe('context hints in the tab URL', () => {
  it('puts the placeholders, with literal braces, before the route', () => {
    expect(hintedContentUrl('https://tab.example/index.html', '#/tab')).toBe('https://tab.example/index.html?locale={locale}&theme={theme}&page={subEntityId}#/tab');
    expect(CONTEXT_HINT_QUERY).not.toMatch(/%7B/i);
  });

  it('reads what the host filled in', () => {
    const url = new URL(fillContextPlaceholders(hintedContentUrl('https://tab.example/index.html', '#/tab'), { locale: 'nn-NO', theme: 'dark', subEntityId: 'goal:42' }));
    expect(url.hash).toBe('#/tab');
    expect(readContextHints(url.search)).toEqual({ locale: 'nn-NO', theme: 'dark', subPageId: 'goal:42' });
  });

  it('treats unfilled, empty, missing and malformed hints as none', () => {
    expect(readContextHints('?locale={locale}&theme={theme}&page={subEntityId}')).toEqual({ locale: null, theme: null, subPageId: null });
    expect(readContextHints('?locale=&theme=&page=')).toEqual({ locale: null, theme: null, subPageId: null });
    expect(readContextHints('')).toEqual({ locale: null, theme: null, subPageId: null });
    expect(readContextHints('?locale=<script>&theme=default')).toEqual({ locale: null, theme: 'default', subPageId: null });
    // An unknown theme is the default one, as from the host.
    expect(readContextHints('?locale=en-us&theme=glass').theme).toBe('default');
    expect(readContextHints('?locale=nb_NO').locale).toBe('nb_NO');
  });

  it('fills in TeamsJS v1 and v2 names, encodes values, empties a missing one and leaves unknown placeholders', () => {
    const values = { locale: 'nb-NO', theme: 'contrast', subEntityId: 'a&b c', entityId: 'handlingsplan', groupId: null };
    expect(fillContextPlaceholders('x?l={app.locale}&t={app.theme}&p={page.subPageId}&e={page.id}&g={groupId}&u={userObjectId}', values)).toBe(
      'x?l=nb-NO&t=contrast&p=a%26b%20c&e=handlingsplan&g=&u={userObjectId}',
    );
  });
});
