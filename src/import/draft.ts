/** The import result: a plan draft, as specified in fixtures/plans/plan-draft.schema.md. */

export type DraftLanguage = 'nb' | 'nn';
export type MeasurePer = 'year' | 'month' | null;

export interface DraftMeasure {
  value: number;
  unit: string;
  per: MeasurePer;
}

export interface DraftLocalGoal {
  nationalGoal: string | null;
  text: string;
  measure?: DraftMeasure;
  /** YYYY-MM or YYYY-MM-DD. */
  due?: string;
}

export interface DraftArea {
  number: number;
  title: string;
  nationalGoals: string[];
  strategies: string[];
  localGoals: DraftLocalGoal[];
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
}
