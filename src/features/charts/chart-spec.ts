/**
 * What a chart draws, as plain data: the screens' models turn domain data into these specs, and
 * the lazily loaded graphics (graphics.tsx, the only code that imports @fluentui/react-charts) draw
 * them. Labels arrive translated and numbers arrive with their formatter, so the graphics know
 * nothing of the domain or the catalogues. Pure: no React, no library.
 */

/** A point on a time axis: a calendar day (YYYY-MM-DD) and a value. */
export interface DayPoint {
  readonly day: string;
  readonly value: number;
}

export interface LineSeries {
  readonly id: string;
  readonly legend: string;
  /** A colour token (tokens.colorX), so the series follows the Teams theme. */
  readonly colour: string;
  /** An SVG stroke-dasharray; empty for a solid line. Lines differ by dash too, never by colour alone. */
  readonly dash: string;
  readonly points: readonly DayPoint[];
  /** Draw a marker at each point (reported values), or only the line (targets, expected lines). */
  readonly markers: boolean;
}

export interface LineGraphic {
  readonly kind: 'line';
  readonly series: readonly LineSeries[];
  /** The days labelled on the x axis. */
  readonly xTicks: readonly string[];
  readonly yTicks: readonly number[];
  readonly formatDay: (day: string) => string;
  readonly formatValue: (value: number) => string;
}

export interface Bar {
  readonly id: string;
  readonly legend: string;
  readonly value: number;
  readonly colour: string;
  /** Text shown at the bar's end (the value as read, e.g. '45 %', or why there is no bar). */
  readonly label: string;
}

/** Groups of bars side by side, standing on a value axis (e.g. per year: held and required). */
export interface GroupedBarGraphic {
  readonly kind: 'groupedBars';
  readonly groups: ReadonlyArray<{ readonly label: string; readonly bars: readonly Bar[] }>;
  readonly yTicks: readonly number[];
  readonly formatValue: (value: number) => string;
}

/**
 * One horizontal bar per category along a value axis from 0 to `max` (e.g. progress per area,
 * 0–100 %), each on a track that shows the rest of the way. A category whose value is null has
 * neither bar nor track: it has nothing to show yet, which is not the same as 0.
 */
export interface HorizontalBarGraphic {
  readonly kind: 'horizontalBars';
  /** `category` is the axis label, which carries the value as read ('Område 1 · 61 %'). */
  readonly bars: ReadonlyArray<{ readonly id: string; readonly category: string; readonly value: number | null; readonly colour: string }>;
  readonly max: number;
  readonly trackColour: string;
  readonly xTicks: readonly number[];
  readonly formatValue: (value: number) => string;
}

/** Parts of a whole (e.g. the plan's goals by status), with the total in the middle. */
export interface DonutGraphic {
  readonly kind: 'donut';
  readonly slices: readonly Bar[];
  readonly centre: string;
}

export type ChartGraphic = LineGraphic | GroupedBarGraphic | HorizontalBarGraphic | DonutGraphic;

/** A chart's data table: a header per column, a header cell and the cells per row, all as shown. */
export interface ChartTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<{ readonly key: string; readonly header: string; readonly cells: readonly string[] }>;
  /** A last row set apart (a total), or none. */
  readonly footer?: { readonly header: string; readonly cells: readonly string[] };
}

/** How a legend entry is drawn: a line with the series' dash, or a filled square. */
export interface LegendEntry {
  readonly id: string;
  readonly label: string;
  readonly colour: string;
  readonly shape: 'line' | 'square';
  readonly dash?: string;
}

// ---------------------------------------------------------------------------------------------
// Axes

/**
 * A value axis from `min` (0 unless the data goes below) in about `intervals` round steps (1, 2 or
 * 5 times a power of ten; whole numbers when `whole`, as for counts) reaching at least `max`.
 */
export function niceTicks(min: number, max: number, intervals = 4, whole = false): number[] {
  const low = Math.min(0, Number.isFinite(min) ? min : 0);
  let high = Math.max(0, Number.isFinite(max) ? max : 0);
  if (high - low < 1e-9) high = low + 1;
  const raw = (high - low) / Math.max(1, intervals);
  const power = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw * (1 - 1e-9)) ?? 10 * power;
  if (whole) step = Math.max(1, Math.round(step));
  const first = Math.floor(low / step + 1e-9) * step;
  const ticks: number[] = [round(first)];
  while ((ticks[ticks.length - 1] as number) < high - 1e-9) ticks.push(round(first + ticks.length * step));
  return ticks;
}

const round = (n: number) => Math.round(n * 1e9) / 1e9;

/** The number of whole days from one calendar day to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Days to label on a time axis from `from` to `to`: the first day of every n-th month (1, 2, 3, 6 or
 * 12 months apart) so that at most `max` labels fit; at least the first day when the span is short.
 */
export function monthTicks(from: string, to: string, max = 6): string[] {
  if (to < from) return [from];
  const months: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  if (from.slice(8) !== '01') m += 1;
  for (;;) {
    if (m > 12) {
      y += 1;
      m = 1;
    }
    const day = `${y}-${String(m).padStart(2, '0')}-01`;
    if (day > to) break;
    months.push(day);
    m += 1;
  }
  if (months.length === 0) return [from];
  const every = [1, 2, 3, 6, 12].find((n) => Math.ceil(months.length / n) <= Math.max(1, max)) ?? Math.ceil(months.length / Math.max(1, max));
  // Quarters and half-years start in January, April, July, October: the labels read as a calendar.
  const ticks = months.filter((day) => (Number(day.slice(5, 7)) - 1) % every === 0);
  return ticks.length > 0 ? ticks : [months[0] as string];
}
