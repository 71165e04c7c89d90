import { Button, Field, Input, MessageBar, MessageBarBody, Select, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent, type SetStateAction } from 'react';
import type { Plan, PlanLanguage } from '../../../domain/plan';
import { useSourcedState } from '../../../hooks/use-sourced-state';
import { useI18n, type MessageKey } from '../../../i18n';
import { settingsFormOf, settingsPatch, type SettingsErrors, type SettingsForm } from '../settings-form';
import { usePlanSettings } from '../use-plan-settings';
import { ConflictDialog } from '../../../components/conflict-dialog';
import { saveErrorOutcome } from '../../../lib/save-outcome';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, '& > *': { flex: '1 1 160px', minWidth: 0 } },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

/** The plan's metadata and language, saved with the plan's eTag. */
export function PlanSettingsSection({ teamId, plan, className }: { teamId: string; plan: Plan; className: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { save, latest } = usePlanSettings(teamId);
  // The form and the eTag it started from follow fresh server data together, until the user edits.
  const [sourced, setSourced] = useSourcedState<{ form: SettingsForm; etag: string | null }>({ form: settingsFormOf(plan), etag: plan.etag ?? null });
  const { form, etag } = sourced;
  const setForm = (next: SetStateAction<SettingsForm>) =>
    setSourced((s) => ({ ...s, form: typeof next === 'function' ? next(s.form) : next }));
  const setEtag = (value: string | null) => setSourced((s) => ({ ...s, etag: value }));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [message, setMessage] = useState<{ key: MessageKey; intent: 'success' | 'error' } | null>(null);
  const [conflict, setConflict] = useState<Plan | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  async function submit(ifMatch: string | null) {
    const { patch, errors: found } = settingsPatch(form);
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const saved = await save(plan.id, patch, ifMatch);
      setEtag(saved.etag ?? null);
      setMessage({ key: 'settings.saved', intent: 'success' });
    } catch (err) {
      const outcome = await saveErrorOutcome(err, latest);
      if (outcome.kind === 'conflict') setConflict(outcome.latest);
      else setMessage({ key: outcome.kind === 'denied' ? 'save.denied' : 'settings.saveFailed', intent: 'error' });
    } finally {
      setSaving(false);
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(etag);
  };
  const error = (key: keyof SettingsForm) => (errors[key] ? t(errors[key]) : undefined);

  return (
    <section className={className} aria-labelledby="settings-plan">
      <Subtitle1 as="h2" id="settings-plan">
        {t('settings.plan.heading')}
      </Subtitle1>
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <Field label={t('settings.union')} required validationMessage={error('union')}>
          <Input value={form.union} onChange={(_, d) => set('union', d.value)} />
        </Field>
        <div className={styles.row}>
          <Field label={t('settings.periodFrom')} required validationMessage={error('periodFrom')}>
            <Input inputMode="numeric" value={form.periodFrom} onChange={(_, d) => set('periodFrom', d.value)} />
          </Field>
          <Field label={t('settings.periodTo')} required validationMessage={error('periodTo')}>
            <Input inputMode="numeric" value={form.periodTo} onChange={(_, d) => set('periodTo', d.value)} />
          </Field>
        </div>
        <div className={styles.row}>
          <Field label={t('settings.adopted')} validationMessage={error('adoptedDate')}>
            <Input type="date" value={form.adoptedDate} onChange={(_, d) => set('adoptedDate', d.value)} />
          </Field>
          <Field label={t('settings.language')}>
            <Select value={form.language} onChange={(_, d) => set('language', d.value as PlanLanguage)}>
              <option value="nb">{t('language.nb')}</option>
              <option value="nn">{t('language.nn')}</option>
            </Select>
          </Field>
        </div>
        <div aria-live="polite">
          {message && (
            <MessageBar intent={message.intent}>
              <MessageBarBody>{t(message.key)}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={saving}>
            {saving ? t('settings.saving') : t('settings.save')}
          </Button>
        </div>
      </form>
      {conflict && (
        <ConflictDialog
          title={t('settings.conflict.title')}
          body={t('settings.conflict.body')}
          onReload={() => {
            setForm(settingsFormOf(conflict));
            setEtag(conflict.etag ?? null);
            setConflict(null);
          }}
          onOverwrite={() => {
            setEtag(conflict.etag ?? null);
            setConflict(null);
            void submit(conflict.etag ?? null);
          }}
        />
      )}
    </section>
  );
}
