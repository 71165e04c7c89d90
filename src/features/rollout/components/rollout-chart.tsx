/**
 * The rollout over time as a line chart, one line per step in use, drawn with @fluentui/react-charts
 * behind React.lazy (features/charts, so the library loads only when the chart is shown). The data
 * model and axes are the rollout model's (chartDays, rolloutOverTime, lineChart's labelled months
 * and round y ticks). Lines differ by colour and by dash pattern (shown in the legend), so colour is
 * never the only cue; the drawing is an image with a text summary, and a table that can be opened
 * gives every number (and is what screen readers use).
 */
import { Caption1, Subtitle1, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { rolloutOverTime, type Representative, type RolloutStep } from '../../../domain/roster';
import { useI18n } from '../../../i18n';
import { ChartFigure } from '../../charts/chart-figure';
import type { LineSeries } from '../../charts/chart-spec';
import { useRolloutNames } from '../names';
import { chartDays, chartStart, lineChart, shownSteps } from '../rollout-model';
import { useRolloutStyles } from './styles';

const COLOURS = [
  tokens.colorPaletteBlueBorderActive,
  tokens.colorPaletteGreenBorderActive,
  tokens.colorPaletteDarkOrangeBorderActive,
  tokens.colorPaletteBerryBorderActive,
  tokens.colorPaletteTealBorderActive,
  tokens.colorPaletteMarigoldBorderActive,
  tokens.colorPalettePurpleBorderActive,
  tokens.colorPaletteRedBorderActive,
  tokens.colorPaletteNavyBorderActive,
  tokens.colorPaletteForestBorderActive,
  tokens.colorPaletteGrapeBorderActive,
  tokens.colorPaletteBrownBorderActive,
];
const DASHES = ['', '8 4', '2 4', '12 4 2 4', '4 4', '12 6'];

export function RolloutChart({
  reps,
  steps,
  periodFrom,
  today,
  narrow,
}: {
  reps: readonly Representative[];
  steps: readonly RolloutStep[];
  periodFrom: number | null;
  today: string;
  narrow: boolean;
}) {
  const styles = useRolloutStyles();
  const { t, formatDate, locale } = useI18n();
  const names = useRolloutNames();
  const id = useId();
  const shown = shownSteps(steps);
  const days = chartDays(chartStart(reps, steps, periodFrom, today), today);
  const series = rolloutOverTime(reps, steps, days);
  const total = reps.filter((r) => !r.retired).length;
  // The box only decides how many months are labelled and the y axis's round ticks; the library draws.
  const box = { width: narrow ? 340 : 720, height: narrow ? 220 : 260, left: 36, right: 28, top: 12, bottom: 28 };
  const chart = lineChart(series, shown.map((s) => s.id), total, box);
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const monthLabel = (day: string) => month.format(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, 1));
  const first = series[0]?.day ?? today;
  const last = series[series.length - 1]?.day ?? today;
  const titleId = `${id}-title`;
  const lines: LineSeries[] = shown.map((step, index) => ({
    id: step.id,
    legend: names.step(step),
    colour: COLOURS[index % COLOURS.length] as string,
    dash: DASHES[index % DASHES.length] as string,
    points: series.map((point) => ({ day: point.day, value: point.counts[step.id] ?? 0 })),
    // A lone point (the rollout's first day) is drawn as a dot by the library itself.
    markers: false,
  }));

  return (
    <section className={styles.section} aria-labelledby={titleId} data-testid="rollout-chart">
      <Subtitle1 as="h2" id={titleId} className={styles.heading}>
        {t('rollout.chart.heading')}
      </Subtitle1>
      <ChartFigure
        title={t('rollout.chart.heading')}
        titleId={titleId}
        summary={t('rollout.chart.summary', { total, from: formatDate(first), to: formatDate(last) })}
        height={box.height}
        graphic={{ kind: 'line', series: lines, xTicks: chart.xLabels.map((label) => label.day), yTicks: chart.yTicks.map((tick) => tick.value), formatDay: monthLabel, formatValue: String }}
        legend={lines.map((line) => ({ id: line.id, label: line.legend, colour: line.colour, shape: 'line' as const, dash: line.dash }))}
        legendLabel={t('rollout.chart.legend')}
        note={<Caption1 className={styles.muted}>{t('rollout.chart.note')}</Caption1>}
        tableToggle={t('rollout.chart.table')}
        table={{
          caption: t('rollout.chart.caption'),
          columns: [t('rollout.chart.date'), ...shown.map((step) => names.step(step))],
          rows: series.map((point) => ({
            key: point.day,
            header: formatDate(point.day),
            cells: shown.map((step) => t('rollout.count', { done: point.counts[step.id] ?? 0, total })),
          })),
        }}
      />
    </section>
  );
}
