/**
 * SharePoint list permissions: site groups, role definitions (permission levels), list role
 * assignments with inheritance, and the item-level WriteSecurity/ReadSecurity settings. The
 * SharePoint REST endpoints (sharepoint-rest/) change them; the Graph list/item endpoints
 * (graph/access.ts) enforce them. Facts: /work/shared/reference/graph-teams-facts.md §15.
 */
import type { AppRegistrationState, ListItemState, ListState, RoleAssignmentState, SiteAppRole, SiteState, TeamState, UserState } from '../state/tenant-state.ts';
import type { TenantStore } from '../state/tenant-store.ts';

/**
 * What a user may do on a list, as the SharePoint base permissions the emulator models
 * (bit numbers in pnpjs `PermissionKind`, pnp/pnpjs packages/sp/security/types.ts):
 * ViewListItems 1, AddListItems 2, EditListItems 3, DeleteListItems 4, CancelCheckout 9
 * (= Override List Behaviors: not held back by WriteSecurity/ReadSecurity), ManageLists 12,
 * ManagePermissions 26, EnumeratePermissions 63.
 */
export type ListRight =
  | 'viewListItems'
  | 'addListItems'
  | 'editListItems'
  | 'deleteListItems'
  | 'cancelCheckout'
  | 'manageLists'
  | 'managePermissions'
  | 'enumeratePermissions';

export interface RoleDefinition {
  readonly id: number;
  readonly name: string;
  /** SP.RoleType: Reader 2, Contributor 3, WebDesigner 4, Administrator 5, Editor 6. */
  readonly roleTypeKind: number;
  readonly description: string;
  readonly order: number;
  readonly rights: readonly ListRight[];
}

const READ: readonly ListRight[] = ['viewListItems'];
const CONTRIBUTE: readonly ListRight[] = [...READ, 'addListItems', 'editListItems', 'deleteListItems'];
const EDIT: readonly ListRight[] = [...CONTRIBUTE, 'manageLists'];
/** Design has everything but the permission management rights (SharePoint's Design level). */
const DESIGN: readonly ListRight[] = [...EDIT, 'cancelCheckout'];
const FULL_CONTROL: readonly ListRight[] = [...DESIGN, 'managePermissions', 'enumeratePermissions'];

/**
 * The default permission levels. Ids are the commonly hard-coded values (Read 1073741826,
 * Contribute 1073741827, Design 1073741828, Full Control 1073741829, Edit 1073741830), which are
 * not in Microsoft docs (facts §15.2: "not confirmed"); RoleTypeKind per pnpjs `getByType` and
 * SP.RoleType (https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-csom/ee536725(v=office.15)).
 * The level ↔ kind mapping (Read↔Reader etc.) is not confirmed by a Microsoft page either.
 * Apps must look them up (`roledefinitions/getbytype(n)`), never hard-code them.
 */
export const ROLE_DEFINITIONS: readonly RoleDefinition[] = [
  { id: 1073741829, name: 'Full Control', roleTypeKind: 5, description: 'Has full control.', order: 1, rights: FULL_CONTROL },
  { id: 1073741828, name: 'Design', roleTypeKind: 4, description: 'Can view, add, update, delete, approve, and customize.', order: 32, rights: DESIGN },
  {
    id: 1073741830,
    name: 'Edit',
    roleTypeKind: 6,
    description: 'Can add, edit and delete lists; can view, add, update and delete list items and documents.',
    order: 48,
    rights: EDIT,
  },
  { id: 1073741827, name: 'Contribute', roleTypeKind: 3, description: 'Can view, add, update, and delete list items and documents.', order: 64, rights: CONTRIBUTE },
  { id: 1073741826, name: 'Read', roleTypeKind: 2, description: 'Can view pages and list items and download documents.', order: 128, rights: READ },
];

export const roleDefinitionById = (id: number): RoleDefinition | undefined => ROLE_DEFINITIONS.find((r) => r.id === id);
export const roleDefinitionByKind = (kind: number): RoleDefinition | undefined => ROLE_DEFINITIONS.find((r) => r.roleTypeKind === kind);
export const roleDefinitionByName = (name: string): RoleDefinition | undefined =>
  ROLE_DEFINITIONS.find((r) => r.name.toLowerCase() === name.toLowerCase());
const role = (kind: number): RoleDefinition => roleDefinitionByKind(kind) as RoleDefinition;

export type SiteGroupKind = 'owners' | 'members' | 'visitors';

/**
 * The site's associated groups (SP.Web associatedownergroup/-membergroup/-visitorgroup, facts
 * §15.2). The emulator gives every site the same ids, chosen as a new team site's: Owners 3,
 * Visitors 4, Members 5 (ids are site-specific in SharePoint; apps must look them up).
 * A group-connected site's Owners group holds the Microsoft 365 group's owners and its Members
 * group the group's members ([learn-src: sp-dev-docs docs/transform/modernize-connect-to-office365-group-permissions.md]);
 * the Visitors group is empty.
 */
export const SITE_GROUP_IDS: Readonly<Record<SiteGroupKind, number>> = { owners: 3, visitors: 4, members: 5 };

const GROUP_SUFFIX: Readonly<Record<SiteGroupKind, string>> = { owners: 'Owners', members: 'Members', visitors: 'Visitors' };

export interface SiteGroup {
  readonly id: number;
  readonly kind: SiteGroupKind;
  readonly title: string;
}

export function siteGroups(site: SiteState): SiteGroup[] {
  return (['owners', 'visitors', 'members'] as const).map((kind) => ({
    id: SITE_GROUP_IDS[kind],
    kind,
    title: `${site.displayName} ${GROUP_SUFFIX[kind]}`,
  }));
}

export function siteGroup(site: SiteState, kind: SiteGroupKind): SiteGroup {
  return siteGroups(site).find((g) => g.kind === kind) as SiteGroup;
}

/**
 * The site's own role assignments, which a list inherits until its inheritance is broken: Owners
 * Full Control, Members Edit, Visitors Read — the defaults of a Microsoft 365 group-connected team
 * site (members have Edit there, which is why they can create lists; contract of this emulator).
 */
export function siteRoleAssignments(): RoleAssignmentState[] {
  return [
    { principalId: SITE_GROUP_IDS.owners, roleDefinitionIds: [role(5).id] },
    { principalId: SITE_GROUP_IDS.visitors, roleDefinitionIds: [role(2).id] },
    { principalId: SITE_GROUP_IDS.members, roleDefinitionIds: [role(6).id] },
  ];
}

/** The assignments in force on the list: its own when unique, else the site's. */
export function effectiveRoleAssignments(list: ListState): RoleAssignmentState[] {
  return list.roleAssignments ?? siteRoleAssignments();
}

export const hasUniqueRoleAssignments = (list: ListState): boolean => list.roleAssignments !== undefined;

/** The principal ids a user acts as on a site: the user's own SharePoint id and the site groups they are in. */
export function principalIdsOf(user: UserState, team: TeamState | undefined): number[] {
  const ids = [user.lookupId];
  if (team?.owners.includes(user.id)) ids.push(SITE_GROUP_IDS.owners);
  if (team?.members.includes(user.id)) ids.push(SITE_GROUP_IDS.members);
  return ids;
}

/** The users in a site group (the team's owners or members; Visitors is empty). */
export function groupMembers(store: TenantStore, team: TeamState | undefined, kind: SiteGroupKind): UserState[] {
  const ids = kind === 'owners' ? (team?.owners ?? []) : kind === 'members' ? (team?.members ?? []) : [];
  return ids.flatMap((id) => store.userById(id) ?? []);
}

/**
 * The user's effective rights on a list: the union of the roles bound to the principals they act
 * as. A site without a team (none in the demo tenant) gives everyone Edit, as before permissions existed.
 * Team owners are also site collection admins in SharePoint (facts §15.2); that admins keep rights
 * on a list with unique permissions is "not confirmed", so the emulator takes the strict reading and
 * gives them no rights beyond those bound to the Owners group (or to them): a list whose Owners
 * assignment was taken away is closed to the board too, including its permissions.
 */
export function listRights(store: TenantStore, site: SiteState, list: ListState, user: UserState): Set<ListRight> {
  const team = store.teamOfSite(site);
  const rights = new Set<ListRight>();
  if (!team) {
    for (const r of role(6).rights) rights.add(r);
    return rights;
  }
  const principals = new Set(principalIdsOf(user, team));
  for (const assignment of effectiveRoleAssignments(list)) {
    if (!principals.has(assignment.principalId)) continue;
    for (const id of assignment.roleDefinitionIds) for (const r of roleDefinitionById(id)?.rights ?? []) rights.add(r);
  }
  return rights;
}

/**
 * Item-level read check (ReadSecurity=2: "Read only my items"; [learn: /sharepoint/dev/schema/security-element]).
 * Holders of Override List Behaviors (CancelCheckout: Full Control, Design) read all items
 * [blog: natechamberlain.com 2018-09-02]. One report says even a Full Control reader got no items
 * through Graph (issue microsoftgraph/msgraph-sdk-dotnet-core#86); not emulated. `principalId`: the
 * caller's user id, or an app's client id.
 */
export function canReadItem(rights: ReadonlySet<ListRight>, list: ListState, item: ListItemState, principalId: string): boolean {
  if (!rights.has('viewListItems')) return false;
  if ((list.readSecurity ?? 1) !== 2 || rights.has('cancelCheckout')) return true;
  return item.authorId === principalId;
}

/**
 * Item-level write check for an edit or delete. WriteSecurity 2 = "Users can modify only items that
 * they create", 4 = "Users cannot modify any list item"
 * [learn: /previous-versions/office/sharepoint-server/ms410739(v=office.15)]; it applies to delete
 * as well as edit [blog: amosfivesix.com]; Override List Behaviors (Full Control, Design) is not
 * held back by it [blog: natechamberlain.com 2018-09-02]. `principalId`: the caller's user id, or
 * an app's client id (items an app created are its own).
 */
export function canWriteItem(
  rights: ReadonlySet<ListRight>,
  list: ListState,
  item: ListItemState,
  principalId: string,
  right: 'editListItems' | 'deleteListItems',
): boolean {
  if (!rights.has(right)) return false;
  if (rights.has('cancelCheckout')) return true;
  const ws = list.writeSecurity ?? 1;
  if (ws === 4) return false;
  if (ws === 2) return item.authorId === principalId;
  return true;
}

/** Adding items: AddListItems, and not on a WriteSecurity=4 list unless Override List Behaviors (same sources). */
export function canAddItems(rights: ReadonlySet<ListRight>, list: ListState): boolean {
  if (!rights.has('addListItems')) return false;
  return (list.writeSecurity ?? 1) !== 4 || rights.has('cancelCheckout');
}

/**
 * breakroleinheritance(copyRoleAssignments, clearSubscopes) on a list that inherits: with copy the
 * site's assignments are copied; without, "the collection of role assignments must contain only 1
 * role assignment containing the current user after the operation" — the caller with Full Control
 * [learn: /previous-versions/office/developer/sharepoint-2010/ee659518(v=office.14)]. On a list that
 * already has unique permissions it does nothing (idempotent; the emulator's reading). Items have
 * no unique permissions in the emulator, so clearSubscopes has nothing to reset.
 */
export function breakRoleInheritance(list: ListState, copyRoleAssignments: boolean, caller: UserState): boolean {
  if (list.roleAssignments !== undefined) return false;
  list.roleAssignments = copyRoleAssignments
    ? siteRoleAssignments()
    : [{ principalId: caller.lookupId, roleDefinitionIds: [role(5).id] }];
  return true;
}

/** resetroleinheritance: the list inherits the site's assignments again (pnpjs `resetroleinheritance`). */
export function resetRoleInheritance(list: ListState): boolean {
  if (list.roleAssignments === undefined) return false;
  delete list.roleAssignments;
  return true;
}

/** addroleassignment(principalid, roledefid): adds a binding (no-op when it is there already). */
export function addRoleAssignment(list: ListState, principalId: number, roleDefinitionId: number): boolean {
  const assignments = list.roleAssignments as RoleAssignmentState[];
  let assignment = assignments.find((a) => a.principalId === principalId);
  if (!assignment) {
    assignment = { principalId, roleDefinitionIds: [] };
    assignments.push(assignment);
    assignments.sort((a, b) => a.principalId - b.principalId);
  }
  if (assignment.roleDefinitionIds.includes(roleDefinitionId)) return false;
  assignment.roleDefinitionIds.push(roleDefinitionId);
  return true;
}

/** removeroleassignment(principalid, roledefid): removes one binding; the assignment goes with its last binding. */
export function removeRoleBinding(list: ListState, principalId: number, roleDefinitionId: number): boolean {
  const assignments = list.roleAssignments as RoleAssignmentState[];
  const assignment = assignments.find((a) => a.principalId === principalId);
  if (!assignment?.roleDefinitionIds.includes(roleDefinitionId)) return false;
  assignment.roleDefinitionIds = assignment.roleDefinitionIds.filter((id) => id !== roleDefinitionId);
  if (assignment.roleDefinitionIds.length === 0) assignments.splice(assignments.indexOf(assignment), 1);
  return true;
}

/** roleassignments/getbyprincipalid(id) DELETE / deleteobject(): removes the principal's whole assignment. */
export function deleteRoleAssignment(list: ListState, principalId: number): boolean {
  const assignments = list.roleAssignments as RoleAssignmentState[];
  const index = assignments.findIndex((a) => a.principalId === principalId);
  if (index < 0) return false;
  assignments.splice(index, 1);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Applications (app-only Graph calls)

/** Order of the site roles an app can hold, weakest first. */
export const SITE_APP_ROLES: readonly SiteAppRole[] = ['read', 'write', 'manage', 'fullcontrol'];

/**
 * The list rights of each site role: read = Read (lists, columns, items); write = Contribute (also
 * add, edit, delete items); manage = Edit (also create and change lists and columns: "manage (adds
 * Manage Lists)" [devblog: microsoft365dev "SharePoint now supports delegated Sites.Selected
 * authentication"], facts §11); fullcontrol = Full Control. That write cannot create lists or
 * columns is the strict reading (facts §11: inference, not confirmed).
 */
const APP_ROLE_RIGHTS: Readonly<Record<SiteAppRole, readonly ListRight[]>> = {
  read: READ,
  write: CONTRIBUTE,
  manage: EDIT,
  fullcontrol: FULL_CONTROL,
};

/**
 * Tenant-wide SharePoint application permissions and the role they give on every site: Learn
 * /graph/api/listitem-list (Sites.Read.All), /graph/api/listitem-create and -update
 * (Sites.ReadWrite.All), /graph/api/list-create and /graph/api/list-post-columns (Sites.Manage.All);
 * Sites.FullControl.All is the highest (Learn /graph/permissions-reference).
 */
export const TENANT_SITE_PERMISSIONS: Readonly<Record<string, SiteAppRole>> = {
  'Sites.Read.All': 'read',
  'Sites.ReadWrite.All': 'write',
  'Sites.Manage.All': 'manage',
  'Sites.FullControl.All': 'fullcontrol',
};

export const SITES_SELECTED = 'Sites.Selected';

const strongest = (roles: readonly SiteAppRole[]): SiteAppRole | undefined =>
  roles.reduce<SiteAppRole | undefined>((best, r) => (best === undefined || SITE_APP_ROLES.indexOf(r) > SITE_APP_ROLES.indexOf(best) ? r : best), undefined);

/**
 * The app's role on a site: the strongest of its tenant-wide Sites.* permissions and, when it holds
 * `Sites.Selected`, the roles of its grant on the site. "Selected scopes require an explicit
 * assignment action" and a grant without the consented scope gives nothing ("If any of the three
 * steps are missed, the application doesn't have access") [learn: /graph/permissions-selected-overview].
 * Undefined: no access to the site.
 */
export function appSiteRole(app: AppRegistrationState, site: SiteState): SiteAppRole | undefined {
  const held = new Set(app.applicationPermissions.map((p) => p.toLowerCase()));
  const roles: SiteAppRole[] = [];
  for (const [permission, role] of Object.entries(TENANT_SITE_PERMISSIONS)) if (held.has(permission.toLowerCase())) roles.push(role);
  if (held.has(SITES_SELECTED.toLowerCase())) {
    for (const grant of site.appGrants ?? []) if (grant.appId.toLowerCase() === app.appId.toLowerCase()) roles.push(...grant.roles);
  }
  return strongest(roles);
}

/**
 * An app's rights on a list of the site: those of its site role. The list's own role assignments
 * (SharePoint REST, §15.2) neither add to nor take from an app's site grant: reading, not
 * confirmed. The selected-permissions overview computes access from "the application record … on
 * the resource or a securable hierarchical parent (inheritance)" [learn: /graph/permissions-selected-overview],
 * which might drop a site grant on a list whose inheritance was broken without copying it; not
 * emulated. WriteSecurity/ReadSecurity apply to the app as to a user of the same level.
 */
export function appListRights(app: AppRegistrationState, site: SiteState): Set<ListRight> {
  const role = appSiteRole(app, site);
  return new Set(role ? APP_ROLE_RIGHTS[role] : []);
}

/**
 * The id of an app's site grant (graph/site-permissions.ts): the app's SharePoint claim
 * `i:0i.t|ms.sp.ext|<app id>@<tenant id>`, base64-encoded — the form seen in practice; Graph calls
 * the id opaque (not confirmed).
 */
export function siteGrantId(tenantId: string, appId: string): string {
  return Buffer.from(`i:0i.t|ms.sp.ext|${appId.toLowerCase()}@${tenantId}`, 'utf8').toString('base64');
}
