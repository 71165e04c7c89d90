/**
 * What the offline queue holds: check-ins waiting for the connection, the ones just sent, and the
 * ones the server refused (with the reason, and a choice to try again or discard).
 */
import { Body1, Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useCheckInQueue } from '../../hooks/use-check-in';
import { useI18n } from '../../i18n';
import { checkInErrorKey } from './check-in-input';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  failed: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  failedItem: {
    listStyleType: 'none',
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder2}`,
  },
  failedText: { display: 'flex', flexDirection: 'column', minWidth: 0, flex: '1 1 12rem', overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export function QueueStatus() {
  const styles = useStyles();
  const { t, formatDate } = useI18n();
  const { queue, state } = useCheckInQueue();
  const [dismissedSent, setDismissedSent] = useState(0);
  const waiting = state.items.filter((item) => item.failure === null);
  const failed = state.items.filter((item) => item.failure !== null);
  const sent = state.sentCount - dismissedSent;
  return (
    <div className={styles.box}>
      <div role="status" aria-live="polite" data-testid="queue-status">
        {waiting.length > 0 ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{state.sending ? t('checkIn.queue.sending') : t('checkIn.queue.waiting', { count: waiting.length })}</MessageBarBody>
          </MessageBar>
        ) : (
          sent > 0 && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{t('checkIn.queue.sent', { count: sent })}</MessageBarBody>
              <MessageBarActions
                containerAction={
                  <Button appearance="transparent" icon={<Dismiss20Regular />} aria-label={t('checkIn.queue.dismiss')} onClick={() => setDismissedSent(state.sentCount)} />
                }
              />
            </MessageBar>
          )
        )}
      </div>
      {failed.length > 0 && (
        <section aria-labelledby="check-in-queue-failed">
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle id="check-in-queue-failed">{t('checkIn.queue.failedTitle')}</MessageBarTitle>
            </MessageBarBody>
          </MessageBar>
          <ul className={styles.failed}>
            {failed.map((item) => (
              <li key={item.id} className={styles.failedItem} data-queue-item={item.id}>
                <div className={styles.failedText}>
                  <Body1>{t('checkIn.queue.failedItem', { goal: item.payload.goalText, date: formatDate(item.payload.checkIn.date) })}</Body1>
                  <Caption1>{item.failure ? t(checkInErrorKey(item.failure)) : ''}</Caption1>
                </div>
                <div className={styles.actions}>
                  <Button size="small" onClick={() => void queue.retry(item.id)}>
                    {t('checkIn.queue.retry')}
                  </Button>
                  <Button size="small" appearance="subtle" onClick={() => void queue.discard(item.id)}>
                    {t('checkIn.queue.discard')}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
