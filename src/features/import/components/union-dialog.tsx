/** Before replacing a plan that carries another union's name: keep that name (the default) or take the imported one. */
import { Body1, Radio, RadioGroup } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useI18n } from '../../../i18n';
import { FormDialog } from './form-dialog';

export function UnionDialog({ existing, imported, onConfirm, onCancel }: { existing: string; imported: string; onConfirm: (union: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<'keep' | 'rename'>('keep');
  const bodyId = useId();
  return (
    <FormDialog
      title={t('import.union.title')}
      confirm={t('import.union.confirm')}
      onSubmit={() => onConfirm(choice === 'keep' ? existing : imported)}
      onCancel={onCancel}
      describedBy={bodyId}
      contentStyle={{ display: 'flex', flexDirection: 'column', gap: 12 }}
    >
      <Body1 id={bodyId}>{t('import.union.body', { existing, imported })}</Body1>
      <RadioGroup aria-labelledby={bodyId} value={choice} onChange={(_, d) => setChoice(d.value === 'rename' ? 'rename' : 'keep')}>
        <Radio value="keep" label={t('import.union.keep', { existing })} />
        <Radio value="rename" label={t('import.union.rename', { imported })} />
      </RadioGroup>
    </FormDialog>
  );
}
