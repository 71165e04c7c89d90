/** Designed loading, error and empty states shared by every screen. */
import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { isSignInFailure } from '../auth/sign-in-error';

const useStyles = makeStyles({
  center: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalXXL,
    textAlign: 'center',
    minHeight: '40vh',
  },
  details: { marginTop: tokens.spacingVerticalS, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export function LoadingView({ label }: { label?: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.center}>
      <Spinner label={label ?? t('app.loading')} labelPosition="below" />
    </div>
  );
}

/** Maps an error to a translated message by its HTTP status (works for any error carrying `status`). */
export function errorMessageKey(error: unknown): MessageKey {
  if (isSignInFailure(error)) return 'app.error.signIn';
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number((error as { status: unknown }).status) : NaN;
  if (status === 401) return 'app.error.signIn';
  if (status === 403) return 'app.error.forbidden';
  if (status === 429 || status === 503 || status === 504) return 'app.error.throttled';
  if (status === 0) return 'app.error.network';
  return 'app.error.generic';
}

export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div className={styles.center} role="alert">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('app.error.title')}</MessageBarTitle>
          {t(errorMessageKey(error))}
          <details className={styles.details}>
            <summary>{t('app.details')}</summary>
            {detail}
          </details>
        </MessageBarBody>
      </MessageBar>
      {onRetry && (
        <Button appearance="primary" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      )}
    </div>
  );
}

export function EmptyView({ title, body, action }: { title: string; body: string; action?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.center}>
      <Subtitle2 as="h2">{title}</Subtitle2>
      <Body1>{body}</Body1>
      {action}
    </div>
  );
}
