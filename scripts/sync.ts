/**
 * `npm run sync -- --team <team id> …`: see src/runner/sync.ts.
 * Against the local emulator the certificate authority it generated is trusted (`.certs/`).
 */
import { runSync } from '../src/runner/sync';
import { runnerFetch } from './lib/runner-fetch';

process.exitCode = await runSync(process.argv.slice(2), {
  env: process.env,
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  ...runnerFetch(),
});
