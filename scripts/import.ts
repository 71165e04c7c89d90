/**
 * Imports a handlingsplan (.docx, .pdf or .txt) and prints its draft JSON.
 *
 *   npm run import -- FILE [--out DRAFT.json]
 *
 * Exit 0 on success; 1 with a one-line message (nb/nn/en from LANG/LC_ALL) on bad input; 2 on usage errors.
 */
import { open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  DEFAULT_MAX_BYTES,
  formatImportError,
  importPlan,
  isImportError,
  messageLanguageFromLocale,
  type MessageLanguage,
} from '../src/import/index.ts';

type CliMessage = 'usage' | 'notFound' | 'writeFailed';

const CLI_MESSAGES: Readonly<Record<MessageLanguage, Readonly<Record<CliMessage, string>>>> = {
  nb: {
    usage: 'Bruk: npm run import -- FIL [--out UTFIL]',
    notFound: 'Fant ikke filen: {file}',
    writeFailed: 'Kunne ikke skrive {file}',
  },
  nn: {
    usage: 'Bruk: npm run import -- FIL [--out UTFIL]',
    notFound: 'Fann ikkje fila: {file}',
    writeFailed: 'Kunne ikkje skrive {file}',
  },
  en: {
    usage: 'Usage: npm run import -- FILE [--out OUTFILE]',
    notFound: 'File not found: {file}',
    writeFailed: 'Could not write {file}',
  },
};

const lang = messageLanguageFromLocale(process.env.LC_ALL || process.env.LANG);

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function cli(key: CliMessage, file = ''): string {
  return CLI_MESSAGES[lang][key].replace('{file}', file);
}

function parseArgs(argv: readonly string[]): { file: string; out: string | null } {
  let file: string | null = null;
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out' || a === '-o') {
      out = argv[++i] ?? fail(cli('usage'), 2);
    } else if (a?.startsWith('--out=')) {
      out = a.slice('--out='.length);
    } else if (a && !a.startsWith('-') && file === null) {
      file = a;
    } else {
      fail(cli('usage'), 2);
    }
  }
  if (!file) fail(cli('usage'), 2);
  return { file, out };
}

/** Reads at most `limit + 1` bytes so a huge file is rejected without loading it. */
async function readBounded(file: string, limit: number): Promise<Uint8Array> {
  const info = await stat(file);
  if (info.size > limit) {
    const handle = await open(file, 'r');
    try {
      const buf = new Uint8Array(limit + 1);
      await handle.read(buf, 0, limit + 1, 0);
      return buf;
    } finally {
      await handle.close();
    }
  }
  return new Uint8Array(await readFile(file));
}

async function writeAtomically(target: string, content: string): Promise<void> {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, content, 'utf8');
    await rename(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

async function main(): Promise<void> {
  const { file, out } = parseArgs(process.argv.slice(2));
  let bytes: Uint8Array;
  try {
    bytes = await readBounded(file, DEFAULT_MAX_BYTES);
  } catch {
    fail(cli('notFound', file), 1);
  }
  try {
    const draft = await importPlan(bytes, basename(file));
    const json = `${JSON.stringify(draft, null, 2)}\n`;
    if (out) {
      try {
        await writeAtomically(out, json);
      } catch {
        fail(cli('writeFailed', out), 1);
      }
    } else {
      process.stdout.write(json);
    }
  } catch (e) {
    if (isImportError(e)) fail(`${e.code}: ${formatImportError(e.code, lang, e.params)}`, 1);
    throw e;
  }
}

await main();
