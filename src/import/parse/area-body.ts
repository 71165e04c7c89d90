/** One area's paragraphs → national goals, strategies and the union's local goals. */
import type { DraftArea, DraftLocalGoal } from '../draft.ts';
import { isBoilerplate, inlineNationalGoal, isLocalGoalsLabel, isNationalGoalsLabel, isStrategiesLabel } from '../text/vocabulary.ts';
import { extractDue } from './due.ts';
import { matchHeading } from './headings.ts';
import { extractMeasure } from './measure.ts';
import type { Para } from './paragraphs.ts';
import type { AreaSegment } from './areas.ts';
import { bestMatch } from '../text/similarity.ts';
import { templateNationalGoals, templateStrategies } from './template-match.ts';

type Mode = 'local' | 'national' | 'strategies';

export interface AreaResult {
  readonly area: DraftArea;
  readonly unplaced: string[];
}

export function toLocalGoal(text: string, nationalGoal: string | null): DraftLocalGoal {
  const goal: DraftLocalGoal = { nationalGoal, text };
  const measure = extractMeasure(text);
  if (measure) goal.measure = measure;
  const due = extractDue(text);
  if (due) goal.due = due;
  return goal;
}

function listItem(
  p: Para,
  reference: readonly string[],
  rival: readonly string[],
  hasTemplate: boolean,
  itemsSoFar: number,
  bulleted: boolean,
): boolean {
  if (itemsSoFar > 0 && bulleted && !p.bullet) return false;
  if (hasTemplate) {
    const own = bestMatch(p.text, reference, 0.5).score;
    return own >= 0.5 && own >= bestMatch(p.text, rival, own).score;
  }
  if (p.bullet) return true;
  return itemsSoFar === 0 || !bulleted ? p.text.split(/\s+/).length <= 30 && !/:$/.test(p.text) : false;
}

export function parseAreaBody(seg: AreaSegment, position: number): AreaResult {
  const nationalGoals: string[] = [];
  const strategies: string[] = [];
  const localGoals: DraftLocalGoal[] = [];
  const unplaced: string[] = [];
  const refGoals = templateNationalGoals(seg.template);
  const refStrategies = templateStrategies(seg.template);
  let mode: Mode = 'local';
  let listBulleted = false;
  let listCount = 0;
  let current: string | null = null;
  let goalsUnderCurrent = 0;
  const paras = seg.paras;

  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    if (!p || isBoilerplate(p.text)) continue;
    if (isNationalGoalsLabel(p.text) || isStrategiesLabel(p.text)) {
      mode = isStrategiesLabel(p.text) ? 'strategies' : 'national';
      listBulleted = false;
      listCount = 0;
      continue;
    }
    const inline = inlineNationalGoal(p.text);
    if (inline) {
      if (!nationalGoals.includes(inline)) nationalGoals.push(inline);
      current = inline;
      goalsUnderCurrent = 0;
      mode = 'local';
      continue;
    }
    if (mode !== 'local') {
      const isNational = mode === 'national';
      const reference = isNational ? refGoals : refStrategies;
      const rival = isNational ? refStrategies : [...refGoals, ...nationalGoals];
      if (listItem(p, reference, rival, seg.template !== null, listCount, listBulleted)) {
        (isNational ? nationalGoals : strategies).push(p.text);
        listBulleted ||= p.bullet;
        listCount++;
        continue;
      }
      mode = 'local';
    }
    const heading = matchHeading(p, nationalGoals, refGoals);
    if (heading) {
      current = heading.nationalGoal;
      goalsUnderCurrent = 0;
      continue;
    }
    const next = paras[i + 1];
    const leadIn = /:$/.test(p.text);
    if (isLocalGoalsLabel(p.text) || (leadIn && (goalsUnderCurrent === 0 || !next || matchHeading(next, nationalGoals, refGoals)))) {
      unplaced.push(p.text);
      continue;
    }
    localGoals.push(toLocalGoal(p.text, current));
    goalsUnderCurrent++;
  }
  return {
    area: {
      number: seg.number ?? position,
      title: seg.title,
      nationalGoals,
      strategies,
      localGoals,
    },
    unplaced,
  };
}
