/** Starts an in-process emulator for integration tests and gives clients of the app's real data layer. */
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/server';
import { graphClientAs, sharePointRestAs } from '../../emulator/app-client';
import { SharePointPlanRepository } from '../../src/adapters/sharepoint/plan-repository';
import { DEMO_TEAMS, type DemoTeam } from '../../emulator/seed/demo-tenant';
import type { GraphClientOptions } from '../../src/graph/client';

export async function emulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, dataDir: null, seed: 'demo', ...options });
}

export function team(key: DemoTeam['planKey']): DemoTeam {
  const found = DEMO_TEAMS.find((t) => t.planKey === key);
  if (!found) throw new Error(key);
  return found;
}

export function repoAs(emu: RunningEmulator, upn: string, teamId: string, options: Partial<Omit<GraphClientOptions, 'baseUrl' | 'getToken'>> = {}) {
  const graph = graphClientAs(emu, upn, { retryDelaySeconds: 0.1, ...options });
  return { graph, repo: new SharePointPlanRepository(graph, teamId, { sharePoint: sharePointRestAs(emu, upn) }) };
}

/** Outer HTTP requests in the emulator's log (inner $batch requests are logged separately). */
export function outerRequests(emu: RunningEmulator) {
  return emu.requestLog().filter((e) => e.batchId === undefined);
}
