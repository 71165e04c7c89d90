/**
 * What the app writes into Planner and into check-ins from Planner, in the plan's language (not
 * the reader's: a board member reading English still writes into a bokmål plan in bokmål).
 */
import type { Plan } from '../domain/plan';
import type { PlannerTexts } from '../domain/planner-port';
import { createI18n } from './catalogue';

export function plannerTexts(plan: Pick<Plan, 'language' | 'periodFrom' | 'periodTo'>): PlannerTexts {
  const { t, formatNumber } = createI18n(plan.language);
  return {
    planTitle: t('planner.planTitle', { from: String(plan.periodFrom), to: String(plan.periodTo) }),
    goalLabel: t('planner.goalLabel'),
    occurrenceTitle: (n, total) => t('planner.occurrence', { n, total }),
    measureLine: (goal) =>
      goal.measure?.target != null ? t('planner.measureLine', { target: formatNumber(goal.measure.target), unit: goal.measure.unit }).trim() : null,
    checkInComment: (event) => {
      switch (event.kind) {
        case 'completed':
          return t('planner.checkIn.completed', { task: event.taskTitle });
        case 'checked':
          return t('planner.checkIn.checked', { item: event.itemTitle, task: event.taskTitle });
        case 'progress':
          return t('planner.checkIn.progress', { percent: event.percent, task: event.taskTitle });
      }
    },
  };
}
