/**
 * The check-in chart's data and geometry, pure so that it can be tested without a browser.
 * Measured goals plot the reported values (with the target as a line); recurring goals and
 * milestones plot how many occurrences or reports have been made, added up over time.
 */
import type { CheckIn, LocalGoal } from '../../domain/plan';
import { dayOf } from '../../domain/progress';

export interface ChartPoint {
  readonly date: string;
  readonly value: number;
}

export interface ChartSeries {
  readonly mode: 'values' | 'cumulative';
  readonly points: readonly ChartPoint[];
  readonly target: number | null;
}

export function chartSeries(goal: LocalGoal, checkIns: readonly CheckIn[]): ChartSeries {
  const own = checkIns.filter((c) => c.goalId === goal.id).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  if (goal.kind === 'measured') {
    return {
      mode: 'values',
      points: own.flatMap((c) => (c.value === null ? [] : [{ date: c.date, value: c.value }])),
      target: goal.measure?.target ?? null,
    };
  }
  let total = 0;
  const points = own.map((c) => {
    total += goal.kind === 'recurring' && c.value !== null && c.value > 0 ? c.value : 1;
    return { date: c.date, value: total };
  });
  return { mode: 'cumulative', points, target: null };
}

export interface ChartGeometry {
  readonly width: number;
  readonly height: number;
  /** Point coordinates in the viewBox, in the series' order. */
  readonly points: ReadonlyArray<{ x: number; y: number }>;
  /** y of the target line, or null. */
  readonly targetY: number | null;
  /** y of the zero line (the x axis). */
  readonly baseY: number;
}

/** Maps a series into a width × height box with a margin; the y axis starts at 0 (or the lowest negative value). */
export function chartGeometry(series: ChartSeries, width = 600, height = 180, margin = 12): ChartGeometry {
  const values = series.points.map((p) => p.value);
  const top = Math.max(...values, series.target ?? 0, 0);
  const bottom = Math.min(...values, 0);
  const span = top - bottom || 1;
  const y = (v: number) => margin + (height - 2 * margin) * (1 - (v - bottom) / span);
  const days = series.points.map((p) => dayOf(p.date));
  const first = Math.min(...days);
  const last = Math.max(...days);
  const x = (d: number) => (last === first ? width / 2 : margin + ((width - 2 * margin) * (d - first)) / (last - first));
  return {
    width,
    height,
    points: series.points.map((p, i) => ({ x: x(days[i] as number), y: y(p.value) })),
    targetY: series.target === null ? null : y(series.target),
    baseY: y(0),
  };
}
