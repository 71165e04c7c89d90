/** A goal of the preview: its text (editable), the measure, deadline and rollout found in it, why to check it, and its menu. */
import { Body1, Button, Checkbox, Field, Textarea } from '@fluentui/react-components';
import { useState, type Dispatch } from 'react';
import { rolloutMeasureText } from '../../../components/progress-text';
import { useI18n, type I18n } from '../../../i18n';
import { nextGoal } from '../preview-repair';
import type { PreviewAction, PreviewArea, PreviewGoal } from '../preview-state';
import { ActionsMenu, type MenuAction } from './actions-menu';
import { ReviewBadge } from './review-badge';
import { focusLater, usePreviewStyles } from './preview-styles';

export function measureLabel(goal: PreviewGoal, { t, formatNumber }: Pick<I18n, 't' | 'formatNumber'>): string {
  const m = goal.measure;
  if (!m) return '';
  const params = { value: formatNumber(m.value), unit: m.unit };
  return t(m.per === 'year' ? 'import.goal.measurePer.year' : m.per === 'month' ? 'import.goal.measurePer.month' : 'import.goal.measure', params);
}

export interface GoalRowProps {
  goal: PreviewGoal;
  area: PreviewArea;
  readOnly: boolean;
  dispatch: Dispatch<PreviewAction>;
  onMove: () => void;
  onSplit: () => void;
}

export function GoalRow({ goal, area, readOnly, dispatch, onMove, onSplit }: GoalRowProps) {
  const styles = usePreviewStyles();
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const [draft, setDraft] = useState<string | null>(null);
  const textId = `import-goal-${goal.key}`;
  const menuId = `import-goal-menu-${goal.key}`;
  const finish = () => {
    if (draft !== null) dispatch({ type: 'editGoalText', goal: goal.key, text: draft });
    setDraft(null);
    focusLater(menuId);
  };
  // Changes that take the goal out of its place leave focus on its area's heading.
  const thenArea = (action: PreviewAction) => () => {
    dispatch(action);
    focusLater(`import-area-${area.key}`);
  };
  const actions: MenuAction[] = [
    { id: 'edit', label: t('import.goal.edit'), onSelect: () => setDraft(goal.text) },
    { id: 'move', label: t('import.goal.moveTo'), onSelect: onMove },
    { id: 'toNational', label: t('import.item.toNational'), onSelect: thenArea({ type: 'changeKind', item: goal.key, to: 'nationalGoal' }) },
    { id: 'toStrategy', label: t('import.item.toStrategy'), onSelect: thenArea({ type: 'changeKind', item: goal.key, to: 'strategy' }) },
    { id: 'merge', label: t('import.goal.merge'), disabled: nextGoal(area, goal.key) === null, onSelect: () => dispatch({ type: 'mergeGoals', goal: goal.key }) },
    { id: 'split', label: t('import.goal.split'), onSelect: onSplit },
    ...(goal.review ? [{ id: 'checked', label: t('import.review.checked'), onSelect: () => dispatch({ type: 'markChecked', item: goal.key }) }] : []),
    { id: 'remove', label: t('import.goal.remove'), onSelect: thenArea({ type: 'dropGoal', goal: goal.key }) },
  ];
  return (
    <li className={styles.item} data-preview-goal={goal.key} data-area={area.key}>
      {draft === null ? (
        <Body1 id={textId}>{goal.text}</Body1>
      ) : (
        <Field label={t('import.goal.editLabel')}>
          <Textarea
            autoFocus
            value={draft}
            resize="vertical"
            onChange={(_, d) => setDraft(d.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setDraft(null);
                focusLater(menuId);
              }
            }}
          />
        </Field>
      )}
      {goal.review && (
        <div className={styles.row}>
          <ReviewBadge review={goal.review} />
        </div>
      )}
      {(goal.measure || goal.due || goal.rollout) && (
        <div className={styles.row}>
          {goal.measure && (
            <Checkbox
              disabled={readOnly}
              checked={goal.measureAccepted}
              onChange={(_, d) => dispatch({ type: 'acceptMeasure', goal: goal.key, accepted: d.checked === true })}
              label={
                <mark className={goal.measureAccepted ? styles.mark : `${styles.mark} ${styles.dropped}`} data-highlight="measure">
                  {measureLabel(goal, i18n)}
                </mark>
              }
            />
          )}
          {goal.due && (
            <Checkbox
              disabled={readOnly}
              checked={goal.dueAccepted}
              onChange={(_, d) => dispatch({ type: 'acceptDue', goal: goal.key, accepted: d.checked === true })}
              label={
                <mark className={goal.dueAccepted ? styles.mark : `${styles.mark} ${styles.dropped}`} data-highlight="due">
                  {t('import.goal.due', { date: formatDate(goal.due) })}
                </mark>
              }
            />
          )}
          {goal.rollout && (
            <Checkbox
              disabled={readOnly}
              checked={goal.rolloutAccepted}
              onChange={(_, d) => dispatch({ type: 'acceptRollout', goal: goal.key, accepted: d.checked === true })}
              label={
                <mark className={goal.rolloutAccepted ? styles.mark : `${styles.mark} ${styles.dropped}`} data-highlight="rollout">
                  {t('import.goal.rollout', { measure: rolloutMeasureText(goal.rollout, t) })}
                </mark>
              }
            />
          )}
        </div>
      )}
      {!readOnly && (
        <div className={styles.row}>
          {draft === null ? (
            <ActionsMenu id={menuId} label={t('import.actions')} describedBy={textId} actions={actions} />
          ) : (
            <Button size="small" appearance="primary" onClick={finish}>
              {t('import.goal.done')}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
