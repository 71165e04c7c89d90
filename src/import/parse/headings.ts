/** Is a paragraph inside an area a heading that repeats one of its national goals? */
import { endsSentence } from '../text/normalize.ts';
import { bestMatch, coverage } from '../text/similarity.ts';
import type { Para } from './paragraphs.ts';

const STRONG = 0.78;
const WEAK = 0.5;

/** Sentences the union writes about itself ('Fagforbundet X skal …', 'Vi vil …'). */
export function isGoalLike(text: string): boolean {
  return /^(fagforbundet|fagforeninga|fagforeningen|fagforeininga|foreningen|foreininga|styret|vi|leiinga|ledelsen)\b[^.]{0,40}\b(skal|vil|jobbar|jobber|arbeider|har|må|ønskjer|ønsker|inviterer|fremmar|fremmer|snakkar|snakker|støttar|støtter|gjennomfører)\b/iu.test(
    text,
  );
}

export interface HeadingMatch {
  /** The national goal as the plan states it (or the heading's own text). */
  readonly nationalGoal: string;
}

/**
 * `planGoals` are the area's national goals as the plan lists them; `referenceGoals` the template's
 * (both languages), used when the plan lists none.
 */
export function matchHeading(p: Para, planGoals: readonly string[], referenceGoals: readonly string[]): HeadingMatch | null {
  if (p.bullet) return null;
  const plan = bestMatch(p.text, planGoals, WEAK);
  const ref = planGoals.length > 0 ? { index: -1, score: 0 } : bestMatch(p.text, referenceGoals, WEAK);
  const score = Math.max(plan.score, planGoals.length > 0 ? 0 : ref.score);
  const words = p.text.split(/\s+/).length;
  const headingShape = !isGoalLike(p.text) && words <= 35;
  // A weak likeness makes a heading only of text without numbers: a goal names its numbers, a heading seldom does.
  const accepted = score >= STRONG ? headingShape || score >= 0.9 : score >= WEAK && headingShape && !/[.!?]$/.test(p.text.trim()) && !/\d/.test(p.text);
  // A shortened national goal as heading ('Redusere bruken av deltid'): nearly all of it is in one listed goal.
  if (!accepted && words >= 3 && !isGoalLike(p.text) && !/[.!?]$/.test(p.text.trim()) && !/\d/.test(p.text)) {
    const shortened = planGoals.findIndex((g) => coverage(p.text, g) >= 0.92);
    const goal = planGoals[shortened];
    if (goal !== undefined) return { nationalGoal: goal };
  }
  if (accepted) {
    const planGoal = planGoals[plan.index];
    return { nationalGoal: plan.score >= WEAK && planGoal !== undefined ? planGoal : p.text.replace(/[.:]\s*$/, '') };
  }
  if (p.heading && !endsSentence(p.text) && words <= 20) return { nationalGoal: p.text.replace(/[:]\s*$/, '') };
  return null;
}

/**
 * A short heading of the union's own above its goals ('Lønnsoppgjøret'): one to three words,
 * capitalised, no number, no sentence end, followed by a sentence.
 */
export function isOwnHeading(p: Para, next: Para | undefined): boolean {
  if (p.bullet || p.number !== null || !next || next.bullet) return false;
  const words = p.text.split(/\s+/).length;
  return words <= 3 && /^\p{Lu}/u.test(p.text) && !/[\d.!?;,:]$/.test(p.text.trim()) && !/\d/.test(p.text) && endsSentence(next.text) && next.text.split(/\s+/).length > words + 2;
}
