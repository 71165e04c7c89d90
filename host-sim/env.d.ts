/** Injected by scripts/dev-stack.ts (Vite `define`) when the host page is served. */
interface HostSimConfig {
  /** The tab's entry document, e.g. 'https://localhost:5173/index.html'. */
  readonly tabUrl: string;
  /** The Teams app id deep links to this app carry. */
  readonly appId: string;
  /** The tenant id announced in the context (`tid`). */
  readonly tenantId: string;
}

declare const __HOST_SIM_CONFIG__: HostSimConfig | undefined;
