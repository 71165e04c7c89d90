import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Caption1, Subtitle1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { groupGoalsByNationalGoal, type Area, type LocalGoal } from '../../../domain/plan';
import { meanProgress, type GoalProgress } from '../../../domain/progress';
import { useI18n } from '../../../i18n';
import { GoalItem } from './goal-item';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalXL },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalS },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  strategies: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

export function AreaSection({
  area,
  goals,
  progressOf,
  canEdit,
  onEdit,
}: {
  area: Area;
  goals: readonly LocalGoal[];
  progressOf: (goal: LocalGoal) => GoalProgress;
  canEdit: boolean;
  onEdit: (goal: LocalGoal) => void;
}) {
  const styles = useStyles();
  const { t, formatPercent } = useI18n();
  const groups = groupGoalsByNationalGoal(area, goals);
  const own = goals.filter((g) => g.areaId === area.id);
  const headingId = `area-${area.id}`;
  return (
    <section className={styles.section} aria-labelledby={headingId} data-area-id={area.id}>
      <div className={styles.header}>
        <Caption1 className={styles.muted}>{t('plan.area', { number: area.number })}</Caption1>
        <Subtitle1 as="h2" id={headingId}>
          {area.title}
        </Subtitle1>
        <Caption1>
          {t('plan.goalsCount', { count: own.length })} · {t('plan.areaProgress', { percent: formatPercent(meanProgress(own.map(progressOf))) })}
        </Caption1>
      </div>
      {area.strategies.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="strategies">
            <AccordionHeader size="small">{t('plan.strategies', { count: area.strategies.length })}</AccordionHeader>
            <AccordionPanel>
              <ul className={styles.strategies}>
                {area.strategies.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
      {groups.map((group) => (
        <div className={styles.group} key={group.nationalGoal ?? '—'}>
          <Subtitle2 as="h3">
            {group.nationalGoal === null ? t('plan.noNationalGoal') : `${t('plan.nationalGoal')}: ${group.nationalGoal}`}
          </Subtitle2>
          {group.goals.length === 0 ? (
            <Caption1 className={styles.muted}>{t('plan.noGoals')}</Caption1>
          ) : (
            <ul className={styles.list}>
              {group.goals.map((goal) => (
                <GoalItem key={goal.id} goal={goal} progress={progressOf(goal)} canEdit={canEdit} onEdit={() => onEdit(goal)} />
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
