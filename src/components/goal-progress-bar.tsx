/** A goal's progress bar with its one-line text, the same on every screen that shows goals. */
import { Caption1, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { LocalGoal } from '../domain/plan';
import type { GoalProgress } from '../domain/progress';
import { useI18n } from '../i18n';
import { rolloutMeasureText, statusReasonText } from './progress-text';

const useStyles = makeStyles({ progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS } });

/** The line under a goal's bar: why it has its status, in words, and what measures it when the rollout does. */
export function goalProgressLine(goal: LocalGoal, progress: GoalProgress, i18n: ReturnType<typeof useI18n>): string {
  const why = statusReasonText(progress, i18n, goal.recurrence?.per);
  return goal.rollout ? `${why} · ${i18n.t('goalDetail.rolloutMeasure', { measure: rolloutMeasureText(goal.rollout, i18n.t) })}` : why;
}

export function GoalProgressBar({ goal, progress, textId }: { goal: LocalGoal; progress: GoalProgress; textId?: string }) {
  const styles = useStyles();
  const i18n = useI18n();
  return (
    <div className={styles.progress}>
      <ProgressBar
        value={progress.fraction}
        max={1}
        thickness="large"
        color={progress.status === 'behind' ? 'error' : progress.status === 'atRisk' ? 'warning' : 'brand'}
        aria-label={i18n.t('goal.progressLabel', { percent: i18n.formatPercent(progress.fraction) })}
      />
      <Caption1 id={textId} data-testid="progress-text">
        {goalProgressLine(goal, progress, i18n)}
      </Caption1>
    </div>
  );
}
