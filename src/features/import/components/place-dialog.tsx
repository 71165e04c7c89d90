/**
 * Chooses where something goes: an area and, for a goal, one of its national goals; for a left-out
 * text also the text itself. Moving a national goal or strategy chooses only the area.
 */
import { Body1, Field, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n, type MessageKey } from '../../../i18n';
import type { PreviewArea } from '../preview-state';
import { FormDialog } from './form-dialog';

export interface Placement {
  readonly area: string;
  readonly nationalGoal: string | null;
  readonly text: string;
}

export type PlacePurpose = 'moveGoal' | 'moveNationalGoal' | 'moveStrategy' | 'placeGoal' | 'placeNationalGoal' | 'placeStrategy';

const TEXTS: Record<PlacePurpose, { title: MessageKey; confirm: MessageKey }> = {
  moveGoal: { title: 'import.move.title', confirm: 'import.move.confirm' },
  moveNationalGoal: { title: 'import.moveItem.nationalGoal.title', confirm: 'import.move.confirm' },
  moveStrategy: { title: 'import.moveItem.strategy.title', confirm: 'import.move.confirm' },
  placeGoal: { title: 'import.place.title', confirm: 'import.place.confirm' },
  placeNationalGoal: { title: 'import.place.nationalGoal.title', confirm: 'import.place.nationalGoal.confirm' },
  placeStrategy: { title: 'import.place.strategy.title', confirm: 'import.place.strategy.confirm' },
};

export function PlaceDialog({
  purpose,
  areas,
  initial,
  onConfirm,
  onCancel,
}: {
  purpose: PlacePurpose;
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
  const options = target?.nationalGoals.map((n) => n.text) ?? [];
  const withText = purpose.startsWith('place');
  const forGoal = purpose === 'moveGoal' || purpose === 'placeGoal';
  // Moving a national goal or strategy to the area it is in changes nothing.
  const valid = text.trim().length > 0 && target !== undefined && (forGoal || withText || area !== initial.area);

  return (
    <FormDialog
      title={t(TEXTS[purpose].title)}
      confirm={t(TEXTS[purpose].confirm)}
      valid={valid}
      onSubmit={() => onConfirm({ area, nationalGoal: forGoal && nationalGoal !== null && options.includes(nationalGoal) ? nationalGoal : null, text })}
      onCancel={onCancel}
      contentStyle={{ display: 'flex', flexDirection: 'column', gap: 12 }}
    >
              {purpose === 'moveNationalGoal' && <Body1>{t('import.moveItem.carries')}</Body1>}
              {withText && (
                <Field label={t(forGoal ? 'import.move.text' : 'import.place.text')} required>
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
              {forGoal && (
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
              )}
    </FormDialog>
  );
}
