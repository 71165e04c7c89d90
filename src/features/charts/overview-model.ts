/**
 * The Overview's charts as data (pure): progress per area, where an area with nothing to count
 * yet stays 'nothing to count' (null, never 0 %), and goals by status per area and for the plan,
 * straight from planOverview's summaries.
 */
import type { PlanOverview } from '../../domain/overview';
import { GOAL_STATUSES, type GoalStatus } from '../../domain/plan';
import type { ProgressSummary } from '../../domain/progress';

export interface AreaBar {
  readonly areaId: string;
  readonly number: number;
  readonly title: string;
  /** Share of the way, 0..1, or null when the area has nothing to count yet. */
  readonly fraction: number | null;
  readonly counted: number;
  readonly total: number;
}

export function areaBars(overview: Pick<PlanOverview, 'areas'>): AreaBar[] {
  return overview.areas.map(({ area, summary }) => ({
    areaId: area.id,
    number: area.number,
    title: area.title,
    fraction: summary.fraction,
    counted: summary.counted,
    total: summary.total,
  }));
}

/** The progress axis: 0 to 100 %. */
export const PERCENT_TICKS: readonly number[] = [0, 25, 50, 75, 100];

/** A fraction as the whole per cent the bar reaches (0..100), or null for nothing to count. */
export function percentOf(fraction: number | null): number | null {
  return fraction === null ? null : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
}

export interface StatusCount {
  readonly status: GoalStatus;
  readonly count: number;
}

/** Goals by status in the order statuses are always listed (GOAL_STATUSES). */
export function statusCounts(summary: Pick<ProgressSummary, 'byStatus'>): StatusCount[] {
  return GOAL_STATUSES.map((status) => ({ status, count: summary.byStatus[status] }));
}

export interface StatusRow {
  readonly areaId: string;
  readonly number: number;
  readonly title: string;
  readonly counts: readonly StatusCount[];
  readonly total: number;
}

/** Goals by status per area (the table), with the whole plan's counts as the footer. */
export function statusRows(overview: Pick<PlanOverview, 'areas' | 'plan'>): { rows: StatusRow[]; plan: { counts: StatusCount[]; total: number } } {
  return {
    rows: overview.areas.map(({ area, summary }) => ({ areaId: area.id, number: area.number, title: area.title, counts: statusCounts(summary), total: summary.total })),
    plan: { counts: statusCounts(overview.plan), total: overview.plan.total },
  };
}
