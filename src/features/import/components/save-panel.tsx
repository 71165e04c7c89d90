/** Saving the approved preview: replace or merge when the team has a plan, progress, retry after a failure, the result. */
import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Radio, RadioGroup, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import type { ImportMode, ImportProgress, ImportResult } from '../../../domain/plan-import';
import type { Plan } from '../../../domain/plan';
import { useI18n, type MessageKey } from '../../../i18n';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  progress: { width: '100%', maxWidth: '480px' },
});

export type SaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving'; readonly progress: ImportProgress | null }
  | { readonly kind: 'failed'; readonly message: MessageKey }
  | { readonly kind: 'done'; readonly result: ImportResult };

function progressText(progress: ImportProgress | null, t: (key: MessageKey, params?: Record<string, string | number>) => string): string {
  if (!progress) return t('import.save.progress');
  if (progress.phase === 'writing') return t('import.save.phase.writing', { done: progress.done, total: progress.total });
  return t(`import.save.phase.${progress.phase}`);
}

export function SavePanel({
  existing,
  mode,
  onMode,
  status,
  modeMissing,
  onSave,
  onRetry,
  onBack,
  onStartOver,
  onOpenPlan,
}: {
  existing: Plan | null;
  mode: ImportMode | null;
  onMode: (mode: ImportMode) => void;
  status: SaveStatus;
  modeMissing: boolean;
  onSave: () => void;
  onRetry: () => void;
  onBack: () => void;
  onStartOver: () => void;
  onOpenPlan: () => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const locked = status.kind !== 'idle';
  return (
    <section className={styles.panel} aria-labelledby="import-save-heading">
      <Subtitle1 as="h2" id="import-save-heading">
        {t('import.save.heading')}
      </Subtitle1>
      {existing && status.kind !== 'done' && (
        <Field
          label={t('import.save.existing', { from: String(existing.periodFrom), to: String(existing.periodTo) })}
          validationState={modeMissing ? 'error' : 'none'}
          validationMessage={modeMissing ? t('import.save.chooseMode') : undefined}
          required
        >
          <RadioGroup value={mode ?? ''} disabled={locked} onChange={(_, d) => onMode(d.value === 'merge' ? 'merge' : 'replace')}>
            <Radio value="replace" label={t('import.save.replace')} />
            <Radio value="merge" label={t('import.save.merge')} />
          </RadioGroup>
        </Field>
      )}
      <div aria-live="polite" className={styles.progress}>
        {status.kind === 'saving' && (
          <Field validationMessage={progressText(status.progress, t)} validationState="none">
            <ProgressBar
              aria-label={t('import.save.progress')}
              value={status.progress && status.progress.total > 0 ? status.progress.done / status.progress.total : undefined}
            />
          </Field>
        )}
      </div>
      <div role="alert">
        {status.kind === 'failed' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{t(status.message)}</MessageBarBody>
            <MessageBarActions>
              <Button appearance="primary" onClick={onRetry}>
                {t('import.save.retry')}
              </Button>
              <Button onClick={onBack}>{t('import.save.back')}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
      <div role="status">
        {status.kind === 'done' && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('import.done.title')}</MessageBarTitle>
              {t('import.done.body', { areas: status.result.areasAdded, goals: status.result.goalsAdded })}
              {status.result.goalsSkipped > 0 && ` ${t('import.done.skipped', { count: status.result.goalsSkipped })}`}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={styles.row}>
        {status.kind === 'done' ? (
          <Button appearance="primary" onClick={onOpenPlan}>
            {t('import.done.open')}
          </Button>
        ) : (
          <Button appearance="primary" disabled={locked} onClick={onSave}>
            {t('import.save.action')}
          </Button>
        )}
        <Button disabled={status.kind === 'saving'} onClick={onStartOver}>
          {t('import.save.startOver')}
        </Button>
      </div>
    </section>
  );
}
