/**
 * A chart as the tab shows it: a title, the drawing, a legend, a text alternative and the data
 * table, in the user's language. The drawing (graphics.tsx, @fluentui/react-charts) is loaded with
 * React.lazy the first time a chart is shown, so the library never weighs on the first screen.
 *
 * For assistive technology the figure is an image named by its title and described by a sentence
 * that sums up the data; the drawing inside is inert (no tab stops, none of the library's English
 * labels). Every figure is in the table behind the 'Show as a table' toggle. If the drawing cannot
 * be loaded (offline before it was ever loaded), the figure says so and the table still works.
 */
import { Body1, Body1Strong, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { Component, Suspense, lazy, useId, type ReactNode } from 'react';
import { VISUALLY_HIDDEN } from '../../components/layout-styles';
import { useI18n } from '../../i18n';
import type { ChartGraphic, ChartTable, LegendEntry } from './chart-spec';

const load = () => import('./graphics');
const LineGraphicView = lazy(() => load().then((m) => ({ default: m.LineGraphicView })));
const GroupedBarGraphicView = lazy(() => load().then((m) => ({ default: m.GroupedBarGraphicView })));
const HorizontalBarGraphicView = lazy(() => load().then((m) => ({ default: m.HorizontalBarGraphicView })));
const DonutGraphicView = lazy(() => load().then((m) => ({ default: m.DonutGraphicView })));

function Graphic({ graphic, height }: { graphic: ChartGraphic; height: number }) {
  switch (graphic.kind) {
    case 'line':
      return <LineGraphicView graphic={graphic} height={height} />;
    case 'groupedBars':
      return <GroupedBarGraphicView graphic={graphic} height={height} />;
    case 'horizontalBars':
      return <HorizontalBarGraphicView graphic={graphic} height={height} />;
    case 'donut':
      return <DonutGraphicView graphic={graphic} height={height} />;
  }
}

/** Shows `fallback` instead of a drawing that failed to load or render; the rest of the page stays. */
class DrawingBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  caption: { margin: 0 },
  drawing: { minWidth: 0, maxWidth: '100%', overflow: 'hidden' },
  placeholder: { backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
  legend: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0, padding: 0, listStyleType: 'none' },
  legendItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  swatch: { width: '28px', height: '12px', flexShrink: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  details: { '& > summary': { cursor: 'pointer', color: tokens.colorBrandForeground1, paddingBlock: tokens.spacingVerticalXS, width: 'fit-content' } },
  scroll: {
    overflowX: 'auto',
    maxWidth: '100%',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    '& th, & td': {
      textAlign: 'start',
      verticalAlign: 'top',
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    '& td': { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
    '& thead th': { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3, verticalAlign: 'bottom' },
    '& tbody th': { fontWeight: tokens.fontWeightRegular },
    '& tfoot th, & tfoot td': { fontWeight: tokens.fontWeightSemibold, borderBottom: 'none' },
  },
  visuallyHidden: VISUALLY_HIDDEN,
});

export interface ChartFigureProps {
  /** What the chart shows; its caption, and the drawing's accessible name. */
  readonly title: string;
  /** The id of a heading that already names the chart (the caption is then left out). */
  readonly titleId?: string;
  /** The text alternative: the data summed up in a sentence or two. */
  readonly summary: string;
  readonly graphic: ChartGraphic;
  /** The drawing's height in px (its width follows the container). */
  readonly height: number;
  readonly legend?: readonly LegendEntry[];
  /** The legend list's accessible name (default 'Legend'). */
  readonly legendLabel?: string;
  readonly table: ChartTable;
  /** The toggle's text (default 'Show as a table'). */
  readonly tableToggle?: string;
  /** A visible note under the drawing. */
  readonly note?: ReactNode;
  readonly testId?: string;
}

export function ChartFigure({ title, titleId, summary, graphic, height, legend, legendLabel, table, tableToggle, note, testId }: ChartFigureProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const id = useId();
  const nameId = titleId ?? `${id}-title`;
  const summaryId = `${id}-summary`;
  return (
    <figure className={styles.figure} aria-labelledby={nameId} data-chart={graphic.kind} data-testid={testId}>
      {!titleId && (
        <figcaption id={nameId} className={styles.caption}>
          <Body1Strong>{title}</Body1Strong>
        </figcaption>
      )}
      <div role="img" aria-labelledby={nameId} aria-describedby={summaryId} className={styles.drawing} data-chart-drawing>
        <div inert aria-hidden>
          <DrawingBoundary fallback={<Caption1 className={styles.muted}>{t('charts.failed')}</Caption1>}>
            <Suspense fallback={<div className={styles.placeholder} style={{ height: `${height}px` }} />}>
              <Graphic graphic={graphic} height={height} />
            </Suspense>
          </DrawingBoundary>
        </div>
      </div>
      {legend && legend.length > 0 && <Legend entries={legend} label={legendLabel ?? t('charts.legend')} />}
      <span id={summaryId} className={styles.visuallyHidden} data-chart-summary>
        {summary}
      </span>
      {note}
      <details className={styles.details}>
        <summary>
          <Body1>{tableToggle ?? t('charts.showTable')}</Body1>
        </summary>
        <div className={styles.scroll} role="region" aria-label={table.caption} tabIndex={0}>
          <DataTable table={table} className={styles.table} captionClassName={styles.visuallyHidden} />
        </div>
      </details>
    </figure>
  );
}

function Legend({ entries, label }: { entries: readonly LegendEntry[]; label: string }) {
  const styles = useStyles();
  return (
    <ul className={styles.legend} aria-label={label}>
      {entries.map((entry) => (
        <li key={entry.id} className={styles.legendItem} data-legend={entry.id}>
          <svg className={styles.swatch} viewBox="0 0 28 12" aria-hidden focusable="false">
            {entry.shape === 'line' ? (
              <line x1={1} x2={27} y1={6} y2={6} style={{ stroke: entry.colour, strokeWidth: 3, strokeDasharray: entry.dash || undefined, strokeLinecap: 'round' }} />
            ) : (
              <rect x={8} y={0} width={12} height={12} rx={2} style={{ fill: entry.colour }} />
            )}
          </svg>
          <Caption1>{entry.label}</Caption1>
        </li>
      ))}
    </ul>
  );
}

function DataTable({ table, className, captionClassName }: { table: ChartTable; className?: string; captionClassName?: string }) {
  return (
    <table className={className}>
      <caption className={captionClassName}>{table.caption}</caption>
      <thead>
        <tr>
          {table.columns.map((column, i) => (
            <th key={i} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.key} data-row={row.key}>
            <th scope="row">{row.header}</th>
            {row.cells.map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
      {table.footer && (
        <tfoot>
          <tr>
            <th scope="row">{table.footer.header}</th>
            {table.footer.cells.map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        </tfoot>
      )}
    </table>
  );
}
