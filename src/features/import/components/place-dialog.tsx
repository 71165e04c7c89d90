/** Chooses where a goal goes: an area and, optionally, one of its national goals (and, for unplaced text, the text). */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import type { PreviewArea } from '../preview-state';

export interface Placement {
  readonly area: string;
  readonly nationalGoal: string | null;
  readonly text: string;
}

export function PlaceDialog({
  kind,
  areas,
  initial,
  onConfirm,
  onCancel,
}: {
  kind: 'move' | 'place';
  areas: readonly PreviewArea[];
  initial: Placement;
  onConfirm: (placement: Placement) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [area, setArea] = useState(initial.area);
  const [nationalGoal, setNationalGoal] = useState<string | null>(initial.nationalGoal);
  const [text, setText] = useState(initial.text);
  const target = areas.find((a) => a.key === area);
  const options = target?.nationalGoals ?? [];
  const valid = text.trim().length > 0 && target !== undefined;

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) onConfirm({ area, nationalGoal: nationalGoal !== null && options.includes(nationalGoal) ? nationalGoal : null, text });
          }}
        >
          <DialogBody>
            <DialogTitle>{t(kind === 'move' ? 'import.move.title' : 'import.place.title')}</DialogTitle>
            <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
              {kind === 'place' && (
                <Field label={t('import.move.text')} required>
                  <Textarea value={text} resize="vertical" onChange={(_, d) => setText(d.value)} />
                </Field>
              )}
              <Field label={t('import.move.area')}>
                <Select
                  value={area}
                  onChange={(_, d) => {
                    setArea(d.value);
                    setNationalGoal(null);
                  }}
                >
                  {areas.map((a) => (
                    <option key={a.key} value={a.key}>
                      {a.number}. {a.title}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t('import.move.nationalGoal')}>
                <Select value={nationalGoal ?? ''} onChange={(_, d) => setNationalGoal(d.value === '' ? null : d.value)}>
                  <option value="">{t('import.preview.noNational')}</option>
                  {options.map((ng) => (
                    <option key={ng} value={ng}>
                      {ng}
                    </option>
                  ))}
                </Select>
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={!valid}>
                {t(kind === 'move' ? 'import.move.confirm' : 'import.place.confirm')}
              </Button>
              <Button onClick={onCancel}>{t('import.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
