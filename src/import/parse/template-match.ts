/** Matching plan text against the national template. */
import { NATIONAL_TEMPLATE, type TemplateArea } from '../national-template.ts';
import { bestMatch, similarity } from '../text/similarity.ts';
import { stripLeadingNumber } from '../text/normalize.ts';

export interface TemplateRef {
  readonly number: number;
  readonly nb: TemplateArea;
  readonly nn: TemplateArea;
}

const REFS: readonly TemplateRef[] = NATIONAL_TEMPLATE.nb.map((nb, i) => ({
  number: nb.number,
  nb,
  nn: NATIONAL_TEMPLATE.nn[i] ?? nb,
}));

/** '3. Gode offentlige tjenester …:' → 'Gode offentlige tjenester …'. */
export function areaTitleText(text: string): string {
  return stripLeadingNumber(text)
    .replace(/^(?:satsings?område|innsatsområde|område|strategisk område|prioritert område)\s*\d*\s*[:.–-]?\s*/iu, '')
    .replace(/[:.]\s*$/, '')
    .trim();
}

export function matchTemplateArea(text: string, threshold = 0.8): TemplateRef | null {
  const title = areaTitleText(text);
  if (!title || title.length > 120) return null;
  let best: TemplateRef | null = null;
  let score = 0;
  for (const ref of REFS) {
    const s = Math.max(similarity(title, ref.nb.title, threshold), similarity(title, ref.nn.title, threshold));
    if (s > score) {
      score = s;
      best = ref;
    }
  }
  return score >= threshold ? best : null;
}

export function templateNationalGoals(ref: TemplateRef | null): string[] {
  return ref ? [...ref.nb.nationalGoals, ...ref.nn.nationalGoals] : [];
}

export function templateStrategies(ref: TemplateRef | null): string[] {
  return ref ? [...ref.nb.strategies, ...ref.nn.strategies] : [];
}

export function matchesAny(text: string, candidates: readonly string[], threshold: number): boolean {
  return candidates.length > 0 && bestMatch(text, candidates, threshold).score >= threshold;
}

export function isTemplateAreaTitle(text: string): boolean {
  return REFS.some((r) => similarity(text, r.nb.title, 0.85) >= 0.85 || similarity(text, r.nn.title, 0.85) >= 0.85);
}
