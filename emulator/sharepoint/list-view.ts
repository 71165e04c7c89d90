import type { TenantStore } from '../state/tenant-store.ts';
import type { ListState, SiteState } from '../state/tenant-state.ts';
import { renderColumn } from './column-model.ts';
import { entityTag } from './entity-tag.ts';
import { identitySetOf } from './item-view.ts';

export function listETag(list: ListState): string {
  return entityTag(list.id, list.version);
}

/** `siteUrl`: the site's webUrl as rendered for this request (site-url.ts). */
export function listWebUrl(siteUrl: string, list: ListState): string {
  const folder = list.template === 'documentLibrary' ? '' : 'Lists/';
  return `${siteUrl}/${folder}${encodeURIComponent(list.name)}`;
}

/** The Graph list resource; `siteUrl` is the site's webUrl for this request (site-url.ts). */
export function renderList(site: SiteState, list: ListState, store: TenantStore, siteUrl: string, expandColumns = false): Record<string, unknown> {
  const etag = listETag(list);
  const out: Record<string, unknown> = {
    '@odata.etag': etag,
    createdDateTime: list.createdDateTime,
    description: list.description,
    eTag: etag,
    id: list.id,
    lastModifiedDateTime: list.lastModifiedDateTime,
    name: list.name,
    webUrl: listWebUrl(siteUrl, list),
    displayName: list.displayName,
    createdBy: identitySetOf(store, list.createdById),
    lastModifiedBy: identitySetOf(store, list.lastModifiedById),
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: false, hidden: false, template: list.template },
  };
  if (expandColumns) out.columns = list.columns.map(renderColumn);
  return out;
}

/** A list addressed as Graph allows: by id, or by its title (displayName) or URL name. */
export function findList(site: SiteState, idOrTitle: string): ListState | undefined {
  const key = idOrTitle.toLowerCase();
  return (
    site.lists.find((l) => l.id.toLowerCase() === key) ??
    site.lists.find((l) => l.displayName.toLowerCase() === key) ??
    site.lists.find((l) => l.name.toLowerCase() === key)
  );
}
