/** One line saying how far a goal has come, in the user's language (shared by every screen that lists goals). */
import type { LocalGoal, RepRole, RolloutMeasure } from '../domain/plan';
import type { GoalProgress } from '../domain/progress';
import type { I18n, MessageKey } from '../i18n';

/** The rollout's built-in steps (domain/roster.ts BUILT_IN_STEPS) by their translated names: the one list of them. */
export const ROLLOUT_STEP_NAMES = {
  org365: 'rolloutNames.step.org365',
  team: 'rolloutNames.step.team',
  teamsTraining: 'rolloutNames.step.teamsTraining',
  klarAccess: 'rolloutNames.step.klarAccess',
  klarTraining: 'rolloutNames.step.klarTraining',
} as const satisfies Record<string, MessageKey>;

/** The built-in step's translated name, or null for a step the board added. */
export function builtInStepName(stepId: string, t: I18n['t']): string | null {
  const key = (ROLLOUT_STEP_NAMES as Readonly<Record<string, MessageKey>>)[stepId];
  return key ? t(key) : null;
}

/** The part of a rollout step its name needs (a RolloutStep fits). */
export interface NamedStep {
  readonly id: string;
  readonly label: string | null;
}

/**
 * A rollout step's name: the board's own label when it gave one, else the built-in step's
 * translated name; a step not known here (a board's step while the roster is not read) is named generically.
 */
export function rolloutStepName(stepId: string, t: I18n['t'], steps: readonly NamedStep[] = []): string {
  const label = steps.find((s) => s.id === stepId)?.label;
  if (label) return label;
  return builtInStepName(stepId, t) ?? t('rolloutNames.customStep');
}

/** The roles a rollout measure counts, short ('KTV, HTV'), or 'all representatives' when none is chosen. */
export function rolloutRolesText(roles: readonly RepRole[], t: I18n['t']): string {
  return roles.length === 0 ? t('rolloutNames.allRoles') : roles.map((r) => t(`rolloutNames.roleShort.${r}`)).join(', ');
}

/** '<step> (<roles>)': what a goal measured by the rollout counts. */
export function rolloutMeasureText(measure: RolloutMeasure, t: I18n['t'], steps: readonly NamedStep[] = []): string {
  return t('rolloutNames.measure', { step: rolloutStepName(measure.stepId, t, steps), roles: rolloutRolesText(measure.roles, t) });
}

function measuredText(goal: LocalGoal, progress: GoalProgress, { t, formatNumber }: Pick<I18n, 't' | 'formatNumber'>): string {
  const unit = goal.measure?.unit ?? '';
  if (progress.target === null) return t('goal.measuredNoValue', { target: '–', unit });
  if (progress.current === null) return t('goal.measuredNoValue', { target: formatNumber(progress.target), unit });
  return t('goal.measured', { current: formatNumber(progress.current), target: formatNumber(progress.target), unit });
}

export function progressText(
  goal: LocalGoal,
  progress: GoalProgress,
  i18n: Pick<I18n, 't' | 'formatNumber' | 'formatDate'>,
  /** The rollout's steps, when read, so a step the board added is named by its label. */
  steps: readonly NamedStep[] = [],
): string {
  const { t, formatDate } = i18n;
  switch (goal.kind) {
    case 'measured': {
      const text = measuredText(goal, progress, i18n);
      return goal.rollout ? `${text} · ${t('goalDetail.rolloutMeasure', { measure: rolloutMeasureText(goal.rollout, t, steps) })}` : text;
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
