/**
 * 'Since the last meeting' on screen: check-ins made since the day chosen, status changes (reached
 * and improved), goals that slipped and goals added (domain/changes.ts), in the tab's language,
 * each goal a link to its page.
 */
import { Body1, Caption1, Link, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { PlanChanges, StatusMove } from '../../../domain/changes';
import type { LocalGoal } from '../../../domain/plan';
import { useCardStyles } from '../../../components/layout-styles';
import { StatusBadge } from '../../../components/status-badge';
import { useI18n } from '../../../i18n';
import { tabViewHash } from '../../../lib/navigation';
import { checkInDetails } from '../../../reports/content';

const useStyles = makeStyles({
  groups: { display: 'grid', gap: tokens.spacingVerticalM, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 300px), 1fr))' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  move: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

function GoalLink({ goal }: { goal: LocalGoal }) {
  return <Link href={tabViewHash({ name: 'goal', goalId: goal.id })}>{goal.text}</Link>;
}

function Group({ id, title, empty, children }: { id: string; title: string; empty: boolean; children: ReactNode }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <section className={styles.group} aria-labelledby={`since-${id}`} data-since-group={id}>
      <h3 id={`since-${id}`} className={styles.heading}>
        <Subtitle2>{title}</Subtitle2>
      </h3>
      {empty ? <Caption1 className={styles.muted}>{t('reports.changes.none')}</Caption1> : children}
    </section>
  );
}

function Moves({ moves }: { moves: readonly StatusMove[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {moves.map((m) => (
        <li key={m.goal.id} className={styles.item} data-goal-id={m.goal.id}>
          <GoalLink goal={m.goal} />
          <span className={styles.move}>
            <StatusBadge status={m.before} />
            <span aria-hidden>→</span>
            <StatusBadge status={m.after} />
          </span>
        </li>
      ))}
    </ul>
  );
}

export function SinceChanges({ changes }: { changes: PlanChanges }) {
  const styles = { ...useCardStyles(), ...useStyles() };
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const moves = [...changes.completed, ...changes.improved];
  return (
    <section className={styles.card} aria-labelledby="since-title" data-testid="since-last-meeting" data-report-screen-only>
      <h2 id="since-title" className={styles.heading}>
        <Subtitle2>{t('reports.changes.title')}</Subtitle2>
      </h2>
      <Body1>{t('reports.changes.intro', { since: formatDate(changes.since), today: formatDate(changes.today) })}</Body1>
      <div className={styles.groups}>
        <Group id="check-ins" title={t('reports.changes.checkIns', { count: changes.checkIns.length })} empty={changes.checkIns.length === 0}>
          <ul className={styles.list}>
            {changes.checkIns.map(({ checkIn, goal }) => (
              <li key={checkIn.id} className={styles.item} data-check-in-id={checkIn.id}>
                <GoalLink goal={goal} />
                <Caption1>
                  {formatDate(checkIn.date)}
                  {checkInDetails(checkIn, goal, i18n)}
                </Caption1>
              </li>
            ))}
          </ul>
        </Group>
        <Group id="status" title={t('reports.changes.statusChanges', { count: moves.length })} empty={moves.length === 0}>
          <Moves moves={moves} />
        </Group>
        <Group id="slipped" title={t('reports.changes.slipped', { count: changes.slipped.length })} empty={changes.slipped.length === 0}>
          <Moves moves={changes.slipped} />
        </Group>
        <Group id="new-goals" title={t('reports.changes.newGoals', { count: changes.newGoals.length })} empty={changes.newGoals.length === 0}>
          <ul className={styles.list}>
            {changes.newGoals.map((goal) => (
              <li key={goal.id} className={styles.item} data-goal-id={goal.id}>
                <GoalLink goal={goal} />
              </li>
            ))}
          </ul>
        </Group>
      </div>
    </section>
  );
}
