/** The import result: a plan draft, as specified in fixtures/plans/plan-draft.schema.md. */

export type DraftLanguage = 'nb' | 'nn';
export type MeasurePer = 'year' | 'month' | null;

export interface DraftMeasure {
  value: number;
  unit: string;
  per: MeasurePer;
}

/**
 * Why the importer was unsure of a line it placed; the preview marks it for the board to check.
 * - mayBeNational / mayBeStrategy: taken as the union's goal, but it resembles a national goal or strategy;
 * - notInReference: taken as a national goal or strategy from its place in the layout, but the
 *   national strategy plan has nothing like it;
 * - placement: the area or the national goal it stands under was guessed.
 */
export type DraftReview = 'mayBeNational' | 'mayBeStrategy' | 'notInReference' | 'placement';

export interface DraftLocalGoal {
  nationalGoal: string | null;
  text: string;
  measure?: DraftMeasure;
  /** YYYY-MM or YYYY-MM-DD. */
  due?: string;
  /** Set when the importer was unsure (see DraftReview). */
  review?: DraftReview;
}

export interface DraftArea {
  number: number;
  title: string;
  nationalGoals: string[];
  strategies: string[];
  localGoals: DraftLocalGoal[];
  /** Indexes into nationalGoals / strategies of items the importer was unsure about (see DraftReview). */
  review?: { nationalGoals: number[]; strategies: number[] };
}

export interface DraftSituationRow {
  area: string;
  now: string;
  shortTerm: string;
  longTerm: string;
}

export interface PlanDraft {
  union: string | null;
  period: { from: number; to: number } | null;
  language: DraftLanguage;
  situation: DraftSituationRow[];
  areas: DraftArea[];
  unplaced: string[];
  /**
   * Source text read as the plan's frame rather than its content, each with what it was taken for.
   * With the content above and `unplaced`, every line of the source is in exactly one place:
   * nothing is dropped silently. Optional so that drafts written before it (and truth files) stay valid.
   */
  notUsed?: DraftNotUsed[];
}

/**
 * What a source text that is not content was taken for: the introduction and other prose before
 * or between the areas, a heading (area or national-goal heading repeated above goals, a section
 * title), a label ('Nasjonale mål:', 'Strategiar'), text of the national template itself
 * (instructions, the strategy plan's description), or page furniture (running headers, page numbers).
 */
export type NotUsedKind = 'introduction' | 'heading' | 'label' | 'template' | 'furniture';

export interface DraftNotUsed {
  text: string;
  kind: NotUsedKind;
}
