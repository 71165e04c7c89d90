/** The sample plans and the extra fixtures, with their truth files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const PLANS = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'plans');

export interface Sample {
  readonly name: string;
  readonly txtPath: string;
  readonly truthPath: string;
  readonly bytes: Uint8Array;
}

function sample(dir: string, name: string): Sample {
  const txtPath = join(dir, `${name}.txt`);
  return { name, txtPath, truthPath: join(dir, `${name}.truth.json`), bytes: new Uint8Array(readFileSync(txtPath)) };
}

export const SAMPLES: readonly Sample[] = ['alver', 'asker', 'sor-varanger'].map((n) => sample(PLANS, n));
export const EXTRAS: readonly Sample[] = [
  'nordvik-hovedmal',
  'fjordbygd-nynorsk',
  'solvik-pdf-broken',
  'lyngdal-omradetabell',
  'nordre-fjord-maltabell',
  'hamarvik-flattabell',
  'indre-sogn-tokolonne',
  'midtbygda-overskrifter',
  'ytre-hardanger-avsnitt',
].map((n) => sample(join(PLANS, 'extra'), n));
