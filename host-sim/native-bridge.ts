/**
 * The local stand-in for Teams on iOS and Android (graph-teams-facts §18).
 *
 * On a phone the tab is not framed: Teams loads it as the top document of a webview and injects a
 * `window.nativeInterface` object before the page runs. teams-js, finding no parent and no opener,
 * switches to "frameless" mode: it sends every request as a JSON string through
 * `nativeInterface.framelessPostMessage(json)`, and the app answers by calling
 * `window.onNativeMessage({ data })` with a response `{ id, uuidAsString, args }` or an event
 * `{ func, args }` (an object, not a string; no origin check applies).
 *
 * A web page cannot inject a script into a document of another origin, so this mirrors the webview
 * injection with a browser driven over the DevTools protocol (Playwright): `attachNativeHost` adds
 * `nativeBridgeScript()` as an init script (the webview's document-start user script) and exposes one
 * binding through which the injected `nativeInterface` reaches `NativeHost` in Node. NativeHost answers
 * with protocol.ts's TabSession, the same code that answers the framed tab in the host page, so the
 * framed and the mobile host speak one protocol. Used by `host-sim/mobile.ts` (a phone-sized window
 * for people) and the mobile e2e spec. Nothing here is part of the app: the tab only ever sees the
 * `nativeInterface` the host gives it, as in Teams.
 */
import {
  buildLegacyContext,
  isTabRequest,
  TabSession,
  type ContextInput,
  type HostEvent,
  type HostResponse,
  type SessionCallbacks,
  type SimTheme,
  type TabRequest,
} from './protocol';

/** The name of the binding the injected nativeInterface calls (one per page). */
export const NATIVE_BRIDGE_BINDING = '__hostSimNativeBridge';

/**
 * The script the emulated webview runs at document start, before any of the tab's scripts: defines
 * `window.nativeInterface.framelessPostMessage(json)`, which hands the string to the host binding and
 * delivers the host's replies to `window.onNativeMessage({ data })`. Top document only: Teams injects
 * into the webview's page, not into frames inside it.
 */
export function nativeBridgeScript(binding: string = NATIVE_BRIDGE_BINDING): string {
  const name = JSON.stringify(binding);
  return `(() => {
  if (window.top !== window) return;
  const deliver = (data) => {
    if (typeof window.onNativeMessage === 'function') window.onNativeMessage({ data });
  };
  const nativeInterface = Object.freeze({
    framelessPostMessage(message) {
      const send = window[${name}];
      if (typeof send !== 'function') return;
      Promise.resolve(send(String(message))).then(
        (replies) => { for (const reply of Array.isArray(replies) ? replies : []) deliver(reply); },
        (error) => console.error('[native bridge]', error),
      );
    },
  });
  Object.defineProperty(window, 'nativeInterface', { value: nativeInterface, configurable: true, enumerable: false, writable: false });
})();`;
}

/** One entry of the bridge's request log. */
export interface NativeLogEntry {
  func: string;
  args: unknown[];
}

/**
 * The Teams-app side of the native bridge: receives the JSON strings teams-js sends through
 * `framelessPostMessage` and answers with TabSession. A new session starts with every `initialize`
 * (a reload or navigation in the webview is a new document), as in the host page.
 */
export class NativeHost {
  /** Every request received, in order: what the tab asked the host. */
  readonly log: NativeLogEntry[] = [];
  private context: ContextInput;
  private session: TabSession | null = null;

  constructor(
    context: ContextInput,
    private readonly callbacks: SessionCallbacks = {},
    /** Sends a host event to the tab (`window.onNativeMessage({ data: event })`); set by attachNativeHost. */
    private readonly pushToTab: (event: HostEvent) => Promise<void> = () => Promise.resolve(),
  ) {
    this.context = { ...context };
  }

  /** The session of the current document, once it called initialize. */
  get currentSession(): TabSession | null {
    return this.session;
  }

  /**
   * Handles one `framelessPostMessage` call. Only strings are accepted (teams-js always sends
   * `JSON.stringify(request)`); returns the replies to hand to `onNativeMessage` (zero or one).
   */
  receive(message: unknown): HostResponse[] {
    if (typeof message !== 'string') {
      this.callbacks.onUnsupported?.('framelessPostMessage called without a JSON string');
      return [];
    }
    let request: unknown;
    try {
      request = JSON.parse(message);
    } catch {
      this.callbacks.onUnsupported?.('framelessPostMessage called with text that is not JSON');
      return [];
    }
    if (!isTabRequest(request)) return [];
    const typed: TabRequest = request;
    this.log.push({ func: typed.func, args: Array.isArray(typed.args) ? typed.args : [] });
    if (typed.func === 'initialize') {
      this.session = new TabSession(buildLegacyContext({ ...this.context, sessionId: crypto.randomUUID() }), this.callbacks);
    }
    if (!this.session) return [];
    const response = this.session.handle(typed);
    return response ? [response] : [];
  }

  /** Changes the theme as the phone's Teams app would, pushing `themeChange` to a tab that asked for it. */
  async changeTheme(theme: SimTheme): Promise<void> {
    this.context = { ...this.context, theme };
    const event = this.session?.changeTheme(theme);
    if (event) await this.pushToTab(event);
  }

  /** Pushes any host event to the tab. */
  push(event: HostEvent): Promise<void> {
    return this.pushToTab(event);
  }
}

/** The part of a Playwright Page the bridge needs (so this module does not depend on Playwright). */
export interface WebviewPage {
  exposeFunction(name: string, callback: (message: unknown) => unknown): Promise<unknown>;
  addInitScript(script: { content: string }): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
}

export interface AttachOptions {
  context: ContextInput;
  callbacks?: SessionCallbacks;
  binding?: string;
}

/**
 * Makes `page` behave like Teams' mobile webview: call before `page.goto(tabUrl)`. Every document the
 * page loads at top level gets `window.nativeInterface`, answered by the returned NativeHost.
 */
export async function attachNativeHost(page: WebviewPage, options: AttachOptions): Promise<NativeHost> {
  const binding = options.binding ?? NATIVE_BRIDGE_BINDING;
  const host = new NativeHost(options.context, options.callbacks ?? {}, async (event) => {
    await page.evaluate(
      `typeof window.onNativeMessage === 'function' && window.onNativeMessage({ data: ${JSON.stringify(event)} })`,
    );
  });
  await page.exposeFunction(binding, (message) => host.receive(message));
  await page.addInitScript({ content: nativeBridgeScript(binding) });
  return host;
}
