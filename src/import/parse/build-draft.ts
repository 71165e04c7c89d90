/** Blocks → plan draft. Pure: no I/O. */
import type { Block } from '../blocks.ts';
import type { DraftNotUsed, PlanDraft } from '../draft.ts';
import { ImportError } from '../errors.ts';
import { parseAreaBody } from './area-body.ts';
import { segmentAreas } from './areas.ts';
import { detectLanguage, detectPeriod, detectUnion } from './meta.ts';
import { flatten } from './paragraphs.ts';
import { readPreamble } from './preamble.ts';
import { startSimilarityRun } from '../text/similarity.ts';

export function buildDraft(blocks: readonly Block[]): PlanDraft {
  // Each import compares its own texts afresh (the ratio cache serves one import's repeated questions).
  // Stryker disable next-line all: a cache reset; the draft is the same either way (equivalent mutants)
  startSimilarityRun();
  const { paras, situation, notUsed: frame } = flatten(blocks);
  if (paras.length === 0 && situation.length === 0) throw new ImportError('NO_TEXT');
  // Running headers name the union and the period too.
  const allText = [...paras.map((p) => p.text), ...frame.filter((n) => n.kind === 'furniture').map((n) => n.text)].join('\n');
  const union = detectUnion(allText);
  const { preamble, areas } = segmentAreas(paras);
  const intro = readPreamble(preamble, union);
  const unplaced = [...intro.unplaced];
  const notUsed: DraftNotUsed[] = [...intro.notUsed];
  const draftAreas = areas.map((seg, i) => {
    const result = parseAreaBody(seg, i + 1);
    unplaced.push(...result.unplaced);
    notUsed.push(...result.notUsed);
    return result.area;
  });
  const substantive = draftAreas.some((a) => a.nationalGoals.length > 0 || a.localGoals.length > 0);
  if (!substantive) throw new ImportError('NOT_A_PLAN');
  return {
    union,
    period: detectPeriod(allText),
    language: detectLanguage(allText),
    situation,
    areas: draftAreas,
    unplaced,
    notUsed: [...notUsed, ...frame],
  };
}
