/**
 * Shown when a save met a newer version on the server (HTTP 412): the user chooses whose version
 * wins — reload theirs (dropping the edit) or overwrite knowingly. Nothing is lost silently.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useI18n } from '../i18n';

export function ConflictDialog({ title, body, onReload, onOverwrite }: { title: string; body: string; onReload: () => void; onOverwrite: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog open modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{body}</DialogContent>
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
