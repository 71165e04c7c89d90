/**
 * `npm run report -- --team <name or id> --kind board|annual …`: see src/runner/report.ts. Against
 * the local emulator (`--graph https://localhost:4010/v1.0`, or one started alone with `npm run
 * emulator -- --port P --data DIR`) it signs in as the demo tenant's Handlingsplan app with no other
 * options, and trusts the certificate authority the emulator generated (`.certs/`).
 */
import { DEMO_BOT_APP_ID, DEMO_TENANT_ID } from '../emulator/seed/demo-tenant';
import { runReport } from '../src/runner/report';
import { runnerFetch } from './lib/runner-fetch';

process.exitCode = await runReport(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  emulator: { clientId: DEMO_BOT_APP_ID, tenantId: DEMO_TENANT_ID },
  ...runnerFetch(),
});
