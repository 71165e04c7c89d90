/**
 * Files in a team's site: a channel's Files folder and the team site's document library ("drive"),
 * as far as the board's reports use them (src/adapters/files/graph-team-files.ts). Each route cites
 * its Learn page (https://learn.microsoft.com); readings that no page confirms say so.
 *
 * Model: each team site has one document library, 'Documents' (URL 'Shared Documents'), made on
 * first use with its root folder; a standard channel's Files folder is a folder of the root named
 * after the channel, made when its filesFolder is first asked for (Teams makes it when the channel
 * is created or its Files tab is first opened: not modelled further). Private and shared channels,
 * whose files live in sites of their own, are not modelled. State: `drives` in tenant.json
 * (state/drive-state.ts), the files' bytes base64-encoded.
 *
 * Who: a user reaches the files of a team they are an owner or member of (the site's Owners and
 * Members groups both edit its library, facts §15.2); others get 403 `accessDenied`. A token that
 * names its delegated permissions (`;scp=`, graph/delegated-permissions.ts) needs one of those the
 * route's page lists that reaches a team's library (the `*.All` ones: Files.Read and Files.ReadWrite
 * are "the signed-in user's files" (Learn /graph/permissions-reference), which a team's site is not:
 * strict reading, not confirmed). An app needs a tenant-wide permission the page lists, or its site
 * role (Sites.Selected with a grant on the site: read for reads, write for writes).
 */
import { randomUUID } from 'node:crypto';
import { GraphError, accessDenied, badRequest, notFound } from '../core/graph-error.ts';
import type { Router } from '../core/router.ts';
import { ok, type GraphResponse, type HandlerContext } from '../core/types.ts';
import { applySelect, parseSelect, parseTop, queryOption } from '../odata/query-options.ts';
import { appSiteRole } from '../sharepoint/permissions.ts';
import { siteWebUrl } from '../sharepoint/site-url.ts';
import type { DriveItemState, DriveState } from '../state/drive-state.ts';
import type { ChannelState, SiteState, TeamState } from '../state/tenant-state.ts';
import type { TenantStore } from '../state/tenant-store.ts';
import { isTeamMember, requireTeam } from './access.ts';
import { hasApplicationPermission, type TeamAppRule } from './app-permissions.ts';
import { hasDelegatedPermission, missingScopes } from './delegated-permissions.ts';

/**
 * The largest file a simple upload takes: "This method only supports files up to 250 MB in size"
 * (Learn /graph/api/driveitem-put-content). Larger bodies are refused before they are read
 * (core/http-adapter.ts) with 413 `requestTooLarge`: the status and code Graph gives are not confirmed.
 */
export const SIMPLE_UPLOAD_MAX_BYTES = 250 * 1024 * 1024;

/** Default and largest page of `GET …/children`: 200 (Learn /graph/api/driveitem-list-children); the largest `$top` is not confirmed. */
export const CHILDREN_PAGE_SIZE = 200;
export const CHILDREN_MAX_PAGE_SIZE = 1000;

/** How long a pre-authenticated download URL works: "only valid for a short period of time (a few minutes)" (Learn /graph/api/driveitem-get-content). */
export const DOWNLOAD_URL_LIFETIME_MS = 10 * 60 * 1000;

const LIBRARY_NAME = 'Documents';
const LIBRARY_URL_NAME = 'Shared Documents';

// Permissions, from each page's table (delegated "work or school account" row, application row).
/** Learn /graph/api/channel-get-filesfolder: delegated Files.Read.All (higher Files.Read, Files.ReadWrite, Files.ReadWrite.All, Group.Read.All, Group.ReadWrite.All, Sites.Read.All, Sites.ReadWrite.All); application Files.Read.All (higher File.Read.Group*, Files.ReadWrite.All, Group.*, Sites.Read.All, Sites.ReadWrite.All). */
const FILES_FOLDER_DELEGATED = ['Files.Read.All', 'Files.ReadWrite.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All'];
const FILES_FOLDER_APP: TeamAppRule = {
  rsc: ['File.Read.Group'],
  application: ['Files.Read.All', 'Files.ReadWrite.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All'],
};
/** Learn /graph/api/driveitem-get, /graph/api/driveitem-list-children, /graph/api/driveitem-get-content: Files.Read … Sites.ReadWrite.All; application Files.Read.All, Files.ReadWrite.All, Sites.Read.All, Sites.ReadWrite.All. */
const READ_DELEGATED = ['Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All'];
const READ_APPLICATION = ['Files.Read.All', 'Files.ReadWrite.All'];
/** Learn /graph/api/driveitem-put-content: delegated Files.ReadWrite (higher Files.ReadWrite.All, Sites.ReadWrite.All); application Files.ReadWrite.All (higher Sites.ReadWrite.All). */
const WRITE_DELEGATED = ['Files.ReadWrite.All', 'Sites.ReadWrite.All'];
const WRITE_APPLICATION = ['Files.ReadWrite.All'];

// ---------------------------------------------------------------------------------------------
// State

function drives(store: TenantStore): DriveState[] {
  store.state.drives ??= [];
  return store.state.drives;
}

const now = () => new Date().toISOString();

/** A drive id: 'b!' and base64url, as SharePoint's are (their content is opaque to clients). */
function newDriveId(store: TenantStore): string {
  return `b!${Buffer.from(`${store.nextGuid('drive')}${store.nextGuid('drive')}`.replaceAll('-', ''), 'hex').toString('base64url')}`;
}

/** An item id: '01' and 32 hex digits in upper case (34 characters, as SharePoint's item ids are). */
function newItemId(store: TenantStore): string {
  return `01${store.nextGuid('driveItem').replaceAll('-', '').toUpperCase()}`;
}

/** The site's document library, made (with its root folder) on first use. */
function driveOfSite(ctx: HandlerContext, site: SiteState): DriveState {
  let drive = drives(ctx.store).find((d) => d.siteId === site.id);
  if (!drive) {
    const created = now();
    drive = {
      id: newDriveId(ctx.store),
      siteId: site.id,
      name: LIBRARY_NAME,
      createdDateTime: created,
      items: [{ id: newItemId(ctx.store), parentId: null, name: 'root', folder: true, createdDateTime: created, lastModifiedDateTime: created, createdBy: ctx.principal.id, lastModifiedBy: ctx.principal.id, version: 1, size: 0 }],
    };
    drives(ctx.store).push(drive);
    ctx.store.changed();
  }
  return drive;
}

const rootOf = (drive: DriveState): DriveItemState => drive.items.find((i) => i.parentId === null) as DriveItemState;
const childrenOf = (drive: DriveState, parentId: string) => drive.items.filter((i) => i.parentId === parentId);
/** SharePoint compares names without regard to case. */
const sameName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'accent' }) === 0;

/** The channel's Files folder: the root's folder named after the channel, made (or adopted) on first use. */
function channelFolderOf(ctx: HandlerContext, drive: DriveState, channel: ChannelState): DriveItemState {
  const root = rootOf(drive);
  let folder = drive.items.find((i) => i.channelId === channel.id);
  if (!folder) {
    folder = childrenOf(drive, root.id).find((i) => i.folder && sameName(i.name, channel.displayName));
    if (folder) folder.channelId = channel.id;
    else {
      const created = now();
      folder = { id: newItemId(ctx.store), parentId: root.id, name: channel.displayName, folder: true, createdDateTime: created, lastModifiedDateTime: created, createdBy: ctx.principal.id, lastModifiedBy: ctx.principal.id, version: 1, size: 0, channelId: channel.id };
      drive.items.push(folder);
    }
    ctx.store.changed();
  }
  return folder;
}

// ---------------------------------------------------------------------------------------------
// Rendering (Learn /graph/api/resources/driveitem)

/** The item's folder path below the root: '/drives/{id}/root:' and the folders' names. */
function pathOf(drive: DriveState, item: DriveItemState): string[] {
  const names: string[] = [];
  for (let cursor = item; cursor.parentId !== null; ) {
    names.unshift(cursor.name);
    const parent = drive.items.find((i) => i.id === cursor.parentId);
    if (!parent) break;
    cursor = parent;
  }
  return names;
}

function identity(ctx: HandlerContext, id: string): Record<string, unknown> {
  const user = ctx.store.userById(id);
  if (user) return { user: { email: user.mail ?? user.userPrincipalName, id: user.id, displayName: user.displayName } };
  const app = ctx.store.entraApp(id);
  return { application: { id, displayName: app?.displayName ?? id } };
}

/** The item's unique id (a GUID) that eTag, cTag and the download URL carry. */
const uniqueIdOf = (item: DriveItemState) => {
  const hex = item.id.slice(2).toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`.toUpperCase();
};

interface DownloadGrant {
  readonly driveId: string;
  readonly itemId: string;
  readonly expires: number;
}
/** Pre-authenticated download URLs handed out, by their token (in memory: they last minutes). */
const downloadGrants = new Map<string, DownloadGrant>();

function downloadUrl(ctx: HandlerContext, site: SiteState, drive: DriveState, item: DriveItemState): string {
  const at = Date.now();
  for (const [token, grant] of downloadGrants) if (grant.expires < at) downloadGrants.delete(token);
  const token = randomUUID().replaceAll('-', '');
  downloadGrants.set(token, { driveId: drive.id, itemId: item.id, expires: at + DOWNLOAD_URL_LIFETIME_MS });
  return `${siteWebUrl(site, ctx.origin)}/_layouts/15/download.aspx?UniqueId=${uniqueIdOf(item)}&Translate=false&tempauth=${token}&ApiVersion=2.0`;
}

function renderItem(ctx: HandlerContext, site: SiteState, drive: DriveState, item: DriveItemState): Record<string, unknown> {
  const path = pathOf(drive, item);
  const library = `${siteWebUrl(site, ctx.origin)}/${encodeURIComponent(LIBRARY_URL_NAME)}`;
  const parent = item.parentId === null ? undefined : drive.items.find((i) => i.id === item.parentId);
  const out: Record<string, unknown> = {
    createdDateTime: item.createdDateTime,
    eTag: `"{${uniqueIdOf(item)}},${item.version}"`,
    id: item.id,
    lastModifiedDateTime: item.lastModifiedDateTime,
    name: item.name,
    webUrl: [library, ...path.map(encodeURIComponent)].join('/'),
    cTag: `"c:{${uniqueIdOf(item)}},${item.version}"`,
    size: item.size,
    createdBy: identity(ctx, item.createdBy),
    lastModifiedBy: identity(ctx, item.lastModifiedBy),
    parentReference: {
      driveType: 'documentLibrary',
      driveId: drive.id,
      ...(parent ? { id: parent.id, name: parent.parentId === null ? LIBRARY_NAME : parent.name, path: `/drives/${drive.id}/root:${path.slice(0, -1).map((n) => `/${n}`).join('')}` } : {}),
      siteId: site.id,
    },
    fileSystemInfo: { createdDateTime: item.createdDateTime, lastModifiedDateTime: item.lastModifiedDateTime },
  };
  if (item.folder) out.folder = { childCount: childrenOf(drive, item.id).length };
  else {
    out['@microsoft.graph.downloadUrl'] = downloadUrl(ctx, site, drive, item);
    out.file = { mimeType: item.mimeType ?? 'application/octet-stream' };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Access

interface DriveAccess {
  readonly drive: DriveState;
  readonly site: SiteState;
  readonly team: TeamState | undefined;
}

/**
 * The drive addressed by `{driveId}` for a read or a write. Unknown drive: 404 `itemNotFound`.
 * A user who is not in the site's team: 403 `accessDenied`; a token without a permission the page
 * lists: 403 `accessDenied` (SharePoint's refusal through Graph, graph/access.ts; not confirmed for
 * scopes). An app: a tenant-wide permission, or its site role.
 */
function requireDrive(ctx: HandlerContext, write: boolean): DriveAccess {
  const drive = drives(ctx.store).find((d) => d.id === ctx.params.driveId);
  if (!drive) throw notFound('The resource could not be found.');
  const site = ctx.store.site(drive.siteId);
  if (!site) throw notFound('The resource could not be found.');
  const team = ctx.store.teamOfSite(site);
  if (ctx.principal.kind === 'app') {
    const role = appSiteRole(ctx.principal.app, site);
    const byRole = role !== undefined && (!write || role !== 'read');
    if (!byRole && !hasApplicationPermission(ctx.principal.app, write ? WRITE_APPLICATION : READ_APPLICATION)) throw accessDenied('Access denied');
    return { drive, site, team };
  }
  if (!team || !isTeamMember(team, ctx.principal.user.id)) throw accessDenied('Access denied');
  if (!hasDelegatedPermission(ctx, write ? WRITE_DELEGATED : READ_DELEGATED)) throw accessDenied('Access denied');
  return { drive, site, team };
}

function requireItem(access: DriveAccess, id: string): DriveItemState {
  const item = id.toLowerCase() === 'root' ? rootOf(access.drive) : access.drive.items.find((i) => i.id === id);
  if (!item) throw notFound('Item not found');
  return item;
}

// ---------------------------------------------------------------------------------------------
// Names (support.microsoft.com, "Restrictions and limitations in OneDrive and SharePoint": the
// Microsoft 365 page that lists them; Learn's Graph pages do not)

// eslint-disable-next-line no-control-regex
const INVALID_CHARACTERS = /["*:<>?/\\|\u0000-\u001f]/;
const RESERVED_NAMES = /^(\.lock|CON|PRN|AUX|NUL|COM\d|LPT\d|desktop\.ini)(\..*)?$/i;
/** "The entire decoded file path, including the file name, can't contain more than 400 characters." */
export const MAX_PATH_LENGTH = 400;

/**
 * Refuses a name SharePoint refuses: `" * : < > ? / \ |` (and control characters) anywhere,
 * leading or trailing spaces, the reserved names (.lock, CON, PRN, AUX, NUL, COM0–9, LPT0–9,
 * desktop.ini), `_vti_` anywhere, `~$` at the start, and a decoded path over 400 characters: 400
 * `invalidRequest` (the code and message Graph gives are not confirmed).
 */
function requireValidName(name: string, site: SiteState, folderPath: readonly string[]): void {
  const invalid = (why: string) => new GraphError(400, 'invalidRequest', `The provided name is not valid: ${why}.`);
  if (name.length === 0) throw invalid('empty');
  if (INVALID_CHARACTERS.test(name)) throw invalid('it contains a character that is not allowed (" * : < > ? / \\ |)');
  if (name !== name.trim()) throw invalid('leading or trailing spaces');
  if (RESERVED_NAMES.test(name) || /_vti_/i.test(name) || name.startsWith('~$')) throw invalid('a reserved name');
  const path = `/sites/${site.name}/${LIBRARY_URL_NAME}/${[...folderPath, name].join('/')}`;
  if (path.length > MAX_PATH_LENGTH) throw invalid(`the path is longer than ${MAX_PATH_LENGTH} characters`);
}

// ---------------------------------------------------------------------------------------------
// Routes

/**
 * Get filesFolder `GET /teams/{id}/channels/{id}/filesFolder` → 200 driveItem of the folder where
 * the channel's files are stored (Learn /graph/api/channel-get-filesfolder). No query options
 * ("This method doesn't support the OData query parameters"; any given are ignored here). A user
 * outside the team: 403 (graph/access.ts `requireTeam`); an unknown channel: 404 `NotFound`.
 */
function getFilesFolder(ctx: HandlerContext): GraphResponse {
  const team = requireTeam(ctx, ctx.params.teamId ?? '', FILES_FOLDER_APP);
  if (ctx.principal.kind === 'user' && !hasDelegatedPermission(ctx, FILES_FOLDER_DELEGATED)) throw missingScopes(ctx, FILES_FOLDER_DELEGATED);
  const wanted = (ctx.params.channelId ?? '').toLowerCase();
  const channel = team.channels.find((c) => c.id.toLowerCase() === wanted);
  if (!channel) throw notFound('Channel not found', 'NotFound');
  const site = ctx.store.site(team.siteId);
  if (!site) throw notFound('The team has no site.', 'NotFound');
  const drive = driveOfSite(ctx, site);
  const folder = channelFolderOf(ctx, drive, channel);
  return ok({ '@odata.context': `${ctx.baseUrl}/$metadata#teams('${team.id}')/channels('${encodeURIComponent(channel.id)}')/filesFolder/$entity`, ...renderItem(ctx, site, drive, folder) });
}

/** Get driveItem `GET /drives/{drive-id}/items/{item-id}` (Learn /graph/api/driveitem-get); `$select`. */
function getItem(ctx: HandlerContext): GraphResponse {
  const access = requireDrive(ctx, false);
  const item = requireItem(access, ctx.params.itemId ?? '');
  const select = parseSelect(queryOption(ctx.req.query, 'select'));
  return ok({ '@odata.context': `${ctx.baseUrl}/$metadata#drives('${access.drive.id}')/items/$entity`, ...applySelect(renderItem(ctx, access.site, access.drive, item), select) });
}

/**
 * List children `GET /drives/{drive-id}/items/{item-id}/children` (Learn
 * /graph/api/driveitem-list-children): `$select`, `$top` (default 200 a page) and `$skipToken`
 * through `@odata.nextLink`; folders first, then by name (the order Graph uses is not confirmed).
 * A file's children: 404 (not confirmed).
 */
function listChildren(ctx: HandlerContext): GraphResponse {
  const access = requireDrive(ctx, false);
  const item = requireItem(access, ctx.params.itemId ?? '');
  if (!item.folder) throw notFound('Item not found');
  const all = childrenOf(access.drive, item.id).sort((a, b) => Number(b.folder) - Number(a.folder) || a.name.localeCompare(b.name, 'en'));
  const top = parseTop(queryOption(ctx.req.query, 'top'), CHILDREN_PAGE_SIZE, CHILDREN_MAX_PAGE_SIZE);
  if (top < 1) throw badRequest('$top must be at least 1.');
  const token = queryOption(ctx.req.query, 'skiptoken');
  const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isInteger(start) || start < 0) throw badRequest('The $skiptoken is invalid.');
  const select = parseSelect(queryOption(ctx.req.query, 'select'));
  const body: Record<string, unknown> = { '@odata.context': `${ctx.baseUrl}/$metadata#drives('${access.drive.id}')/items('${item.id}')/children` };
  body.value = all.slice(start, start + top).map((child) => applySelect(renderItem(ctx, access.site, access.drive, child), select));
  if (start + top < all.length) {
    const query = ctx.req.rawQuery
      .split('&')
      .filter((p) => p.length > 0 && !/^(%24|\$)?skiptoken=/i.test(p))
      .concat(`$skiptoken=${Buffer.from(String(start + top), 'utf8').toString('base64url')}`);
    body['@odata.nextLink'] = `${ctx.baseUrl}${ctx.req.path}?${query.join('&')}`;
  }
  return ok(body);
}

type ConflictBehavior = 'replace' | 'fail' | 'rename';

/**
 * `@microsoft.graph.conflictBehavior` in the URL: "The conflict resolution behavior for actions that
 * create a new item. You can use the values fail, replace, or rename. The default for PUT is
 * replace" (Learn /graph/api/resources/driveitem; the annotation goes in the query string, not the
 * body, on uploads). Another value: 400 (not confirmed).
 */
function conflictBehavior(ctx: HandlerContext): ConflictBehavior {
  const value = (ctx.req.query.get('@microsoft.graph.conflictBehavior') ?? 'replace').toLowerCase();
  if (value !== 'replace' && value !== 'fail' && value !== 'rename') throw badRequest(`Invalid value '${value}' for @microsoft.graph.conflictBehavior.`);
  return value;
}

/** The body of an upload: its bytes as sent (a JSON body, as the HTTP adapter parsed it, written back). */
function contentOf(ctx: HandlerContext): Buffer {
  if (ctx.req.raw) return Buffer.from(ctx.req.raw);
  return ctx.req.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(ctx.req.body), 'utf8');
}

function writeContent(ctx: HandlerContext, item: DriveItemState, content: Buffer): void {
  if (content.byteLength > SIMPLE_UPLOAD_MAX_BYTES) throw new GraphError(413, 'requestTooLarge', 'The request body exceeds the maximum size.');
  item.contentBase64 = content.toString('base64');
  item.size = content.byteLength;
  item.mimeType = (ctx.req.headers['content-type'] ?? 'application/octet-stream').split(';')[0]?.trim() || 'application/octet-stream';
  item.lastModifiedDateTime = now();
  item.lastModifiedBy = ctx.principal.id;
  item.version += 1;
}

/** 'Report.docx' → 'Report 1.docx', 'Report 2.docx', … until the folder has no such name. */
function freeName(drive: DriveState, parentId: string, name: string): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  const taken = childrenOf(drive, parentId).map((i) => i.name);
  for (let n = 1; ; n++) {
    const candidate = `${stem} ${n}${ext}`;
    if (!taken.some((t) => sameName(t, candidate))) return candidate;
  }
}

/**
 * Upload a new file `PUT /drives/{drive-id}/items/{parent-id}:/{filename}:/content` with the file's
 * bytes as the body (Learn /graph/api/driveitem-put-content): 201 Created and the new driveItem, or,
 * when a file of that name is there and conflictBehavior is replace (the default for PUT), its
 * content replaced: 200 and the same item (same id, a new eTag), so sending it again leaves one
 * file. fail: 409 `nameAlreadyExists`; rename: the new file gets a free name ('Report 1.docx').
 * A missing parent 404 `itemNotFound`, a parent that is a file 400, a folder of that name 409
 * (not confirmed), names SharePoint refuses 400 (requireValidName), over 250 MB 413.
 */
function uploadByPath(ctx: HandlerContext): GraphResponse {
  const parentRef = ctx.params.parentRef ?? '';
  const nameRef = ctx.params.nameRef ?? '';
  if (!parentRef.endsWith(':') || !nameRef.endsWith(':')) throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${nameRef}'.`);
  const access = requireDrive(ctx, true);
  const parent = requireItem(access, parentRef.slice(0, -1));
  if (!parent.folder) throw badRequest('The parent item is not a folder.');
  const name = nameRef.slice(0, -1);
  requireValidName(name, access.site, pathOf(access.drive, parent));
  const behavior = conflictBehavior(ctx);
  const content = contentOf(ctx);
  const existing = childrenOf(access.drive, parent.id).find((i) => sameName(i.name, name));
  if (existing && behavior === 'fail') throw new GraphError(409, 'nameAlreadyExists', 'The specified item name already exists.');
  if (existing && behavior === 'replace') {
    if (existing.folder) throw new GraphError(409, 'nameAlreadyExists', 'A folder with the specified name already exists.');
    writeContent(ctx, existing, content);
    ctx.store.changed();
    return ok(renderItem(ctx, access.site, access.drive, existing));
  }
  const created = now();
  const item: DriveItemState = {
    id: newItemId(ctx.store),
    parentId: parent.id,
    name: existing ? freeName(access.drive, parent.id, name) : name,
    folder: false,
    createdDateTime: created,
    lastModifiedDateTime: created,
    createdBy: ctx.principal.id,
    lastModifiedBy: ctx.principal.id,
    version: 0,
    size: 0,
  };
  writeContent(ctx, item, content);
  access.drive.items.push(item);
  ctx.store.changed();
  return { status: 201, body: renderItem(ctx, access.site, access.drive, item) };
}

/** Replace a file's content `PUT /drives/{drive-id}/items/{item-id}/content` (Learn /graph/api/driveitem-put-content): 200 and the driveItem; a folder 400 (not confirmed). */
function uploadById(ctx: HandlerContext): GraphResponse {
  const access = requireDrive(ctx, true);
  const item = requireItem(access, ctx.params.itemId ?? '');
  if (item.folder) throw badRequest('The item is a folder.');
  writeContent(ctx, item, contentOf(ctx));
  ctx.store.changed();
  return ok(renderItem(ctx, access.site, access.drive, item));
}

/**
 * Download `GET /drives/{drive-id}/items/{item-id}/content` → "302 Found response redirecting to a
 * preauthenticated download URL for the file, which is the same URL available through the
 * @microsoft.graph.downloadUrl property", valid for minutes and needing no Authorization header
 * (Learn /graph/api/driveitem-get-content). A folder: 404 ("Only driveItem objects with the file
 * property can be downloaded"; the status is not confirmed).
 */
function download(ctx: HandlerContext): GraphResponse {
  const access = requireDrive(ctx, false);
  const item = requireItem(access, ctx.params.itemId ?? '');
  if (item.folder) throw notFound('Item not found');
  return { status: 302, headers: { Location: downloadUrl(ctx, access.site, access.drive, item) } };
}

/** The path of pre-authenticated download URLs (on the site's host, as SharePoint's are). */
const DOWNLOAD_PATH = /^\/sites\/[^/]+\/_layouts\/15\/download\.aspx$/i;

export function isDownloadPath(path: string): boolean {
  return DOWNLOAD_PATH.test(path);
}

/** Whether a path is a simple upload (`…/content`), which takes bodies up to SIMPLE_UPLOAD_MAX_BYTES. */
export function isSimpleUpload(path: string): boolean {
  return /^\/v1\.0\/drives\/[^/]+\/items\/.+\/content$/i.test(path);
}

/**
 * A pre-authenticated download URL: the file's bytes with its media type, no token needed. An
 * unknown or expired token: 401 (SharePoint's answer is not confirmed); the item gone: 404.
 */
export function serveDownload(store: TenantStore, rawQuery: string): GraphResponse {
  const token = new URLSearchParams(rawQuery).get('tempauth') ?? '';
  const grant = downloadGrants.get(token);
  if (!grant || grant.expires < Date.now()) return { status: 401, body: { error: { code: 'unauthenticated', message: 'The download URL is not valid or has expired.' } } };
  const item = store.state.drives?.find((d) => d.id === grant.driveId)?.items.find((i) => i.id === grant.itemId);
  if (!item || item.folder) return { status: 404, body: { error: { code: 'itemNotFound', message: 'Item not found' } } };
  return {
    status: 200,
    headers: { 'Content-Type': item.mimeType ?? 'application/octet-stream', 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(item.name)}` },
    binary: Buffer.from(item.contentBase64 ?? '', 'base64'),
  };
}

export function registerDrivesRoutes(router: Router): void {
  router.add('GET', '/teams/{teamId}/channels/{channelId}/filesFolder', getFilesFolder);
  router.add('GET', '/drives/{driveId}/items/{itemId}', getItem);
  router.add('GET', '/drives/{driveId}/items/{itemId}/children', listChildren);
  router.add('GET', '/drives/{driveId}/items/{itemId}/content', download);
  router.add('PUT', '/drives/{driveId}/items/{itemId}/content', uploadById);
  router.add('PUT', '/drives/{driveId}/items/{parentRef}/{nameRef}/content', uploadByPath);
}
