// Bundles the Functions app into dist/index.js (package.json `main`): functions/src and the runner
// it composes (../src/runner and the core and adapters it imports), with their npm dependencies
// (MSAL Node, the Graph client), so the deployed folder is dist/ + host.json + package.json and
// needs only `@azure/functions` installed beside it. `@azure/functions` stays external: the
// Functions worker and the package must be the one the app registers its functions with.
// esbuild comes from the project root's node_modules (run `npm ci` at the root first).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
rmSync(path.join(here, 'dist'), { recursive: true, force: true });

const result = await build({
  entryPoints: [path.join(here, 'src/index.ts')],
  outfile: path.join(here, 'dist/index.js'),
  bundle: true,
  platform: 'node',
  // The oldest Node the app may run on; Microsoft's supported versions for v4 are newer.
  target: 'node20',
  // CommonJS: no "type": "module" needed, and CommonJS dependencies bundle without a require shim.
  format: 'cjs',
  external: ['@azure/functions'],
  // Readable stack traces in the Functions logs without a source map.
  keepNames: true,
  minify: false,
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
});

const inputs = Object.keys(result.metafile.inputs);
// The deployed bundle carries the runner, never the local emulator, the dev scripts or the tab's UI.
const foreign = inputs.filter((file) => /(^|\/)(emulator|scripts|tests|host-sim)\/|(^|\/)src\/(features|app|components|hooks|lib|teams)\/|node_modules\/(react|react-dom|@fluentui|undici)\//.test(file));
if (foreign.length > 0) {
  console.error(`dist/index.js must not bundle:\n  ${foreign.join('\n  ')}`);
  process.exit(1);
}
const bytes = result.metafile.outputs[path.relative(process.cwd(), path.join(here, 'dist/index.js')).split(path.sep).join('/')]?.bytes;
console.log(`functions/dist/index.js: ${inputs.length} modules${bytes ? `, ${Math.round(bytes / 1024)} KiB` : ''}`);
