/**
 * The local Teams host page: frames the tab and answers teams-js as Teams does (protocol.ts).
 * A dev tool only: never part of the production bundle, and nothing in src/ imports it.
 *
 * State lives in the URL (`?user=&team=&channel=&theme=&locale=&view=&subEntityId=`), so a link
 * reproduces a view. Changing user, team, channel, locale or view reloads the tab; changing the
 * theme pushes `themeChange` to the running tab. The view 'planner' shows the team's Planner board
 * (planner-board.ts, Graph through this page's /v1.0 proxy) instead of the tab, and the view
 * 'channel' the channel's posts with their Adaptive Cards (channel-view.ts, Graph likewise); a card's
 * deep link to the app opens the tab here, as the tab's own deep links do (openLink).
 */
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../emulator/seed/demo-tenant';
import { parseTabDeepLink } from '../src/teams/deep-link';
import { createChannelView, type ChannelView } from './channel-view';
import { createPlannerBoard, type PlannerBoard } from './planner-board';
import {
  buildLegacyContext,
  isTabRequest,
  TabSession,
  type ContextInput,
  type SavedTabConfig,
  type SimTheme,
} from './protocol';
import {
  findTeam as findTeamIn,
  PERSONAL_ENTITY_ID,
  sameUpn,
  tabLaunch,
  teamsOf as teamsOfIn,
  VIEWS,
  type EmulatorTeam,
  type EmulatorUser,
  type HostView,
  type View,
} from './tab-context';

interface SimState {
  user: string;
  teamId: string;
  channelId: string;
  theme: SimTheme;
  locale: string;
  view: HostView;
  subEntityId: string;
  /** Another document on the tab origin to load instead of the app's entry (test pages); '' = default. */
  tabPath: string;
}

const DEFAULT_CONFIG: HostSimConfig = {
  tabUrl: 'https://localhost:5173/index.html',
  appId: '00000000-0000-0000-0000-000000000000',
  tenantId: DEMO_TENANT_ID,
};
const config: HostSimConfig = typeof __HOST_SIM_CONFIG__ === 'undefined' ? DEFAULT_CONFIG : __HOST_SIM_CONFIG__;
const tabOrigin = new URL(config.tabUrl).origin;

const THEMES: readonly SimTheme[] = ['default', 'dark', 'contrast'];
const LOCALES = ['nb-NO', 'nn-NO', 'en-US'] as const;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`host-sim: #${id} missing`);
  return found as T;
}

const ui = {
  user: element<HTMLSelectElement>('user'),
  team: element<HTMLSelectElement>('team'),
  channel: element<HTMLSelectElement>('channel'),
  view: element<HTMLSelectElement>('view'),
  theme: element<HTMLSelectElement>('theme'),
  locale: element<HTMLSelectElement>('locale'),
  status: element<HTMLSpanElement>('status'),
  save: element<HTMLButtonElement>('save'),
  reload: element<HTMLButtonElement>('reload'),
  phone: element<HTMLButtonElement>('phone'),
  logToggle: element<HTMLButtonElement>('log-toggle'),
  log: element<HTMLElement>('log'),
  logEntries: element<HTMLOListElement>('log-entries'),
  frameHost: element<HTMLElement>('frame-host'),
  tabTitle: element<HTMLElement>('tab-title'),
};

let users: EmulatorUser[] = [];
let teams: EmulatorTeam[] = [];
let state: SimState;
let frame: HTMLIFrameElement | null = null;
let session: TabSession | null = null;
let contextForFrame: ContextInput | null = null;
let board: PlannerBoard | null = null;
let channelView: ChannelView | null = null;

// ---------------------------------------------------------------- status and log

function setStatus(text: string, kind: 'idle' | 'ok' | 'warning' | 'error' = 'idle'): void {
  ui.status.textContent = text;
  ui.status.title = text;
  ui.status.dataset.state = kind;
}

const MAX_LOG = 400;
function log(direction: 'in' | 'out' | 'note', text: string): void {
  const item = document.createElement('li');
  item.dataset.direction = direction;
  const arrow = direction === 'in' ? '←' : direction === 'out' ? '→' : '•';
  item.textContent = `${new Date().toISOString().slice(11, 23)} ${arrow} ${text}`;
  ui.logEntries.append(item);
  while (ui.logEntries.childElementCount > MAX_LOG) ui.logEntries.firstElementChild?.remove();
  if (!ui.log.hidden) ui.log.scrollTop = ui.log.scrollHeight;
}

function summarize(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

// ---------------------------------------------------------------- state and URL

const findTeam = (key: string | null) => findTeamIn(teams, key);
const teamsOf = (upn: string) => teamsOfIn(teams, upn);

function pick<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return allowed.find((candidate) => candidate === value) ?? fallback;
}

function readStateFromUrl(): SimState {
  const params = new URLSearchParams(window.location.search);
  const userParam = params.get('user');
  const user = users.find((u) => userParam && sameUpn(u.userPrincipalName, userParam))?.userPrincipalName ??
    users[0]?.userPrincipalName ?? '';
  const team = findTeam(params.get('team')) ?? teamsOf(user)[0] ?? teams[0];
  const channelParam = params.get('channel')?.toLowerCase();
  const channel =
    team?.channels.find((c) => c.id.toLowerCase() === channelParam || c.displayName.toLowerCase() === channelParam) ??
    team?.channels[0];
  return {
    user,
    teamId: team?.id ?? '',
    channelId: channel?.id ?? '',
    theme: pick(THEMES, params.get('theme'), 'default'),
    locale: params.get('locale') || 'nb-NO',
    view: pick(VIEWS, params.get('view'), 'tab'),
    subEntityId: params.get('subEntityId') ?? '',
    tabPath: safeTabPath(params.get('tabPath')),
  };
}

/** Only paths on the tab origin are accepted (a dev tool, but it should not frame arbitrary sites). */
function safeTabPath(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//')) return '';
  try {
    return new URL(value, tabOrigin).origin === tabOrigin ? value : '';
  } catch {
    return '';
  }
}

function tabEntryUrl(): string {
  return state.tabPath ? new URL(state.tabPath, tabOrigin).href : config.tabUrl;
}

/** The host page URL (path and query) that reproduces a state. */
function urlFor(target: SimState): string {
  const params = new URLSearchParams();
  params.set('user', target.user);
  const team = teams.find((t) => t.id === target.teamId);
  if (team) params.set('team', team.displayName);
  if (team && target.channelId && target.channelId !== team.channels[0]?.id) {
    const channel = team.channels.find((c) => c.id === target.channelId);
    if (channel) params.set('channel', channel.displayName);
  }
  if (target.theme !== 'default') params.set('theme', target.theme);
  if (target.locale !== 'nb-NO') params.set('locale', target.locale);
  if (target.view !== 'tab') params.set('view', target.view);
  if (target.subEntityId) params.set('subEntityId', target.subEntityId);
  if (target.tabPath) params.set('tabPath', target.tabPath);
  // Readable links: spaces as %20 and '@' unescaped (both valid in a query).
  const query = params.toString().replace(/\+/g, '%20').replace(/%40/g, '@');
  return `${window.location.pathname}?${query}`;
}

function writeStateToUrl(): void {
  const url = urlFor(state);
  if (url !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, '', url);
}

// ---------------------------------------------------------------- saved tab configurations

const savedKey = (teamId: string, channelId: string) => `host-sim:tab:${teamId}:${channelId}`;

function savedConfigFor(teamId: string, channelId: string): SavedTabConfig | null {
  const raw = window.sessionStorage.getItem(savedKey(teamId, channelId));
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as SavedTabConfig;
    return typeof parsed.contentUrl === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- pickers

function option(value: string, label: string): HTMLOptionElement {
  const item = document.createElement('option');
  item.value = value;
  item.textContent = label;
  return item;
}

function renderPickers(): void {
  ui.user.replaceChildren(...users.map((u) => option(u.userPrincipalName, `${u.displayName} (${u.userPrincipalName})`)));
  ui.user.value = state.user;
  ui.team.replaceChildren(...teams.map((t) => option(t.id, t.displayName)));
  ui.team.value = state.teamId;
  const team = teams.find((t) => t.id === state.teamId);
  ui.channel.replaceChildren(...(team?.channels ?? []).map((c) => option(c.id, c.displayName)));
  ui.channel.value = state.channelId;
  if (!LOCALES.some((l) => l === state.locale)) ui.locale.append(option(state.locale, state.locale));
  ui.locale.value = state.locale;
  ui.theme.value = state.theme;
  ui.view.value = state.view;
  const personal = state.view === 'personal';
  ui.team.disabled = personal;
  ui.channel.disabled = personal || state.view === 'planner';
  ui.save.hidden = state.view !== 'config';
  ui.phone.disabled = state.view === 'planner' || state.view === 'channel';
  document.documentElement.dataset.theme = state.theme;
}

// ---------------------------------------------------------------- the tab frame

function loadTab(): void {
  const view = state.view;
  board?.destroy();
  board = null;
  channelView?.destroy();
  channelView = null;
  if (view === 'planner') {
    showPlannerBoard();
    return;
  }
  if (view === 'channel') {
    showChannelView();
    return;
  }
  const team = teams.find((t) => t.id === state.teamId);
  const channel = team?.channels.find((c) => c.id === state.channelId) ?? team?.channels[0];
  const launch = tabLaunch({
    entryUrl: tabEntryUrl(),
    tenantId: config.tenantId,
    users,
    view,
    user: state.user,
    team,
    channelId: channel?.id,
    theme: state.theme,
    locale: state.locale,
    subEntityId: state.subEntityId,
    saved: state.view === 'tab' && team && channel ? savedConfigFor(team.id, channel.id) : null,
    sessionId: crypto.randomUUID(),
  });
  const { src, input, warning } = launch;
  const upn = input.user.userPrincipalName;
  contextForFrame = input;
  session = null;

  ui.tabTitle.textContent = launch.title;
  ui.save.disabled = true;

  frame?.remove();
  frame = document.createElement('iframe');
  frame.id = 'tab-frame';
  frame.name = 'tab';
  frame.title = 'Tab';
  frame.allow = 'clipboard-read; clipboard-write; fullscreen';
  frame.src = src;
  ui.frameHost.append(frame);
  log('note', `load ${src} (${input.frameContext}) as ${upn}`);
  if (warning) setStatus(`⚠ ${warning}`, 'warning');
  else setStatus('Loading tab…');
}

/** The view 'planner': the team's Planner board in place of the tab, read and written as the selected user. */
function showPlannerBoard(): void {
  frame?.remove();
  frame = null;
  session = null;
  contextForFrame = null;
  ui.save.disabled = true;
  const team = teams.find((t) => t.id === state.teamId);
  const user = users.find((u) => sameUpn(u.userPrincipalName, state.user));
  const who = user?.displayName ?? state.user;
  ui.tabTitle.textContent = `${team?.displayName ?? '?'} · Planner (as ${who})`;
  if (!team) {
    setStatus('No team selected', 'error');
    return;
  }
  board = createPlannerBoard({
    graphBase: '/v1.0',
    user: state.user,
    team: { id: team.id, displayName: team.displayName },
    log: (text) => log('note', text),
  });
  ui.frameHost.append(board.element);
  log('note', `Planner board of ${team.displayName} as ${state.user}`);
  if (!teamsOf(state.user).some((t) => t.id === team.id)) setStatus(`⚠ ${who} is not a member of ${team.displayName}`, 'warning');
  else setStatus('Planner board', 'ok');
}

/** The view 'channel': the selected channel's posts (and the team's channels), read as the selected user. */
function showChannelView(): void {
  frame?.remove();
  frame = null;
  session = null;
  contextForFrame = null;
  ui.save.disabled = true;
  const team = teams.find((t) => t.id === state.teamId);
  const user = users.find((u) => sameUpn(u.userPrincipalName, state.user));
  const who = user?.displayName ?? state.user;
  const title = () => {
    const channel = team?.channels.find((c) => c.id === state.channelId);
    ui.tabTitle.textContent = `${team?.displayName ?? '?'} › ${channel?.displayName ?? '?'} · Posts (as ${who})`;
  };
  title();
  if (!team) {
    setStatus('No team selected', 'error');
    return;
  }
  channelView = createChannelView({
    graphBase: '/v1.0',
    user: state.user,
    userId: user?.id ?? DEMO_PEOPLE.find((p) => sameUpn(p.userPrincipalName, state.user))?.id,
    team: { id: team.id, displayName: team.displayName },
    channels: team.channels,
    channelId: state.channelId || (team.channels[0]?.id ?? ''),
    theme: state.theme,
    locale: state.locale,
    channelHref: (channelId) => urlFor({ ...state, channelId, view: 'channel', subEntityId: '' }),
    channelChanged(channelId) {
      state = { ...state, channelId, subEntityId: '' };
      writeStateToUrl();
      renderPickers();
      title();
    },
    openUrl: (url, from) => openLink(url, from === 'text'),
    log: (text) => log('note', text),
  });
  ui.frameHost.append(channelView.element);
  log('note', `Channel posts of ${team.displayName} as ${state.user}`);
  if (!teamsOf(state.user).some((t) => t.id === team.id)) setStatus(`⚠ ${who} is not a member of ${team.displayName}`, 'warning');
  else setStatus('Channel posts', 'ok');
}

/**
 * Opens a link as Teams does; a string is the reason it could not. A deep link to this app's tab
 * (src/teams/deep-link.ts) opens the tab at its sub-entity: here, or with `newWindow` (a link in a
 * card's text, facts §9) in a new host window. Other https links open in a new window.
 */
function openLink(url: string, newWindow = false): string | undefined {
  const link = parseTabDeepLink(url);
  if (link && link.appId.toLowerCase() === config.appId.toLowerCase()) {
    const view: View = link.entityId === PERSONAL_ENTITY_ID ? 'personal' : 'tab';
    const team = link.channelId ? teams.find((t) => t.channels.some((c) => c.id === link.channelId)) : undefined;
    const next: Partial<SimState> = { view, subEntityId: link.subEntityId ?? '' };
    if (team && link.channelId) {
      next.teamId = team.id;
      next.channelId = link.channelId;
    }
    log('note', `deep link to ${link.entityId}${link.subEntityId ? ` (subEntityId ${link.subEntityId})` : ''}`);
    if (newWindow) window.open(urlFor({ ...state, ...next }), '_blank', 'noopener');
    else setTimeout(() => navigate(next), 0);
    return undefined;
  }
  if (/^https:\/\//i.test(url)) {
    window.open(url, '_blank', 'noopener');
    return undefined;
  }
  return 'only https links and deep links to this app can be opened here';
}

function postToTab(message: unknown): void {
  const target = frame?.contentWindow;
  if (!target) return;
  log('out', summarize(message));
  target.postMessage(message, tabOrigin);
}

function newSession(): TabSession {
  if (!contextForFrame) throw new Error('host-sim: no context');
  const created = new TabSession(buildLegacyContext(contextForFrame), {
    onValidityChange(valid) {
      ui.save.disabled = !valid;
    },
    onSetSettings(settings) {
      let origin: string;
      try {
        origin = new URL(settings.contentUrl).origin;
      } catch {
        return 'contentUrl is not a URL';
      }
      if (origin !== tabOrigin) return `contentUrl must be on ${tabOrigin} (the manifest's validDomains)`;
      return undefined;
    },
    onSaveResult(ok, reason) {
      if (!ok) {
        setStatus(`Save failed${reason ? `: ${reason}` : ''}`, 'error');
        ui.save.disabled = false;
        return;
      }
      const settings = created.savedSettings;
      if (!settings) {
        setStatus('Save reported success without setConfig', 'error');
        return;
      }
      window.sessionStorage.setItem(savedKey(state.teamId, state.channelId), JSON.stringify(settings));
      setStatus(`Saved tab “${settings.suggestedDisplayName ?? settings.entityId ?? ''}”`, 'ok');
      navigate({ view: 'tab', subEntityId: '' });
    },
    onOpenLink(url) {
      return openLink(url);
    },
    onNavigateWithinApp({ pageId, subPageId }) {
      const view: HostView = pageId === PERSONAL_ENTITY_ID ? 'personal' : state.view === 'config' ? 'tab' : state.view;
      setTimeout(() => navigate({ view, subEntityId: subPageId ?? '' }), 0);
    },
    onLifecycle(func, args) {
      if (func === 'appInitialization.success') {
        if (ui.status.dataset.state !== 'warning') setStatus('Tab ready', 'ok');
      } else if (func === 'appInitialization.failure' || func === 'appInitialization.expectedFailure') {
        setStatus(`Tab reported ${func.split('.')[1]}: ${summarize(args)}`, 'error');
      }
    },
    onUnsupported(func) {
      log('note', `not supported: ${func}`);
    },
  });
  return created;
}

/** The command that opens the current view in the mobile view (host-sim/mobile.ts). */
function phoneCommand(): string {
  const quote = (value: string) => (/^[\w@.:/-]+$/.test(value) ? value : `"${value.replace(/(["\\$`])/g, '\\$1')}"`);
  const team = teams.find((t) => t.id === state.teamId);
  const channel = team?.channels.find((c) => c.id === state.channelId);
  const parts = ['npx tsx host-sim/mobile.ts', '--user', quote(state.user)];
  if (state.view === 'personal') parts.push('--view', 'personal');
  else if (team) {
    parts.push('--team', quote(team.displayName));
    if (channel && channel.id !== team.channels[0]?.id) parts.push('--channel', quote(channel.displayName));
  }
  if (state.subEntityId) parts.push('--sub-entity', quote(state.subEntityId));
  if (state.locale !== 'nb-NO') parts.push('--locale', quote(state.locale));
  if (state.theme !== 'default') parts.push('--theme', state.theme);
  parts.push('--host', window.location.origin + '/', '--app', quote(config.tabUrl));
  return parts.join(' ');
}

function navigate(next: Partial<SimState>): void {
  state = { ...state, ...next };
  writeStateToUrl();
  renderPickers();
  loadTab();
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!frame || event.source !== frame.contentWindow) return;
  if (event.origin !== tabOrigin) {
    log('note', `ignored a message from ${event.origin}`);
    return;
  }
  const data = event.data;
  if (!isTabRequest(data)) return;
  log('in', `${data.func} ${summarize(data.args ?? [])}`);
  if (data.func === 'initialize') session = newSession();
  if (!session) {
    log('note', `${data.func} before initialize: ignored`);
    return;
  }
  const response = session.handle(data);
  if (response) postToTab(response);
});

// ---------------------------------------------------------------- wiring

function onPickerChange(): void {
  const teamChanged = ui.team.value !== state.teamId;
  const team = teams.find((t) => t.id === ui.team.value);
  navigate({
    user: ui.user.value,
    teamId: ui.team.value,
    channelId: teamChanged ? (team?.channels[0]?.id ?? '') : ui.channel.value,
    locale: ui.locale.value,
    view: pick(VIEWS, ui.view.value, 'tab'),
    subEntityId: '',
  });
}

function onThemeChange(): void {
  state = { ...state, theme: pick(THEMES, ui.theme.value, 'default') };
  writeStateToUrl();
  document.documentElement.dataset.theme = state.theme;
  if (contextForFrame) contextForFrame = { ...contextForFrame, theme: state.theme };
  channelView?.setTheme(state.theme);
  const event = session?.changeTheme(state.theme);
  if (event) postToTab(event);
}

async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function start(): Promise<void> {
  setStatus('Loading users and teams from the emulator…');
  try {
    const [userList, teamList] = await Promise.all([
      fetchJson<{ value: EmulatorUser[] }>('/_emulator/users'),
      fetchJson<{ value: EmulatorTeam[] }>('/_emulator/teams'),
    ]);
    users = userList.value;
    teams = teamList.value;
  } catch (error) {
    setStatus(`Emulator not reachable (${error instanceof Error ? error.message : String(error)})`, 'error');
    return;
  }
  if (users.length === 0) {
    setStatus('The emulator has no users', 'error');
    return;
  }
  state = readStateFromUrl();
  writeStateToUrl();
  renderPickers();
  for (const select of [ui.user, ui.team, ui.channel, ui.locale, ui.view]) {
    select.addEventListener('change', onPickerChange);
  }
  ui.theme.addEventListener('change', onThemeChange);
  ui.save.addEventListener('click', () => {
    if (!session) return;
    ui.save.disabled = true;
    setStatus('Saving…');
    postToTab(session.saveEvent());
  });
  ui.reload.addEventListener('click', () => loadTab());
  ui.phone.addEventListener('click', () => {
    // A page cannot host the tab unframed with a native interface; mobile.ts does, like Teams' webview.
    const command = phoneCommand();
    log('note', `phone view (Teams for iOS/Android, unframed): ${command}`);
    setStatus(`Phone view: run ${command}`);
    void navigator.clipboard?.writeText(command).catch(() => undefined);
  });
  ui.logToggle.addEventListener('click', () => {
    ui.log.hidden = !ui.log.hidden;
    ui.logToggle.setAttribute('aria-expanded', String(!ui.log.hidden));
  });
  loadTab();
}

void start();
