/** One area's paragraphs → national goals, strategies and the union's local goals. */
import type { DraftArea, DraftLocalGoal, DraftNotUsed } from '../draft.ts';
import { isBoilerplate, isClosingNote, inlineNationalGoal, isLocalGoalsLabel, isNationalGoalsLabel, isStrategiesLabel } from '../text/vocabulary.ts';
import { extractDue } from './due.ts';
import { matchHeading, type HeadingMatch } from './headings.ts';
import { extractMeasure } from './measure.ts';
import type { Para } from './paragraphs.ts';
import type { AreaSegment } from './areas.ts';
import { bestMatch, coverage } from '../text/similarity.ts';
import { referenceHit, templateNationalGoals, templateStrategies } from './template-match.ts';
import { isGoalLike, isOwnHeading } from './headings.ts';

type Mode = 'local' | 'national' | 'strategies';

export interface AreaResult {
  readonly area: DraftArea;
  readonly unplaced: string[];
  /** Labels, headings and template text read inside the area. */
  readonly notUsed: DraftNotUsed[];
}

/** A quotation of the strategy plan among the union's text: its national goal or strategy, not the union's goal. */
function quotedReference(p: Para): ReturnType<typeof referenceHit> {
  if (p.role === 'local' || p.role === 'area' || isGoalLike(p.text)) return null;
  return referenceHit(p.text);
}

/** The item of a list a text repeats, whole or shortened ('… i kommunal sektor' for '… i kommunal sektor og i Spekter helse'), or -1. */
function alreadyListed(text: string, list: readonly string[]): number {
  const whole = bestMatch(text, list, 0.85);
  if (whole.index >= 0 && whole.score >= 0.85) return whole.index;
  if (text.split(/\s+/).length < 4) return -1;
  return list.findIndex((item) => coverage(text, item) >= 0.9);
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
  const notUsed: DraftNotUsed[] = [];
  const reviewNational: number[] = [];
  const reviewStrategies: number[] = [];
  /** National goals in a row with no goal between them are a list: goals after it stand under none of them. */
  let nationalRun = 0;
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
    if (!p) continue;
    if (isBoilerplate(p.text)) {
      notUsed.push({ text: p.text, kind: 'template' });
      continue;
    }
    if (p.role !== 'national' && p.role !== 'strategy' && !p.bullet && isClosingNote(p.text)) {
      notUsed.push({ text: p.text, kind: 'introduction' });
      continue;
    }
    if (p.role === 'national' || p.role === 'strategy') {
      const national = p.role === 'national';
      const list = national ? nationalGoals : strategies;
      const at = alreadyListed(p.text, list);
      if (at >= 0) {
        notUsed.push({ text: p.text, kind: 'heading' });
      } else {
        list.push(p.text);
        const hit = referenceHit(p.text, 0.6);
        if (!hit || hit.kind !== p.role) (national ? reviewNational : reviewStrategies).push(list.length - 1);
      }
      if (national) {
        current = list[at >= 0 ? at : list.length - 1] ?? p.text;
        nationalRun = goalsUnderCurrent === 0 && nationalRun > 0 ? nationalRun + 1 : 1;
        goalsUnderCurrent = 0;
      }
      mode = 'local';
      continue;
    }
    if (p.role !== 'local' && (isNationalGoalsLabel(p.text) || isStrategiesLabel(p.text))) {
      notUsed.push({ text: p.text, kind: 'label' });
      mode = isStrategiesLabel(p.text) ? 'strategies' : 'national';
      listBulleted = false;
      listCount = 0;
      continue;
    }
    const inline = p.role === 'local' ? null : inlineNationalGoal(p.text);
    if (inline) {
      const label = p.text.slice(0, p.text.lastIndexOf(inline));
      if (/\p{L}/u.test(label)) notUsed.push({ text: label.replace(/[\s:.–-]+$/u, ''), kind: 'label' });
      if (!nationalGoals.includes(inline)) nationalGoals.push(inline);
      else notUsed.push({ text: p.text, kind: 'heading' });
      current = inline;
      goalsUnderCurrent = 0;
      nationalRun = 1;
      mode = 'local';
      continue;
    }
    if (mode !== 'local') {
      const isNational = mode === 'national';
      const reference = isNational ? refGoals : refStrategies;
      const rival = isNational ? refStrategies : [...refGoals, ...nationalGoals];
      // An item the list already has is the heading of the goals under it: the list has ended.
      const repeated = alreadyListed(p.text, isNational ? nationalGoals : strategies) >= 0;
      if (!repeated && p.role !== 'local' && listItem(p, reference, rival, seg.template !== null, listCount, listBulleted)) {
        (isNational ? nationalGoals : strategies).push(p.text);
        listBulleted ||= p.bullet;
        listCount++;
        continue;
      }
      mode = 'local';
    }
    const listedMatch = p.role === 'local' || nationalGoals.length === 0 ? null : matchHeading(p, nationalGoals, refGoals);
    const listedHeading: HeadingMatch | null =
      listedMatch && !(listedMatch.nationalGoal === current && goalsUnderCurrent === 0) ? listedMatch : null;
    if (listedHeading) {
      notUsed.push({ text: p.text, kind: 'heading' });
      current = listedHeading.nationalGoal;
      goalsUnderCurrent = 0;
      nationalRun = 1;
      continue;
    }
    const quoted = quotedReference(p);
    if (quoted) {
      // The strategy plan quoted without a label (a flattened table, a list without its heading):
      // a national goal or strategy, never the union's goal; a repeated one is a heading.
      const national = quoted.kind === 'national';
      const list = national ? nationalGoals : strategies;
      const at = alreadyListed(p.text, list);
      if (at >= 0) notUsed.push({ text: p.text, kind: 'heading' });
      else list.push(p.text);
      if (national) {
        current = list[at >= 0 ? at : list.length - 1] ?? p.text;
        nationalRun = goalsUnderCurrent === 0 && nationalRun > 0 && at < 0 ? nationalRun + 1 : 1;
        goalsUnderCurrent = 0;
      }
      continue;
    }
    const matched = p.role === 'local' ? null : matchHeading(p, nationalGoals, refGoals);
    // Headings do not come twice in a row for one national goal: a second line like it is a goal.
    const heading: HeadingMatch | null = matched && !(matched.nationalGoal === current && goalsUnderCurrent === 0) ? matched : null;
    if (heading) {
      notUsed.push({ text: p.text, kind: 'heading' });
      current = heading.nationalGoal;
      goalsUnderCurrent = 0;
      nationalRun = 1;
      continue;
    }
    const next = paras[i + 1];
    if (p.role !== 'local' && isOwnHeading(p, next)) {
      notUsed.push({ text: p.text, kind: 'heading' });
      current = p.text;
      goalsUnderCurrent = 0;
      nationalRun = 1;
      continue;
    }
    const leadIn = /:$/.test(p.text);
    if (p.role !== 'local' && isLocalGoalsLabel(p.text)) {
      notUsed.push({ text: p.text, kind: 'label' });
      continue;
    }
    if (leadIn && (goalsUnderCurrent === 0 || !next || matchHeading(next, nationalGoals, refGoals))) {
      unplaced.push(p.text);
      continue;
    }
    const goal = toLocalGoal(p.text, nationalRun > 1 ? null : current);
    const near = referenceHit(p.text, 0.62);
    if (near && !/\d/.test(p.text)) goal.review = near.kind === 'national' ? 'mayBeNational' : 'mayBeStrategy';
    localGoals.push(goal);
    goalsUnderCurrent++;
  }
  const headingLabel = seg.heading.includes(seg.title) ? seg.heading.replace(seg.title, ' ').replace(/^\s*\d{1,2}\s*[.)]\s*/, '') : '';
  if (/\p{L}/u.test(headingLabel)) notUsed.unshift({ text: headingLabel.replace(/\s+/g, ' ').replace(/^[\s:.–-]+|[\s:.–-]+$/gu, ''), kind: 'label' });
  const review = reviewNational.length + reviewStrategies.length > 0 ? { review: { nationalGoals: reviewNational, strategies: reviewStrategies } } : {};
  return {
    area: {
      number: seg.number ?? position,
      title: seg.title,
      nationalGoals,
      strategies,
      localGoals,
      ...review,
    },
    unplaced,
    notUsed,
  };
}
