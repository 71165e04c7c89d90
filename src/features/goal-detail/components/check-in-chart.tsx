/**
 * The check-in history as a small hand-written SVG chart. No chart library on purpose: this is
 * one line with a few points and a target line, which takes some 60 lines here, while a chart
 * library would add tens to hundreds of kB to the bundle of a tab that must load fast inside
 * Teams, and most of them are hard to make accessible. The SVG is an image with a text summary
 * (aria-describedby), and a visually hidden table gives screen readers every data point.
 */
import { Body1Strong, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { CheckIn, LocalGoal } from '../../../domain/plan';
import { useI18n } from '../../../i18n';
import { chartGeometry, chartSeries } from '../chart-model';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  figure: { margin: `0 0 ${tokens.spacingVerticalM}`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, position: 'relative' },
  svg: { width: '100%', height: 'auto', maxHeight: '220px', display: 'block' },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  target: { stroke: tokens.colorPaletteGreenBorderActive, strokeWidth: 2, strokeDasharray: '6 4' },
  line: { stroke: tokens.colorBrandStroke1, strokeWidth: 3, fill: 'none', strokeLinejoin: 'round' },
  point: { fill: tokens.colorBrandBackground, stroke: tokens.colorNeutralBackground1, strokeWidth: 2 },
  legend: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
});

export function CheckInChart({ goal, checkIns }: { goal: LocalGoal; checkIns: readonly CheckIn[] }) {
  const styles = useStyles();
  const shared = useSectionStyles();
  const { t, formatDate, formatNumber } = useI18n();
  const id = useId();
  const series = chartSeries(goal, checkIns);
  if (series.points.length === 0) return null;
  const g = chartGeometry(series);
  const first = series.points[0];
  const last = series.points[series.points.length - 1];
  if (!first || !last) return null;
  const unit = goal.kind === 'measured' ? (goal.measure?.unit ?? '') : '';
  const withUnit = (n: number) => `${formatNumber(n)}${unit ? ` ${unit}` : ''}`;
  const titleId = `${id}-title`;
  const summaryId = `${id}-summary`;
  return (
    <figure className={styles.figure} data-chart={series.mode}>
      <Body1Strong id={titleId}>{t(series.mode === 'values' ? 'goalDetail.chart.values' : 'goalDetail.chart.cumulative')}</Body1Strong>
      <svg className={styles.svg} viewBox={`0 0 ${g.width} ${g.height}`} role="img" aria-labelledby={titleId} aria-describedby={summaryId} focusable="false">
        <line className={styles.axis} x1={0} x2={g.width} y1={g.baseY} y2={g.baseY} />
        {g.targetY !== null && <line className={styles.target} x1={0} x2={g.width} y1={g.targetY} y2={g.targetY} />}
        {g.points.length > 1 && <polyline className={styles.line} points={g.points.map((p) => `${p.x},${p.y}`).join(' ')} />}
        {g.points.map((p, i) => (
          <circle key={i} className={styles.point} cx={p.x} cy={p.y} r={6} />
        ))}
      </svg>
      <div className={styles.legend} aria-hidden>
        <Caption1>{formatDate(first.date)}</Caption1>
        {series.target !== null && <Caption1>{t('goalDetail.chart.target', { target: withUnit(series.target) })}</Caption1>}
        <Caption1>{formatDate(last.date)}</Caption1>
      </div>
      <Caption1 id={summaryId} className={shared.visuallyHidden}>
        {t('goalDetail.chart.summary', { count: series.points.length, from: formatDate(first.date), to: formatDate(last.date), latest: withUnit(last.value) })}
        {series.target !== null ? ` ${t('goalDetail.chart.target', { target: withUnit(series.target) })}.` : ''}
      </Caption1>
      <table className={shared.visuallyHidden}>
        <caption>{t('goalDetail.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('goalDetail.table.date')}</th>
            <th scope="col">{t('goalDetail.table.value')}</th>
          </tr>
        </thead>
        <tbody>
          {series.points.map((p, i) => (
            <tr key={i}>
              <td>{formatDate(p.date)}</td>
              <td>{withUnit(p.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
