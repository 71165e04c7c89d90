/**
 * Adds a representative or edits one. Adding carries one clientId for the whole time the dialog is
 * open, so saving again after a failed or lost answer never adds the person twice; editing sends
 * the representative's eTag and lets the board choose whose version wins after a conflict.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { TARIFF_AREAS } from '../../../domain/plan';
import { REP_ROLES, type RepArea, type Representative, type RepRole } from '../../../domain/roster';
import { ConflictDialog } from '../../../components/conflict-dialog';
import { useI18n, type MessageKey } from '../../../i18n';
import { useRolloutNames } from '../names';
import { formOf, patchOf, validateRep, writeFailure, type FormErrors, type RepForm } from '../rollout-model';
import { useRosterActions } from '../use-roster';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  surface: { maxWidth: '560px', width: 'calc(100vw - 32px)', boxSizing: 'border-box' },
});

export function RepDialog({
  teamId,
  rep,
  reps,
  onClose,
}: {
  teamId: string;
  /** The representative to edit, or null to add one. */
  rep: Representative | null;
  /** Everyone in the roster (an address may be on it once). */
  reps: readonly Representative[];
  /** Called with what was saved, or null when the dialog was closed without saving. */
  onClose: (saved: Representative | null, added: boolean) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const names = useRolloutNames();
  const actions = useRosterActions(teamId);
  // One key for this attempt to add: a retry after a lost answer finds the person already written.
  const [clientId] = useState(() => crypto.randomUUID());
  const [current, setCurrent] = useState<Representative | null>(rep);
  const [form, setForm] = useState<RepForm>(() => formOf(rep));
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const [conflict, setConflict] = useState<Representative | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof RepForm>(key: K, value: RepForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  async function save(target: Representative | null) {
    const others = reps.filter((r) => r.id !== target?.id);
    const { value, errors: found } = validateRep(form, others);
    setErrors(found);
    setFailure(null);
    if (!value) return;
    setSaving(true);
    try {
      if (target) onClose(await actions.update(target, patchOf(target, value), target.etag ?? null), false);
      else onClose(await actions.add(value, clientId), true);
    } catch (err) {
      const kind = writeFailure(err);
      if (kind === 'conflict' && target) {
        const latest = (await actions.latest().catch(() => null))?.reps.find((r) => r.id === target.id) ?? null;
        if (latest) setConflict(latest);
        else setFailure('rollout.error.failed');
      } else setFailure(kind === 'denied' ? 'rollout.error.denied' : 'rollout.error.failed');
    } finally {
      setSaving(false);
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(current);
  };
  const error = (key: keyof FormErrors) => (errors[key] ? t(errors[key]) : undefined);

  return (
    <>
      <Dialog open={!conflict} modalType="modal" onOpenChange={(_, d) => !d.open && !saving && onClose(null, false)}>
        <DialogSurface className={styles.surface}>
          <form onSubmit={onSubmit} noValidate>
            <DialogBody>
              <DialogTitle>{rep ? t('rollout.dialog.editTitle', { name: rep.name }) : t('rollout.dialog.addTitle')}</DialogTitle>
              <DialogContent className={styles.form}>
                {failure && (
                  <MessageBar intent="error" role="alert">
                    <MessageBarBody>{t(failure)}</MessageBarBody>
                  </MessageBar>
                )}
                <Field label={t('rollout.field.name')} required validationMessage={error('name')}>
                  <Input value={form.name} onChange={(_, d) => set('name', d.value)} autoComplete="off" />
                </Field>
                <Field label={t('rollout.field.email')} required hint={t('rollout.field.emailHint')} validationMessage={error('email')}>
                  <Input type="email" value={form.email} onChange={(_, d) => set('email', d.value)} autoComplete="off" />
                </Field>
                <Field label={t('rollout.field.role')}>
                  <Select value={form.role} onChange={(_, d) => set('role', d.value as RepRole)}>
                    {REP_ROLES.map((role) => (
                      <option key={role} value={role}>
                        {names.role(role)}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={t('rollout.field.area')}>
                  <Select value={form.area} onChange={(_, d) => set('area', d.value as RepArea | '')}>
                    <option value="">{names.area(null)}</option>
                    {TARIFF_AREAS.map((area) => (
                      <option key={area} value={area}>
                        {names.area(area)}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={t('rollout.field.workplace')}>
                  <Input value={form.workplace} onChange={(_, d) => set('workplace', d.value)} />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button appearance="secondary" onClick={() => onClose(null, false)} disabled={saving}>
                  {t('rollout.dialog.cancel')}
                </Button>
                <Button appearance="primary" type="submit" disabled={saving}>
                  {saving ? t('rollout.dialog.saving') : t('rollout.dialog.save')}
                </Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
      {conflict && (
        <ConflictDialog
          title={t('rollout.conflict.title')}
          body={t('rollout.conflict.body')}
          onReload={() => {
            setForm(formOf(conflict));
            setCurrent(conflict);
            setConflict(null);
          }}
          onOverwrite={() => {
            setCurrent(conflict);
            setConflict(null);
            void save(conflict);
          }}
        />
      )}
    </>
  );
}
