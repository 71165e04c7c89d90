/**
 * The board's reminder settings: the channel, which rules, lead times, the digest and quiet days
 * (stored on the plan item as JSON, read with domain/reminders.ts `readReminderSettings`),
 * 'Send reminders now' with a preview of exactly what will be posted, and the channel's Workflows
 * webhook URL for the unattended runner (reminder-webhook.tsx).
 */
import {
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle1,
  Switch,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import type { Plan } from '../../../domain/plan';
import { readReminderSettings, type DigestCadence, type ReminderSettings } from '../../../domain/reminders';
import { useI18n, type MessageKey } from '../../../i18n';
import { useServices } from '../../../lib/services';
import { usePlanSettings } from '../use-plan-settings';
import { ConflictDialog } from '../../../components/conflict-dialog';
import { saveErrorOutcome } from '../../../lib/save-outcome';
import { parseLeadDays, parseQuietDays } from './reminder-form';
import { ReminderWebhook } from './reminder-webhook';

const SendRemindersDialog = lazy(() => import('./send-reminders-dialog'));

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  rules: { display: 'flex', flexDirection: 'column' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
});

interface FormState {
  readonly channelId: string;
  readonly enabled: boolean;
  readonly deadlines: boolean;
  readonly recurring: boolean;
  readonly nudges: boolean;
  readonly tasks: boolean;
  readonly leadDays: string;
  readonly nudgeWeeks: string;
  readonly digest: DigestCadence;
  readonly digestWeekday: number;
  readonly quietDays: string;
}

function formOf(plan: Plan, settings: ReminderSettings): FormState {
  return {
    channelId: plan.reminderChannelId ?? '',
    enabled: settings.enabled,
    deadlines: settings.deadlines,
    recurring: settings.recurring,
    nudges: settings.nudges,
    tasks: settings.tasks,
    leadDays: settings.leadDays.join(', '),
    nudgeWeeks: String(settings.nudgeWeeks),
    digest: settings.digest,
    digestWeekday: settings.digestWeekday,
    quietDays: settings.quietDays.join('\n'),
  };
}

export function ReminderSection({ teamId, plan, className }: { teamId: string; plan: Plan; className: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { directory } = useServices();
  const { save, latest } = usePlanSettings(teamId);
  const channels = useQuery({ queryKey: ['channels', teamId], queryFn: () => directory.channels(teamId), staleTime: 5 * 60_000 });
  const stored = readReminderSettings(plan.reminderSettings);
  const [form, setForm] = useState<FormState>(() => formOf(plan, stored.settings));
  const [message, setMessage] = useState<{ key: MessageKey; intent: 'success' | 'error' } | null>(null);
  const [conflict, setConflict] = useState<Plan | null>(null);
  const [saving, setSaving] = useState(false);
  const [sending, setSending] = useState(false);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  const options = [...(channels.data ?? [])];
  if (plan.reminderChannelId && !options.some((c) => c.id === plan.reminderChannelId)) {
    options.push({ id: plan.reminderChannelId, displayName: plan.reminderChannelName ?? plan.reminderChannelId });
  }
  const leadDays = parseLeadDays(form.leadDays);
  const nudgeWeeks = /^\d+$/.test(form.nudgeWeeks.trim()) && Number(form.nudgeWeeks) >= 1 && Number(form.nudgeWeeks) <= 26 ? Number(form.nudgeWeeks) : null;
  const quiet = parseQuietDays(form.quietDays);
  const [touched, setTouched] = useState(false);
  const invalid = leadDays === null || nudgeWeeks === null || quiet.invalid.length > 0;

  async function submit(ifMatch: string | null) {
    setTouched(true);
    if (invalid || leadDays === null || nudgeWeeks === null) return;
    const channel = options.find((c) => c.id === form.channelId) ?? null;
    const settings: ReminderSettings = {
      ...stored.settings,
      enabled: form.enabled,
      deadlines: form.deadlines,
      recurring: form.recurring,
      nudges: form.nudges,
      tasks: form.tasks,
      leadDays,
      nudgeWeeks,
      digest: form.digest,
      digestWeekday: form.digestWeekday,
      quietDays: quiet.days,
    };
    setMessage(null);
    setSaving(true);
    try {
      await save(plan.id, { reminderChannelId: channel?.id ?? null, reminderChannelName: channel?.displayName ?? null, reminderSettings: settings }, ifMatch);
      setMessage({ key: 'reminders.settings.saved', intent: 'success' });
    } catch (err) {
      const outcome = await saveErrorOutcome(err, latest);
      if (outcome.kind === 'conflict') setConflict(outcome.latest);
      else setMessage({ key: outcome.kind === 'denied' ? 'save.denied' : 'settings.saveFailed', intent: 'error' });
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className={className} aria-labelledby="settings-reminder">
      <Subtitle1 as="h2" id="settings-reminder">
        {t('reminders.settings.heading')}
      </Subtitle1>
      <Body1>{t('reminders.settings.body')}</Body1>
      {stored.problems.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('reminders.settings.problems')}</MessageBarBody>
        </MessageBar>
      )}
      {channels.isLoading ? (
        <Spinner size="small" label={t('app.loading')} />
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit(plan.etag ?? null);
          }}
        >
          <div className={styles.grid}>
            <Field label={t('settings.reminder.channel')} validationMessage={channels.error ? t('settings.reminder.loadFailed') : undefined}>
              <Select value={form.channelId} onChange={(_, d) => set('channelId', d.value)}>
                <option value="">{t('settings.reminder.none')}</option>
                {options.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.displayName}
                  </option>
                ))}
              </Select>
            </Field>
            <Switch checked={form.enabled} onChange={(_, d) => set('enabled', d.checked)} label={t('reminders.settings.enabled')} />
            <fieldset className={styles.fieldset}>
              <legend className={styles.legend}>{t('reminders.settings.rules')}</legend>
              <div className={styles.rules}>
                <Checkbox checked={form.deadlines} onChange={(_, d) => set('deadlines', d.checked === true)} label={t('reminders.settings.deadlines')} />
                <Checkbox checked={form.recurring} onChange={(_, d) => set('recurring', d.checked === true)} label={t('reminders.settings.recurring')} />
                <Checkbox checked={form.nudges} onChange={(_, d) => set('nudges', d.checked === true)} label={t('reminders.settings.nudges')} />
                <Checkbox checked={form.tasks} onChange={(_, d) => set('tasks', d.checked === true)} label={t('reminders.settings.tasks')} />
              </div>
            </fieldset>
            <Field
              label={t('reminders.settings.leadDays')}
              hint={t('reminders.settings.leadDaysHint')}
              {...(touched && leadDays === null ? { validationState: 'error' as const, validationMessage: t('reminders.settings.invalid.leadDays') } : {})}
            >
              <Input value={form.leadDays} onChange={(_, d) => set('leadDays', d.value)} inputMode="numeric" />
            </Field>
            <Field
              label={t('reminders.settings.nudgeWeeks')}
              {...(touched && nudgeWeeks === null ? { validationState: 'error' as const, validationMessage: t('reminders.settings.invalid.nudgeWeeks') } : {})}
            >
              <Input type="number" min={1} max={26} value={form.nudgeWeeks} onChange={(_, d) => set('nudgeWeeks', d.value)} />
            </Field>
            <Field label={t('reminders.settings.digest')}>
              <Select value={form.digest} onChange={(_, d) => set('digest', d.value as DigestCadence)}>
                <option value="off">{t('reminders.settings.digest.off')}</option>
                <option value="weekly">{t('reminders.settings.digest.weekly')}</option>
                <option value="monthly">{t('reminders.settings.digest.monthly')}</option>
              </Select>
            </Field>
            {form.digest === 'weekly' && (
              <Field label={t('reminders.settings.weekday')}>
                <Select value={String(form.digestWeekday)} onChange={(_, d) => set('digestWeekday', Number(d.value))}>
                  {[1, 2, 3, 4, 5].map((n) => (
                    <option key={n} value={n}>
                      {t(`reminders.weekday.${n}` as MessageKey)}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <Field
              label={t('reminders.settings.quietDays')}
              hint={t('reminders.settings.quietDaysHint')}
              {...(touched && quiet.invalid.length > 0 ? { validationState: 'error' as const, validationMessage: t('reminders.settings.invalid.quietDays', { days: quiet.invalid.join(', ') }) } : {})}
            >
              <Textarea value={form.quietDays} onChange={(_, d) => set('quietDays', d.value)} resize="vertical" />
            </Field>
          </div>
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={saving}>
              {saving ? t('settings.saving') : t('reminders.settings.save')}
            </Button>
            <Button disabled={!plan.reminderChannelId} onClick={() => setSending(true)}>
              {t('reminders.send.open')}
            </Button>
            {!plan.reminderChannelId && <Body1>{t('reminders.send.noChannel')}</Body1>}
          </div>
        </form>
      )}
      <div aria-live="polite">
        {message && (
          <MessageBar intent={message.intent}>
            <MessageBarBody>{t(message.key)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <ReminderWebhook teamId={teamId} channelId={plan.reminderChannelId ?? null} channelName={plan.reminderChannelName ?? null} />
      {sending && (
        <Suspense fallback={null}>
          <SendRemindersDialog teamId={teamId} onClose={() => setSending(false)} />
        </Suspense>
      )}
      {conflict && (
        <ConflictDialog
          title={t('settings.conflict.title')}
          body={t('settings.conflict.body')}
          onReload={() => {
            setForm(formOf(conflict, readReminderSettings(conflict.reminderSettings).settings));
            setConflict(null);
          }}
          onOverwrite={() => {
            setConflict(null);
            void submit(conflict.etag ?? null);
          }}
        />
      )}
    </section>
  );
}
