/** A goal's progress bar with its one-line text, the same on every screen that shows goals. */
import { Caption1, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { LocalGoal } from '../domain/plan';
import type { GoalProgress } from '../domain/progress';
import { useI18n } from '../i18n';
import { progressText } from './progress-text';

const useStyles = makeStyles({ progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS } });

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
        {progressText(goal, progress, i18n)}
      </Caption1>
    </div>
  );
}
