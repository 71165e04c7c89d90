/**
 * The reminder channel's Workflows webhook URL (issue 12, delivery path 3), in the board's
 * Settings → Reminders: the unattended runner posts reminders through it without the bot. The URL
 * is a secret, so the field hides it like a password until the board member shows it, the app keeps
 * it only in a list the board alone can read (ChannelWebhooks), and it is never put into the
 * persisted browser cache (the query's root is not in lib/persisted-cache.ts's list, and it is
 * dropped from memory when Settings closes).
 */
import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  ToggleButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Eye20Regular, EyeOff20Regular } from '@fluentui/react-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { WebhookListNotSecuredError, WebhookUrlError, webhookUrlProblem, type ChannelWebhook, type WebhookUrlProblem } from '../../../domain/channel-webhooks';
import { ConflictDialog } from '../../../components/conflict-dialog';
import { useSourcedState } from '../../../hooks/use-sourced-state';
import { useI18n, type MessageKey } from '../../../i18n';
import { saveErrorOutcome } from '../../../lib/save-outcome';
import { useServices } from '../../../lib/services';

const useStyles = makeStyles({
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  url: { fontFamily: tokens.fontFamilyMonospace },
});

/** The query of a channel's stored webhook (never persisted: see the file's header). */
export const channelWebhookKey = (teamId: string, channelId: string) => ['channel-webhook', teamId, channelId] as const;

const INVALID: Readonly<Record<WebhookUrlProblem, MessageKey>> = {
  empty: 'reminders.webhook.invalid.empty',
  notHttps: 'reminders.webhook.invalid.notHttps',
  notWorkflows: 'reminders.webhook.invalid.notWorkflows',
};

interface Props {
  readonly teamId: string;
  /** The plan's saved reminder channel (the webhook belongs to it), or null when none is saved. */
  readonly channelId: string | null;
  readonly channelName: string | null;
}

export function ReminderWebhook({ teamId, channelId, channelName }: Props) {
  const styles = useStyles();
  const { t } = useI18n();
  const headingId = useId();
  return (
    <div className={styles.part} role="group" aria-labelledby={headingId} data-testid="reminder-webhook">
      <Subtitle2 as="h3" id={headingId}>
        {t('reminders.webhook.heading')}
      </Subtitle2>
      {channelId ? (
        <WebhookForm key={channelId} teamId={teamId} channelId={channelId} channelName={channelName ?? channelId} />
      ) : (
        <Body1>{t('reminders.webhook.noChannel')}</Body1>
      )}
    </div>
  );
}

interface FormState {
  readonly url: string;
  /** The eTag of the stored item the edit started from; undefined when none was stored. */
  readonly etag: string | undefined;
}

type Action = 'save' | 'remove';

function WebhookForm({ teamId, channelId, channelName }: { teamId: string; channelId: string; channelName: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { channelWebhooks } = useServices();
  const queryClient = useQueryClient();
  const key = channelWebhookKey(teamId, channelId);
  const helpId = useId();
  // gcTime 0: the secret leaves memory as soon as no screen shows it.
  const stored = useQuery({ queryKey: key, queryFn: () => channelWebhooks(teamId).get(channelId), staleTime: 0, gcTime: 0 });
  const webhook = stored.data ?? null;
  const [form, setForm] = useSourcedState<FormState>({ url: webhook?.url ?? '', etag: webhook?.etag });
  const [visible, setVisible] = useState(false);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState<Action | null>(null);
  const [message, setMessage] = useState<{ key: MessageKey; intent: 'success' | 'error' } | null>(null);
  const [conflict, setConflict] = useState<{ action: Action; latest: ChannelWebhook } | null>(null);

  const problem = webhookUrlProblem(form.url);
  const showProblem = touched && problem !== null;

  const show = (next: ChannelWebhook | null) => {
    queryClient.setQueryData(key, next);
    setForm({ url: next?.url ?? '', etag: next?.etag });
  };

  async function fail(err: unknown, action: Action) {
    if (err instanceof WebhookListNotSecuredError) {
      setMessage({ key: err.reason === 'failed' ? 'reminders.webhook.failed' : `reminders.webhook.notSecured.${err.reason}`, intent: 'error' });
      return;
    }
    if (err instanceof WebhookUrlError) {
      setMessage({ key: INVALID[err.problem], intent: 'error' });
      return;
    }
    const outcome = await saveErrorOutcome(err, () => channelWebhooks(teamId).get(channelId));
    if (outcome.kind === 'conflict') {
      setConflict({ action, latest: outcome.latest });
    } else if (outcome.kind === 'gone') {
      // Removed by someone else: the next save creates it anew (the edit stays in the field).
      queryClient.setQueryData(key, null);
      setForm((f) => ({ ...f, etag: undefined }));
      setMessage(action === 'remove' ? { key: 'reminders.webhook.removed', intent: 'success' } : { key: 'reminders.webhook.gone', intent: 'error' });
    } else {
      setMessage({ key: outcome.kind === 'denied' ? 'reminders.webhook.denied' : 'reminders.webhook.failed', intent: 'error' });
    }
  }

  async function save(etag: string | undefined) {
    setTouched(true);
    setMessage(null);
    if (problem !== null) return;
    setBusy('save');
    try {
      show(await channelWebhooks(teamId).set(channelId, channelName, form.url, etag));
      setTouched(false);
      setMessage({ key: 'reminders.webhook.saved', intent: 'success' });
    } catch (err) {
      await fail(err, 'save');
    } finally {
      setBusy(null);
    }
  }

  async function remove(etag: string | undefined) {
    setMessage(null);
    setBusy('remove');
    try {
      await channelWebhooks(teamId).remove(channelId, etag);
      show(null);
      setTouched(false);
      setVisible(false);
      setMessage({ key: 'reminders.webhook.removed', intent: 'success' });
    } catch (err) {
      await fail(err, 'remove');
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <Body1 id={helpId}>
        {t('reminders.webhook.help', { channel: channelName })} {t('reminders.webhook.secret')}
      </Body1>
      {stored.isLoading ? (
        <Spinner size="small" label={t('app.loading')} />
      ) : (
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            void save(form.etag);
          }}
        >
          {stored.error && (
            <MessageBar intent="warning">
              <MessageBarBody>{t('reminders.webhook.loadFailed')}</MessageBarBody>
            </MessageBar>
          )}
          <Body1>{t(webhook ? 'reminders.webhook.stored' : 'reminders.webhook.none', { channel: channelName })}</Body1>
          <Field label={t('reminders.webhook.label')} {...(showProblem ? { validationState: 'error' as const, validationMessage: t(INVALID[problem]) } : {})}>
            <Input
              className={styles.url}
              type={visible ? 'text' : 'password'}
              value={form.url}
              onChange={(_, d) => setForm((f) => ({ ...f, url: d.value }))}
              aria-describedby={helpId}
              autoComplete="off"
              spellCheck={false}
              inputMode="url"
              contentAfter={
                <ToggleButton
                  appearance="transparent"
                  size="small"
                  checked={visible}
                  onClick={() => setVisible((v) => !v)}
                  icon={visible ? <EyeOff20Regular /> : <Eye20Regular />}
                  aria-label={t('reminders.webhook.show')}
                  title={t('reminders.webhook.show')}
                />
              }
            />
          </Field>
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabledFocusable={busy !== null}>
              {busy === 'save' ? t('settings.saving') : t('reminders.webhook.save')}
            </Button>
            {webhook && (
              <Button disabledFocusable={busy !== null} onClick={() => void remove(form.etag)}>
                {t('reminders.webhook.remove')}
              </Button>
            )}
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
      {conflict && (
        <ConflictDialog
          title={t('reminders.webhook.conflict.title')}
          body={t('reminders.webhook.conflict.body')}
          onReload={() => {
            show(conflict.latest);
            setTouched(false);
            setConflict(null);
          }}
          onOverwrite={() => {
            const { action, latest } = conflict;
            setConflict(null);
            void (action === 'save' ? save(latest.etag) : remove(latest.etag));
          }}
        />
      )}
    </>
  );
}
