import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { SituationRow } from '../../../domain/plan';
import { useI18n, type MessageKey } from '../../../i18n';
import { ConflictDialog } from '../../../components/conflict-dialog';
import { saveErrorOutcome } from '../../../lib/save-outcome';
import { useSituationRows } from '../use-situation-rows';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  surface: { maxWidth: '640px', width: 'calc(100vw - 32px)' },
});

interface RowForm {
  area: string;
  now: string;
  shortTerm: string;
  longTerm: string;
}

const formOf = (row: SituationRow | null): RowForm => ({
  area: row?.area ?? '',
  now: row?.now ?? '',
  shortTerm: row?.shortTerm ?? '',
  longTerm: row?.longTerm ?? '',
});


/** Adds or edits a row. A save that meets a newer version asks whose version wins. */
export function SituationEditor({
  teamId,
  planId,
  row,
  nextSortOrder,
  onClose,
}: {
  teamId: string;
  planId: string;
  /** The row to edit, or null to add one. */
  row: SituationRow | null;
  nextSortOrder: number;
  onClose: (saved: boolean) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const rows = useSituationRows(teamId);
  const [form, setForm] = useState<RowForm>(() => formOf(row));
  const [etag, setEtag] = useState<string | null>(row?.etag ?? null);
  const [areaError, setAreaError] = useState(false);
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const [conflict, setConflict] = useState<SituationRow | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (key: keyof RowForm, value: string) => setForm((f) => ({ ...f, [key]: value }));

  async function save(ifMatch: string | null) {
    const fields = { area: form.area.trim(), now: form.now.trim(), shortTerm: form.shortTerm.trim(), longTerm: form.longTerm.trim() };
    setAreaError(!fields.area);
    if (!fields.area) return;
    setFailure(null);
    setSaving(true);
    try {
      if (row) await rows.update(row.id, fields, ifMatch);
      else await rows.create({ ...fields, planId, sortOrder: nextSortOrder });
      onClose(true);
    } catch (err) {
      const outcome = row ? await saveErrorOutcome(err, () => rows.latest(row.id)) : ({ kind: 'failed' } as const);
      if (outcome.kind === 'conflict') setConflict(outcome.latest);
      else setFailure(outcome.kind === 'gone' ? 'situation.gone' : outcome.kind === 'denied' ? 'save.denied' : 'situation.saveFailed');
    } finally {
      setSaving(false);
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(etag);
  };

  return (
    <>
      <Dialog open={!conflict} modalType="modal" onOpenChange={(_, d) => !d.open && onClose(false)}>
        <DialogSurface className={styles.surface}>
          <form onSubmit={onSubmit} noValidate>
            <DialogBody>
              <DialogTitle>{t(row ? 'situation.editTitle' : 'situation.addTitle')}</DialogTitle>
              <DialogContent className={styles.form}>
                {failure && (
                  <MessageBar intent="error" role="alert">
                    <MessageBarBody>{t(failure)}</MessageBarBody>
                  </MessageBar>
                )}
                <Field label={t('situation.area')} required validationMessage={areaError ? t('situation.validation.area') : undefined}>
                  <Input value={form.area} onChange={(_, d) => set('area', d.value)} />
                </Field>
                <Field label={t('situation.now')}>
                  <Textarea value={form.now} onChange={(_, d) => set('now', d.value)} resize="vertical" rows={4} />
                </Field>
                <Field label={t('situation.shortTerm')}>
                  <Textarea value={form.shortTerm} onChange={(_, d) => set('shortTerm', d.value)} resize="vertical" rows={3} />
                </Field>
                <Field label={t('situation.longTerm')}>
                  <Textarea value={form.longTerm} onChange={(_, d) => set('longTerm', d.value)} resize="vertical" rows={3} />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button appearance="secondary" onClick={() => onClose(false)} disabled={saving}>
                  {t('situation.cancel')}
                </Button>
                <Button appearance="primary" type="submit" disabled={saving}>
                  {saving ? t('situation.saving') : t('situation.save')}
                </Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
      {conflict && (
        <ConflictDialog
          title={t('situation.conflict.title')}
          body={t('situation.conflict.body')}
          onReload={() => {
            setForm(formOf(conflict));
            setEtag(conflict.etag ?? null);
            setConflict(null);
          }}
          onOverwrite={() => {
            setEtag(conflict.etag ?? null);
            setConflict(null);
            void save(conflict.etag ?? null);
          }}
        />
      )}
    </>
  );
}
