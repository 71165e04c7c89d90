/** Text before the first area: template boilerplate is skipped, the union's own words are kept as unplaced. */
import { normKey } from '../text/normalize.ts';
import { isBoilerplate } from '../text/vocabulary.ts';
import type { Para } from './paragraphs.ts';
import { isTemplateAreaTitle } from './template-match.ts';

function isTitleLine(text: string, union: string | null): boolean {
  const k = normKey(text);
  const words = k.split(' ').length;
  if (union && k === normKey(union)) return true;
  return words <= 10 && /\b(handlingsplan|arbeidsplan|årsplan|strategiplan)\w*\b/.test(k) && !/[.!?]$/.test(text.trim());
}

export function preambleUnplaced(paras: readonly Para[], union: string | null): string[] {
  return paras
    .filter((p) => !isBoilerplate(p.text))
    .filter((p) => !(p.bullet && isTemplateAreaTitle(p.text)))
    .filter((p) => !isTitleLine(p.text, union))
    .map((p) => p.text);
}
