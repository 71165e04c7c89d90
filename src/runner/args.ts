/**
 * Command-line options shared by the Node runners (`npm run provision`, `npm run sync`): `--name
 * value` or `--name=value`, flags, and the sign-in they ask for.
 */
import { GRAPH_V1 } from './composition-root';
import type { RunnerAuth } from './token-sources';

export class UsageError extends Error {}

export const SIGN_IN_OPTIONS = ['--graph', '--as', '--tenant', '--client-id', '--certificate', '--thumbprint'] as const;

export const SIGN_IN_USAGE = `(--tenant <tenant id> --client-id <app id> [--certificate <private key .pem> --thumbprint <SHA-256>]
   | --as <user principal name> --graph <emulator Graph URL>)`;

/** The options' values and the flags given; an unknown option or a missing value is a UsageError. */
export function parseOptions(argv: readonly string[], names: readonly string[], flags: readonly string[] = []): { values: Map<string, string>; flags: Set<string> } {
  const values = new Map<string, string>();
  const given = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (flags.includes(arg)) {
      given.add(arg);
      continue;
    }
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!names.includes(name)) throw new UsageError(`Unknown option ${arg}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
    values.set(name, value);
  }
  return { values, flags: given };
}

/** Graph's URL and the sign-in the options ask for. */
export function signInOf(values: ReadonlyMap<string, string>): { graphUrl: string; auth: RunnerAuth } {
  const graphUrl = values.get('--graph') ?? GRAPH_V1;
  const as = values.get('--as');
  const tenantId = values.get('--tenant');
  const clientId = values.get('--client-id');
  const certificatePath = values.get('--certificate');
  const thumbprintSha256 = values.get('--thumbprint');
  if (as) {
    if (graphUrl === GRAPH_V1) throw new UsageError('--as signs in to the local emulator only: give its --graph URL');
    return { graphUrl, auth: { kind: 'dev', userPrincipalName: as } };
  }
  if (tenantId && clientId && certificatePath && thumbprintSha256) return { graphUrl, auth: { kind: 'certificate', tenantId, clientId, certificatePath, thumbprintSha256 } };
  if (tenantId && clientId && !certificatePath && !thumbprintSha256) return { graphUrl, auth: { kind: 'deviceCode', tenantId, clientId } };
  throw new UsageError('Sign in with --tenant and --client-id (and --certificate with --thumbprint for app-only), or --as against the emulator');
}
