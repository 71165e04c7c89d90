/**
 * Importing a whole plan into a team: the port and the pure rules around it (deterministic client
 * keys, merge matching). The adapter (adapters/sharepoint/plan-import.ts) does the writing; see
 * docs/architecture.md, "Import", for why the writes are ordered as they are.
 */
import type { Area, PlanSnapshot, SituationRow } from './plan';
import type { NewArea, NewLocalGoal, NewPlan, NewSituationRow } from './ports';

/**
 * `replace`: the imported plan becomes the team's plan and the old one is removed once the new one
 * is complete. `merge`: the imported goals are added to the team's current plan.
 * Into a team without a plan both mean the same: a new plan.
 */
export type ImportMode = 'replace' | 'merge';

export type ImportedGoal = Omit<NewLocalGoal, 'planId' | 'areaId'>;

export interface ImportedArea {
  readonly area: Omit<NewArea, 'planId'>;
  readonly goals: readonly ImportedGoal[];
}

export type ImportedSituationRow = Omit<NewSituationRow, 'planId'>;

export interface PlanImportInput {
  /**
   * Chosen once per save attempt (a UUID). Every item written carries a ClientId derived from it,
   * so retrying the same attempt completes it without duplicates.
   */
  readonly importId: string;
  readonly mode: ImportMode;
  readonly plan: NewPlan;
  readonly areas: readonly ImportedArea[];
  readonly situation: readonly ImportedSituationRow[];
}

export type ImportPhase = 'preparing' | 'writing' | 'publishing' | 'cleaning';

export interface ImportProgress {
  readonly phase: ImportPhase;
  /** Items written (or removed) so far in this phase, and how many there are. */
  readonly done: number;
  readonly total: number;
}

export interface ImportResult {
  /** The id of the plan that now holds the import (the new plan, or the existing one on merge). */
  readonly planId: string;
  /** 'new' when the team had no plan, otherwise the mode that was applied. */
  readonly applied: 'new' | ImportMode;
  readonly areasAdded: number;
  readonly goalsAdded: number;
  /** Goals not added on merge because the plan already holds the same text. */
  readonly goalsSkipped: number;
  readonly situationAdded: number;
  /** Items of the old plan removed on replace. */
  readonly itemsRemoved: number;
  /** True when this call completed an earlier attempt with the same importId. */
  readonly resumed: boolean;
}

/**
 * Thrown, before anything becomes visible, when another import finished a plan while this one was
 * being written: on replace, a plan started after this one (the later import wins); on merge into
 * a team that had no plan, any plan (nothing was to be replaced). This import's items are removed;
 * the board chooses again between replace and merge.
 */
export class PlanAppearedError extends Error {
  constructor() {
    super('Another plan was created in the team while the import was saved');
    this.name = 'PlanAppearedError';
  }
}

export interface PlanImporter {
  /**
   * Writes the import all-or-nothing (replace, or into a team without a plan: the plan is written
   * as pending and becomes visible in one final write) or resumably (merge into an existing plan:
   * a retry with the same importId adds only what is missing).
   */
  importPlan(input: PlanImportInput, onProgress?: (progress: ImportProgress) => void): Promise<ImportResult>;
}

/* ---- deterministic client keys ---- */

export const importKeys = {
  plan: (importId: string) => `${importId}:plan`,
  /** `n`: 1-based position of the area in the import. */
  area: (importId: string, n: number) => `${importId}:area:${n}`,
  /** `a`.`g`: 1-based positions of the area and of the goal within it. */
  goal: (importId: string, a: number, g: number) => `${importId}:goal:${a}.${g}`,
  situation: (importId: string, n: number) => `${importId}:situation:${n}`,
};

/** True for a client key written by the import with this id. */
export function isKeyOfImport(clientId: string | null | undefined, importId: string): boolean {
  return typeof clientId === 'string' && clientId.startsWith(`${importId}:`);
}

/* ---- text matching ---- */

/** Text compared for "the same goal": case, spacing, bullets, quotes and end punctuation do not count. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[“”«»"'‘’]/g, '')
    .replace(/^[\s•·\-–—*]+/, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:!?]+$/, '')
    .trim();
}

/* ---- merge ---- */

export interface MergeGoal {
  /** 1-based positions in the import (for the client key). */
  readonly a: number;
  readonly g: number;
  readonly goal: ImportedGoal;
}

export interface MergeArea {
  /** 1-based position of the area in the import. */
  readonly a: number;
  /** The existing area the goals go to, or null when the area is new and must be created. */
  readonly existing: Area | null;
  /** The area to create (number adjusted to follow the plan's areas), when `existing` is null. */
  readonly create: Omit<NewArea, 'planId'> | null;
  readonly goals: readonly MergeGoal[];
}

export interface MergePlan {
  readonly areas: readonly MergeArea[];
  readonly situation: ReadonlyArray<{ readonly n: number; readonly row: ImportedSituationRow }>;
  readonly goalsSkipped: number;
}

/**
 * What a merge adds to an existing plan. Areas match by number, then by title; a goal is skipped
 * when the plan (or an earlier goal of the import) already holds the same normalised text; new
 * areas keep their number unless the plan already uses it, then they follow the last area;
 * situation rows are added for areas the situation table does not have yet. New goals are sorted
 * after the plan's goals. Pure, so a retried merge computes the same (smaller) result.
 */
export function planMerge(existing: Pick<PlanSnapshot, 'areas' | 'goals' | 'situation'>, input: Pick<PlanImportInput, 'areas' | 'situation'>): MergePlan {
  const seen = new Set(existing.goals.map((g) => normaliseText(g.text)));
  const usedNumbers = new Set(existing.areas.map((a) => a.number));
  let nextNumber = Math.max(0, ...existing.areas.map((a) => a.number)) + 1;
  let sortOrder = Math.max(0, ...existing.goals.map((g) => g.sortOrder));
  const claimed = new Set<string>();
  let skipped = 0;

  const areas: MergeArea[] = input.areas.map((imported, index) => {
    const a = index + 1;
    const title = normaliseText(imported.area.title);
    const match =
      existing.areas.find((x) => !claimed.has(x.id) && x.number === imported.area.number) ??
      existing.areas.find((x) => !claimed.has(x.id) && normaliseText(x.title) === title) ??
      null;
    if (match) claimed.add(match.id);
    let create: Omit<NewArea, 'planId'> | null = null;
    if (!match) {
      const number = usedNumbers.has(imported.area.number) ? nextNumber : imported.area.number;
      usedNumbers.add(number);
      nextNumber = Math.max(nextNumber, number + 1);
      create = { ...imported.area, number };
    }
    const goals: MergeGoal[] = [];
    imported.goals.forEach((goal, goalIndex) => {
      const key = normaliseText(goal.text);
      if (seen.has(key)) {
        skipped++;
        return;
      }
      seen.add(key);
      goals.push({ a, g: goalIndex + 1, goal: { ...goal, sortOrder: (sortOrder += 10) } });
    });
    return { a, existing: match, create, goals };
  });

  const haveRows = new Set(existing.situation.map((r: SituationRow) => normaliseText(r.area)));
  let rowOrder = Math.max(0, ...existing.situation.map((r) => r.sortOrder));
  const situation: Array<{ n: number; row: ImportedSituationRow }> = [];
  input.situation.forEach((row, index) => {
    const key = normaliseText(row.area);
    if (haveRows.has(key)) return;
    haveRows.add(key);
    situation.push({ n: index + 1, row: { ...row, sortOrder: (rowOrder += 10) } });
  });

  return { areas, situation, goalsSkipped: skipped };
}
