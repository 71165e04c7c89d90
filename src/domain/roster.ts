/**
 * The Org365 rollout (issue 13): the union's representatives and the steps of their rollout —
 * an account in the union's Microsoft 365 tenant (Org365), membership of the team, Teams training,
 * KL*AR access and KL*AR training — measured against the plan.
 *
 * Pure domain: no React, no I/O. The account and team steps are never typed: they follow what the
 * tenant says (the directory facts an adapter reads from Microsoft Graph); the other steps are
 * ticked by the board or confirmed by the representative. A rollout step can measure a plan goal
 * ('100 % of KTV trained in KL*AR'), whose progress then follows the roster by itself.
 */
import { REP_ROLES, type LocalGoal, type RepRole, type RolloutMeasure, type TariffArea } from './plan';
import { normaliseAddress } from './ports';
import type { GoalUpdate } from './ports';

export { normaliseAddress };

export { REP_ROLES };
export type { RepRole, RolloutMeasure };

/** The bargaining areas a representative works under (the plan's tariff areas). */
export type RepArea = TariffArea;

/** How a step is known: from the tenant (never typed), or ticked by the board / confirmed by the representative. */
export type StepKind = 'account' | 'teamMember' | 'manual';

export interface RolloutStep {
  /** Stable key; the built-in steps keep theirs, steps the board adds get a generated one. */
  readonly id: string;
  /** The board's own name for the step; null: the built-in step's translated name. */
  readonly label: string | null;
  readonly kind: StepKind;
  /** Retired steps are kept (their history and any goal measured by them) but no longer shown or counted as missing. */
  readonly retired: boolean;
}

export const BUILT_IN_STEPS: readonly RolloutStep[] = [
  { id: 'org365', label: null, kind: 'account', retired: false },
  { id: 'team', label: null, kind: 'teamMember', retired: false },
  { id: 'teamsTraining', label: null, kind: 'manual', retired: false },
  { id: 'klarAccess', label: null, kind: 'manual', retired: false },
  { id: 'klarTraining', label: null, kind: 'manual', retired: false },
];

/** A manual step's state: when it was done and who said so. */
export interface StepMark {
  /** ISO date (YYYY-MM-DD) it was done. */
  readonly on: string;
  readonly by: 'board' | 'self';
}

export interface Representative {
  readonly id: string;
  readonly name: string;
  /** The address the board knows them by (their Org365 address, or a private one until they have an account). */
  readonly email: string;
  readonly role: RepRole;
  readonly area: RepArea | null;
  readonly workplace: string;
  /** Their Entra object id, once a user with this address was found in the tenant. */
  readonly entraId: string | null;
  /** Manual steps done, by step id. */
  readonly marks: Readonly<Record<string, StepMark>>;
  /** When the account and team steps were first seen done (YYYY-MM-DD), kept for the rollout over time. */
  readonly seen: Readonly<Record<string, string>>;
  readonly retired: boolean;
  readonly etag?: string;
}

/** What the tenant says about a representative now (an adapter reads it from Microsoft Graph). */
export interface DirectoryFacts {
  /** Entra ids of users found for the representatives, by representative id (absent: no user found). */
  readonly accounts: ReadonlyMap<string, string>;
  /** Entra ids of the team's members and owners. */
  readonly members: ReadonlySet<string>;
}

/** Whether a representative has done a step: the tenant decides the account and team steps. */
export function stepDone(rep: Representative, step: RolloutStep, facts: DirectoryFacts | null): boolean {
  if (step.kind === 'account') return facts ? facts.accounts.has(rep.id) : rep.entraId !== null;
  if (step.kind === 'teamMember') {
    if (facts) {
      const id = facts.accounts.get(rep.id);
      return id !== undefined && facts.members.has(id);
    }
    return rep.entraId !== null && rep.seen[step.id] !== undefined;
  }
  return rep.marks[step.id] !== undefined;
}

export interface StepCount {
  readonly stepId: string;
  readonly done: number;
  readonly total: number;
}

export interface RolloutGroup {
  /** The role or area the group counts ('all' for everyone). */
  readonly key: string;
  readonly total: number;
  readonly steps: readonly StepCount[];
}

const active = (reps: readonly Representative[]) => reps.filter((r) => !r.retired);
const shownSteps = (steps: readonly RolloutStep[]) => steps.filter((s) => !s.retired);

function countGroup(key: string, reps: readonly Representative[], steps: readonly RolloutStep[], facts: DirectoryFacts | null): RolloutGroup {
  return {
    key,
    total: reps.length,
    steps: shownSteps(steps).map((step) => ({ stepId: step.id, done: reps.filter((r) => stepDone(r, step, facts)).length, total: reps.length })),
  };
}

/** Counts per role ('PTV: 14 av 22 har Org365'), per bargaining area, and for everyone; empty groups are left out. */
export function rolloutSummary(
  reps: readonly Representative[],
  steps: readonly RolloutStep[],
  facts: DirectoryFacts | null,
): { all: RolloutGroup; byRole: RolloutGroup[]; byArea: RolloutGroup[] } {
  const current = active(reps);
  const byRole = REP_ROLES.map((role) => countGroup(role, current.filter((r) => r.role === role), steps, facts)).filter((g) => g.total > 0);
  const areas = [...new Set(current.map((r) => r.area ?? 'none'))];
  const byArea = areas.map((area) => countGroup(area, current.filter((r) => (r.area ?? 'none') === area), steps, facts));
  return { all: countGroup('all', current, steps, facts), byRole, byArea };
}

/** The active representatives who have not done a step (the board's one-click filter). */
export function missingStep(reps: readonly Representative[], step: RolloutStep, facts: DirectoryFacts | null): Representative[] {
  return active(reps).filter((r) => !stepDone(r, step, facts));
}

export interface RolloutProgress {
  readonly done: number;
  readonly total: number;
  /** 0–100, or null when nobody is counted. */
  readonly percent: number | null;
}

export function rolloutProgress(reps: readonly Representative[], steps: readonly RolloutStep[], measure: RolloutMeasure, facts: DirectoryFacts | null): RolloutProgress {
  const step = steps.find((s) => s.id === measure.stepId);
  const counted = active(reps).filter((r) => measure.roles.length === 0 || measure.roles.includes(r.role));
  if (!step || counted.length === 0) return { done: 0, total: counted.length, percent: null };
  const done = counted.filter((r) => stepDone(r, step, facts)).length;
  return { done, total: counted.length, percent: Math.round((done / counted.length) * 1000) / 10 };
}

/** When a representative did a step, as far as the roster knows: a manual mark's day, or the day the tenant step was first seen. */
export function stepDay(rep: Representative, step: RolloutStep): string | null {
  return step.kind === 'manual' ? (rep.marks[step.id]?.on ?? null) : (rep.seen[step.id] ?? null);
}

/**
 * The rollout over time: for each day given (sorted), how many of today's active representatives
 * had done each step by then. Built from the days steps were done, so no separate history is kept;
 * a step undone since is not counted on any day.
 */
export function rolloutOverTime(
  reps: readonly Representative[],
  steps: readonly RolloutStep[],
  days: readonly string[],
): Array<{ day: string; counts: Record<string, number> }> {
  const current = active(reps);
  return [...days].sort().map((day) => {
    const counts: Record<string, number> = {};
    for (const step of shownSteps(steps)) counts[step.id] = current.filter((r) => (stepDay(r, step) ?? '9999') <= day).length;
    return { day, counts };
  });
}

/**
 * The tenant's facts applied to the roster: representatives newly matched get their Entra id, and
 * tenant steps seen done for the first time get today's date (kept for the rollout over time). Only
 * representatives whose stored state differs are returned, so an adapter writes nothing when nothing changed.
 */
export function applyDirectoryFacts(reps: readonly Representative[], steps: readonly RolloutStep[], facts: DirectoryFacts, today: string): Representative[] {
  const changed: Representative[] = [];
  for (const rep of reps) {
    const entraId = facts.accounts.get(rep.id) ?? null;
    const seen: Record<string, string> = { ...rep.seen };
    for (const step of steps) {
      if (step.kind === 'manual') continue;
      const done = stepDone(rep, step, facts);
      if (done && seen[step.id] === undefined) seen[step.id] = today;
      if (!done && seen[step.id] !== undefined) delete seen[step.id];
    }
    const seenChanged = Object.keys(seen).length !== Object.keys(rep.seen).length || Object.entries(seen).some(([k, v]) => rep.seen[k] !== v);
    if (entraId !== rep.entraId || seenChanged) changed.push({ ...rep, entraId, seen });
  }
  return changed;
}


const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

/** Whether a text is a plausible e-mail address (what the roster import accepts). */
export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text.trim());
}

/** A manual step the representative confirmed on their own checklist; who they are is the store's record of who wrote it. */
export interface SelfConfirmation {
  readonly stepId: string;
  /** ISO date (YYYY-MM-DD). */
  readonly on: string;
  /** The Entra id of the user who wrote the confirmation (the item's creator, never a client's claim). */
  readonly userId: string;
}

/**
 * The representatives with their own confirmations as marks by 'self': a confirmation counts for the
 * representative whose Entra id wrote it, for a manual step the board has not marked itself.
 */
export function withSelfConfirmations(reps: readonly Representative[], steps: readonly RolloutStep[], confirmations: readonly SelfConfirmation[]): Representative[] {
  const manual = new Set(steps.filter((s) => s.kind === 'manual').map((s) => s.id));
  const byUser = new Map<string, SelfConfirmation[]>();
  for (const c of confirmations) if (manual.has(c.stepId)) byUser.set(c.userId, [...(byUser.get(c.userId) ?? []), c]);
  return reps.map((rep) => {
    const own = rep.entraId ? byUser.get(rep.entraId) : undefined;
    if (!own) return rep;
    const marks: Record<string, StepMark> = { ...rep.marks };
    for (const c of own) if (!marks[c.stepId]) marks[c.stepId] = { on: c.on, by: 'self' };
    return { ...rep, marks };
  });
}

/** The representative the signed-in user is (by Entra id), if any, among the active ones. */
export function representativeOf(reps: readonly Representative[], userId: string): Representative | null {
  return active(reps).find((r) => r.entraId === userId) ?? null;
}

export const MAX_ROLLOUT_STEPS = 12;
export const MAX_STEP_LABEL = 60;
const STEP_KINDS: readonly StepKind[] = ['account', 'teamMember', 'manual'];

/**
 * The plan's stored steps (JSON) as the rollout uses them: the built-in steps always exist (the board
 * may rename or retire them), steps the board added follow. What cannot be read is reported and left out.
 */
export function readRolloutSteps(stored: unknown): { steps: RolloutStep[]; problems: string[] } {
  const problems: string[] = [];
  let list: unknown = stored;
  if (typeof stored === 'string') {
    try {
      list = stored.trim() === '' ? null : JSON.parse(stored);
    } catch {
      return { steps: [...BUILT_IN_STEPS], problems: ['notJson'] };
    }
  }
  if (list === null || list === undefined) return { steps: [...BUILT_IN_STEPS], problems };
  if (!Array.isArray(list)) return { steps: [...BUILT_IN_STEPS], problems: ['notList'] };
  const byId = new Map<string, RolloutStep>();
  for (const [index, raw] of list.entries()) {
    const item = raw as Partial<Record<keyof RolloutStep, unknown>> | null;
    const builtIn = BUILT_IN_STEPS.find((s) => s.id === item?.id);
    const id = typeof item?.id === 'string' ? item.id.trim() : '';
    const label = typeof item?.label === 'string' && item.label.trim() !== '' ? item.label.trim().slice(0, MAX_STEP_LABEL) : null;
    const kind = builtIn ? builtIn.kind : STEP_KINDS.includes(item?.kind as StepKind) ? (item?.kind as StepKind) : null;
    if (!item || id === '' || kind === null || (!builtIn && kind !== 'manual') || (!builtIn && label === null) || byId.has(id)) {
      problems.push(`step:${index}`);
      continue;
    }
    byId.set(id, { id, label, kind, retired: item.retired === true });
  }
  const steps = [...BUILT_IN_STEPS.map((s) => byId.get(s.id) ?? s), ...[...byId.values()].filter((s) => !BUILT_IN_STEPS.some((b) => b.id === s.id))];
  return { steps: steps.slice(0, MAX_ROLLOUT_STEPS), problems };
}

/** The steps as stored on the plan (JSON). */
export function writeRolloutSteps(steps: readonly RolloutStep[]): string {
  return JSON.stringify(steps.map((s) => ({ id: s.id, label: s.label, kind: s.kind, retired: s.retired })));
}

/** A step the board adds: ticked by hand, with a key of its own that no other step has. */
export function addStep(steps: readonly RolloutStep[], label: string): RolloutStep[] {
  const name = label.trim().slice(0, MAX_STEP_LABEL);
  if (name === '') throw new RangeError('A step needs a name');
  if (steps.length >= MAX_ROLLOUT_STEPS) throw new RangeError(`At most ${MAX_ROLLOUT_STEPS} steps`);
  let n = steps.length + 1;
  while (steps.some((s) => s.id === `custom${n}`)) n += 1;
  return [...steps, { id: `custom${n}`, label: name, kind: 'manual', retired: false }];
}

/**
 * The goals measured by a rollout step whose stored current value is not what the roster says now,
 * as updates (If-Match on the goal's etag): a measured goal's current value is the percentage, its
 * target 100 unless the board set another. Goals whose step or people count nobody are left alone.
 */
export function measuredGoalUpdates(
  goals: readonly LocalGoal[],
  reps: readonly Representative[],
  steps: readonly RolloutStep[],
  facts: DirectoryFacts | null,
): GoalUpdate[] {
  const updates: GoalUpdate[] = [];
  for (const goal of goals) {
    if (!goal.rollout) continue;
    const { percent } = rolloutProgress(reps, steps, goal.rollout, facts);
    if (percent === null) continue;
    const measure = goal.measure ?? { unit: '%', baseline: 0, target: 100, current: null };
    if (goal.kind === 'measured' && measure.current === percent) continue;
    updates.push({ id: goal.id, ifMatch: goal.etag ?? null, patch: { kind: 'measured', measure: { ...measure, current: percent } } });
  }
  return updates;
}

/**
 * Whether a text names KL*AR: with its asterisk in any case ('KL*AR', 'kl*ar'), or without it as a
 * proper noun ('KLAR', or 'Klar' inside a sentence), never the ordinary word 'klar' (ready).
 */
function mentionsKlar(text: string): boolean {
  if (/\bkl\s?\*\s?ar\b/iu.test(text)) return true;
  for (const match of text.matchAll(/\b(?:KLAR|Klar)\b/gu)) {
    if (match[0] === 'KLAR') return true;
    const before = text.slice(0, match.index).trimEnd();
    if (before !== '' && !/[.!?:]$/u.test(before)) return true;
  }
  return false;
}

const ROLE_WORDS: ReadonlyArray<readonly [RepRole, RegExp]> = [
  ['ptv', /\bptv\b|plass\s?tillits\s?val[dg]t?e?/u],
  ['ktv', /\bktv\b|klubb\s?tillits\s?val[dg]t?e?/u],
  ['htv', /\bhtv\b|hoved\s?tillits\s?val[dg]t?e?/u],
  ['safety', /verne\s?omb[uo]d/u],
  ['board', /\bstyre(?:t|medlem\w*)?\b/u],
];

/**
 * The rollout step a goal's text speaks of, for the importer's suggestion: KL*AR training or access,
 * Teams training, an Org365 account; with the roles it names (none named: everyone). Null when the
 * goal speaks of none of them.
 */
export function suggestRolloutMeasure(text: string): RolloutMeasure | null {
  const t = text.toLowerCase().replace(/\s+/gu, ' ');
  const klar = mentionsKlar(text);
  const trained = /kurs|opplær|opplæring|skolert|skolering|trening|trent|lært|læring/u.test(t);
  let stepId: string | null = null;
  if (klar) stepId = trained ? 'klarTraining' : 'klarAccess';
  else if (/\bteams\b/u.test(t) && trained) stepId = 'teamsTraining';
  else if (/org\s?365|office\s?365|microsoft\s?365/u.test(t)) stepId = 'org365';
  else if (/\bteams\b/u.test(t)) stepId = 'team';
  if (stepId === null) return null;
  const roles = ROLE_WORDS.filter(([, pattern]) => pattern.test(t)).map(([role]) => role);
  return { stepId, roles };
}
