import type { TenantStore } from '../state/tenant-store.ts';
import type { ColumnState, ListItemState, ListState, SiteState, UserState } from '../state/tenant-state.ts';
import { isLookupLike } from './column-model.ts';
import { entityTag } from './entity-tag.ts';

export type IdentitySet = { user: { id: string; displayName: string } } | { application: { id: string; displayName: string } };

/**
 * createdBy/lastModifiedBy as Graph documents them for a listItem: `{"user": {"id", "displayName"}}`
 * with the Entra object id (https://learn.microsoft.com/en-us/graph/api/resources/listitem). Graph
 * does not document an `email` there, so the emulator gives none and the app cannot come to rely on it.
 */
export function identitySet(user: UserState | undefined): IdentitySet {
  return { user: { id: user?.id ?? '', displayName: user?.displayName ?? 'System Account' } };
}

/**
 * The identitySet of a stored author/editor id: a user's, or for an item an app wrote app-only
 * `{"application": {"id", "displayName"}}` (identitySet: "application: Optional. The application
 * associated with this action", https://learn.microsoft.com/en-us/graph/api/resources/identityset).
 * Whether SharePoint also adds `user: {displayName: "SharePoint App"}` for app-only writes is not
 * confirmed; the emulator gives the application only.
 */
export function identitySetOf(store: TenantStore, principalId: string): IdentitySet {
  const user = store.userById(principalId);
  if (user) return identitySet(user);
  const app = store.entraApp(principalId);
  if (app) return { application: { id: app.appId, displayName: app.displayName } };
  return identitySet(undefined);
}

/**
 * SharePoint's user-information-list id of an author/editor: a user's `lookupId`, or for an app
 * the "SharePoint App" account (1073741822, the id commonly seen for it; not confirmed).
 */
export const SHAREPOINT_APP_LOOKUP_ID = 1073741822;

export function lookupIdOf(store: TenantStore, principalId: string): number | undefined {
  return store.userById(principalId)?.lookupId ?? (store.entraApp(principalId) ? SHAREPOINT_APP_LOOKUP_ID : undefined);
}

export function itemETag(item: ListItemState): string {
  return entityTag(item.uid, item.version);
}

/**
 * A multi-line column whose textType is richText (textColumn resource:
 * https://learn.microsoft.com/en-us/graph/api/resources/textcolumn) holds HTML, which Microsoft
 * Lists writes and Graph returns as it is: the emulator returns plain text written to such a column
 * as Lists would store it, wrapped in a div with line breaks as <br>.
 */
function isRichText(column: ColumnState): boolean {
  return column.type === 'text' && column.facet.allowMultipleLines === true && column.facet.textType === 'richText';
}

function richTextHtml(text: string): string {
  if (/^<div[\s>]/i.test(text)) return text;
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<div class="ExternalClass">${escaped.replace(/\r?\n/g, '<br>')}</div>`;
}

/** The fieldValueSet of an item; `select` limits it to the named fields. */
export function renderFields(
  list: ListState,
  item: ListItemState,
  store: TenantStore,
  select: readonly string[] | null,
): Record<string, unknown> {
  const all: Record<string, unknown> = { '@odata.etag': itemETag(item) };
  const title = item.fields.Title;
  if (title !== undefined && title !== null) all.Title = title;
  for (const column of list.columns) {
    if (column.system) continue;
    const value = item.fields[column.name];
    if (value === undefined || value === null) continue;
    if (column.hidden && !select?.includes(column.name)) continue;
    if (isLookupLike(column)) all[`${column.name}LookupId`] = String(value);
    else if (isRichText(column) && typeof value === 'string') all[column.name] = richTextHtml(value);
    else all[column.name] = value;
  }
  Object.assign(all, {
    id: String(item.id),
    ContentType: 'Item',
    Modified: item.lastModifiedDateTime,
    Created: item.createdDateTime,
    AuthorLookupId: String(lookupIdOf(store, item.authorId) ?? ''),
    EditorLookupId: String(lookupIdOf(store, item.editorId) ?? ''),
    _UIVersionString: `${item.version}.0`,
    Attachments: false,
    Edit: '',
    LinkTitleNoMenu: title ?? '',
    LinkTitle: title ?? '',
    ItemChildCount: '0',
    FolderChildCount: '0',
  });
  if (!select) return all;
  const out: Record<string, unknown> = { '@odata.etag': all['@odata.etag'] };
  for (const name of select) {
    const key = name === 'ID' ? 'id' : name;
    if (all[key] !== undefined) out[key] = all[key];
    else if (all[`${key}LookupId`] !== undefined) out[`${key}LookupId`] = all[`${key}LookupId`];
  }
  return out;
}

export interface ItemViewOptions {
  readonly fields: boolean;
  readonly fieldSelect: readonly string[] | null;
  readonly select: readonly string[] | null;
}

/** The Graph listItem resource; `siteUrl` is the site's webUrl for this request (site-url.ts). */
export function renderItem(
  site: SiteState,
  list: ListState,
  item: ListItemState,
  store: TenantStore,
  options: ItemViewOptions,
  siteUrl: string,
): Record<string, unknown> {
  const etag = itemETag(item);
  const full: Record<string, unknown> = {
    '@odata.etag': etag,
    createdDateTime: item.createdDateTime,
    eTag: etag,
    id: String(item.id),
    lastModifiedDateTime: item.lastModifiedDateTime,
    webUrl: `${siteUrl}/Lists/${encodeURIComponent(list.name)}/${item.id}_.000`,
    createdBy: identitySetOf(store, item.authorId),
    lastModifiedBy: identitySetOf(store, item.editorId),
    parentReference: { id: list.id, siteId: site.id },
    contentType: { id: '0x0100' + list.id.replaceAll('-', '').toUpperCase(), name: 'Item' },
  };
  let out = full;
  if (options.select) {
    const wanted = new Set(options.select.map((s) => s.toLowerCase()));
    out = Object.fromEntries(Object.entries(full).filter(([k]) => k === '@odata.etag' || wanted.has(k.toLowerCase())));
  }
  if (options.fields) out.fields = renderFields(list, item, store, options.fieldSelect);
  return out;
}
