import type { Router } from '../core/router.ts';
import { ok, type HandlerContext } from '../core/types.ts';
import { applySelect, parseSelect, queryOption } from '../odata/query-options.ts';
import type { SiteState } from '../state/tenant-state.ts';
import { siteWebUrl } from '../sharepoint/site-url.ts';
import { requireSite } from './access.ts';

/** `webUrl`: the site's URL for this request (sharepoint/site-url.ts). */
export function renderSite(site: SiteState, hostname: string, webUrl: string): Record<string, unknown> {
  return {
    createdDateTime: site.createdDateTime,
    description: site.description,
    id: site.id,
    lastModifiedDateTime: site.lastModifiedDateTime,
    name: site.name,
    webUrl,
    displayName: site.displayName,
    root: {},
    siteCollection: { hostname },
  };
}

export function registerSitesRoutes(router: Router): void {
  const handler = (ctx: HandlerContext) => {
    const site = requireSite(ctx);
    return ok({
      '@odata.context': `${ctx.baseUrl}/$metadata#sites/$entity`,
      ...applySelect(renderSite(site, ctx.store.state.sharePointHost, siteWebUrl(site, ctx.origin)), parseSelect(queryOption(ctx.req.query, 'select'))),
    });
  };
  router.add('GET', '/sites/{siteId}', handler);
  router.add('GET', '/groups/{groupId}/sites/root', handler);
}
