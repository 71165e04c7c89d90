import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/app/config';

describe('readConfig', () => {
  it('should default to Microsoft Graph and MSAL, and require the client id', () => {
    expect(() => readConfig({}, 'https://plan.example.org')).toThrow(ConfigError);
    const config = readConfig({ VITE_AAD_CLIENT_ID: '11111111-2222-3333-4444-555555555555' }, 'https://plan.example.org');
    expect(config).toMatchObject({ graphBaseUrl: 'https://graph.microsoft.com/v1.0', authMode: 'msal', teamsHostOrigins: [] });
  });

  it('should resolve a relative Graph URL against the tab origin (the dev proxy) and read the host origins', () => {
    const config = readConfig({ VITE_AUTH_MODE: 'dev', VITE_GRAPH_BASE_URL: '/v1.0', VITE_TEAMS_HOST_ORIGINS: 'https://localhost:5174, https://x.example' }, 'https://localhost:5173');
    expect(config).toMatchObject({ graphBaseUrl: 'https://localhost:5173/v1.0', authMode: 'dev', teamsHostOrigins: ['https://localhost:5174', 'https://x.example'] });
  });

  it('should list every problem in one error', () => {
    try {
      readConfig({ VITE_GRAPH_BASE_URL: 'http://graph.local/v1.0' }, 'https://plan.example.org');
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).problems).toHaveLength(2);
    }
  });
});
