/**
 * The app's own Graph client (src/graph) set up in Node to talk to a running emulator as one of
 * its users: trusts the emulator's local CA through an undici dispatcher and signs in with the
 * emulator's dev token. Used by the demo seed, tests, benchmarks and tools.
 */
import { Agent } from 'undici';
import { createGraphClient, type GraphApi, type GraphClientOptions } from '../src/graph/client';

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
    getToken: async () => `dev:${userPrincipalName}`,
    fetchOptions: { dispatcher: dispatcherFor(emulator.ca) },
    ...options,
  });
}
