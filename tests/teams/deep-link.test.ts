import { describe, expect, it } from 'vitest';
import {
  buildTabDeepLink,
  DeepLinkTooLongError,
  MAX_DEEP_LINK_LENGTH,
  parseTabDeepLink,
} from '../../src/teams/deep-link';

const appId = '5b2f0a4e-3c1d-4f6a-9b8e-1d2c3b4a5f60';

describe('buildTabDeepLink', () => {
  it('builds the documented entity link with an encoded context', () => {
    const link = buildTabDeepLink({
      appId,
      entityId: 'handlingsplan',
      webUrl: 'https://localhost:5173/#/tab?x=1&y=2',
      label: 'Mål 2 & tiltak',
      subEntityId: 'goal/42',
      channelId: '19:abc@thread.tacv2',
    });
    const context = encodeURIComponent(JSON.stringify({ subEntityId: 'goal/42', channelId: '19:abc@thread.tacv2' }));
    expect(link).toBe(
      `https://teams.microsoft.com/l/entity/${appId}/handlingsplan` +
        `?webUrl=${encodeURIComponent('https://localhost:5173/#/tab?x=1&y=2')}` +
        `&label=${encodeURIComponent('Mål 2 & tiltak')}` +
        `&context=${context}`,
    );
    expect(link).not.toMatch(/[ &]tiltak/);
  });

  it('encodes the entity id in the path and omits an empty context', () => {
    const link = buildTabDeepLink({ appId, entityId: 'plan/2025 2026' });
    expect(link).toBe(`https://teams.microsoft.com/l/entity/${appId}/plan%2F2025%202026`);
  });

  it('round-trips through parseTabDeepLink', () => {
    const params = {
      appId,
      entityId: 'handlingsplan',
      webUrl: 'https://localhost:5173/#/tab',
      label: 'Åpne «mål»',
      subEntityId: 'task:7?a=b&c=d',
      channelId: '19:x@thread.tacv2',
    };
    expect(parseTabDeepLink(buildTabDeepLink(params))).toEqual(params);
  });

  it('refuses links over 1,900 characters', () => {
    const make = (n: number) => buildTabDeepLink({ appId, entityId: 'e', subEntityId: 'x'.repeat(n) });
    // Each extra 'x' in the sub-entity id adds exactly one character to the link.
    const overhead = make(1).length - 1;
    expect(make(MAX_DEEP_LINK_LENGTH - overhead)).toHaveLength(MAX_DEEP_LINK_LENGTH);
    expect(() => make(MAX_DEEP_LINK_LENGTH - overhead + 1)).toThrow(DeepLinkTooLongError);
  });

  it('requires appId and entityId', () => {
    expect(() => buildTabDeepLink({ appId: '', entityId: 'e' })).toThrow(/appId/);
    expect(() => buildTabDeepLink({ appId, entityId: ' ' })).toThrow(/entityId/);
  });
});

describe('parseTabDeepLink', () => {
  it('returns null for anything that is not a Teams entity link', () => {
    expect(parseTabDeepLink('not a url')).toBeNull();
    expect(parseTabDeepLink('https://example.com/l/entity/a/b')).toBeNull();
    expect(parseTabDeepLink('https://teams.microsoft.com/l/chat/0/0')).toBeNull();
  });

  it('ignores a malformed context', () => {
    expect(parseTabDeepLink(`https://teams.microsoft.com/l/entity/${appId}/e?context=%7Bnope`)).toEqual({
      appId,
      entityId: 'e',
    });
  });
});
