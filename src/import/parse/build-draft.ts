/** Blocks → plan draft. Pure: no I/O. */
import type { Block } from '../blocks.ts';
import type { PlanDraft } from '../draft.ts';
import { ImportError } from '../errors.ts';
import { parseAreaBody } from './area-body.ts';
import { segmentAreas } from './areas.ts';
import { detectLanguage, detectPeriod, detectUnion } from './meta.ts';
import { flatten } from './paragraphs.ts';
import { preambleUnplaced } from './preamble.ts';

export function buildDraft(blocks: readonly Block[]): PlanDraft {
  const { paras, situation } = flatten(blocks);
  if (paras.length === 0 && situation.length === 0) throw new ImportError('NO_TEXT');
  const allText = paras.map((p) => p.text).join('\n');
  const union = detectUnion(allText);
  const { preamble, areas } = segmentAreas(paras);
  const unplaced = preambleUnplaced(preamble, union);
  const draftAreas = areas.map((seg, i) => {
    const result = parseAreaBody(seg, i + 1);
    unplaced.push(...result.unplaced);
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
  };
}
