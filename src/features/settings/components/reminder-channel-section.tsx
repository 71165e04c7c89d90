import { Body1, Button, Field, MessageBar, MessageBarBody, Select, Spinner, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Plan } from '../../../domain/plan';
import { useSourcedState } from '../../../hooks/use-sourced-state';
import { useI18n, type MessageKey } from '../../../i18n';
import { useServices } from '../../../lib/services';
import { usePlanSettings } from '../use-plan-settings';
import { ConflictDialog } from '../../../components/conflict-dialog';
import { saveErrorOutcome } from '../../../lib/save-outcome';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', '& > :first-child': { flex: '1 1 220px', minWidth: 0 } },
});

/**
 * Where reminders will be posted. Stored on the plan (reminderChannelId/Name) now; a later
 * capability posts the reminders.
 */
export function ReminderChannelSection({ teamId, plan, className }: { teamId: string; plan: Plan; className: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { directory } = useServices();
  const { save, latest } = usePlanSettings(teamId);
  const channels = useQuery({ queryKey: ['channels', teamId], queryFn: () => directory.channels(teamId), staleTime: 5 * 60_000 });
  const [channelId, setChannelId] = useSourcedState(plan.reminderChannelId ?? '');
  const [message, setMessage] = useState<{ key: MessageKey; intent: 'success' | 'error' } | null>(null);
  const [conflict, setConflict] = useState<Plan | null>(null);
  const [saving, setSaving] = useState(false);

  const options = [...(channels.data ?? [])];
  if (plan.reminderChannelId && !options.some((c) => c.id === plan.reminderChannelId)) {
    options.push({ id: plan.reminderChannelId, displayName: plan.reminderChannelName ?? plan.reminderChannelId });
  }

  async function submit(ifMatch: string | null) {
    const channel = options.find((c) => c.id === channelId) ?? null;
    setMessage(null);
    setSaving(true);
    try {
      await save(plan.id, { reminderChannelId: channel?.id ?? null, reminderChannelName: channel?.displayName ?? null }, ifMatch);
      setMessage({ key: 'settings.reminder.saved', intent: 'success' });
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
        {t('settings.reminder.heading')}
      </Subtitle1>
      <Body1>{t('settings.reminder.body')}</Body1>
      {channels.isLoading ? (
        <Spinner size="small" label={t('app.loading')} />
      ) : (
        <div className={styles.row}>
          <Field label={t('settings.reminder.channel')} validationMessage={channels.error ? t('settings.reminder.loadFailed') : undefined}>
            <Select value={channelId} onChange={(_, d) => setChannelId(d.value)}>
              <option value="">{t('settings.reminder.none')}</option>
              {options.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.displayName}
                </option>
              ))}
            </Select>
          </Field>
          <Button appearance="primary" disabled={saving} onClick={() => void submit(plan.etag ?? null)}>
            {saving ? t('settings.saving') : t('settings.reminder.save')}
          </Button>
        </div>
      )}
      <div aria-live="polite">
        {message && (
          <MessageBar intent={message.intent}>
            <MessageBarBody>{t(message.key)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {conflict && (
        <ConflictDialog
          title={t('settings.conflict.title')}
          body={t('settings.conflict.body')}
          onReload={() => {
            setChannelId(conflict.reminderChannelId ?? '');
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
