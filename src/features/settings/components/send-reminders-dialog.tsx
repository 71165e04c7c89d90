/**
 * 'Send reminders now': a preview of exactly the messages that will be posted (the cards as Teams
 * shows them), then the post. What is posted is what the preview showed: reminders that came due in
 * between wait for the next run, and the ledger keeps each reminder to one post whoever sends it.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReminderSendReport } from '../../../domain/reminder-port';
import { usePlan } from '../../../hooks/use-plan';
import { useI18n } from '../../../i18n';
import { useServices } from '../../../lib/services';
import { AdaptiveCardView } from '../../../components/adaptive-card-view';

const useStyles = makeStyles({
  cards: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxHeight: '55vh', overflowY: 'auto', paddingRight: tokens.spacingHorizontalXS },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export default function SendRemindersDialog({ teamId, onClose }: { teamId: string; onClose: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { reminders } = useServices();
  const plan = usePlan(teamId);
  const snapshot = plan.data ?? null;
  const preview = useQuery({
    queryKey: ['reminder-preview', teamId, snapshot?.plan.etag ?? null],
    queryFn: () => reminders(teamId).preview(snapshot!, new Date()),
    enabled: snapshot !== null,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const send = useMutation<ReminderSendReport, Error>({
    mutationFn: () => reminders(teamId).send(snapshot!, new Date(), { manual: true, only: preview.data?.cards.flatMap((c) => c.keys) ?? [] }),
  });
  const cards = preview.data?.cards ?? [];
  const report = send.data;
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{t('reminders.send.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            {preview.isPending && <Spinner size="small" label={t('reminders.send.loading')} />}
            {preview.error && (
              <MessageBar intent="error">
                <MessageBarBody>{t('reminders.send.error')}</MessageBarBody>
              </MessageBar>
            )}
            {preview.data && !report && (
              <>
                {cards.length === 0 ? (
                  <MessageBar intent="info">
                    <MessageBarBody>{t('reminders.send.nothing')}</MessageBarBody>
                  </MessageBar>
                ) : (
                  <p>{t('reminders.send.summary', { count: cards.length, channel: preview.data.channelName ?? '' })}</p>
                )}
                {preview.data.inProgress > 0 && (
                  <MessageBar intent="info">
                    <MessageBarBody>{t('reminders.send.inProgress', { count: preview.data.inProgress })}</MessageBarBody>
                  </MessageBar>
                )}
                {preview.data.tasksUnavailable && (
                  <MessageBar intent="warning">
                    <MessageBarBody>{t('reminders.send.tasksUnavailable')}</MessageBarBody>
                  </MessageBar>
                )}
                <div className={styles.cards}>
                  {cards.map((c, i) => (
                    <AdaptiveCardView key={c.keys.join('|')} card={c.card} label={t('reminders.send.previewLabel', { n: i + 1, total: cards.length })} />
                  ))}
                </div>
              </>
            )}
            <div aria-live="polite">
              {report && (
                <MessageBar intent={report.failed.length > 0 ? 'warning' : 'success'} layout="multiline">
                  <MessageBarBody>
                    {t('reminders.send.done', { count: report.posted, reminders: report.reminders })}
                    {report.skipped > 0 ? ` ${t('reminders.send.skipped', { count: report.skipped })}` : ''}
                    {report.failed.length > 0 ? ` ${t('reminders.send.failed', { count: report.failed.length })}` : ''}
                    {report.tasksUnavailable ? ` ${t('reminders.send.tasksUnavailable')}` : ''}
                  </MessageBarBody>
                </MessageBar>
              )}
              {send.error && (
                <MessageBar intent="error">
                  <MessageBarBody>{t('reminders.send.error')}</MessageBarBody>
                </MessageBar>
              )}
            </div>
          </DialogContent>
          <DialogActions>
            {!report && (
              <Button appearance="primary" disabled={cards.length === 0 || send.isPending} onClick={() => send.mutate()}>
                {send.isPending ? t('reminders.send.sending') : t('reminders.send.confirm')}
              </Button>
            )}
            <Button onClick={onClose}>{t('reminders.send.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
