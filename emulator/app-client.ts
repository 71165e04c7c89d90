/**
 * The app's own Graph client (src/graph) set up in Node to talk to a running emulator as one of
 * its users: trusts the emulator's local CA through an undici dispatcher and signs in with the
 * emulator's dev token. Used by the demo seed, tests, benchmarks and tools.
 */
import { Agent } from 'undici';
import { createGraphClient, type GraphApi, type GraphClientOptions } from '../src/graph/client';
import { SharePointRest } from '../src/adapters/sharepoint/sharepoint-rest';
import { createDevTokenSource } from '../src/auth/dev-token-source';

export interface EmulatorEndpoint {
  readonly graphUrl: string;
  readonly ca: string;
}

const agents = new Map<string, Agent>();

export function dispatcherFor(ca: string): Agent {
  let agent = agents.get(ca);
  if (!agent) {
    agent = new Agent({ connect: { ca } });
    agents.set(ca, agent);
  }
  return agent;
}

export function graphClientAs(
  emulator: EmulatorEndpoint,
  userPrincipalName: string,
  options: Partial<Omit<GraphClientOptions, 'baseUrl' | 'getToken'>> = {},
): GraphApi {
  return createGraphClient({
    baseUrl: emulator.graphUrl,
    getToken: createDevTokenSource(userPrincipalName),
    fetchOptions: { dispatcher: dispatcherFor(emulator.ca) },
    ...options,
  });
}

/**
 * The app's SharePoint REST client for a site of a running emulator, as one of its users (with a
 * token for the site's host, as the emulator demands), for list permissions.
 */
export function sharePointRestAs(emulator: EmulatorEndpoint, userPrincipalName: string): (webUrl: string) => SharePointRest {
  const fetchWithCa = sharePointRestFetch(emulator);
  return (webUrl) => new SharePointRest({ webUrl, getToken: createDevTokenSource(userPrincipalName), fetch: fetchWithCa });
}

/** Node's fetch, trusting the emulator's local CA. */
export function sharePointRestFetch(emulator: EmulatorEndpoint): typeof fetch {
  const dispatcher = dispatcherFor(emulator.ca);
  return ((url: string | URL | Request, init?: RequestInit) => fetch(url, { ...init, dispatcher } as RequestInit)) as typeof fetch;
}
