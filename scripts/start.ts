/**
 * `npm start`: the emulator, the app and the local Teams host page on fixed ports, with the demo
 * tenant kept in .data/emulator between runs. Runs until Ctrl-C.
 */
import path from 'node:path';
import { DEMO_DEFAULT_USER } from '../emulator/seed/demo-tenant';
import { seedDemoPlans } from '../emulator/seed/demo-plans';
import { REPO_ROOT, startDevStack, type DevStackOptions } from './dev-stack';

const EMULATOR_PORT = 4010;
const APP_PORT = 5173;
const HOST_PORT = 5174;
const DEMO_TEAM = 'Fagforbundet Alver';

async function main(): Promise<void> {
  const options: DevStackOptions = {
    emulatorPort: EMULATOR_PORT,
    appPort: APP_PORT,
    hostPort: HOST_PORT,
    dataDir: path.join(REPO_ROOT, '.data', 'emulator'),
    seed: 'demo',
    // On a fresh tenant, store each demo team's adopted plan through the app's own data layer.
    onFreshSeed: seedDemoPlans,
    logLevel: 'warn',
  };
  const stack = await startDevStack(options);

  const teamsHost = `${stack.hostUrl}?user=${DEMO_DEFAULT_USER}&team=${encodeURIComponent(DEMO_TEAM)}`;
  console.log('');
  console.log(`Emulator: ${stack.emulator.origin} (Graph at ${stack.emulator.graphUrl}, data in .data/emulator)`);
  console.log(`App: ${stack.appUrl} (the tab on its own; outside Teams)`);
  console.log(`Teams host: ${teamsHost}`);
  console.log('');
  console.log('HTTPS uses a local CA: trust .certs/ca.pem in your browser/OS, or accept the certificate once');
  console.log(`on each of ${stack.emulator.origin}, ${stack.appUrl} and ${stack.hostUrl}.`);
  console.log('Press Ctrl-C to stop.');

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: stopping…`);
    stack.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
