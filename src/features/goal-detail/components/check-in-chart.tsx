/**
 * The Goal screen's chart, drawn with @fluentui/react-charts behind React.lazy (features/charts):
 * a measured goal's reported values against its target and the expected line (from the baseline
 * at the goal's start to the target at its deadline, the line its status is judged against); a
 * recurring goal's activities held in each year of the plan against the year's target. Milestones
 * have no chart: their check-in list says all there is. Each chart has axis values, a legend, a
 * sentence that sums it up for screen readers and its data as a table (chart-model.ts).
 */
import { tokens } from '@fluentui/react-components';
import type { CheckIn, LocalGoal, Plan } from '../../../domain/plan';
import type { GoalProgress } from '../../../domain/progress';
import { useI18n } from '../../../i18n';
import { ChartFigure } from '../../charts/chart-figure';
import type { LegendEntry, LineSeries } from '../../charts/chart-spec';
import { heldPerYear, heldTicks, trendModel, trendRows } from '../chart-model';

/** Theme tokens; the compound brand colours stay apart from the neutral ones in the contrast theme too. */
const COLOUR = {
  reported: tokens.colorCompoundBrandStroke,
  expected: tokens.colorNeutralStrokeAccessible,
  target: tokens.colorPaletteGreenBorderActive,
  held: tokens.colorCompoundBrandBackground,
  required: tokens.colorNeutralStrokeAccessible,
};
const DASH = { reported: '', expected: '8 5', target: '2 4' };

interface ChartProps {
  goal: LocalGoal;
  checkIns: readonly CheckIn[];
  progress: Pick<GoalProgress, 'start' | 'expected'>;
  plan: Pick<Plan, 'periodFrom' | 'periodTo'>;
  today: string;
}

export function CheckInChart(props: ChartProps) {
  if (props.goal.kind === 'measured') return <TrendChart {...props} />;
  if (props.goal.kind === 'recurring') return <HeldPerYearChart {...props} />;
  return null;
}

function TrendChart({ goal, checkIns, progress, plan, today }: ChartProps) {
  const { t, formatDate, formatNumber, locale } = useI18n();
  const model = trendModel(goal, checkIns, progress, plan, today);
  if (!model) return null;
  const withUnit = (n: number) => `${formatNumber(n)}${model.unit ? ` ${model.unit}` : ''}`;
  const first = model.values[0];
  const latest = model.values[model.values.length - 1];
  const series: LineSeries[] = [];
  const legend: LegendEntry[] = [];
  if (model.expected) {
    series.push({ id: 'expected', legend: t('charts.trend.expected'), colour: COLOUR.expected, dash: DASH.expected, points: [model.expected.from, model.expected.to].map((p) => ({ day: p.date, value: p.value })), markers: false });
  }
  if (model.target !== null) {
    series.push({ id: 'target', legend: t('charts.trend.target'), colour: COLOUR.target, dash: DASH.target, points: model.xDomain.map((day) => ({ day, value: model.target as number })), markers: false });
  }
  if (model.values.length > 0) {
    series.push({ id: 'reported', legend: t('charts.trend.reported'), colour: COLOUR.reported, dash: DASH.reported, points: model.values.map((p) => ({ day: p.date, value: p.value })), markers: true });
  }
  for (const s of [...series].reverse()) legend.push({ id: s.id, label: s.legend, colour: s.colour, shape: 'line', dash: s.dash });

  let summary = t('charts.trend.values', {
    count: model.values.length,
    from: first ? formatDate(first.date) : '',
    to: latest ? formatDate(latest.date) : '',
    latest: latest ? withUnit(latest.value) : '',
  });
  if (model.expected && model.expectedNow !== null) {
    summary += ` ${t('charts.trend.goal', {
      target: withUnit(model.expected.to.value),
      deadline: formatDate(model.expected.to.date),
      baseline: withUnit(model.expected.from.value),
      start: formatDate(model.expected.from.date),
      expected: withUnit(Math.round(model.expectedNow * 10) / 10),
    })}`;
  }
  const none = t('charts.noValue');
  return (
    <ChartFigure
      title={t('charts.trend.title')}
      summary={summary}
      height={240}
      graphic={{ kind: 'line', series, xTicks: model.xTicks, yTicks: model.yTicks, formatDay: monthLabel(locale), formatValue: (v) => formatNumber(v) }}
      legend={legend}
      table={{
        caption: t('charts.trend.caption'),
        columns: [t('charts.date'), t('charts.trend.reported'), ...(model.expected ? [t('charts.trend.expected')] : [])],
        rows: trendRows(model).map((row, i) => ({
          key: `${row.date}-${i}`,
          header: formatDate(row.date),
          cells: [row.reported === null ? none : withUnit(row.reported), ...(model.expected ? [row.expected === null ? none : withUnit(Math.round(row.expected * 10) / 10)] : [])],
        })),
      }}
      testId="goal-trend-chart"
    />
  );
}

/** The x axis names months, short ('jan. 2026'). */
function monthLabel(locale: string) {
  const format = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return (day: string) => format.format(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, 1));
}

function HeldPerYearChart({ goal, checkIns, progress, plan }: ChartProps) {
  const { t, formatNumber } = useI18n();
  const years = heldPerYear(goal, checkIns, progress, plan);
  if (years.length === 0) return null;
  const held = t('charts.held.held');
  const required = t('charts.held.required');
  return (
    <ChartFigure
      title={t('charts.held.title')}
      summary={t('charts.held.summary', { years: years.map((y) => t('charts.held.year', { year: String(y.year), held: y.held, required: y.required })).join('; ') })}
      height={220}
      graphic={{
        kind: 'groupedBars',
        groups: years.map((y) => ({
          label: String(y.year),
          bars: [
            { id: 'held', legend: held, value: y.held, colour: COLOUR.held, label: formatNumber(y.held) },
            { id: 'required', legend: required, value: y.required, colour: COLOUR.required, label: formatNumber(y.required) },
          ],
        })),
        yTicks: heldTicks(years),
        formatValue: (v) => formatNumber(v),
      }}
      legend={[
        { id: 'held', label: held, colour: COLOUR.held, shape: 'square' },
        { id: 'required', label: required, colour: COLOUR.required, shape: 'square' },
      ]}
      table={{
        caption: t('charts.held.caption'),
        columns: [t('charts.year'), held, required],
        rows: years.map((y) => ({ key: String(y.year), header: String(y.year), cells: [formatNumber(y.held), formatNumber(y.required)] })),
      }}
      testId="goal-held-chart"
    />
  );
}
