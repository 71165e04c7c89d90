/**
 * Where the rollout stands: a table by role and one by bargaining area, a row per group and a
 * column per step in use, each cell '14 av 22' with a name that says it in full for screen readers
 * ('PTV: 14 av 22 har Org365-konto'). Wider than the screen, a table scrolls in its own region.
 */
import { Body1, Subtitle1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { TARIFF_AREAS } from '../../../domain/plan';
import type { RosterSnapshot } from '../../../domain/roster-port';
import { rolloutSummary, type RolloutGroup, type RolloutStep } from '../../../domain/roster';
import { useI18n } from '../../../i18n';
import { useRolloutNames } from '../names';
import { shownSteps } from '../rollout-model';
import { useRolloutStyles } from './styles';

const useStyles = makeStyles({
  groups: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  bar: { display: 'block', height: '4px', marginTop: tokens.spacingVerticalXXS, borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorNeutralBackground5, overflow: 'hidden', minWidth: '48px' },
  fill: { display: 'block', height: '100%', backgroundColor: tokens.colorBrandBackground },
});

const areaOrder = (key: string) => {
  const index = TARIFF_AREAS.indexOf(key as (typeof TARIFF_AREAS)[number]);
  return index === -1 ? TARIFF_AREAS.length : index;
};

export function RolloutSummary({ snapshot }: { snapshot: RosterSnapshot }) {
  const styles = useRolloutStyles();
  const own = useStyles();
  const { t } = useI18n();
  const id = useId();
  const summary = rolloutSummary(snapshot.reps, snapshot.steps, snapshot.facts);
  const steps = shownSteps(snapshot.steps);
  const byArea = [...summary.byArea].sort((a, b) => areaOrder(a.key) - areaOrder(b.key));
  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`} data-testid="rollout-summary">
      <Subtitle1 as="h2" id={`${id}-heading`} className={styles.heading}>
        {t('rollout.summary.heading')}
      </Subtitle1>
      <Body1>{t('rollout.summary.everyone', { count: summary.all.total })}</Body1>
      <div className={own.groups}>
        <SummaryTable kind="role" title={t('rollout.summary.byRole')} groups={summary.byRole} all={summary.all} steps={steps} />
        <SummaryTable kind="area" title={t('rollout.summary.byArea')} groups={byArea} all={summary.all} steps={steps} />
      </div>
    </section>
  );
}

function SummaryTable({ kind, title, groups, all, steps }: { kind: 'role' | 'area'; title: string; groups: readonly RolloutGroup[]; all: RolloutGroup; steps: readonly RolloutStep[] }) {
  const styles = useRolloutStyles();
  const own = useStyles();
  const { t } = useI18n();
  const names = useRolloutNames();
  const headingId = useId();
  const row = (group: RolloutGroup, name: string, footer: boolean) => (
    <tr key={group.key} data-group={footer ? 'all' : group.key}>
      <th scope="row">{name}</th>
      <td className={styles.number}>{group.total}</td>
      {steps.map((step) => {
        const count = group.steps.find((s) => s.stepId === step.id);
        const done = count?.done ?? 0;
        const total = count?.total ?? group.total;
        return (
          <td key={step.id} className={styles.number} data-step={step.id} aria-label={names.cell(name, step, done, total)}>
            {t('rollout.count', { done, total })}
            {!footer && (
              <span className={own.bar} aria-hidden>
                <span className={own.fill} style={{ width: `${total === 0 ? 0 : Math.round((done / total) * 100)}%` }} />
              </span>
            )}
          </td>
        );
      })}
    </tr>
  );
  return (
    <div className={own.group} data-summary={kind}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {title}
      </Subtitle2>
      <div className={styles.scroll} role="region" aria-labelledby={headingId} tabIndex={0}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t(kind === 'role' ? 'rollout.col.role' : 'rollout.col.area')}</th>
              <th scope="col">{t('rollout.summary.people')}</th>
              {steps.map((step) => (
                <th key={step.id} scope="col">
                  {names.step(step)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{groups.map((group) => row(group, names.group(kind, group.key), false))}</tbody>
          <tfoot>{row(all, t('rollout.summary.all'), true)}</tfoot>
        </table>
      </div>
    </div>
  );
}
