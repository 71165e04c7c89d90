/** The preview's dialogs share one shell: a modal form with a title, its fields, a confirm and a cancel button. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { CSSProperties, ReactNode } from 'react';
import { useI18n } from '../../../i18n';

export function FormDialog({
  title,
  confirm,
  valid = true,
  onSubmit,
  onCancel,
  describedBy,
  contentStyle,
  children,
}: {
  title: string;
  confirm: string;
  valid?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  describedBy?: string;
  contentStyle?: CSSProperties;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface {...(describedBy ? { 'aria-describedby': describedBy } : {})}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) onSubmit();
          }}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent {...(contentStyle ? { style: contentStyle } : {})}>{children}</DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={!valid}>
                {confirm}
              </Button>
              <Button onClick={onCancel}>{t('import.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
