/** Names a new area, or renames one. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n } from '../../../i18n';

export function AreaDialog({ initial, onConfirm, onCancel }: { initial: string | null; onConfirm: (title: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState(initial ?? '');
  const valid = title.trim().length > 0;
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) onConfirm(title);
          }}
        >
          <DialogBody>
            <DialogTitle>{t(initial === null ? 'import.area.addTitle' : 'import.area.renameTitle')}</DialogTitle>
            <DialogContent>
              <Field label={t('import.area.name')} required>
                <Input value={title} onChange={(_, d) => setTitle(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={!valid}>
                {t(initial === null ? 'import.area.addConfirm' : 'import.area.renameConfirm')}
              </Button>
              <Button onClick={onCancel}>{t('import.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
