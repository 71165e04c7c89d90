import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { LocalGoal } from '../../../domain/plan';
import { useI18n } from '../../../i18n';

/** Shown when a save met a newer version: the user chooses whose version wins; nothing is lost silently. */
export function ConflictDialog({ latest, onReload, onOverwrite }: { latest: LocalGoal; onReload: () => void; onOverwrite: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog open modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('conflict.title')}</DialogTitle>
          <DialogContent>{t('conflict.body', { name: latest.modifiedBy ?? t('conflict.someone') })}</DialogContent>
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
