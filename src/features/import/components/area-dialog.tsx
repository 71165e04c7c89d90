/** Names a new area, or renames one. */
import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { FormDialog } from './form-dialog';

export function AreaDialog({ initial, onConfirm, onCancel }: { initial: string | null; onConfirm: (title: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState(initial ?? '');
  return (
    <FormDialog
      title={t(initial === null ? 'import.area.addTitle' : 'import.area.renameTitle')}
      confirm={t(initial === null ? 'import.area.addConfirm' : 'import.area.renameConfirm')}
      valid={title.trim().length > 0}
      onSubmit={() => onConfirm(title)}
      onCancel={onCancel}
    >
      <Field label={t('import.area.name')} required>
        <Input value={title} onChange={(_, d) => setTitle(d.value)} />
      </Field>
    </FormDialog>
  );
}
