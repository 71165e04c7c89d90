/**
 * Which document the host loads and what context it answers, for a view of the local Teams host:
 * shared by the host page (main.ts, framed) and the mobile bridge (mobile.ts and the e2e tests,
 * unframed), so both tell the tab the same thing for the same user, team and view.
 * Pure: users and teams are those the emulator lists at /_emulator/users and /_emulator/teams.
 */
import { DEMO_PEOPLE } from '../emulator/seed/demo-tenant';
import type { ContextInput, SimClientType, SimFrameContext, SimTheme } from './protocol';
import { fillContextPlaceholders, hintedContentUrl } from '../src/teams/context-hints';

export type View = 'tab' | 'config' | 'personal';

export interface EmulatorUser {
  userPrincipalName: string;
  displayName: string;
  id?: string;
}

export interface EmulatorTeam {
  id: string;
  displayName: string;
  internalId: string;
  channels: { id: string; displayName: string }[];
  owners: string[];
  members: string[];
}

/** Entity ids as in manifest/manifest.json: the personal static tab, and the channel tab's default. */
export const PERSONAL_ENTITY_ID = 'my-goals';
export const DEFAULT_CHANNEL_ENTITY_ID = 'handlingsplan';
/**
 * The host page's views: the tab's, and its own views with no tab loaded: the Planner board
 * (planner-board.ts) and the channel's posts (channel-view.ts).
 */
export type HostView = View | 'planner' | 'channel';
export const VIEWS: readonly HostView[] = ['tab', 'config', 'personal', 'planner', 'channel'];
export const ROUTES: Record<View, string> = { tab: '#/tab', config: '#/config', personal: '#/personal' };

export const sameUpn = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A team by id or display name (case-insensitive). */
export function findTeam(teams: readonly EmulatorTeam[], key: string | null | undefined): EmulatorTeam | undefined {
  if (!key) return undefined;
  const lower = key.toLowerCase();
  return teams.find((t) => t.id.toLowerCase() === lower || t.displayName.toLowerCase() === lower);
}

export function teamsOf(teams: readonly EmulatorTeam[], upn: string): EmulatorTeam[] {
  return teams.filter((t) => [...t.owners, ...t.members].some((m) => sameUpn(m, upn)));
}

export function frameContextFor(view: View): SimFrameContext {
  return view === 'config' ? 'settings' : 'content';
}

/** A saved channel tab's configuration (what the configuration page passed to setConfig). */
export interface SavedTab {
  contentUrl: string;
  entityId?: string;
  suggestedDisplayName?: string;
}

export interface TabLaunchRequest {
  /** The tab's entry document, e.g. https://localhost:5173/index.html. */
  entryUrl: string;
  tenantId: string;
  users: readonly EmulatorUser[];
  view: View;
  user: string;
  team?: EmulatorTeam | undefined;
  /** Default: the team's first channel. */
  channelId?: string | undefined;
  theme: SimTheme;
  locale: string;
  subEntityId?: string | undefined;
  /** The channel tab's saved configuration, when one was saved (view 'tab' only). */
  saved?: SavedTab | null | undefined;
  clientType?: SimClientType | undefined;
  sessionId: string;
}

export interface TabLaunch {
  /** The URL the host loads (in its frame, or as the webview's top document). */
  src: string;
  input: ContextInput;
  /** Set when the user is not a member of the team (the host still loads the tab). */
  warning: string;
  title: string;
}

/** The document and context for one view, exactly as the host page builds them. */
export function tabLaunch(request: TabLaunchRequest): TabLaunch {
  const { view, team } = request;
  const user = request.users.find((u) => sameUpn(u.userPrincipalName, request.user));
  const channel = team?.channels.find((c) => c.id === request.channelId) ?? team?.channels[0];
  const saved = view === 'tab' && team && channel ? (request.saved ?? null) : null;

  let src: string;
  let entityId: string | undefined;
  // The app's URLs as its manifest and configuration page give them (with the context hints' placeholders).
  if (view === 'personal') {
    src = hintedContentUrl(request.entryUrl, ROUTES.personal);
    entityId = PERSONAL_ENTITY_ID;
  } else if (view === 'config') {
    src = hintedContentUrl(request.entryUrl, ROUTES.config);
    entityId = undefined;
  } else {
    src = saved?.contentUrl ?? hintedContentUrl(request.entryUrl, ROUTES.tab);
    entityId = saved?.entityId ?? DEFAULT_CHANNEL_ENTITY_ID;
  }
  // As Teams does before it loads a tab: the URL's placeholders filled in from the context
  // (https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/access-teams-context).
  src = fillContextPlaceholders(src, { locale: request.locale, theme: request.theme, subEntityId: request.subEntityId ?? null, entityId: entityId ?? null, groupId: team?.id ?? null });

  const upn = user?.userPrincipalName ?? request.user;
  const input: ContextInput = {
    frameContext: frameContextFor(view),
    theme: request.theme,
    locale: request.locale,
    tenantId: request.tenantId,
    user: { userPrincipalName: upn },
    sessionId: request.sessionId,
  };
  if (request.clientType) input.clientType = request.clientType;
  const userId = user?.id ?? DEMO_PEOPLE.find((p) => sameUpn(p.userPrincipalName, upn))?.id;
  if (userId) input.user.id = userId;
  if (user?.displayName) input.user.displayName = user.displayName;
  if (entityId) input.entityId = entityId;
  if (request.subEntityId) input.subEntityId = request.subEntityId;

  let warning = '';
  if (view !== 'personal' && team) {
    const isOwner = team.owners.some((m) => sameUpn(m, upn));
    const isMember = isOwner || team.members.some((m) => sameUpn(m, upn));
    if (!isMember) warning = `${user?.displayName ?? upn} is not a member of ${team.displayName}`;
    input.team = {
      groupId: team.id,
      internalId: team.internalId,
      displayName: team.displayName,
      role: isOwner ? 0 : 1,
    };
    if (channel) input.team.channel = { id: channel.id, displayName: channel.displayName };
  }

  const title =
    view === 'personal'
      ? 'Handlingsplan · personal app'
      : `${team?.displayName ?? '?'} › ${channel?.displayName ?? '?'} · ${
          view === 'config' ? 'add a tab (configuration)' : (saved?.suggestedDisplayName ?? 'Handlingsplan')
        }`;
  return { src, input, warning, title };
}
