import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useI18n } from '../../../i18n';

/** Someone saved the plan after it was opened: reload theirs, or overwrite knowingly. */
export function PlanConflictDialog({ onReload, onOverwrite }: { onReload: () => void; onOverwrite: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog open modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('settings.conflict.title')}</DialogTitle>
          <DialogContent>{t('settings.conflict.body')}</DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onReload}>
              {t('conflict.reload')}
            </Button>
            <Button appearance="primary" onClick={onOverwrite}>
              {t('conflict.overwrite')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
