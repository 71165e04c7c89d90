/**
 * npm run package -- [--env <name>] [--allow-localhost] [--out <file>]
 *
 * Builds manifest/build/appPackage.zip from manifest/ with TEAMS_APP_ID, AAD_APP_CLIENT_ID and
 * TAB_DOMAIN taken from the process environment or from env/.env.<name> (+ env/.env.<name>.user),
 * the environment being chosen with --env or TEAMSFX_ENV. Validates offline; never uses the network.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  PackageError,
  buildAppPackage,
  checkPackageVariables,
  loadEnvironment,
} from './lib/app-package';

const USAGE = `Usage: npm run package -- [--env <name>] [--allow-localhost] [--out <file>]

  --env <name>       read env/.env.<name> and env/.env.<name>.user (default: $TEAMSFX_ENV)
  --allow-localhost  accept TAB_DOMAIN=localhost[:port] (local debugging only)
  --out <file>       where to write the zip (default: manifest/build/appPackage.zip)

Variables (process environment wins over env files):
  TEAMS_APP_ID       the Teams app id (GUID)
  AAD_APP_CLIENT_ID  the Entra app registration's application (client) id (GUID)
  TAB_DOMAIN         the host name serving dist/, without https:// or path`;

async function main(): Promise<number> {
  const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const { values: args } = parseArgs({
    options: {
      env: { type: 'string' },
      'allow-localhost': { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (args.help === true) {
    console.log(USAGE);
    return 0;
  }

  const environment = loadEnvironment({ rootDir, envName: args.env, processEnv: process.env });
  if (environment.envName === undefined) {
    console.log('No environment selected (--env or TEAMSFX_ENV): using the process environment only.');
  } else {
    for (const file of environment.filesRead) console.log(`Read ${file}`);
    for (const file of environment.filesMissing) console.log(`(no ${file})`);
  }

  const checked = checkPackageVariables(environment.values, {
    allowLocalhost: args['allow-localhost'] === true,
    sources: environment.sources,
  });
  if (!checked.ok) {
    console.error('Refusing to package: the app needs real values for these variables:');
    for (const problem of checked.problems) console.error(`  - ${problem.message}`);
    console.error('\nSet them in the environment or in env/.env.<name> (see env/.env.dev.example).');
    return 1;
  }

  const outFile = resolve(rootDir, args.out ?? join('manifest', 'build', 'appPackage.zip'));
  const appPackage = await buildAppPackage({ manifestDir: join(rootDir, 'manifest'), values: checked.values });
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, appPackage.zip);
  console.log(
    `Validated manifest v${appPackage.manifest.manifestVersion} and ${appPackage.entries.length - 1} files offline.\n` +
      `Wrote ${relative(rootDir, outFile)} (${appPackage.entries.join(', ')})\n` +
      `  app id ${checked.values.TEAMS_APP_ID}, client id ${checked.values.AAD_APP_CLIENT_ID}, tab https://${checked.values.TAB_DOMAIN}`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof PackageError) {
      console.error('Refusing to package:');
      for (const problem of error.problems) console.error(`  - ${problem}`);
    } else {
      console.error(error instanceof Error ? error.message : error);
      if (error instanceof TypeError && 'code' in error) console.error(USAGE);
    }
    process.exitCode = 1;
  },
);
