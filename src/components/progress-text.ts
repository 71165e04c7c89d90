/** One line saying how far a goal has come, in the user's language (shared by every screen that lists goals). */
import type { LocalGoal } from '../domain/plan';
import type { GoalProgress } from '../domain/progress';
import type { I18n } from '../i18n';

export function progressText(goal: LocalGoal, progress: GoalProgress, i18n: Pick<I18n, 't' | 'formatNumber' | 'formatDate'>): string {
  const { t, formatNumber, formatDate } = i18n;
  switch (goal.kind) {
    case 'measured': {
      const unit = goal.measure?.unit ?? '';
      if (progress.target === null) return t('goal.measuredNoValue', { target: '–', unit });
      if (progress.current === null) return t('goal.measuredNoValue', { target: formatNumber(progress.target), unit });
      return t('goal.measured', { current: formatNumber(progress.current), target: formatNumber(progress.target), unit });
    }
    case 'recurring': {
      const r = progress.recurring;
      if (!r || !goal.recurrence) return '';
      const base = t(goal.recurrence.per === 'year' ? 'goal.recurringYear' : 'goal.recurringMonth', { done: r.done, required: r.required });
      return r.nextDue ? `${base} · ${t('goal.nextDue', { date: formatDate(r.nextDue) })}` : base;
    }
    case 'milestone':
      return progress.fraction >= 1 ? t('goal.milestoneDone') : t('goal.milestoneOpen');
  }
}
