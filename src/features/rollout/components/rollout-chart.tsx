/**
 * The rollout over time as a small hand-written SVG line chart, one line per step in use, like the
 * goal screen's chart (no chart library: a few lines here against tens of kB in a tab that must
 * load fast inside Teams). Lines differ by colour and by dash pattern (shown in the legend), so
 * colour is never the only cue; the SVG is an image with a text summary, and a table that can be
 * opened gives every number (and is what screen readers use).
 */
import { Body1, Caption1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { rolloutOverTime, type Representative, type RolloutStep } from '../../../domain/roster';
import { useI18n } from '../../../i18n';
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

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  svg: { width: '100%', height: 'auto', display: 'block' },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '12px', fontFamily: tokens.fontFamilyBase },
  line: { fill: 'none', strokeWidth: 2.5, strokeLinejoin: 'round', strokeLinecap: 'round' },
  legend: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0, padding: 0, listStyleType: 'none' },
  legendItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { width: '28px', height: '10px', flexShrink: 0 },
  details: { '& > summary': { cursor: 'pointer', color: tokens.colorBrandForeground1, paddingBlock: tokens.spacingVerticalXS } },
});

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
  const own = useStyles();
  const { t, formatDate, locale } = useI18n();
  const names = useRolloutNames();
  const id = useId();
  const shown = shownSteps(steps);
  const days = chartDays(chartStart(reps, steps, periodFrom, today), today);
  const series = rolloutOverTime(reps, steps, days);
  const total = reps.filter((r) => !r.retired).length;
  const box = { width: narrow ? 340 : 720, height: narrow ? 220 : 260, left: 36, right: 28, top: 12, bottom: 28 };
  const chart = lineChart(series, shown.map((s) => s.id), total, box);
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const monthLabel = (day: string) => month.format(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, 1));
  const first = series[0]?.day ?? today;
  const last = series[series.length - 1]?.day ?? today;
  const titleId = `${id}-title`;
  const summaryId = `${id}-summary`;
  const style = (index: number) => ({ stroke: COLOURS[index % COLOURS.length], strokeDasharray: DASHES[index % DASHES.length] || undefined });

  return (
    <section className={styles.section} aria-labelledby={titleId} data-testid="rollout-chart">
      <Subtitle1 as="h2" id={titleId} className={styles.heading}>
        {t('rollout.chart.heading')}
      </Subtitle1>
      <figure className={own.figure}>
        <svg className={own.svg} viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-labelledby={titleId} aria-describedby={summaryId} focusable="false">
          {chart.yTicks.map((tick) => (
            <g key={tick.value}>
              <line className={tick.value === 0 ? own.axis : own.grid} x1={box.left} x2={box.width - box.right} y1={tick.y} y2={tick.y} />
              <text className={own.label} x={box.left - 6} y={tick.y} textAnchor="end" dominantBaseline="middle">
                {tick.value}
              </text>
            </g>
          ))}
          <line className={own.axis} x1={box.left} x2={box.left} y1={box.top} y2={chart.baseY} />
          {chart.xLabels.map((label) => (
            <g key={label.day}>
              <line className={own.axis} x1={label.x} x2={label.x} y1={chart.baseY} y2={chart.baseY + 4} />
              <text className={own.label} x={label.x} y={chart.baseY + 18} textAnchor="middle">
                {monthLabel(label.day)}
              </text>
            </g>
          ))}
          {chart.lines.map((line, index) =>
            line.points.length > 1 ? (
              <polyline key={line.stepId} className={own.line} style={style(index)} points={line.points.map((p) => `${p.x},${p.y}`).join(' ')} data-step={line.stepId} />
            ) : (
              line.points.map((p) => <circle key={line.stepId} cx={p.x} cy={p.y} r={4} style={{ fill: COLOURS[index % COLOURS.length] }} data-step={line.stepId} />)
            ),
          )}
        </svg>
        <ul className={own.legend} aria-label={t('rollout.chart.legend')}>
          {shown.map((step, index) => (
            <li key={step.id} className={own.legendItem}>
              <svg className={own.swatch} viewBox="0 0 28 10" aria-hidden focusable="false">
                <line x1={1} x2={27} y1={5} y2={5} className={own.line} style={style(index)} />
              </svg>
              <Caption1>{names.step(step)}</Caption1>
            </li>
          ))}
        </ul>
        <Caption1 id={summaryId} className={styles.visuallyHidden}>
          {t('rollout.chart.summary', { total, from: formatDate(first), to: formatDate(last) })}
        </Caption1>
        <Caption1 className={styles.muted}>{t('rollout.chart.note')}</Caption1>
      </figure>
      <details className={own.details}>
        <summary>
          <Body1>{t('rollout.chart.table')}</Body1>
        </summary>
        <div className={styles.scroll} role="region" aria-label={t('rollout.chart.caption')} tabIndex={0}>
          <table className={styles.table}>
            <caption className={styles.visuallyHidden}>{t('rollout.chart.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rollout.chart.date')}</th>
                {shown.map((step) => (
                  <th key={step.id} scope="col">
                    {names.step(step)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {series.map((point) => (
                <tr key={point.day}>
                  <th scope="row">{formatDate(point.day)}</th>
                  {shown.map((step) => (
                    <td key={step.id} className={styles.number}>
                      {t('rollout.count', { done: point.counts[step.id] ?? 0, total })}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
