/**
 * The board's Import view: upload a .docx/.pdf/.txt plan (or start from the national template),
 * check and fix the preview, then save it all-or-nothing through the PlanImporter port.
 */
import { Body1, Caption1, Title2 } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { PlanAppearedError, type ImportMode, type PlanImportInput } from '../../domain/plan-import';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { usePlan } from '../../hooks/use-plan';
import { useI18n } from '../../i18n';
import { NATIONAL_PERIOD, NATIONAL_TEMPLATE } from '../../import/national-template';
import { navigate, type TabViewProps } from '../../lib/navigation';
import { goalCount, leftoverCount, previewFromDraft, previewFromTemplate, previewReducer, reviewCount, type PreviewAction, type PreviewState } from './preview-state';
import { unionChoice } from './union-choice';
import { readPlanFile } from './read-plan-file';
import { importInputFrom, newImportId, useImportSave } from './use-import-save';
import { PreviewTree } from './components/preview-tree';
import { SavePanel, type SaveStatus } from './components/save-panel';
import { UnionDialog } from './components/union-dialog';
import { UploadPanel } from './components/upload-panel';
import { usePageStyles } from '../../components/layout-styles';

interface Loaded {
  readonly source: { readonly kind: 'file'; readonly name: string } | { readonly kind: 'template' };
  readonly state: PreviewState;
}

export default function ImportView({ teamId, teamName, role }: TabViewProps) {
  const styles = usePageStyles();
  const { t, language } = useI18n();
  const plan = usePlan(teamId);
  const save = useImportSave(teamId);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mode, setMode] = useState<ImportMode | null>(null);
  const [modeMissing, setModeMissing] = useState(false);
  /** The input of the save attempt under way or failed: a retry sends exactly this again (same importId). */
  const [attempt, setAttempt] = useState<PlanImportInput | null>(null);
  /** The union question open before a replace (union-choice.ts). */
  const [unionQuestion, setUnionQuestion] = useState<{ existing: string; imported: string } | null>(null);

  const dispatch = useCallback((action: PreviewAction) => setLoaded((l) => (l ? { ...l, state: previewReducer(l.state, action) } : l)), []);

  // Moving between upload and preview puts focus on the new screen's heading (screen readers announce it).
  const source = loaded?.source;
  useEffect(() => {
    if (source) document.getElementById('import-heading')?.focus();
  }, [source]);

  if (role !== 'board') return <EmptyView title={t('import.boardOnly')} body="" />;
  if (plan.isLoading) return <LoadingView />;
  if (plan.error) return <ErrorView error={plan.error} onRetry={() => void plan.refetch()} />;
  const existing = plan.data?.plan ?? null;

  const onFile = async (file: File) => {
    setFileError(null);
    setReading(file.name);
    try {
      const result = await readPlanFile(file, language);
      if (result.ok) setLoaded({ source: { kind: 'file', name: file.name }, state: previewFromDraft(result.draft) });
      else setFileError(result.message ?? t('import.unexpected'));
    } finally {
      setReading(null);
    }
  };

  const onTemplate = (templateLanguage: 'nb' | 'nn') => {
    setFileError(null);
    setLoaded({ source: { kind: 'template' }, state: previewFromTemplate(NATIONAL_TEMPLATE[templateLanguage], templateLanguage, NATIONAL_PERIOD) });
  };

  const run = (input: PlanImportInput) => {
    setAttempt(input);
    save.mutate(input);
  };

  const onSave = () => {
    if (!loaded) return;
    if (existing && !mode) {
      setModeMissing(true);
      return;
    }
    const chosen = mode ?? 'replace';
    const choice = unionChoice(existing?.union ?? null, loaded.state.union, chosen);
    if (choice.kind === 'ask') setUnionQuestion({ existing: choice.existing, imported: choice.imported });
    else run(importInputFrom(loaded.state, chosen, newImportId(), teamName, choice.union));
  };

  const startOver = () => {
    save.reset();
    setAttempt(null);
    setLoaded(null);
    setMode(null);
    setModeMissing(false);
    setUnionQuestion(null);
  };

  let status: SaveStatus = { kind: 'idle' };
  if (save.isPending) status = { kind: 'saving', progress: save.progress };
  else if (save.isSuccess) status = { kind: 'done', result: save.data };
  else if (save.isError) {
    const message = save.error instanceof PlanAppearedError ? 'import.save.appeared' : save.error instanceof RangeError ? 'import.save.invalid' : 'import.save.failed';
    status = { kind: 'failed', message };
  }

  return (
    <main className={styles.page} aria-busy={save.isPending || reading !== null}>
      <header className={styles.header}>
        <Caption1 className={styles.muted}>{teamName}</Caption1>
        <Title2 as="h1" id="import-heading" tabIndex={-1}>
          {loaded ? t('import.preview.heading') : t('import.heading')}
        </Title2>
        {loaded ? (
          <>
            <Body1>
              {t('import.preview.summary', {
                union: loaded.state.union ?? existing?.union ?? teamName,
                from: String(loaded.state.period?.from ?? NATIONAL_PERIOD.from),
                to: String(loaded.state.period?.to ?? NATIONAL_PERIOD.to),
                count: goalCount(loaded.state),
              })}
            </Body1>
            <Body1 data-testid="import-counts">
              {t('import.preview.notUsed', { count: leftoverCount(loaded.state) })} · {t('import.preview.marked', { count: reviewCount(loaded.state) })}
            </Body1>
            <Caption1 className={styles.muted}>
              {loaded.source.kind === 'file' ? t('import.preview.file', { name: loaded.source.name }) : t('import.preview.template')} · {t('import.preview.legend')}
            </Caption1>
          </>
        ) : (
          <Body1>{t('import.intro')}</Body1>
        )}
      </header>
      {loaded ? (
        <>
          <PreviewTree state={loaded.state} readOnly={attempt !== null} dispatch={dispatch} />
          <SavePanel
            existing={existing}
            mode={mode}
            onMode={(m) => {
              setMode(m);
              setModeMissing(false);
            }}
            status={status}
            modeMissing={modeMissing}
            onSave={onSave}
            onRetry={() => attempt && run(attempt)}
            onBack={() => {
              save.reset();
              setAttempt(null);
            }}
            onStartOver={startOver}
            onOpenPlan={() => navigate({ name: 'plan' })}
          />
          {unionQuestion && (
            <UnionDialog
              existing={unionQuestion.existing}
              imported={unionQuestion.imported}
              onCancel={() => setUnionQuestion(null)}
              onConfirm={(union) => {
                setUnionQuestion(null);
                run(importInputFrom(loaded.state, mode ?? 'replace', newImportId(), teamName, union));
              }}
            />
          )}
        </>
      ) : (
        <UploadPanel busyName={reading} error={fileError} onFile={(f) => void onFile(f)} onTemplate={onTemplate} />
      )}
    </main>
  );
}
