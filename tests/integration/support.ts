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

/** Latency to give the emulator while counting round trips: requests sent together overlap in its log, sequential ones do not. */
export const ROUND_TRIP_LATENCY_MS = 40;

/**
 * Sequential round trips in the emulator's log: outer requests (plain or `$batch`) whose time spans
 * overlap were sent together (parallel `$batch` chunks, parallel look-ups) and count as one; each
 * later one that starts after the wave so far ended starts a new one. Needs the latency above.
 */
export function countRoundTrips(log: ReturnType<RunningEmulator['requestLog']>, latencyMs = ROUND_TRIP_LATENCY_MS): number {
  const spans = log
    .filter((e) => e.batchId === undefined)
    .map((e) => ({ start: Date.parse(e.at) - e.durationMs, end: Date.parse(e.at) }))
    .sort((a, b) => a.start - b.start);
  let waves = 0;
  let waveEnd = -Infinity;
  for (const span of spans) {
    // A request starting (allowing for the log's millisecond rounding) before the wave ended ran alongside it.
    if (span.start >= waveEnd - latencyMs / 4) {
      waves++;
      waveEnd = span.end;
    } else {
      waveEnd = Math.max(waveEnd, span.end);
    }
  }
  return waves;
}
