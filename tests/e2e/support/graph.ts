/**
 * The app's own data layer from the test process, against the e2e stack's emulator: for setting
 * up and checking what is stored (e.g. that a queued check-in arrived exactly once).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { graphClientAs, sharePointRestAs } from '../../../emulator/app-client';
import { SharePointPlanRepository } from '../../../src/adapters/sharepoint/plan-repository';
import { SharePointRosterRepository } from '../../../src/adapters/sharepoint/roster-repository';
import { GraphDirectory } from '../../../src/adapters/teams/graph-directory';
import { REPO_ROOT } from '../../../scripts/dev-stack';
import { e2ePorts } from './stack-env';

export function emulatorEndpoint() {
  const origin = process.env.E2E_EMULATOR_URL ?? `https://localhost:${e2ePorts().emulator}`;
  return { graphUrl: `${origin}/v1.0`, ca: readFileSync(path.join(REPO_ROOT, '.certs', 'ca.pem'), 'utf8') };
}

export function repositoryAs(userPrincipalName: string, teamId: string): SharePointPlanRepository {
  const endpoint = emulatorEndpoint();
  return new SharePointPlanRepository(graphClientAs(endpoint, userPrincipalName), teamId, { sharePoint: sharePointRestAs(endpoint, userPrincipalName) });
}

/** The team's roster (issue 13) as this user reads and writes it through the app's own adapter. */
export function rosterAs(userPrincipalName: string, teamId: string): SharePointRosterRepository {
  const graph = graphClientAs(emulatorEndpoint(), userPrincipalName);
  return new SharePointRosterRepository(graph, teamId, new GraphDirectory(graph));
}

export function emulatorOrigin(): string {
  return process.env.E2E_EMULATOR_URL ?? `https://localhost:${e2ePorts().emulator}`;
}
