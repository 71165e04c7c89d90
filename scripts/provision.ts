/**
 * `npm run provision -- --site <site URL | team id> …`: see src/runner/provision.ts.
 * Against the local emulator the certificate authority it generated is trusted (`.certs/`).
 */
import { runProvision } from '../src/runner/provision';
import { runnerFetch } from './lib/runner-fetch';

process.exitCode = await runProvision(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  ...runnerFetch(),
});
