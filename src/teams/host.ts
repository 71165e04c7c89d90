/**
 * The one seam between the app and the Teams host. Nothing else in src/ imports @microsoft/teams-js.
 *
 * Facts (graph-teams-facts §10, §18): outside any host `app.initialize()` rejects at once; inside a frame
 * whose parent never answers it rejects only after 60 s, so connectToHost races it against a short timer.
 * On Teams for iOS and Android the tab is not framed at all: teams-js talks to the app through the
 * `window.nativeInterface` the webview injects, so that counts as a host too (hostChannelKind).
 * Messages from the host are accepted only from origins passed as validMessageOrigins (or Microsoft's
 * built-in list), exactly as in a real deployment.
 */
import { app, pages } from '@microsoft/teams-js';
import { toHostTheme, type HostTheme } from './host-theme';

export type { HostTheme } from './host-theme';

export interface HostUser {
  id?: string;
  userPrincipalName?: string;
  displayName?: string;
  loginHint?: string;
  tenantId?: string;
}

export interface HostTeam {
  /** The Graph team id (= Microsoft 365 group id). */
  groupId: string;
  /** The team's thread id (`19:…@thread.tacv2`); not a Graph id. */
  internalId: string;
  displayName: string;
  /** The user's role in the team when the host tells it (legacy `userTeamRole` 0/1/2). */
  userRole?: 'owner' | 'member' | 'guest';
}

export interface HostChannel {
  id: string;
  displayName: string;
}

export interface HostContext {
  hostName: string;
  clientType: string;
  /** 'content' for a tab, 'settings' for the configuration page, 'remove', 'task', … */
  frameContext: string;
  locale: string;
  theme: HostTheme;
  user: HostUser;
  team?: HostTeam;
  channel?: HostChannel;
  pageId?: string;
  subPageId?: string;
}

/** What the configuration page saves: becomes the tab instance's settings. */
export interface TabConfig {
  entityId: string;
  contentUrl: string;
  suggestedDisplayName: string;
  websiteUrl?: string;
}

export interface ConfigPageHost {
  /** True when the tab runs as a configuration page (frame context 'settings') in a host that supports it. */
  readonly available: boolean;
  /**
   * Registers what happens when the user presses Save in the host: the handler returns the tab's
   * configuration, which is passed to `pages.config.setConfig`; the host is then told success, or
   * failure (with the error message) when the handler or setConfig fails.
   */
  registerOnSave(handler: () => Promise<TabConfig>): void;
  /** Enables or disables the host's Save button. */
  setValidity(valid: boolean): void;
}

export interface TeamsHost {
  /** The context as it was when the tab connected (theme changes arrive through onThemeChange). */
  readonly context: HostContext;
  /** Subscribes to live theme changes; returns the unsubscribe function. */
  onThemeChange(callback: (theme: HostTheme) => void): () => void;
  /** Tells the host the tab has loaded (hides the host's loading indicator); later calls do nothing. */
  notifySuccess(): void;
  readonly config: ConfigPageHost;
  /** Opens a Teams deep link (see deep-link.ts) through the host. */
  openDeepLink(url: string): Promise<void>;
  /** Navigates to a sub-page of the current tab; present only when the host supports pages.currentApp. */
  navigateToSubPage?: (subPageId: string) => Promise<void>;
}

export interface ConnectOptions {
  /** Origins of hosts to trust besides Microsoft's list, e.g. 'https://localhost:5174' for the local host page. */
  validMessageOrigins: string[];
  /** How long to wait for a framing parent to answer before giving up (default 5000 ms). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5000;

/**
 * How teams-js could reach a host from this page, or null when nothing could answer (a plain browser
 * tab). Mirrors teams-js's own choice in `initializeCommunication`: the parent frame (Teams on the web
 * and desktop, Outlook, the Microsoft 365 app), else the opener window, else — Teams for iOS and
 * Android, where the tab is the webview's top document — the `window.nativeInterface` object the
 * mobile app injects (teams-js then sends with `nativeInterface.framelessPostMessage(json)` and the
 * app answers through `window.onNativeMessage`).
 */
export type HostChannelKind = 'frame' | 'opener' | 'native';

export function hostChannelKind(win: Window | undefined = typeof window === 'undefined' ? undefined : window): HostChannelKind | null {
  if (!win) return null;
  let framed: boolean;
  try {
    framed = win.parent !== win;
  } catch {
    framed = true;
  }
  if (framed) return 'frame';
  if (win.opener) return 'opener';
  const native = (win as Window & { nativeInterface?: unknown }).nativeInterface;
  if (native && typeof native === 'object') return 'native';
  return null;
}

/**
 * Connects to the Teams host. Resolves null at once in a plain browser tab (not framed, no opener,
 * no native interface), and null after `timeoutMs` when a would-be host does not answer; never throws.
 */
export async function connectToHost(options: ConnectOptions): Promise<TeamsHost | null> {
  if (hostChannelKind() === null) return null;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const initialized = app.initialize(options.validMessageOrigins).then(
    () => 'ready' as const,
    (error: unknown) => {
      console.warn('[teams] app.initialize failed', error);
      return 'failed' as const;
    },
  );

  try {
    const outcome = await Promise.race([initialized, timedOut]);
    if (outcome !== 'ready') {
      if (outcome === 'timeout') console.warn(`[teams] no answer from the host within ${timeoutMs} ms`);
      return null;
    }
    clearTimeout(timer);
    const remaining = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const context = await Promise.race([app.getContext(), remaining]);
    if (context === 'timeout') {
      console.warn('[teams] the host did not answer getContext');
      return null;
    }
    return createHost(mapContext(context));
  } catch (error) {
    console.warn('[teams] could not connect to the host', error);
    return null;
  } finally {
    clearTimeout(timer);
  }
}

const ROLES: Record<number, HostTeam['userRole']> = { 0: 'owner', 1: 'member', 2: 'guest' };

/** Maps teams-js `app.Context` to the app's HostContext. */
export function mapContext(context: app.Context): HostContext {
  const user: HostUser = {};
  if (context.user?.id) user.id = context.user.id;
  if (context.user?.userPrincipalName) user.userPrincipalName = context.user.userPrincipalName;
  if (context.user?.displayName) user.displayName = context.user.displayName;
  if (context.user?.loginHint) user.loginHint = context.user.loginHint;
  if (context.user?.tenant?.id) user.tenantId = context.user.tenant.id;

  const result: HostContext = {
    hostName: String(context.app.host.name),
    clientType: String(context.app.host.clientType),
    frameContext: String(context.page.frameContext ?? app.getFrameContext() ?? ''),
    locale: context.app.locale ?? '',
    theme: toHostTheme(context.app.theme),
    user,
  };
  if (context.team) {
    const team: HostTeam = {
      groupId: context.team.groupId ?? '',
      internalId: context.team.internalId ?? '',
      displayName: context.team.displayName ?? '',
    };
    const role = context.team.userRole === undefined ? undefined : ROLES[Number(context.team.userRole)];
    if (role) team.userRole = role;
    result.team = team;
  }
  if (context.channel) {
    result.channel = { id: context.channel.id, displayName: context.channel.displayName ?? '' };
  }
  if (context.page.id) result.pageId = context.page.id;
  if (context.page.subPageId) result.subPageId = context.page.subPageId;
  return result;
}

function createHost(context: HostContext): TeamsHost {
  const themeSubscribers = new Set<(theme: HostTheme) => void>();
  let notified = false;
  // teams-js keeps a single theme handler; it is registered once and fanned out here.
  app.registerOnThemeChangeHandler((theme) => {
    const mapped = toHostTheme(theme);
    for (const subscriber of [...themeSubscribers]) {
      try {
        subscriber(mapped);
      } catch (error) {
        console.error('[teams] theme subscriber failed', error);
      }
    }
  });

  const configAvailable = context.frameContext === 'settings' && pages.config.isSupported();
  const config: ConfigPageHost = {
    available: configAvailable,
    registerOnSave(handler) {
      if (!configAvailable) {
        console.warn('[teams] registerOnSave ignored: not running as a configuration page');
        return;
      }
      pages.config.registerOnSaveHandler((saveEvent) => {
        void (async () => {
          try {
            const tabConfig = await handler();
            await pages.config.setConfig(tabConfig);
            saveEvent.notifySuccess();
          } catch (error) {
            saveEvent.notifyFailure(error instanceof Error ? error.message : String(error));
          }
        })();
      });
    },
    setValidity(valid) {
      if (!configAvailable) {
        console.warn('[teams] setValidity ignored: not running as a configuration page');
        return;
      }
      pages.config.setValidityState(valid);
    },
  };

  const host: TeamsHost = {
    context,
    onThemeChange(callback) {
      themeSubscribers.add(callback);
      return () => {
        themeSubscribers.delete(callback);
      };
    },
    notifySuccess() {
      // Once per page: React StrictMode runs effects twice in development.
      if (notified) return;
      notified = true;
      void app.notifySuccess().catch((error: unknown) => console.warn('[teams] notifySuccess failed', error));
    },
    config,
    openDeepLink(url) {
      return app.openLink(url);
    },
  };
  if (pages.currentApp.isSupported() && context.pageId) {
    const pageId = context.pageId;
    host.navigateToSubPage = (subPageId) => pages.currentApp.navigateTo({ pageId, subPageId });
  }
  return host;
}
