/**
 * The board's Reports view: choose the report (the board's meeting since a day, or the annual
 * report for a year or the whole period) and its language, see what changed since the last
 * meeting, and print the report, download it as .docx or save it in the channel's Files folder.
 * The printable view below is the same content as the document (src/reports/content.ts).
 */
import {
  Body1,
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  Title2,
  makeStaticStyles,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, CloudArrowUpRegular, PrintRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { AccessDeniedError, NotFoundError } from '../../../domain/ports';
import { FileRefusedError } from '../../../domain/files-port';
import type { Language } from '../../../i18n/catalogue';
import { annualReport, boardReport, defaultSince, planYears } from '../../../domain/report';
import { planChanges } from '../../../domain/changes';
import type { TeamRole } from '../../../domain/ports';
import { EmptyView, ErrorView, LoadingView } from '../../../components/state-views';
import { useCardStyles, usePageStyles } from '../../../components/layout-styles';
import { usePlan } from '../../../hooks/use-plan';
import { useI18n, LOCALES, type MessageKey } from '../../../i18n';
import { useServices } from '../../../lib/services';
import { annualReportContent, boardReportContent, DOCX_MIME_TYPE, type ReportContent } from '../../../reports/content';
import { defaultScope, scopeFrom, scopeValue, validSince, type ReportKind } from '../report-options';
import { reportDocx, useReportFolder, useSaveReport } from '../use-report-files';
import { ReportBlocks } from './report-blocks';
import { SinceChanges } from './since-changes';

/**
 * Printing: the tab's chrome (its navigation) and the view's controls are left out, and the report
 * is printed black on white whatever the Teams theme.
 */
const usePrintStyles = makeStaticStyles(`@media print {
  nav, [data-report-screen-only] { display: none !important; }
  html, body, [data-report-document], [data-report-document] * { color: #000 !important; background: transparent !important; }
  [data-report-document] th, [data-report-document] td { border-color: #000 !important; }
  [data-report-preview] { border: none !important; padding: 0 !important; }
}`);

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 220px), 1fr))', alignItems: 'start' },
  heading: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  preview: { minWidth: 0 },
});

const LANGUAGES: readonly Language[] = ['nb', 'nn', 'en'];

function saveErrorKey(error: unknown): MessageKey {
  if (error instanceof AccessDeniedError) return 'reports.saveFailed.forbidden';
  if (error instanceof NotFoundError) return 'reports.saveFailed.notFound';
  return 'reports.saveFailed.generic';
}

/** Offers the bytes to the browser as a download with the report's file name. */
function offerDownload(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: DOCX_MIME_TYPE }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ReportsPage({ teamId, role }: { teamId: string; role: TeamRole }) {
  usePrintStyles();
  const styles = { ...usePageStyles(), ...useCardStyles(), ...useStyles() };
  const { t, formatDate } = useI18n();
  const { session } = useServices();
  const today = session.today();
  const plan = usePlan(teamId);
  const folder = useReportFolder(teamId);
  const save = useSaveReport(teamId);

  const [kind, setKind] = useState<ReportKind>('board');
  const [sinceInput, setSinceInput] = useState<string | null>(null);
  const [scopeInput, setScopeInput] = useState<string | null>(null);
  const [languageInput, setLanguageInput] = useState<Language | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [downloadFailed, setDownloadFailed] = useState(false);

  const snapshot = plan.data ?? null;
  const defaultSinceDay = defaultSince(today, folder.data?.lastReportDay ?? null);
  const since = sinceInput ?? defaultSinceDay;
  const sinceOk = validSince(since, today);
  const scope = scopeInput !== null ? scopeFrom(scopeInput) : snapshot ? defaultScope(snapshot.plan, today) : 'period';
  const language: Language = languageInput ?? snapshot?.plan.language ?? 'nb';

  const changes = useMemo(() => (snapshot && sinceOk ? planChanges(snapshot, since, today) : null), [snapshot, since, sinceOk, today]);
  const content = useMemo((): ReportContent | null => {
    if (!snapshot) return null;
    if (kind === 'board') return sinceOk ? boardReportContent(boardReport(snapshot, { today, since }), language) : null;
    return annualReportContent(annualReport(snapshot, { scope, today }), language);
  }, [snapshot, kind, since, sinceOk, scope, language, today]);

  if (plan.isLoading) return <LoadingView />;
  if (plan.error) return <ErrorView error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!snapshot) return <EmptyView title={t('reports.empty.title')} body={t('reports.empty.body')} />;

  const sinceHint = folder.isLoading
    ? t('reports.options.sinceLooking')
    : folder.error
      ? t('reports.options.sinceUnknown')
      : folder.data?.lastReportDay
        ? t('reports.options.sinceLast', { date: formatDate(folder.data.lastReportDay) })
        : t('reports.options.sinceDefault');

  const download = async () => {
    if (!content) return;
    setDownloading(true);
    setDownloadFailed(false);
    try {
      offerDownload(await reportDocx(content), content.fileName);
    } catch {
      setDownloadFailed(true);
    } finally {
      setDownloading(false);
    }
  };

  const busy = downloading || save.isPending;
  return (
    <main className={styles.page} aria-busy={plan.isFetching}>
      <header className={styles.header} data-report-screen-only>
        <Title2 as="h1">{t('reports.title')}</Title2>
        <Body1>{t('reports.intro')}</Body1>
      </header>

      <section className={styles.card} aria-labelledby="report-options-title" data-report-screen-only>
        <h2 id="report-options-title" className={styles.heading}>
          <Subtitle2>{t('reports.options.title')}</Subtitle2>
        </h2>
        <div className={styles.form}>
          <Field label={t('reports.options.kind')}>
            <RadioGroup value={kind} onChange={(_, d) => setKind(d.value === 'annual' ? 'annual' : 'board')}>
              <Radio value="board" label={t('reports.options.kind.board')} />
              <Radio value="annual" label={t('reports.options.kind.annual')} />
            </RadioGroup>
          </Field>
          {kind === 'board' ? (
            <Field label={t('reports.options.since')} hint={sinceHint} validationMessage={sinceOk ? undefined : t('reports.options.sinceInvalid')}>
              <Input type="date" value={since} max={today} onChange={(_, d) => setSinceInput(d.value)} />
            </Field>
          ) : (
            <Field label={t('reports.options.year')}>
              <Select value={scopeValue(scope)} onChange={(_, d) => setScopeInput(d.value)}>
                {planYears(snapshot.plan).map((year) => (
                  <option key={year} value={String(year)}>
                    {String(year)}
                  </option>
                ))}
                <option value="period">{t('reports.options.period', { from: String(snapshot.plan.periodFrom), to: String(snapshot.plan.periodTo) })}</option>
              </Select>
            </Field>
          )}
          <Field label={t('reports.options.language')}>
            <Select value={language} onChange={(_, d) => setLanguageInput(LANGUAGES.find((l) => l === d.value) ?? null)}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`reports.language.${l}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className={styles.actions} role="group" aria-label={t('reports.actions.label')}>
          <Button icon={<PrintRegular />} disabled={!content} onClick={() => window.print()}>
            {t('reports.actions.print')}
          </Button>
          <Button icon={downloading ? <Spinner size="tiny" /> : <ArrowDownloadRegular />} disabled={!content || busy} onClick={() => void download()}>
            {downloading ? t('reports.actions.building') : t('reports.actions.download')}
          </Button>
          <Button
            appearance="primary"
            icon={save.isPending ? <Spinner size="tiny" /> : <CloudArrowUpRegular />}
            disabled={!content || busy || role !== 'board'}
            onClick={() => content && save.mutate(content)}
          >
            {save.isPending ? t('reports.actions.saving') : t('reports.actions.save')}
          </Button>
        </div>
        <div role="status" aria-live="polite">
          {save.isSuccess && (
            <MessageBar intent="success">
              <MessageBarBody>
                {t('reports.saved', { name: save.data.saved.name, channel: save.data.folder.name })}{' '}
                {save.data.saved.webUrl && (
                  <Link href={save.data.saved.webUrl} target="_blank" rel="noreferrer">
                    {t('reports.saved.open')}
                  </Link>
                )}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
        <div role="alert">
          {save.isError && (
            <MessageBar intent="error">
              <MessageBarBody>{save.error instanceof FileRefusedError ? t('reports.saveFailed.generic') : t(saveErrorKey(save.error))}</MessageBarBody>
            </MessageBar>
          )}
          {downloadFailed && (
            <MessageBar intent="error">
              <MessageBarBody>{t('reports.downloadFailed')}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      </section>

      {kind === 'board' && changes && <SinceChanges changes={changes} />}

      {content && (
        <section className={`${styles.card} ${styles.preview}`} aria-label={t('reports.preview.label')} data-testid="report-preview" data-report-preview>
          <ReportBlocks blocks={content.blocks} lang={LOCALES[content.language]} />
        </section>
      )}
    </main>
  );
}
