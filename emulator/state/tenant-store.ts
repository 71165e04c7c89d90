import { stableGuid } from './stable-id.ts';
import type { AppRegistrationState, SiteState, TeamState, TenantState, UserState } from './tenant-state.ts';

/** The live tenant with lookup indexes; every mutation must end with `changed()`. */
export class TenantStore {
  private usersByUpn = new Map<string, UserState>();
  private usersById = new Map<string, UserState>();
  private usersByLookupId = new Map<number, UserState>();
  private teamsById = new Map<string, TeamState>();
  private sitesById = new Map<string, SiteState>();
  private readonly listeners: (() => void)[] = [];
  /** The sites' time zone (IANA), for date-only columns; see sharepoint/time-zone.ts. */
  siteTimeZone = 'Europe/Oslo';

  constructor(readonly state: TenantState) {
    this.reindex();
  }

  /** Rebuilds the indexes; call after adding users, teams or sites. */
  reindex(): void {
    this.usersByUpn = new Map(this.state.users.map((u) => [u.userPrincipalName.toLowerCase(), u]));
    this.usersById = new Map(this.state.users.map((u) => [u.id.toLowerCase(), u]));
    this.usersByLookupId = new Map(this.state.users.map((u) => [u.lookupId, u]));
    this.teamsById = new Map(this.state.teams.map((t) => [t.id.toLowerCase(), t]));
    this.sitesById = new Map(this.state.sites.map((s) => [s.id.toLowerCase(), s]));
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  changed(): void {
    for (const l of this.listeners) l();
  }

  /** A new reproducible GUID. */
  nextGuid(kind: string): string {
    this.state.sequence += 1;
    return stableGuid(this.state.tenantId, kind, this.state.sequence);
  }

  userByUpn(upn: string): UserState | undefined {
    return this.usersByUpn.get(upn.toLowerCase());
  }

  userById(id: string): UserState | undefined {
    return this.usersById.get(id.toLowerCase());
  }

  userByLookupId(lookupId: number): UserState | undefined {
    return this.usersByLookupId.get(lookupId);
  }

  team(id: string): TeamState | undefined {
    return this.teamsById.get(id.toLowerCase());
  }

  site(id: string): SiteState | undefined {
    return this.sitesById.get(id.toLowerCase());
  }

  /** The site whose URL name (`/sites/<name>`) this is, case-insensitively as SharePoint URLs are. */
  siteByName(name: string): SiteState | undefined {
    const key = name.toLowerCase();
    return this.state.sites.find((s) => s.name.toLowerCase() === key);
  }

  /**
   * The Microsoft Entra app with this client id: its registration (`appRegistrations`), or, for a
   * bot of the app catalog without one, an app with no application permissions (every bot is an
   * Entra app). Undefined for an id the tenant does not know.
   */
  entraApp(appId: string): AppRegistrationState | undefined {
    const key = appId.toLowerCase();
    const registered = this.state.appRegistrations?.find((a) => a.appId.toLowerCase() === key);
    if (registered) return registered;
    const bot = this.state.teamsApps?.find((a) => a.botId !== null && a.botId.toLowerCase() === key);
    return bot?.botId ? { appId: bot.botId, displayName: bot.displayName, applicationPermissions: [] } : undefined;
  }

  teamOfSite(site: SiteState): TeamState | undefined {
    return site.groupId ? this.team(site.groupId) : undefined;
  }

  teamsOf(userId: string): TeamState[] {
    return this.state.teams.filter((t) => t.owners.includes(userId) || t.members.includes(userId));
  }
}
