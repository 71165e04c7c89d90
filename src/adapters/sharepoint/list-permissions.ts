/**
 * The app's lists with their own permissions, as SharePoint REST sets them (facts sheet §15.2, §15.3):
 * - the plan, areas, goals and situation: the board (the site's Owners group, Full Control) edits,
 *   stewards (the Members group) read;
 * - check-ins and comments: stewards add items and edit or delete only their own (Contribute and
 *   the list's WriteSecurity = 2); the board, with Full Control, is not bound by WriteSecurity;
 * - the channels' webhook URLs (secrets): the board alone; every other assignment (Members,
 *   Visitors, anyone added by hand) is removed, so stewards cannot even see the list;
 * - the roster and its confirmations (union membership data, GDPR art. 9): as their rules say, and
 *   the team alone (TEAM_ONLY): the site's Visitors and anyone added by hand are removed.
 * Team sites give members Edit on every list by default, so without this any steward could change
 * or delete the plan in Microsoft Lists or through Graph.
 *
 * Groups and role definitions are looked up, never hard-coded (§15.2). Applying is idempotent:
 * it breaks inheritance (copying the site's assignments, so owners and visitors keep theirs) only
 * where the list still inherits, and changes only what differs.
 */
import type { ListAccessRule, ListPermission, PermissionsHealth } from '../../domain/ports';
import { LISTS, type ListKey } from './schema';
import { SharePointRestError, SharePointRestUnreachable, type SharePointRest } from './sharepoint-rest';

export const LIST_ACCESS: Readonly<Record<ListKey, ListAccessRule>> = {
  plans: 'boardEdits',
  areas: 'boardEdits',
  goals: 'boardEdits',
  situation: 'boardEdits',
  checkIns: 'stewardsAddOwn',
  comments: 'stewardsAddOwn',
  reminders: 'boardEdits',
  channelWebhooks: 'boardOnly',
  roster: 'boardEdits',
  rosterConfirmations: 'stewardsAddOwn',
};

/** Lists of personal data only the team (its owners and members) may see: every other assignment is removed. */
export const TEAM_ONLY: ReadonlySet<ListKey> = new Set<ListKey>(['roster', 'rosterConfirmations']);

/** RoleTypeKind (facts §15.2): Reader 2, Contributor 3, Administrator (Full Control) 5. */
const READER = 2;
const CONTRIBUTOR = 3;
const ADMINISTRATOR = 5;
/** WriteSecurity (facts §15.3): 1 write all items, 2 write only my items. */
const WRITE_ALL = 1;
const WRITE_OWN = 2;

interface Principal {
  readonly Id: number;
}
interface RoleDefinition {
  readonly Id: number;
  readonly RoleTypeKind: number;
}
interface ListInfo {
  readonly HasUniqueRoleAssignments: boolean;
  readonly WriteSecurity: number;
}
interface RoleAssignment {
  readonly PrincipalId: number;
  readonly RoleDefinitionBindings?: readonly RoleDefinition[] | { readonly results: readonly RoleDefinition[] };
}

interface SiteSecurity {
  readonly owners: number;
  readonly members: number;
  readonly roles: ReadonlyMap<number, number>;
}

const listPath = (listId: string) => `web/lists(guid'${listId}')`;

function bindingsOf(a: RoleAssignment): RoleDefinition[] {
  const b = a.RoleDefinitionBindings;
  if (!b) return [];
  return 'results' in b ? [...b.results] : [...b];
}

export class SharePointListPermissions {
  constructor(private readonly rest: SharePointRest) {}

  /** What each list's permissions are now, without changing anything. */
  async inspect(lists: ReadonlyMap<ListKey, { readonly id: string }>): Promise<ListPermission[]> {
    const site = await this.siteSecurity();
    const out: ListPermission[] = [];
    for (const [key, list] of lists) out.push(await this.inspectOne(site, key, list.id));
    return out;
  }

  /** Gives every list the permissions its rule asks for; returns the state after. */
  async apply(lists: ReadonlyMap<ListKey, { readonly id: string }>): Promise<ListPermission[]> {
    const site = await this.siteSecurity();
    const out: ListPermission[] = [];
    for (const [key, list] of lists) {
      const rule = LIST_ACCESS[key];
      const path = listPath(list.id);
      const info = await this.rest.get<ListInfo>(`${path}?$select=HasUniqueRoleAssignments,WriteSecurity`);
      if (!info.HasUniqueRoleAssignments) {
        // Copy the site's assignments so that owners and visitors keep theirs; clear sub-scopes so
        // that no item keeps permissions of its own.
        await this.rest.post(`${path}/breakroleinheritance(copyroleassignments=true,clearsubscopes=true)`);
      }
      const assignments = await this.assignments(list.id);
      // The board first, so that it never loses the list while the others' assignments change.
      const fullControl = site.roles.get(ADMINISTRATOR) as number;
      const owners = assignments.find((a) => a.PrincipalId === site.owners);
      if (!owners || !bindingsOf(owners).some((r) => r.Id === fullControl)) {
        await this.rest.post(`${path}/roleassignments/addroleassignment(principalid=${site.owners},roledefid=${fullControl})`);
      }
      if (rule === 'boardOnly') {
        // Everyone but the board goes: Members, Visitors (copied from the site) and anyone added by hand.
        for (const other of assignments.filter((a) => a.PrincipalId !== site.owners)) await this.removeAssignment(path, other.PrincipalId);
      } else {
        const wantMembers = site.roles.get(rule === 'boardEdits' ? READER : CONTRIBUTOR) as number;
        const members = assignments.find((a) => a.PrincipalId === site.members);
        const memberRoles = members ? bindingsOf(members).map((r) => r.Id) : [];
        if (memberRoles.length !== 1 || memberRoles[0] !== wantMembers) {
          if (members) await this.removeAssignment(path, site.members);
          await this.rest.post(`${path}/roleassignments/addroleassignment(principalid=${site.members},roledefid=${wantMembers})`);
        }
        if (TEAM_ONLY.has(key)) {
          for (const other of assignments.filter((a) => a.PrincipalId !== site.owners && a.PrincipalId !== site.members)) await this.removeAssignment(path, other.PrincipalId);
        }
      }
      const writeSecurity = rule === 'stewardsAddOwn' ? WRITE_OWN : WRITE_ALL;
      if (info.WriteSecurity !== writeSecurity) await this.rest.merge(path, { WriteSecurity: writeSecurity });
      // Every step above either succeeded or threw: the list is now as its rule asks (not read back;
      // tests/integration/list-permissions.test.ts checks that inspect() then agrees).
      out.push({ key, displayName: LISTS[key].displayName, rule, state: 'ok' });
    }
    return out;
  }

  private async inspectOne(site: SiteSecurity, key: ListKey, listId: string): Promise<ListPermission> {
    const rule = LIST_ACCESS[key];
    const base = { key, displayName: LISTS[key].displayName, rule };
    const info = await this.rest.get<ListInfo>(`${listPath(listId)}?$select=HasUniqueRoleAssignments,WriteSecurity`);
    if (!info.HasUniqueRoleAssignments) return { ...base, state: 'inherited' };
    const assignments = await this.assignments(listId);
    const owners = assignments.find((a) => a.PrincipalId === site.owners);
    const boardHasFullControl = owners !== undefined && bindingsOf(owners).some((r) => r.RoleTypeKind === ADMINISTRATOR);
    const writeSecurityOk = info.WriteSecurity === (rule === 'stewardsAddOwn' ? WRITE_OWN : WRITE_ALL);
    if (rule === 'boardOnly') {
      // Any assignment besides the board's (even Limited Access, left by sharing an item) lets someone else in.
      const others = assignments.filter((a) => a.PrincipalId !== site.owners);
      return { ...base, state: boardHasFullControl && others.length === 0 && writeSecurityOk ? 'ok' : 'different' };
    }
    const members = assignments.find((a) => a.PrincipalId === site.members);
    const memberRoles = members ? bindingsOf(members).map((r) => r.RoleTypeKind) : [];
    const outsiders = TEAM_ONLY.has(key) && assignments.some((a) => a.PrincipalId !== site.owners && a.PrincipalId !== site.members);
    const ok = memberRoles.length === 1 && memberRoles[0] === (rule === 'boardEdits' ? READER : CONTRIBUTOR) && boardHasFullControl && writeSecurityOk && !outsiders;
    return { ...base, state: ok ? 'ok' : 'different' };
  }

  /** Removes a principal's whole assignment on the list (roleassignments/getbyprincipalid, DELETE). */
  private async removeAssignment(path: string, principalId: number): Promise<void> {
    await this.rest.post(`${path}/roleassignments/getbyprincipalid(${principalId})`, { headers: { 'X-HTTP-Method': 'DELETE' } });
  }

  private async assignments(listId: string): Promise<RoleAssignment[]> {
    const res = await this.rest.get<{ value?: RoleAssignment[]; results?: RoleAssignment[] }>(`${listPath(listId)}/roleassignments?$expand=Member,RoleDefinitionBindings`);
    return res.value ?? res.results ?? [];
  }

  private async siteSecurity(): Promise<SiteSecurity> {
    const [owners, members, ...defs] = await Promise.all([
      this.rest.get<Principal>('web/associatedownergroup?$select=Id'),
      this.rest.get<Principal>('web/associatedmembergroup?$select=Id'),
      ...[READER, CONTRIBUTOR, ADMINISTRATOR].map((kind) => this.rest.get<RoleDefinition>(`web/roledefinitions/getbytype(${kind})`)),
    ]);
    const roles = new Map<number, number>();
    for (const def of defs as RoleDefinition[]) roles.set(def.RoleTypeKind, def.Id);
    return { owners: (owners as Principal).Id, members: (members as Principal).Id, roles };
  }
}

/** The health of the lists' permissions, with why it could not be read or set. */
export function permissionsHealth(lists: readonly ListPermission[]): PermissionsHealth {
  return { state: lists.every((l) => l.state === 'ok') ? 'ok' : 'notApplied', lists };
}

/** Turns a failure to reach or use SharePoint REST into a health the Settings view can explain. */
export function permissionsFailure(err: unknown): PermissionsHealth {
  if (err instanceof SharePointRestUnreachable) return { state: 'unreachable', lists: [] };
  if (err instanceof SharePointRestError && (err.status === 401 || err.status === 403)) return { state: 'denied', lists: [] };
  return { state: 'failed', lists: [] };
}
