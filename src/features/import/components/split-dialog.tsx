/** Splits a goal in two: the board picks a sentence boundary (the one nearest the middle to start with) or writes the two goals. */
import { Body1, Field, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { splitAt, splitPoints } from '../preview-repair';
import { FormDialog } from './form-dialog';

/** The last words before a split point, for the choice's label. */
function ending(text: string, at: number): string {
  const before = text.slice(0, at).trim();
  return before.length <= 40 ? before : `…${before.slice(-40).replace(/^\S*\s/, '')}`;
}

export function SplitDialog({ text, onConfirm, onCancel }: { text: string; onConfirm: (parts: [string, string]) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const points = splitPoints(text);
  const middle = points.reduce<number | null>((best, p) => (best === null || Math.abs(p - text.length / 2) < Math.abs(best - text.length / 2) ? p : best), null);
  const [at, setAt] = useState<number | null>(middle);
  const [parts, setParts] = useState<[string, string]>(middle === null ? [text, ''] : splitAt(text, middle));
  const valid = parts[0].trim().length > 0 && parts[1].trim().length > 0;
  return (
    <FormDialog
      title={t('import.split.title')}
      confirm={t('import.split.confirm')}
      valid={valid}
      onSubmit={() => onConfirm(parts)}
      onCancel={onCancel}
      contentStyle={{ display: 'flex', flexDirection: 'column', gap: 12 }}
    >
              <Body1>{t('import.split.hint')}</Body1>
              {points.length > 0 && (
                <Field label={t('import.split.at')}>
                  <Select
                    value={at === null ? '' : String(at)}
                    onChange={(_, d) => {
                      const next = d.value === '' ? null : Number(d.value);
                      setAt(next);
                      if (next !== null) setParts(splitAt(text, next));
                    }}
                  >
                    <option value="">{t('import.split.choose')}</option>
                    {points.map((p) => (
                      <option key={p} value={String(p)}>
                        {t('import.split.after', { end: ending(text, p) })}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
              <Field label={t('import.split.first')} required>
                <Textarea
                  value={parts[0]}
                  resize="vertical"
                  onChange={(_, d) => {
                    setAt(null);
                    setParts([d.value, parts[1]]);
                  }}
                />
              </Field>
              <Field label={t('import.split.second')} required>
                <Textarea
                  value={parts[1]}
                  resize="vertical"
                  onChange={(_, d) => {
                    setAt(null);
                    setParts([parts[0], d.value]);
                  }}
                />
              </Field>
    </FormDialog>
  );
}
