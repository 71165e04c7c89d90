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

/**
 * Why a goal has its status, in words: '2 av 4 holdt i år; 1 ikke holdt siden 31. mars; neste
 * innen 30. juni'. Figures are the domain's (progress.ts StatusReason); a status the board set says so.
 */
export function statusReasonText(progress: GoalProgress, i18n: Pick<I18n, 't' | 'formatNumber' | 'formatDate'>, per: 'year' | 'month' = 'year'): string {
  const { t, formatNumber, formatDate } = i18n;
  const reason = progress.reason;
  let text: string;
  switch (reason.kind) {
    case 'done':
      text = t('statusReason.done');
      break;
    case 'beforeStart':
      text = t('statusReason.beforeStart', { date: formatDate(reason.start) });
      break;
    case 'overdue':
      text = t('statusReason.overdue', { date: formatDate(reason.deadline) });
      break;
    case 'noReport':
      text = t('statusReason.noReport');
      break;
    case 'measured':
      text = t('statusReason.measured', {
        current: formatNumber(reason.current),
        target: formatNumber(reason.target),
        unit: reason.unit,
        expected: formatNumber(Math.round(reason.expectedNow * 10) / 10),
      }).replace(/ {2,}/g, ' ');
      break;
    case 'noTarget':
      text = reason.current === null ? t('statusReason.noTarget') : t('statusReason.noTargetCurrent', { current: formatNumber(reason.current), unit: reason.unit }).replace(/ {2,}/g, ' ');
      break;
    case 'recurring': {
      const parts = [t(per === 'year' ? 'statusReason.recurringYear' : 'statusReason.recurringMonth', { done: formatNumber(reason.done), required: formatNumber(reason.required) })];
      const since = progress.recurring?.missedSince;
      if (reason.missed > 0 && since) parts.push(t('statusReason.missed', { missed: reason.missed, date: formatDate(since) }));
      if (reason.nextDue) parts.push(t('statusReason.next', { date: formatDate(reason.nextDue) }));
      text = parts.join('; ');
      break;
    }
    case 'milestone': {
      const stage = t(reason.stage === 'underWay' ? 'statusReason.milestoneUnderWay' : 'statusReason.milestoneNotStarted');
      text = reason.deadline ? `${stage}; ${t('statusReason.deadline', { date: formatDate(reason.deadline) })}` : stage;
      break;
    }
  }
  if (progress.boardSet && progress.status !== progress.derivedStatus) text = `${text}; ${t('statusReason.boardSet', { derived: t(`status.${progress.derivedStatus}`) })}`;
  return text;
}
