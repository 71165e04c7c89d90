/**
 * The charts' drawings with @fluentui/react-charts, the charting library made for Fluent UI v9
 * (its axes, scales and shapes take the theme's tokens, so the Teams themes apply). This is the only
 * module that imports the library, and it is loaded with import() (lazy-graphics.ts) only when a
 * chart is shown, so the library lands in a chunk of its own and the first screen never waits
 * for it.
 *
 * A drawing says nothing to assistive technology and takes no focus: chart-figure.tsx puts it in an
 * inert element and gives the figure its name, a summary and a table in the user's language. The
 * library's own screen-reader texts are English ('line 1 of 3 with 4 data points') and its points
 * and bars are tab stops, so they are kept out; its hover callouts are off for the same reason.
 */
import {
  DonutChart,
  GroupedVerticalBarChart,
  HorizontalBarChartWithAxis,
  LineChart,
  ResponsiveContainer,
  type ChartProps,
  type GroupedVerticalBarChartData,
  type HorizontalBarChartWithAxisDataPoint,
  type LineChartPoints,
} from '@fluentui/react-charts';
import { makeStyles } from '@fluentui/react-components';
import type { DonutGraphic, GroupedBarGraphic, HorizontalBarGraphic, LineGraphic } from './chart-spec';

const useStyles = makeStyles({
  // The library sizes its svg from this box (ResponsiveContainer); it never grows past it.
  box: { width: '100%', minWidth: 0, overflow: 'hidden' },
});

const dateOf = (day: string) => new Date(`${day}T00:00:00Z`);
const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const first = (ticks: readonly number[]) => ticks[0] ?? 0;
const last = (ticks: readonly number[]) => ticks[ticks.length - 1] ?? 1;

export interface GraphicProps<G> {
  readonly graphic: G;
  readonly height: number;
}

export function LineGraphicView({ graphic, height }: GraphicProps<LineGraphic>) {
  const styles = useStyles();
  // A series with markers is its line plus a one-point series per value: the library draws a lone
  // point as a dot, while its markers mode would pad both axes by a tenth (0 no longer at the bottom).
  const lineChartData = graphic.series.flatMap((s): LineChartPoints[] => {
    const line: LineChartPoints = {
      legend: s.legend,
      color: s.colour,
      data: s.points.map((p) => ({ x: dateOf(p.day), y: p.value })),
      lineOptions: { strokeDasharray: s.dash || undefined, strokeWidth: s.markers ? 3 : 2 },
    };
    const dots = s.markers && s.points.length > 1 ? s.points.map((p, i): LineChartPoints => ({ legend: `${s.legend} ${i + 1}`, color: s.colour, data: [{ x: dateOf(p.day), y: p.value }] })) : [];
    return [line, ...dots];
  });
  const data: ChartProps = { lineChartData };
  return (
    <div className={styles.box}>
      <ResponsiveContainer height={height}>
        <LineChart
          data={data}
          hideLegend
          hideTooltip
          useUTC
          tickValues={graphic.xTicks.map(dateOf)}
          customDateTimeFormatter={(date) => graphic.formatDay(dayOf(date))}
          yAxisTickValues={[...graphic.yTicks]}
          yMinValue={first(graphic.yTicks)}
          yMaxValue={last(graphic.yTicks)}
          yAxisTickCount={Math.max(1, graphic.yTicks.length - 1)}
          yAxisTickFormat={(value: number) => graphic.formatValue(value)}
          margins={{ top: 16, bottom: 36, left: 48, right: 20 }}
        />
      </ResponsiveContainer>
    </div>
  );
}

export function GroupedBarGraphicView({ graphic, height }: GraphicProps<GroupedBarGraphic>) {
  const styles = useStyles();
  const data = graphic.groups.map(
    (group): GroupedVerticalBarChartData => ({
      name: group.label,
      series: group.bars.map((bar) => ({ key: bar.id, data: bar.value, color: bar.colour, legend: bar.legend, barLabel: bar.label })),
    }),
  );
  return (
    <div className={styles.box}>
      <ResponsiveContainer height={height}>
        <GroupedVerticalBarChart
          data={data}
          hideLegend
          hideTooltip
          hideLabels
          yAxisTickValues={[...graphic.yTicks]}
          yMinValue={first(graphic.yTicks)}
          yMaxValue={last(graphic.yTicks)}
          yAxisTickCount={Math.max(1, graphic.yTicks.length - 1)}
          yAxisTickFormat={(value: number) => graphic.formatValue(value)}
          barWidth="auto"
          maxBarWidth={48}
          margins={{ top: 24, bottom: 36, left: 48, right: 20 }}
        />
      </ResponsiveContainer>
    </div>
  );
}

export function HorizontalBarGraphicView({ graphic, height }: GraphicProps<HorizontalBarGraphic>) {
  const styles = useStyles();
  // Each category is its bar and a track to `max`, stacked: the library scales bars to the longest
  // stack (not to xMaxValue), so every stack reaching `max` keeps bars and axis in step. A category
  // without a value gets an invisible stack, so that it keeps its place on the axis and shows nothing.
  const data = graphic.bars.flatMap((bar): HorizontalBarChartWithAxisDataPoint[] => {
    if (bar.value === null) return [{ x: graphic.max, y: bar.category, color: 'transparent', legend: bar.id }];
    const value = Math.min(graphic.max, Math.max(0, bar.value));
    return [
      { x: value, y: bar.category, color: bar.colour, legend: bar.id },
      { x: graphic.max - value, y: bar.category, color: graphic.trackColour, legend: `${bar.id}-track` },
    ];
  });
  return (
    <div className={styles.box}>
      <ResponsiveContainer height={height}>
        <HorizontalBarChartWithAxis
          data={data}
          hideLegend
          hideTooltip
          hideLabels
          tickValues={[...graphic.xTicks]}
          xMinValue={first(graphic.xTicks)}
          xMaxValue={last(graphic.xTicks)}
          xAxis={{ tickText: graphic.xTicks.map((value) => graphic.formatValue(value)) }}
          yAxisCategoryOrder={graphic.bars.map((bar) => bar.category).reverse()}
          barHeight={18}
          // Room for the longest category label (the axis font is 10 px semibold, about 6 px a character).
          margins={{ top: 8, bottom: 32, left: Math.min(200, 24 + 6.6 * Math.max(0, ...graphic.bars.map((bar) => bar.category.length))), right: 24 }}
        />
      </ResponsiveContainer>
    </div>
  );
}

export function DonutGraphicView({ graphic, height }: GraphicProps<DonutGraphic>) {
  const styles = useStyles();
  const data: ChartProps = {
    chartData: graphic.slices.filter((s) => s.value > 0).map((s) => ({ legend: s.legend, data: s.value, color: s.colour })),
  };
  return (
    <div className={styles.box}>
      <ResponsiveContainer height={height}>
        <DonutChart data={data} hideLegend hideTooltip innerRadius={Math.round(height / 2 - 40)} valueInsideDonut={graphic.centre} hideLabels={false} />
      </ResponsiveContainer>
    </div>
  );
}
