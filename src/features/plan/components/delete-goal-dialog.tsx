import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { LocalGoal } from '../../../domain/plan';
import { useI18n } from '../../../i18n';

/** Asks before a goal is deleted (the delete can still be undone for a few seconds after). */
export function DeleteGoalDialog({ goal, onConfirm, onCancel }: { goal: LocalGoal; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('planEdit.deleteTitle')}</DialogTitle>
          <DialogContent>{t('planEdit.deleteBody', { goal: goal.text })}</DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              {t('goal.cancel')}
            </Button>
            <Button appearance="primary" onClick={onConfirm}>
              {t('planEdit.deleteConfirm')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
