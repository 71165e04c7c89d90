/**
 * The Teams side of the teams-js postMessage protocol, as pure functions (graph-teams-facts §10).
 * Used by the local host page (main.ts) and, as the fake host, by the unit tests of src/teams, so
 * both speak the same wire format.
 *
 * Wire format: the tab sends `{ id, uuidAsString, func, args, … }`; the host answers
 * `{ id, uuidAsString, args }` (matched by uuid, else id) and pushes events as `{ func, args }`.
 */

export const HOST_SDK_VERSION = '2.58.0';
/** teams-js ErrorCode.NOT_SUPPORTED_ON_PLATFORM. */
export const NOT_SUPPORTED_ON_PLATFORM = 100;

export type SimTheme = 'default' | 'dark' | 'contrast';
export type SimFrameContext = 'content' | 'settings' | 'remove';
/** teams-js HostClientType values this host can stand in for: the web client, or Teams for Android/iOS. */
export type SimClientType = 'web' | 'android' | 'ios';

/** A request from the tab (teams-js `MessageRequest`, serialised). */
export interface TabRequest {
  id: number;
  uuidAsString?: string;
  func: string;
  args?: unknown[];
}

/** A response to a request. */
export interface HostResponse {
  id: number;
  uuidAsString?: string;
  args: unknown[];
}

/** A host-initiated event (`{func, args}`, no id). */
export interface HostEvent {
  func: string;
  args: unknown[];
}

/** The fields Teams sends in answer to `getContext` (the legacy context; see the table in facts §10). */
export interface LegacyContext {
  locale: string;
  theme: SimTheme;
  entityId?: string;
  subEntityId?: string;
  userObjectId?: string;
  userPrincipalName: string;
  userDisplayName?: string;
  loginHint: string;
  tid: string;
  teamId?: string;
  groupId?: string;
  teamName?: string;
  channelId?: string;
  channelName?: string;
  channelType?: string;
  userTeamRole?: number;
  hostName: 'Teams';
  hostClientType: SimClientType;
  frameContext: SimFrameContext;
  appSessionId: string;
  sessionId: string;
}

/** What `settings.setSettings` carries (teams-js `InstanceConfig`). */
export interface SavedTabConfig {
  entityId?: string;
  contentUrl: string;
  suggestedDisplayName?: string;
  websiteUrl?: string;
  removeUrl?: string;
}

/** The runtime config answered to `initialize`: the capabilities this host implements. */
export function runtimeConfig(): Record<string, unknown> {
  return {
    apiVersion: 4,
    isLegacyTeams: false,
    supports: {
      appInstallDialog: {},
      pages: { appButton: {}, config: {}, currentApp: {} },
      teamsCore: {},
    },
  };
}

export interface SessionCallbacks {
  /** `settings.setValidityState`. */
  onValidityChange?(valid: boolean): void;
  /** `settings.setSettings` (answered `[true]` unless this returns a string, the failure reason). */
  onSetSettings?(config: SavedTabConfig): string | void;
  /** `settings.save.success` / `settings.save.failure`. */
  onSaveResult?(ok: boolean, reason?: string): void;
  /** `executeDeepLink` (app.openLink); return a string to fail with that reason. */
  onOpenLink?(url: string): string | void;
  /** `pages.currentApp.navigateTo`. */
  onNavigateWithinApp?(params: { pageId?: string; subPageId?: string }): void;
  /** `appInitialization.success` and friends. */
  onLifecycle?(func: string, args: unknown[]): void;
  /** Any request this host does not implement. */
  onUnsupported?(func: string): void;
}

/** One loaded tab document: starts at `initialize`, ends when the frame reloads. */
export class TabSession {
  readonly registeredHandlers = new Set<string>();
  private context: LegacyContext;
  private savedConfig: SavedTabConfig | undefined;

  constructor(
    context: LegacyContext,
    private readonly callbacks: SessionCallbacks = {},
  ) {
    this.context = { ...context };
  }

  /** The configuration the tab passed to `settings.setSettings`, once accepted. */
  get savedSettings(): SavedTabConfig | undefined {
    return this.savedConfig ? { ...this.savedConfig } : undefined;
  }

  get currentContext(): LegacyContext {
    return { ...this.context };
  }

  /** Answers one request; null when Teams sends no answer (one-way messages). */
  handle(request: TabRequest): HostResponse | null {
    const args = Array.isArray(request.args) ? request.args : [];
    const reply = (replyArgs: unknown[]): HostResponse => {
      const response: HostResponse = { id: request.id, args: replyArgs };
      if (request.uuidAsString) response.uuidAsString = request.uuidAsString;
      return response;
    };
    switch (request.func) {
      case 'initialize':
        return reply([this.context.frameContext, this.context.hostClientType, JSON.stringify(runtimeConfig()), HOST_SDK_VERSION]);
      case 'getContext':
        return reply([{ ...this.context }]);
      case 'registerHandler': {
        const name = args[0];
        if (typeof name === 'string') this.registeredHandlers.add(name);
        return null;
      }
      case 'appInitialization.appLoaded':
      case 'appInitialization.success':
      case 'appInitialization.failure':
      case 'appInitialization.expectedFailure':
        this.callbacks.onLifecycle?.(request.func, args);
        return null;
      case 'settings.setValidityState':
        this.callbacks.onValidityChange?.(args[0] === true);
        return null;
      case 'settings.setSettings': {
        const config = toSavedConfig(args[0]);
        if (!config) return reply([false, 'setSettings needs a contentUrl']);
        const failure = this.callbacks.onSetSettings?.(config);
        if (typeof failure === 'string') return reply([false, failure]);
        this.savedConfig = config;
        return reply([true]);
      }
      case 'settings.getSettings':
        return reply([this.savedConfig ?? { entityId: this.context.entityId, contentUrl: '' }]);
      case 'settings.save.success':
        this.callbacks.onSaveResult?.(true);
        return null;
      case 'settings.save.failure':
        this.callbacks.onSaveResult?.(false, typeof args[0] === 'string' ? args[0] : undefined);
        return null;
      case 'executeDeepLink': {
        const url = args[0];
        if (typeof url !== 'string') return reply([false, 'executeDeepLink needs a URL']);
        const failure = this.callbacks.onOpenLink?.(url);
        return reply(typeof failure === 'string' ? [false, failure] : [true]);
      }
      case 'pages.currentApp.navigateTo': {
        const params = (args[0] ?? {}) as { pageId?: unknown; subPageId?: unknown };
        const navigation: { pageId?: string; subPageId?: string } = {};
        if (typeof params.pageId === 'string') navigation.pageId = params.pageId;
        if (typeof params.subPageId === 'string') navigation.subPageId = params.subPageId;
        this.callbacks.onNavigateWithinApp?.(navigation);
        return reply([null]);
      }
      case 'pages.currentApp.navigateToDefaultPage':
        this.callbacks.onNavigateWithinApp?.({});
        return reply([null]);
      case 'readyToUnload':
        return null;
      // Functions whose callers expect [status, reason] rather than an SdkError.
      case 'authentication.getAuthToken':
      case 'authentication.authenticate':
      case 'navigateCrossDomain':
      case 'navigateBack':
      case 'navigateToTab':
        this.callbacks.onUnsupported?.(request.func);
        return reply([false, `${request.func} is not supported by the local Teams host`]);
      default:
        this.callbacks.onUnsupported?.(request.func);
        return reply([
          { errorCode: NOT_SUPPORTED_ON_PLATFORM, message: `${request.func} is not supported by the local Teams host` },
        ]);
    }
  }

  /** Updates the theme; returns the event to push when the tab registered a themeChange handler. */
  changeTheme(theme: SimTheme): HostEvent | null {
    this.context = { ...this.context, theme };
    return this.registeredHandlers.has('themeChange') ? { func: 'themeChange', args: [theme] } : null;
  }

  /** The event Teams sends when the user presses Save on a configuration page. */
  saveEvent(): HostEvent {
    return { func: 'settings.save', args: [{}] };
  }
}

function toSavedConfig(value: unknown): SavedTabConfig | null {
  if (!value || typeof value !== 'object') return null;
  const raw = value as Record<string, unknown>;
  if (typeof raw.contentUrl !== 'string' || raw.contentUrl === '') return null;
  const config: SavedTabConfig = { contentUrl: raw.contentUrl };
  if (typeof raw.entityId === 'string') config.entityId = raw.entityId;
  if (typeof raw.suggestedDisplayName === 'string') config.suggestedDisplayName = raw.suggestedDisplayName;
  if (typeof raw.websiteUrl === 'string') config.websiteUrl = raw.websiteUrl;
  if (typeof raw.removeUrl === 'string') config.removeUrl = raw.removeUrl;
  return config;
}

/** True for a message that looks like a teams-js request. */
export function isTabRequest(data: unknown): data is TabRequest {
  if (!data || typeof data !== 'object') return false;
  const candidate = data as Record<string, unknown>;
  return typeof candidate.id === 'number' && typeof candidate.func === 'string';
}

export interface ContextInput {
  frameContext: SimFrameContext;
  theme: SimTheme;
  locale: string;
  tenantId: string;
  user: { userPrincipalName: string; displayName?: string; id?: string };
  /** Omitted for personal tabs. */
  team?: {
    groupId: string;
    internalId: string;
    displayName: string;
    channel?: { id: string; displayName: string };
    role: 0 | 1 | 2;
  };
  entityId?: string;
  subEntityId?: string;
  sessionId: string;
  /** Which Teams client the host pretends to be (default 'web'); 'android'/'ios' for the mobile bridge. */
  clientType?: SimClientType;
}

/** Builds the legacy context object Teams answers to getContext. */
export function buildLegacyContext(input: ContextInput): LegacyContext {
  const context: LegacyContext = {
    locale: input.locale,
    theme: input.theme,
    userPrincipalName: input.user.userPrincipalName,
    loginHint: input.user.userPrincipalName,
    tid: input.tenantId,
    hostName: 'Teams',
    hostClientType: input.clientType ?? 'web',
    frameContext: input.frameContext,
    appSessionId: input.sessionId,
    sessionId: input.sessionId,
  };
  if (input.user.id) context.userObjectId = input.user.id;
  if (input.user.displayName) context.userDisplayName = input.user.displayName;
  if (input.entityId) context.entityId = input.entityId;
  if (input.subEntityId) context.subEntityId = input.subEntityId;
  if (input.team) {
    context.teamId = input.team.internalId;
    context.groupId = input.team.groupId;
    context.teamName = input.team.displayName;
    context.userTeamRole = input.team.role;
    if (input.team.channel) {
      context.channelId = input.team.channel.id;
      context.channelName = input.team.channel.displayName;
      context.channelType = 'Regular';
    }
  }
  return context;
}
