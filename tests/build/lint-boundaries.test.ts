/**
 * The architecture's import boundaries (eslint.config.js) catch an import however it is written:
 * with or without a file extension, through an index file, statically or dynamically.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'import-x/no-restricted-paths' || m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint boundaries', () => {
  it.each([
    ['with .ts', "import { createPrng } from '../../emulator/core/prng.ts';\nexport const n = createPrng(1)();\n"],
    ['without an extension', "import { createPrng } from '../../emulator/core/prng';\nexport const n = createPrng(1)();\n"],
    ['as a dynamic import', "export const load = () => import('../../emulator/core/prng');\n"],
    ['from the local host page', "import '../../host-sim/protocol';\n"],
  ])('should refuse dev-only code in src/ (%s)', async (_how, code) => {
    const errors = await boundaryErrors('src/graph/__probe.ts', code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/src\/ must not import dev-only code/);
  });

  it('should keep the domain free of the Graph client and of I/O', async () => {
    const errors = await boundaryErrors('src/domain/__probe.ts', "import { createGraphClient } from '../graph/client';\nimport React from 'react';\nexport const x = [createGraphClient, React];\n");
    expect(errors).toHaveLength(2);
    expect(errors.join('\n')).toMatch(/domain\/ imports nothing outside itself/);
    expect(errors.join('\n')).toMatch(/domain\/ is pure/);
  });

  it('should keep features apart and away from Graph', async () => {
    const errors = await boundaryErrors('src/features/plan/__probe.ts', "import '../overview/overview-view';\nimport '../../graph/client';\n");
    expect(errors).toHaveLength(2);
    expect(errors.join('\n')).toMatch(/features must not import each other/);
    expect(errors.join('\n')).toMatch(/features\/ use domain ports through lib\/services/);
  });

  it('should keep the Node runners\' composition root out of the tab, and React out of the runners', async () => {
    const fromTab = await boundaryErrors('src/app/__probe.ts', "import { createRunner } from '../runner/composition-root';\nexport const r = createRunner;\n");
    expect(fromTab).toHaveLength(1);
    expect(fromTab[0]).toMatch(/Node runners' composition root/);
    const react = await boundaryErrors('src/runner/__probe.ts', "import { useServices } from '../lib/services';\nexport const u = useServices;\n");
    expect(react).toHaveLength(1);
    expect(react[0]).toMatch(/src\/runner has no React/);
    expect(await boundaryErrors('src/runner/__probe.ts', "import { createRunner } from './composition-root';\nimport { SharePointPlanRepository } from '../adapters/sharepoint/plan-repository';\nexport const x = [createRunner, SharePointPlanRepository];\n")).toEqual([]);
  });

  it('should keep the importer, sign-in and the host seam in their lanes', async () => {
    expect(await boundaryErrors('src/import/__probe.ts', "import { createGraphClient } from '../graph/client';\nexport const x = createGraphClient;\n")).toEqual([
      expect.stringMatching(/import\/ is a pure importer/),
    ]);
    expect(await boundaryErrors('src/auth/__probe.ts', "import { ownsGoal } from '../domain/plan';\nexport const x = ownsGoal;\n")).toEqual([expect.stringMatching(/auth\/ gives tokens/)]);
    expect(await boundaryErrors('src/teams/__probe.ts', "import { useServices } from '../lib/services';\nexport const x = useServices;\n")).toEqual([expect.stringMatching(/teams\/ is the host seam/)]);
  });

  it('should refuse an import cycle', async () => {
    // Two real files (no-cycle follows imports on disk), removed again at once.
    const dir = path.join(root, 'src/domain');
    const a = path.join(dir, '__cycle-a.ts');
    const b = path.join(dir, '__cycle-b.ts');
    writeFileSync(a, "import { b } from './__cycle-b';\nexport const a = (): unknown => b;\n");
    writeFileSync(b, "import { a } from './__cycle-a';\nexport const b = (): unknown => a;\n");
    try {
      const [result] = await eslint.lintFiles([a]);
      expect(result?.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
    } finally {
      rmSync(a, { force: true });
      rmSync(b, { force: true });
    }
  });

  it('should allow what the architecture allows', async () => {
    expect(await boundaryErrors('src/features/plan/__probe.ts', "import { dayOf } from '../../domain/progress';\nexport const p = dayOf;\n")).toEqual([]);
  });
});
