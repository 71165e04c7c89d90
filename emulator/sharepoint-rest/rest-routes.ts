/**
 * The SharePoint REST endpoints the app uses to give a team site's list its own permissions
 * (facts §15.2–15.4), under `<site webUrl>/_api/`. Sources per endpoint below; Learn =
 * https://learn.microsoft.com. Authentication, CORS and formats are in rest-service.ts.
 */
import { randomBytes } from 'node:crypto';
import { graphDateTime } from '../sharepoint/field-values.ts';
import {
  ROLE_DEFINITIONS,
  addRoleAssignment,
  breakRoleInheritance,
  deleteRoleAssignment,
  effectiveRoleAssignments,
  hasUniqueRoleAssignments,
  listRights,
  removeRoleBinding,
  resetRoleInheritance,
  roleDefinitionById,
  roleDefinitionByKind,
  roleDefinitionByName,
  siteGroups,
  type ListRight,
  type RoleDefinition,
  type SiteGroup,
  type SiteGroupKind,
} from '../sharepoint/permissions.ts';
import { findList } from '../sharepoint/list-view.ts';
import type { ListState, RoleAssignmentState, SiteState, TeamState, UserState } from '../state/tenant-state.ts';
import type { TenantStore } from '../state/tenant-store.ts';
import {
  SpRestError,
  collectionBody,
  entity,
  entityBody,
  propertyBody,
  selectProps,
  spAccessDenied,
  spBadQuery,
  spNotFound,
  voidBody,
  type RestEntity,
  type RestFormat,
} from './rest-format.ts';

export interface RestContext {
  readonly store: TenantStore;
  readonly user: UserState;
  readonly site: SiteState;
  readonly team: TeamState | undefined;
  readonly format: RestFormat;
  /** `<origin>/sites/<name>` */
  readonly siteUrl: string;
  /** `<siteUrl>/_api` */
  readonly apiUrl: string;
  /** Effective method: the HTTP method, or a POST's `X-HTTP-Method` (MERGE, DELETE, …). */
  readonly method: string;
  readonly query: URLSearchParams;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly params: Readonly<Record<string, string>>;
}

export interface RestResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type RestHandler = (ctx: RestContext) => RestResult;

interface RestRoute {
  readonly pattern: RegExp;
  readonly methods: Readonly<Partial<Record<string, RestHandler>>>;
}

const ok = (body: unknown, headers?: Record<string, string>): RestResult => ({ status: 200, body, headers });

// ---------------------------------------------------------------------------------------------
// Entities

function groupEntity(ctx: RestContext, group: SiteGroup): RestEntity {
  const owners = siteGroups(ctx.site).find((g) => g.kind === 'owners') as SiteGroup;
  return entity('SP.Group', `Web/SiteGroups/GetById(${group.id})`, {
    Id: group.id,
    IsHiddenInUI: false,
    LoginName: group.title,
    Title: group.title,
    PrincipalType: 8,
    AllowMembersEditMembership: false,
    AllowRequestToJoinLeave: false,
    AutoAcceptRequestToJoinLeave: false,
    Description: null,
    OnlyAllowMembersViewMembership: false,
    OwnerTitle: owners.title,
    RequestToJoinLeaveEmailSetting: null,
  });
}

function userEntity(ctx: RestContext, user: UserState): RestEntity {
  return entity('SP.User', `Web/GetUserById(${user.lookupId})`, {
    Id: user.lookupId,
    IsHiddenInUI: false,
    // Claims login name of an Entra user in SharePoint Online.
    LoginName: `i:0#.f|membership|${user.userPrincipalName.toLowerCase()}`,
    Title: user.displayName,
    PrincipalType: 1,
    Email: user.mail ?? '',
    IsSiteAdmin: ctx.team?.owners.includes(user.id) ?? false,
    UserPrincipalName: user.userPrincipalName.toLowerCase(),
  });
}

function roleEntity(role: RoleDefinition): RestEntity {
  return entity('SP.RoleDefinition', `Web/RoleDefinitions(${role.id})`, {
    Description: role.description,
    Hidden: false,
    Id: role.id,
    Name: role.name,
    Order: role.order,
    RoleTypeKind: role.roleTypeKind,
  });
}

function listPath(list: ListState): string {
  return `Web/Lists(guid'${list.id}')`;
}

const BASE_TEMPLATES: Readonly<Record<string, number>> = {
  genericList: 100,
  documentLibrary: 101,
  links: 103,
  announcements: 104,
  contacts: 105,
  events: 106,
  tasks: 107,
};

/** SP.List (the properties the emulator models; pnpjs `IListInfo`, src: pnp/pnpjs packages/sp/lists/types.ts). */
function listEntity(ctx: RestContext, list: ListState): RestEntity {
  return entity('SP.List', listPath(list), {
    BaseTemplate: BASE_TEMPLATES[list.template] ?? 100,
    BaseType: list.template === 'documentLibrary' ? 1 : 0,
    Created: list.createdDateTime,
    Description: list.description,
    HasUniqueRoleAssignments: hasUniqueRoleAssignments(list),
    Hidden: false,
    Id: list.id,
    ItemCount: list.items.length,
    LastItemModifiedDate: list.items.reduce((latest, i) => (i.lastModifiedDateTime > latest ? i.lastModifiedDateTime : latest), list.lastModifiedDateTime),
    ParentWebUrl: new URL(ctx.siteUrl).pathname,
    ReadSecurity: list.readSecurity ?? 1,
    Title: list.displayName,
    WriteSecurity: list.writeSecurity ?? 1,
  });
}

/** The principal (group or user) with this SharePoint id on the site, if any. */
function principal(ctx: RestContext, id: number): RestEntity | undefined {
  const group = siteGroups(ctx.site).find((g) => g.id === id);
  if (group) return groupEntity(ctx, group);
  const user = ctx.store.userByLookupId(id);
  const inSite = user && (ctx.team ? ctx.team.owners.includes(user.id) || ctx.team.members.includes(user.id) : true);
  return user && inSite ? userEntity(ctx, user) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Parameters and query options

const decodeString = (raw: string): string => raw.replace(/''/g, "'");

function stringParam(raw: string): string {
  const m = /^'((?:[^']|'')*)'$/.exec(raw.trim());
  if (!m) throw spBadQuery(`The expression "${raw}" is not a valid string literal.`);
  return decodeString(m[1] ?? '');
}

function intParam(raw: string | undefined, name: string): number {
  if (raw === undefined || !/^-?\d+$/.test(raw.trim())) throw spBadQuery(`The parameter ${name} must be an Int32, got '${raw ?? ''}'.`);
  return Number(raw.trim());
}

function boolParam(raw: string | undefined, name: string): boolean {
  const v = raw?.trim().toLowerCase();
  if (v !== 'true' && v !== 'false') throw spBadQuery(`The parameter ${name} must be a Boolean, got '${raw ?? ''}'.`);
  return v === 'true';
}

/**
 * Method parameters as SharePoint REST takes them: named (`principalid=5,roledefid=…`, names
 * case-insensitive, spaces allowed as pnpjs sends them) or positional (`breakroleinheritance(true)`,
 * the Learn sample). Unknown names are refused.
 */
function methodParams(raw: string, names: readonly string[], method: string): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  const parts = raw.trim() === '' ? [] : raw.split(',').map((p) => p.trim());
  if (parts.length > names.length) throw spBadQuery(`Too many parameters for method ${method}.`);
  parts.forEach((part, index) => {
    const eq = part.indexOf('=');
    if (eq < 0) {
      out[names[index] as string] = part;
      return;
    }
    const name = part.slice(0, eq).trim().toLowerCase();
    if (!names.includes(name)) throw spBadQuery(`The parameter ${part.slice(0, eq).trim()} does not exist in method ${method}.`);
    out[name] = part.slice(eq + 1).trim();
  });
  return out;
}

function parseList(raw: string | null | undefined): string[] | null {
  if (raw === null || raw === undefined) return null;
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** `$select`: names must exist on the entity (case-insensitive); SharePoint refuses unknown ones. */
function applySelect(ctx: RestContext, e: RestEntity): RestEntity {
  const select = parseList(ctx.query.get('$select'));
  if (!select) return e;
  const known = new Set(Object.keys(e.props).map((k) => k.toLowerCase()));
  const expandable = new Set(['member', 'roledefinitionbindings']);
  for (const s of select) {
    const head = (s.split('/')[0] ?? s).toLowerCase();
    if (head !== '*' && !known.has(head) && !expandable.has(head)) throw spBadQuery(`The field or property '${s}' does not exist.`);
  }
  return select.includes('*') ? e : selectProps(e, select);
}

// ---------------------------------------------------------------------------------------------
// Permission checks

function rightsOn(ctx: RestContext, list: ListState): Set<ListRight> {
  return listRights(ctx.store, ctx.site, list, ctx.user);
}

function requireRight(ctx: RestContext, list: ListState, right: ListRight): void {
  if (!rightsOn(ctx, list).has(right)) throw spAccessDenied();
}

/** The list addressed as `lists(guid'…')`, `lists/getbyid('…')` or `lists/getbytitle('…')`. */
function requireList(ctx: RestContext): ListState {
  const { listId, listTitle } = ctx.params;
  if (listTitle !== undefined) {
    const title = decodeString(listTitle).toLowerCase();
    const list = ctx.site.lists.find((l) => l.displayName.toLowerCase() === title);
    if (!list) throw spNotFound(`List '${decodeString(listTitle)}' does not exist at site with URL '${ctx.siteUrl}'.`);
    return list;
  }
  const list = findList(ctx.site, listId ?? '');
  if (!list || list.id.toLowerCase() !== (listId ?? '').toLowerCase()) {
    throw spNotFound('List does not exist.\n\nThe page you selected contains a list that does not exist.  It may have been deleted by another user.');
  }
  return list;
}

/**
 * Changing a list's permissions or its WriteSecurity/ReadSecurity needs Manage Permissions on the
 * list (Full Control; the site owners while the list inherits): "Only users who have sufficient
 * permissions to change list permissions (such as site owners) can run this add-in"
 * [learn: /sharepoint/dev/sp-add-ins/set-custom-permissions-on-a-list-by-using-the-rest-interface].
 * (SharePoint may let Manage Lists holders set WriteSecurity; the emulator's contract asks for Manage Permissions.)
 */
function requireManagedList(ctx: RestContext): ListState {
  const list = requireList(ctx);
  requireRight(ctx, list, 'managePermissions');
  return list;
}

/** Changing single role assignments of an object that inherits is refused (SharePoint's message; status not confirmed). */
function requireUnique(list: ListState): RoleAssignmentState[] {
  if (!list.roleAssignments) {
    throw new SpRestError(400, '-2146232832, Microsoft.SharePoint.SPException', 'This operation is not allowed on an object that inherits permissions.');
  }
  return list.roleAssignments;
}

const principalNotFound = (id: number): SpRestError => spNotFound(`Can not find the principal with id: ${id}.`);

function requireRole(id: number): RoleDefinition {
  const role = roleDefinitionById(id);
  if (!role) throw spNotFound(`Can not find the role definition with id: ${id}.`);
  return role;
}

function roleAssignmentEntity(ctx: RestContext, list: ListState, assignment: RoleAssignmentState): RestEntity {
  const expand = new Set((parseList(ctx.query.get('$expand')) ?? []).map((e) => e.toLowerCase()));
  for (const e of expand) {
    if (e !== 'member' && e !== 'roledefinitionbindings') throw spBadQuery(`The field or property '${e}' does not exist.`);
  }
  const props: Record<string, unknown> = { PrincipalId: assignment.principalId };
  if (expand.has('member')) props.Member = principal(ctx, assignment.principalId) ?? null;
  if (expand.has('roledefinitionbindings')) {
    props.RoleDefinitionBindings = assignment.roleDefinitionIds.flatMap((id) => {
      const role = roleDefinitionById(id);
      return role ? [roleEntity(role)] : [];
    });
  }
  return entity('SP.RoleAssignment', `${listPath(list)}/RoleAssignments/GetByPrincipalId(${assignment.principalId})`, props);
}

function changed(ctx: RestContext): void {
  ctx.store.changed();
}

// ---------------------------------------------------------------------------------------------
// Handlers

/**
 * POST _api/contextinfo → FormDigestValue and FormDigestTimeoutSeconds (SP.ContextWebInformation)
 * [learn: /sharepoint/dev/sp-add-ins/complete-basic-operations-using-sharepoint-rest-endpoints].
 * Requests with a bearer token need no digest (facts §15.4); the digest is only handed out.
 */
const contextInfo: RestHandler = (ctx) => {
  const info = {
    FormDigestTimeoutSeconds: 1800,
    FormDigestValue: `0x${randomBytes(64).toString('hex').toUpperCase()},${new Date().toUTCString().replace('GMT', '-0000')}`,
    LibraryVersion: '16.0.0.0',
    SiteFullUrl: ctx.siteUrl,
    SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
    WebFullUrl: ctx.siteUrl,
  };
  if (ctx.format === 'verbose') {
    return ok({
      d: { GetContextWebInformation: { __metadata: { type: 'SP.ContextWebInformation' }, ...info, SupportedSchemaVersions: { results: info.SupportedSchemaVersions } } },
    });
  }
  const meta = ctx.format === 'minimalmetadata' ? { 'odata.metadata': `${ctx.apiUrl}/$metadata#SP.ContextWebInformation` } : {};
  return ok({ ...meta, ...info });
};

/** GET _api/web: the site's web (a few SP.Web properties). */
const getWeb: RestHandler = (ctx) => {
  const webId = ctx.site.id.split(',')[2] ?? ctx.site.id;
  const web = entity('SP.Web', 'Web', {
    Created: ctx.site.createdDateTime,
    Description: ctx.site.description,
    Id: webId,
    ServerRelativeUrl: new URL(ctx.siteUrl).pathname,
    Title: ctx.site.displayName,
    Url: ctx.siteUrl,
    WebTemplate: 'GROUP',
  });
  return ok(entityBody(applySelect(ctx, web), ctx.format, ctx.apiUrl, 'SP.ApiData.Webs/@Element'));
};

/** A group as entity, or its `/id` property. */
function groupResult(ctx: RestContext, group: SiteGroup): RestResult {
  if (ctx.params.idOnly) return ok(propertyBody('Id', group.id, ctx.format, ctx.apiUrl, 'Edm.Int32'));
  return ok(entityBody(applySelect(ctx, groupEntity(ctx, group)), ctx.format, ctx.apiUrl, 'SP.ApiData.Groups/@Element'));
}

/**
 * GET _api/web/associatedownergroup | associatedmembergroup | associatedvisitorgroup (SP.Web
 * properties used by pnpjs, src: pnp/pnpjs packages/sp/site-groups/web.ts). Ids: Owners 3,
 * Visitors 4, Members 5 (sharepoint/permissions.ts).
 */
const getAssociatedGroup: RestHandler = (ctx) => {
  const kind = { owner: 'owners', member: 'members', visitor: 'visitors' }[ctx.params.which?.toLowerCase() ?? ''] as SiteGroupKind;
  return groupResult(ctx, siteGroups(ctx.site).find((g) => g.kind === kind) as SiteGroup);
};

/** GET _api/web/sitegroups/getbyid(n) | getbyname('…') (pnpjs site-groups). */
const getSiteGroup: RestHandler = (ctx) => {
  const by = ctx.params.by?.toLowerCase();
  const arg = ctx.params.arg ?? '';
  const groups = siteGroups(ctx.site);
  const group =
    by === 'id' ? groups.find((g) => g.id === intParam(arg, 'id')) : groups.find((g) => g.title.toLowerCase() === stringParam(arg).toLowerCase());
  if (!group) throw spNotFound('Group cannot be found.');
  return groupResult(ctx, group);
};

/**
 * GET _api/web/roledefinitions/getbytype(n) | getbyname('…') | getbyid(n) (facts §15.2; RoleTypeKind
 * per pnpjs `getByType` and SP.RoleType). Only Reader 2, Contributor 3, WebDesigner 4,
 * Administrator 5 and Editor 6 exist in the emulator; other kinds are 404.
 */
const getRoleDefinition: RestHandler = (ctx) => {
  const by = ctx.params.by?.toLowerCase();
  const arg = ctx.params.arg ?? '';
  const role =
    by === 'type'
      ? roleDefinitionByKind(intParam(arg, 'roleType'))
      : by === 'id'
        ? roleDefinitionById(intParam(arg, 'id'))
        : roleDefinitionByName(stringParam(arg));
  if (!role) throw spNotFound('The role definition cannot be found.');
  if (ctx.params.idOnly) return ok(propertyBody('Id', role.id, ctx.format, ctx.apiUrl, 'Edm.Int32'));
  return ok(entityBody(applySelect(ctx, roleEntity(role)), ctx.format, ctx.apiUrl, 'SP.ApiData.RoleDefinitions/@Element'));
};

/** GET _api/web/roledefinitions: all of them, in SharePoint's order (Full Control first). */
const listRoleDefinitions: RestHandler = (ctx) =>
  ok(collectionBody(ROLE_DEFINITIONS.map(roleEntity), ctx.format, ctx.apiUrl, 'SP.ApiData.RoleDefinitions'));

/** GET _api/web/lists(guid'…') [learn: /sharepoint/dev/sp-add-ins/working-with-lists-and-list-items-with-rest]; needs View on the list. */
const getList: RestHandler = (ctx) => {
  const list = requireList(ctx);
  requireRight(ctx, list, 'viewListItems');
  return ok(entityBody(applySelect(ctx, listEntity(ctx, list)), ctx.format, ctx.apiUrl, 'SP.ApiData.Lists/@Element'), {
    ETag: `"${list.version}"`,
  });
};

const MERGEABLE = new Set(['writesecurity', 'readsecurity', 'title', 'description']);

/**
 * POST _api/web/lists(guid'…') with `X-HTTP-Method: MERGE`, `IF-MATCH: *` and
 * `{ "WriteSecurity": 1|2|4, "ReadSecurity": 1|2 }` (with or without `__metadata: {type: "SP.List"}`)
 * [learn: /sharepoint/dev/sp-add-ins/working-with-lists-and-list-items-with-rest; facts §15.3].
 * MERGE changes only the sent properties; an IF-MATCH that does not match is 412; none = overwrite
 * [learn: /sharepoint/dev/sp-add-ins/complete-basic-operations-using-sharepoint-rest-endpoints].
 * The emulator takes WriteSecurity, ReadSecurity, Title and Description; any other property is
 * refused with 400 (SharePoint knows many more; an unknown one is refused the same way). Values
 * outside 1|2|4 (WriteSecurity) and 1|2 (ReadSecurity) are 400.
 * Success: 204 without a body, as an OData MERGE answers; SharePoint's answer is not confirmed
 * (facts §15.3), so clients must accept any 2xx and not read a body.
 */
const mergeList: RestHandler = (ctx) => {
  const list = requireManagedList(ctx);
  const ifMatch = ctx.headers['if-match'];
  if (ifMatch !== undefined && ifMatch.trim() !== '*' && ifMatch.trim() !== `"${list.version}"`) {
    throw new SpRestError(
      412,
      '-1, Microsoft.SharePoint.Client.ClientServiceException',
      `The request ETag value '${ifMatch}' does not match the object's ETag value '"${list.version}"'.`,
    );
  }
  const body = ctx.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw spBadQuery('The request body must be a JSON object with the SP.List properties to change.');
  const props = body as Record<string, unknown>;
  const update: Partial<Pick<ListState, 'writeSecurity' | 'readSecurity' | 'displayName' | 'description'>> = {};
  for (const [key, value] of Object.entries(props)) {
    if (key === '__metadata') {
      const type = (value as { type?: unknown } | null)?.type;
      if (type !== undefined && type !== 'SP.List') throw spBadQuery(`A type named '${String(type)}' could not be resolved for an SP.List.`);
      continue;
    }
    if (!MERGEABLE.has(key.toLowerCase())) {
      throw spBadQuery(`The property '${key}' does not exist on type 'SP.List'. Make sure to only use property names that are defined by the type.`);
    }
    const lower = key.toLowerCase();
    if (lower === 'writesecurity' || lower === 'readsecurity') {
      if (typeof value !== 'number') throw spBadQuery(`Cannot convert a primitive value to the expected type 'Edm.Int32'.`);
      const allowed = lower === 'writesecurity' ? [1, 2, 4] : [1, 2];
      if (!allowed.includes(value)) throw new SpRestError(400, '-2147024809, System.ArgumentException', 'Value does not fall within the expected range.');
      if (lower === 'writesecurity') update.writeSecurity = value as 1 | 2 | 4;
      else update.readSecurity = value as 1 | 2;
    } else {
      if (typeof value !== 'string') throw spBadQuery(`Cannot convert a primitive value to the expected type 'Edm.String'.`);
      if (lower === 'title') {
        const title = value.trim();
        if (!title || ctx.site.lists.some((l) => l !== list && l.displayName.toLowerCase() === title.toLowerCase())) {
          throw new SpRestError(
            400,
            '-2130575342, Microsoft.SharePoint.SPException',
            'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
          );
        }
        update.displayName = title;
      } else update.description = value;
    }
  }
  Object.assign(list, update);
  // A list settings change updates the list (SPList.Update), so its version (Graph eTag) moves on.
  list.version += 1;
  list.lastModifiedDateTime = graphDateTime();
  list.lastModifiedById = ctx.user.id;
  changed(ctx);
  return { status: 204 };
};

/**
 * GET _api/web/lists(guid'…')/roleassignments[?$expand=Member,RoleDefinitionBindings]: the
 * assignments in force (the site's while the list inherits). Needs Enumerate Permissions (Full Control).
 */
const getRoleAssignments: RestHandler = (ctx) => {
  const list = requireList(ctx);
  requireRight(ctx, list, 'enumeratePermissions');
  const items = effectiveRoleAssignments(list).map((a) => roleAssignmentEntity(ctx, list, a));
  return ok(collectionBody(items, ctx.format, ctx.apiUrl, 'SP.ApiData.RoleAssignments'));
};

/** GET …/roleassignments/getbyprincipalid(n): that principal's assignment. */
const getRoleAssignment: RestHandler = (ctx) => {
  const list = requireList(ctx);
  requireRight(ctx, list, 'enumeratePermissions');
  const id = intParam(ctx.params.principalId, 'principalId');
  const assignment = effectiveRoleAssignments(list).find((a) => a.principalId === id);
  if (!assignment) throw principalNotFound(id);
  return ok(entityBody(roleAssignmentEntity(ctx, list, assignment), ctx.format, ctx.apiUrl, 'SP.ApiData.RoleAssignments/@Element'));
};

/**
 * POST …/roleassignments/getbyprincipalid(n) with `X-HTTP-Method: DELETE`
 * [learn: /sharepoint/dev/sp-add-ins/set-custom-permissions-on-a-list-by-using-the-rest-interface], and
 * POST …/getbyprincipalid(n)/deleteobject() (SP.RoleAssignment.deleteObject, facts §15.2): removes
 * the principal's assignment. Only on a list with unique permissions (400 otherwise, SharePoint's
 * message; status not confirmed); a principal without an assignment is 404 (not confirmed).
 */
function deleteAssignment(ctx: RestContext): void {
  const list = requireManagedList(ctx);
  requireUnique(list);
  const id = intParam(ctx.params.principalId, 'principalId');
  if (!deleteRoleAssignment(list, id)) throw principalNotFound(id);
  changed(ctx);
}

/**
 * The DELETE form answers 200 without a body, as an OData DELETE of an entity does; SharePoint's
 * answer is not confirmed, so clients must test the status only. The deleteobject() form is a
 * method call and answers like the other void methods (voidBody).
 */
const deleteAssignmentByHeader: RestHandler = (ctx) => {
  deleteAssignment(ctx);
  return { status: 200 };
};
const deleteAssignmentByMethod: RestHandler = (ctx) => {
  deleteAssignment(ctx);
  return ok(voidBody('DeleteObject', ctx.format, ctx.apiUrl));
};

/**
 * POST …/roleassignments/addroleassignment(principalid=n,roledefid=m) (Learn page above; pnpjs
 * packages/sp/security/funcs.ts) and removeroleassignment(principalid=n,roledefid=m) (pnpjs).
 * The principal must be one of the site's groups or a user of the site (the team's owners and
 * members); the list must have unique permissions.
 */
function changeBinding(ctx: RestContext, add: boolean): RestResult {
  const list = requireManagedList(ctx);
  const methodName = add ? 'AddRoleAssignment' : 'RemoveRoleAssignment';
  const params = methodParams(ctx.params.args ?? '', ['principalid', 'roledefid'], methodName);
  const principalId = intParam(params.principalid, 'principalId');
  const role = requireRole(intParam(params.roledefid, 'roleDefId'));
  if (!principal(ctx, principalId)) throw principalNotFound(principalId);
  requireUnique(list);
  const didChange = add ? addRoleAssignment(list, principalId, role.id) : removeRoleBinding(list, principalId, role.id);
  if (didChange) changed(ctx);
  return ok(voidBody(methodName, ctx.format, ctx.apiUrl));
}

const addBinding: RestHandler = (ctx) => changeBinding(ctx, true);
const removeBinding: RestHandler = (ctx) => changeBinding(ctx, false);

/**
 * POST …/breakroleinheritance(copyroleassignments=true, clearsubscopes=true) (pnpjs) or the Learn
 * sample's positional `breakroleinheritance(true)`. copy=false leaves only the caller's assignment
 * (Full Control); on a list with unique permissions it changes nothing (sharepoint/permissions.ts).
 */
const breakInheritance: RestHandler = (ctx) => {
  const list = requireManagedList(ctx);
  const params = methodParams(ctx.params.args ?? '', ['copyroleassignments', 'clearsubscopes'], 'BreakRoleInheritance');
  if (params.copyroleassignments === undefined) throw spBadQuery('The parameter copyRoleAssignments is required by method BreakRoleInheritance.');
  const copy = boolParam(params.copyroleassignments, 'copyRoleAssignments');
  if (params.clearsubscopes !== undefined) boolParam(params.clearsubscopes, 'clearSubscopes');
  if (breakRoleInheritance(list, copy, ctx.user)) changed(ctx);
  return ok(voidBody('BreakRoleInheritance', ctx.format, ctx.apiUrl));
};

/** POST …/resetroleinheritance (pnpjs `resetRoleInheritance`): the list inherits the site's permissions again. */
const resetInheritance: RestHandler = (ctx) => {
  const list = requireManagedList(ctx);
  if (resetRoleInheritance(list)) changed(ctx);
  return ok(voidBody('ResetRoleInheritance', ctx.format, ctx.apiUrl));
};

// ---------------------------------------------------------------------------------------------
// Route table (matched against the percent-decoded path below `_api/`, case-insensitively)

const LIST = String.raw`web/lists(?:\(guid'(?<listId>[0-9a-fA-F-]{36})'\)|/getbyid\('(?<listIdByGetById>[0-9a-fA-F-]{36})'\)|/getbytitle\('(?<listTitle>(?:[^']|'')*)'\))`;

const route = (pattern: string, methods: RestRoute['methods']): RestRoute => ({ pattern: new RegExp(`^${pattern}$`, 'i'), methods });

export const REST_ROUTES: readonly RestRoute[] = [
  route('contextinfo', { POST: contextInfo }),
  route('web', { GET: getWeb }),
  route(String.raw`web/associated(?<which>owner|member|visitor)group(?<idOnly>/id)?`, { GET: getAssociatedGroup }),
  route(String.raw`web/sitegroups/getby(?<by>id|name)\((?<arg>[^)]*)\)(?<idOnly>/id)?`, { GET: getSiteGroup }),
  route('web/roledefinitions', { GET: listRoleDefinitions }),
  route(String.raw`web/roledefinitions/getby(?<by>type|id|name)\((?<arg>[^)]*)\)(?<idOnly>/id)?`, { GET: getRoleDefinition }),
  route(LIST, { GET: getList, MERGE: mergeList, PATCH: mergeList }),
  route(`${LIST}/roleassignments`, { GET: getRoleAssignments }),
  route(String.raw`${LIST}/roleassignments/getbyprincipalid\((?<principalId>[^)]*)\)`, { GET: getRoleAssignment, DELETE: deleteAssignmentByHeader }),
  route(String.raw`${LIST}/roleassignments/getbyprincipalid\((?<principalId>[^)]*)\)/deleteobject(?:\(\))?`, { POST: deleteAssignmentByMethod }),
  route(String.raw`${LIST}/roleassignments/addroleassignment\((?<args>[^)]*)\)`, { POST: addBinding }),
  route(String.raw`${LIST}/roleassignments/removeroleassignment\((?<args>[^)]*)\)`, { POST: removeBinding }),
  route(String.raw`${LIST}/breakroleinheritance\((?<args>[^)]*)\)`, { POST: breakInheritance }),
  route(String.raw`${LIST}/resetroleinheritance(?:\(\))?`, { POST: resetInheritance }),
];

export type RouteMatch =
  | { kind: 'found'; handler: RestHandler; params: Record<string, string> }
  | { kind: 'methodNotAllowed'; resource: string }
  | { kind: 'none' };

export function matchRoute(method: string, apiPath: string): RouteMatch {
  for (const r of REST_ROUTES) {
    const m = r.pattern.exec(apiPath);
    if (!m) continue;
    const handler = r.methods[method];
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) params[k] = v;
    if (params.listIdByGetById !== undefined) params.listId = params.listIdByGetById;
    if (!handler) return { kind: 'methodNotAllowed', resource: apiPath.split('/').pop() ?? apiPath };
    return { kind: 'found', handler, params };
  }
  return { kind: 'none' };
}

