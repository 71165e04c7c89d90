import type { SiteState } from '../state/tenant-state.ts';

/**
 * A site's webUrl as the emulator renders it: `<origin of the request>/sites/<name>`, so that an
 * app calling SharePoint REST at `${webUrl}/_api/…` (facts §15.2) reaches the emulator's own
 * SharePoint REST endpoints (sharepoint-rest/) on the host it asked for (`localhost` or `127.0.0.1`).
 * The stored `site.webUrl` keeps the tenant's SharePoint host (org365.sharepoint.com); Graph's
 * `webUrl` of a site is its absolute URL [learn: /graph/api/resources/site].
 */
export function siteWebUrl(site: SiteState, origin: string): string {
  return `${origin}/sites/${encodeURIComponent(site.name)}`;
}
