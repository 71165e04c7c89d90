import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { LocalGoal } from '../../../domain/plan';
import { useI18n } from '../../../i18n';
import { useRestoreFocus } from './use-restore-focus';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * Asks before a goal is deleted (the delete can still be undone for a few seconds after). A goal
 * with Planner tasks asks what becomes of them: kept in Planner (the default) or deleted too.
 */
export function DeleteGoalDialog({ goal, onConfirm, onCancel }: { goal: LocalGoal; onConfirm: (deleteTasks: boolean) => void; onCancel: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const tasks = goal.tasks?.length ?? 0;
  const [choice, setChoice] = useState<'keep' | 'delete'>('keep');
  useRestoreFocus();
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('planEdit.deleteTitle')}</DialogTitle>
          <DialogContent className={styles.content}>
            <div>{t('planEdit.deleteBody', { goal: goal.text })}</div>
            {tasks > 0 && (
              <Field label={t('plannerAssign.deleteTasks.label', { count: tasks })}>
                <RadioGroup value={choice} onChange={(_, d) => setChoice(d.value === 'delete' ? 'delete' : 'keep')}>
                  <Radio value="keep" label={t('plannerAssign.deleteTasks.keep')} />
                  <Radio value="delete" label={t('plannerAssign.deleteTasks.delete')} />
                </RadioGroup>
              </Field>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              {t('goal.cancel')}
            </Button>
            <Button appearance="primary" onClick={() => onConfirm(tasks > 0 && choice === 'delete')}>
              {t('planEdit.deleteConfirm')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
