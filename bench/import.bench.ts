/**
 * Import speed per sample plan and file type (target: well under 200 ms per plan).
 *   npx vitest bench bench/import.bench.ts --run
 */
import { bench, describe } from 'vitest';
import { decodeText } from '../src/import/extract/decode.ts';
import { textToBlocks } from '../src/import/extract/txt.ts';
import { importPlan } from '../src/import/index.ts';
import { makeDocx } from '../tests/import/helpers/make-docx.ts';
import { makePdf } from '../tests/import/helpers/make-pdf.ts';
import { SAMPLES } from '../tests/import/helpers/samples.ts';

const files = await Promise.all(
  SAMPLES.map(async (s) => {
    const blocks = textToBlocks(decodeText(s.bytes));
    return { name: s.name, txt: s.bytes, docx: await makeDocx(blocks), pdf: await makePdf(blocks) };
  }),
);

// Load mammoth and pdf.js once so the figures are per import, not per module load.
await importPlan(files[0]?.docx ?? new Uint8Array(), 'warm.docx');
await importPlan(files[0]?.pdf ?? new Uint8Array(), 'warm.pdf');

for (const f of files) {
  describe(f.name, () => {
    bench('txt', async () => {
      await importPlan(f.txt, `${f.name}.txt`);
    });
    bench('docx', async () => {
      await importPlan(f.docx, `${f.name}.docx`);
    });
    bench('pdf', async () => {
      await importPlan(f.pdf, `${f.name}.pdf`);
    });
  });
}
