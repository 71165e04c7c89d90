// @vitest-environment jsdom
/**
 * connectToHost against a fake parent window that answers with the local host page's own protocol
 * code (host-sim/protocol.ts), so these tests are also contract tests for the host page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  buildLegacyContext,
  isTabRequest,
  TabSession,
  type ContextInput,
  type HostEvent,
  type HostResponse,
  type SessionCallbacks,
  type SimFrameContext,
  type TabRequest,
} from '../../host-sim/protocol';
import { NATIVE_BRIDGE_BINDING, NativeHost, nativeBridgeScript } from '../../host-sim/native-bridge';
import { app } from '@microsoft/teams-js';
import { connectToHost, hostChannelKind } from '../../src/teams/host';

const HOST_ORIGIN = 'https://host.example.test';

const teamContext = (frameContext: SimFrameContext): ContextInput => ({
  frameContext,
  theme: 'default',
  locale: 'nn-NO',
  tenantId: 'tenant-1',
  user: { userPrincipalName: 'kari@example.test', displayName: 'Kari Nordmann', id: 'user-1' },
  team: {
    groupId: 'group-1',
    internalId: '19:team@thread.tacv2',
    displayName: 'Fagforbundet Alver',
    channel: { id: '19:general@thread.tacv2', displayName: 'Generelt' },
    role: 0,
  },
  entityId: 'handlingsplan',
  subEntityId: 'goal-3',
  sessionId: 'session-1',
});

interface FakeParent {
  sent: TabRequest[];
  /** Sends a host event (or response) to the tab as if from the parent. */
  push(data: HostEvent | HostResponse, origin?: string): void;
}

function installFakeParent(options: { session?: TabSession; origin?: string }): FakeParent {
  const sent: TabRequest[] = [];
  const origin = options.origin ?? HOST_ORIGIN;
  const parent = {
    closed: false,
    postMessage(message: unknown) {
      if (!isTabRequest(message)) return;
      sent.push(message);
      const response = options.session?.handle(message);
      if (response) push(response, origin);
    },
  };
  const push = (data: HostEvent | HostResponse, from = origin) => {
    setTimeout(() => {
      const event = new Event('message');
      Object.defineProperties(event, {
        data: { value: data },
        origin: { value: from },
        source: { value: parent },
      });
      window.dispatchEvent(event);
    }, 0);
  };
  Object.defineProperty(window, 'parent', { configurable: true, get: () => parent });
  return { sent, push };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

// jsdom's own window.parent and window.opener, put back after tests that replace them.
const ownDescriptors = new Map(
  (['parent', 'opener'] as const).map((name) => [name, Object.getOwnPropertyDescriptor(window, name)] as const),
);

beforeEach(() => {
  // teams-js fetches its list of valid origins from a CDN on import; fail it at once.
  vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new Error('offline in tests'))));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  // teams-js is a process-wide singleton (vitest does not re-evaluate node_modules): reset it per test.
  app._uninitialize();
  for (const [name, descriptor] of ownDescriptors) {
    Reflect.deleteProperty(window, name);
    if (descriptor) Object.defineProperty(window, name, descriptor);
  }
  for (const name of ['nativeInterface', 'onNativeMessage', NATIVE_BRIDGE_BINDING]) Reflect.deleteProperty(window, name);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** What every content-frame context of the fake host says about where the tab runs and who Kari is. */
const KARI_IN_CONTENT = {
  hostName: 'Teams',
  clientType: 'web',
  frameContext: 'content',
  locale: 'nn-NO',
  theme: 'default',
  user: {
    id: 'user-1',
    userPrincipalName: 'kari@example.test',
    displayName: 'Kari Nordmann',
    loginHint: 'kari@example.test',
    tenantId: 'tenant-1',
  },
} as const;

describe('connectToHost', () => {
  it('returns null at once when the page is not framed', async () => {
    const started = performance.now();
    await expect(connectToHost({ validMessageOrigins: [HOST_ORIGIN] })).resolves.toBeNull();
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('returns null after the timeout when the parent never answers', async () => {
    const parent = installFakeParent({});
    const started = performance.now();
    await expect(connectToHost({ validMessageOrigins: [HOST_ORIGIN], timeoutMs: 150 })).resolves.toBeNull();
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(1000);
    expect(parent.sent[0]?.func).toBe('initialize');
  });

  it('ignores answers from an origin that is not trusted', async () => {
    const session = new TabSession(buildLegacyContext(teamContext('content')));
    installFakeParent({ session, origin: 'https://evil.example.test' });
    await expect(connectToHost({ validMessageOrigins: [HOST_ORIGIN], timeoutMs: 150 })).resolves.toBeNull();
  });

  it('initializes with the valid origins and maps the context', async () => {
    const session = new TabSession(buildLegacyContext(teamContext('content')));
    const parent = installFakeParent({ session });
    const host = await connectToHost({ validMessageOrigins: [HOST_ORIGIN], timeoutMs: 2000 });
    expect(host).not.toBeNull();
    expect(parent.sent[0]?.args?.[2]).toEqual([HOST_ORIGIN]);
    expect(host?.context).toEqual({
      ...KARI_IN_CONTENT,
      team: {
        groupId: 'group-1',
        internalId: '19:team@thread.tacv2',
        displayName: 'Fagforbundet Alver',
        userRole: 'owner',
      },
      channel: { id: '19:general@thread.tacv2', displayName: 'Generelt' },
      pageId: 'handlingsplan',
      subPageId: 'goal-3',
    });
    expect(host?.config.available).toBe(false);
  });

  it('leaves team and channel out for a personal tab', async () => {
    const input = teamContext('content');
    delete input.team;
    const session = new TabSession(buildLegacyContext(input));
    installFakeParent({ session });
    const host = await connectToHost({ validMessageOrigins: [HOST_ORIGIN] });
    // Connected (a null host would make every optional read below undefined and pass by itself).
    expect(host).not.toBeNull();
    if (!host) return;
    expect(host.context.team).toBeUndefined();
    expect(host.context.channel).toBeUndefined();
    expect(host.context).toEqual({
      ...KARI_IN_CONTENT,
      pageId: 'handlingsplan',
      subPageId: 'goal-3',
    });
  });

  it('fans theme changes out to every subscriber until they unsubscribe', async () => {
    const session = new TabSession(buildLegacyContext(teamContext('content')));
    const parent = installFakeParent({ session });
    const host = await connectToHost({ validMessageOrigins: [HOST_ORIGIN] });
    const first: string[] = [];
    const second: string[] = [];
    const stopFirst = host?.onThemeChange((theme) => first.push(theme));
    host?.onThemeChange((theme) => second.push(theme));
    await settle();
    expect(session.registeredHandlers.has('themeChange')).toBe(true);

    const event = session.changeTheme('dark');
    expect(event).toEqual({ func: 'themeChange', args: ['dark'] });
    if (event) parent.push(event);
    await settle();
    stopFirst?.();
    parent.push({ func: 'themeChange', args: ['contrast'] });
    await settle();
    expect(first).toEqual(['dark']);
    expect(second).toEqual(['dark', 'contrast']);
  });

  it('runs the configuration page save flow', async () => {
    const events: string[] = [];
    const callbacks: SessionCallbacks = {
      onValidityChange: (valid) => events.push(`valid:${valid}`),
      onSetSettings: (config) => void events.push(`settings:${config.entityId}:${config.contentUrl}`),
      onSaveResult: (ok, reason) => events.push(`saved:${ok}${reason ? `:${reason}` : ''}`),
    };
    const session = new TabSession(buildLegacyContext(teamContext('settings')), callbacks);
    const parent = installFakeParent({ session });
    const host = await connectToHost({ validMessageOrigins: [HOST_ORIGIN] });
    expect(host?.config.available).toBe(true);
    host?.config.setValidity(true);
    host?.config.registerOnSave(async () => ({
      entityId: 'handlingsplan',
      contentUrl: 'https://app.example.test/#/tab',
      suggestedDisplayName: 'Handlingsplan',
    }));
    await settle();
    parent.push(session.saveEvent());
    await vi.waitFor(() => expect(events).toContain('saved:true'));
    expect(events).toEqual(['valid:true', 'settings:handlingsplan:https://app.example.test/#/tab', 'saved:true']);
  });

  it('reports a failed save to the host', async () => {
    const results: string[] = [];
    const session = new TabSession(buildLegacyContext(teamContext('settings')), {
      onSaveResult: (ok, reason) => results.push(`${ok}:${reason ?? ''}`),
    });
    const parent = installFakeParent({ session });
    const host = await connectToHost({ validMessageOrigins: [HOST_ORIGIN] });
    host?.config.registerOnSave(() => Promise.reject(new Error('no site')));
    await settle();
    parent.push(session.saveEvent());
    await vi.waitFor(() => expect(results).toEqual(['false:no site']));
  });

  it('opens deep links and navigates to sub-pages through the host', async () => {
    const opened: string[] = [];
    const navigations: unknown[] = [];
    const session = new TabSession(buildLegacyContext(teamContext('content')), {
      onOpenLink: (url) => void opened.push(url),
      onNavigateWithinApp: (params) => navigations.push(params),
    });
    installFakeParent({ session });
    const host = await connectToHost({ validMessageOrigins: [HOST_ORIGIN] });
    await host?.openDeepLink('https://teams.microsoft.com/l/entity/app/handlingsplan');
    expect(opened).toEqual(['https://teams.microsoft.com/l/entity/app/handlingsplan']);
    expect(host?.navigateToSubPage).toBeTypeOf('function');
    await host?.navigateToSubPage?.('goal-9');
    expect(navigations).toEqual([{ pageId: 'handlingsplan', subPageId: 'goal-9' }]);
  });

  it('answers unknown functions as not supported instead of hanging', () => {
    const session = new TabSession(buildLegacyContext(teamContext('content')));
    expect(session.handle({ id: 7, uuidAsString: 'u', func: 'calendar.openCalendarItem', args: [] })).toEqual({
      id: 7,
      uuidAsString: 'u',
      args: [{ errorCode: 100, message: 'calendar.openCalendarItem is not supported by the local Teams host' }],
    });
  });
});

type NativeWindow = Window & { onNativeMessage?: (event: { data: unknown }) => void } & Record<string, unknown>;

/**
 * Teams for iOS/Android as host-sim/native-bridge.ts emulates it: the injected script (run here as
 * the webview would, before teams-js initializes) and NativeHost answering with protocol.ts.
 */
function installNativeBridge(context: ContextInput): NativeHost {
  const win = window as unknown as NativeWindow;
  const native = new NativeHost(context, {}, (event) => {
    win.onNativeMessage?.({ data: event });
    return Promise.resolve();
  });
  win[NATIVE_BRIDGE_BINDING] = (message: unknown) => native.receive(message);
  // The script the webview injects, run as the webview would (before teams-js initializes).
  new Function(nativeBridgeScript())();
  return native;
}

describe('connectToHost on Teams for iOS and Android (window.nativeInterface)', () => {
  it('connects unframed through the native interface and speaks the same protocol', async () => {
    const native = installNativeBridge({ ...teamContext('content'), clientType: 'android' });
    // Not framed and not opened by another window: only the native interface can answer.
    expect(window.parent).toBe(window);
    expect(window.opener).toBeFalsy();
    expect(hostChannelKind()).toBe('native');

    const host = await connectToHost({ validMessageOrigins: [HOST_ORIGIN], timeoutMs: 2000 });
    expect(host).not.toBeNull();
    expect(host?.context).toMatchObject({
      hostName: 'Teams',
      clientType: 'android',
      frameContext: 'content',
      locale: 'nn-NO',
      user: { userPrincipalName: 'kari@example.test', tenantId: 'tenant-1' },
      team: { groupId: 'group-1', displayName: 'Fagforbundet Alver', userRole: 'owner' },
      pageId: 'handlingsplan',
    });
    expect(native.log[0]).toEqual({ func: 'initialize', args: [expect.any(String), expect.any(Number), [HOST_ORIGIN]] });
    expect(native.log.map((entry) => entry.func)).toContain('getContext');

    // Host events arrive through window.onNativeMessage as well.
    const themes: string[] = [];
    host?.onThemeChange((theme) => themes.push(theme));
    await settle();
    await native.changeTheme('dark');
    await vi.waitFor(() => expect(themes).toEqual(['dark']));
  });

  it('answers only JSON strings, as teams-js sends them', () => {
    const native = new NativeHost(teamContext('content'));
    expect(native.receive({ id: 0, func: 'initialize', args: [] })).toEqual([]);
    expect(native.receive('not json')).toEqual([]);
    expect(native.receive(JSON.stringify({ id: 0, uuidAsString: 'u', func: 'initialize', args: [] }))).toEqual([
      { id: 0, uuidAsString: 'u', args: ['content', 'web', expect.any(String), expect.any(String)] },
    ]);
    expect(native.log).toEqual([{ func: 'initialize', args: [] }]);
  });
});

describe('hostChannelKind', () => {
  it('finds a parent frame, an opener or the native interface, and nothing in a plain browser tab', () => {
    const win = window as unknown as NativeWindow;
    expect(hostChannelKind()).toBeNull();
    win.nativeInterface = { framelessPostMessage: () => undefined };
    expect(hostChannelKind()).toBe('native');
    Object.defineProperty(window, 'opener', { configurable: true, value: {} });
    expect(hostChannelKind()).toBe('opener');
    installFakeParent({});
    expect(hostChannelKind()).toBe('frame');
  });
});

