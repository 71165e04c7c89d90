/**
 * The Overview's charts: progress per area as horizontal bars on a 0–100 % axis (an area with
 * nothing to count yet gets no bar and says so, never 0 %), and the plan's goals by status as a
 * donut in the status badge's colours, with every area's counts in its table (once the plan has
 * goals). Side by side where there is room, one under the other down to 360 px.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { PlanOverview } from '../../domain/overview';
import { useI18n } from '../../i18n';
import { ChartFigure } from './chart-figure';
import { areaBars, percentOf, PERCENT_TICKS, statusCounts, statusRows } from './overview-model';
import { STATUS_COLOUR } from './status-colours';

const useStyles = makeStyles({
  grid: { display: 'grid', gap: tokens.spacingVerticalXL, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 320px), 1fr))', alignItems: 'start' },
});

export function OverviewCharts({ overview }: { overview: Pick<PlanOverview, 'areas' | 'plan'> }) {
  const styles = useStyles();
  return (
    <div className={styles.grid}>
      <AreaProgressChart overview={overview} />
      {overview.plan.total > 0 && <StatusChart overview={overview} />}
    </div>
  );
}

export function AreaProgressChart({ overview }: { overview: Pick<PlanOverview, 'areas'> }) {
  const { t, formatPercent } = useI18n();
  const bars = areaBars(overview);
  const percentText = (percent: number) => formatPercent(percent / 100);
  const valueText = (fraction: number | null) => {
    const percent = percentOf(fraction);
    return percent === null ? t('progressSummary.none') : percentText(percent);
  };
  const areaName = (number: number) => t('plan.area', { number });
  return (
    <ChartFigure
      title={t('charts.areas.title')}
      summary={t('charts.areas.summary', { areas: bars.map((b) => t('charts.areas.item', { area: areaName(b.number), value: valueText(b.fraction) })).join('; ') })}
      height={Math.max(160, 44 + bars.length * 34)}
      graphic={{
        kind: 'horizontalBars',
        bars: bars.map((b) => {
          const percent = percentOf(b.fraction);
          return {
            id: b.areaId,
            category: t('charts.areas.item', { area: areaName(b.number), value: percent === null ? t('charts.areas.notCounted') : percentText(percent) }),
            value: percent,
            colour: tokens.colorBrandBackground,
          };
        }),
        max: 100,
        trackColour: tokens.colorNeutralBackground5,
        xTicks: PERCENT_TICKS,
        formatValue: percentText,
      }}
      table={{
        caption: t('charts.areas.caption'),
        columns: [t('charts.area'), t('charts.areas.progress'), t('charts.areas.counted')],
        rows: bars.map((b) => ({
          key: b.areaId,
          header: `${areaName(b.number)} ${b.title}`,
          cells: [valueText(b.fraction), t('progressSummary.counted', { counted: b.counted, total: b.total })],
        })),
      }}
      testId="overview-area-chart"
    />
  );
}

export function StatusChart({ overview }: { overview: Pick<PlanOverview, 'areas' | 'plan'> }) {
  const { t, formatNumber } = useI18n();
  const plan = statusCounts(overview.plan);
  const { rows, plan: whole } = statusRows(overview);
  const statusName = (status: (typeof plan)[number]['status']) => t(`status.${status}`);
  const shown = plan.filter((s) => s.count > 0);
  return (
    <ChartFigure
      title={t('charts.status.title')}
      summary={t('charts.status.summary', {
        total: overview.plan.total,
        statuses: shown.map((s) => t('overview.areas.statusCount', { status: statusName(s.status), count: s.count })).join(', '),
      })}
      height={220}
      graphic={{
        kind: 'donut',
        slices: plan.map((s) => ({ id: s.status, legend: statusName(s.status), value: s.count, colour: STATUS_COLOUR[s.status], label: formatNumber(s.count) })),
        centre: t('charts.status.centre', { count: overview.plan.total }),
      }}
      legend={plan.map((s) => ({ id: s.status, label: t('overview.areas.statusCount', { status: statusName(s.status), count: s.count }), colour: STATUS_COLOUR[s.status], shape: 'square' as const }))}
      table={{
        caption: t('charts.status.caption'),
        columns: [t('charts.area'), ...plan.map((s) => statusName(s.status)), t('charts.total')],
        rows: rows.map((row) => ({
          key: row.areaId,
          header: `${t('plan.area', { number: row.number })} ${row.title}`,
          cells: [...row.counts.map((c) => formatNumber(c.count)), formatNumber(row.total)],
        })),
        footer: { header: t('charts.status.wholePlan'), cells: [...whole.counts.map((c) => formatNumber(c.count)), formatNumber(whole.total)] },
      }}
      testId="overview-status-chart"
    />
  );
}
