/**
 * Where Teams offers the app (manifest/manifest.json): the tab only where it works. The channel tab
 * reads the team's own SharePoint site through the team's group, so it is offered in a team's
 * standard channels only: not in group chats (no team, no site) and not in private or shared
 * channels (no `supportedChannelTypes`: each has its own site and members who are not the team's;
 * see docs/deployment.md). The personal app "Mine mål" runs in Teams, Outlook and the Microsoft 365
 * app, on desktop, web and phones. The local host's personal entity id must match the manifest's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERSONAL_ENTITY_ID } from '../../host-sim/tab-context';
import { hintedContentUrl } from '../../src/teams/context-hints';

interface Manifest {
  manifestVersion: string;
  configurableTabs?: { scopes?: string[]; context?: string[] }[];
  staticTabs?: { entityId: string; contentUrl: string; scopes?: string[]; context?: string[] }[];
  supportedChannelTypes?: string[];
  defaultInstallScope?: string;
  defaultGroupCapability?: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../manifest/manifest.json'), 'utf8')) as Manifest;

describe('manifest: where the app is offered', () => {
  it('offers the configurable tab in a team’s channels only', () => {
    expect(manifest.configurableTabs).toHaveLength(1);
    expect(manifest.configurableTabs?.[0]?.scopes).toEqual(['team']);
    expect(manifest.configurableTabs?.[0]?.context).toEqual(['channelTab']);
    expect(manifest.defaultInstallScope).toBe('team');
    expect(manifest.defaultGroupCapability).toEqual({ team: 'tab' });
  });

  it('leaves private and shared channels out (their SharePoint sites are not the team’s)', () => {
    expect(manifest).not.toHaveProperty('supportedChannelTypes');
  });

  it('has one personal tab, which Outlook and the Microsoft 365 app can show (manifest 1.13 or later)', () => {
    const [major, minor] = manifest.manifestVersion.split('.').map(Number);
    expect((major ?? 0) * 100 + (minor ?? 0)).toBeGreaterThanOrEqual(113);
    expect(manifest.staticTabs).toHaveLength(1);
    expect(manifest.staticTabs?.[0]).toMatchObject({
      entityId: PERSONAL_ENTITY_ID,
      // Teams fills in the context hints' placeholders (teams/context-hints.ts).
      contentUrl: hintedContentUrl('https://${{TAB_DOMAIN}}/index.html', '#/personal'),
      scopes: ['personal'],
      context: ['personalTab'],
    });
  });
});
