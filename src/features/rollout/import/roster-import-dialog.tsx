/**
 * The roster import's preview and save (issue 13): counts by status, every row of the file with its
 * status and translated notes, the active representatives the file leaves out (kept, never
 * retired by an import), and Save only when every row can be written. A save attempt keeps its
 * importId: a retry after a failure sends exactly the same input, so nothing is written twice.
 */
import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { AccessDeniedError } from '../../../domain/ports';
import { RosterChangedError, type RosterImportInput, type RosterImportResult, type RosterSnapshot } from '../../../domain/roster-port';
import { useI18n, type MessageKey } from '../../../i18n';
import type { RosterImportPlan, RosterRowStatus, RosterSheet } from '../../../import/roster';
import { useServices } from '../../../lib/services';
import { canSave, COUNT_KEYS, importInputOf, importLabels, rowNotes, STATUS_KEYS } from './roster-import-model';
import { replanRoster } from './roster-file';

const useStyles = makeStyles({
  surface: { maxWidth: '1100px', width: 'calc(100vw - 32px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, margin: 0, padding: 0, listStyleType: 'none' },
  scroll: { overflowX: 'auto', maxHeight: '45vh', overflowY: 'auto', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  table: { minWidth: '860px' },
  rowNumber: { width: '4rem' },
  status: { width: '7rem', fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  notes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  cell: { overflowWrap: 'anywhere' },
  missing: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
  progress: { width: '100%' },
});

const ORDER: readonly RosterRowStatus[] = ['new', 'changed', 'unchanged', 'error'];

type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving'; readonly done: number; readonly total: number }
  | { readonly kind: 'failed'; readonly reason: 'changed' | 'denied' | 'failed' }
  | { readonly kind: 'done'; readonly result: RosterImportResult };

const FAILURE_KEYS: Readonly<Record<'changed' | 'denied' | 'failed', MessageKey>> = {
  changed: 'rosterImport.rosterChanged',
  denied: 'rosterImport.denied',
  failed: 'rosterImport.failed',
};

export function failureReason(err: unknown): 'changed' | 'denied' | 'failed' {
  if (err instanceof RosterChangedError) return 'changed';
  if (err instanceof AccessDeniedError) return 'denied';
  return 'failed';
}

export function newImportId(): string {
  return crypto.randomUUID();
}

export function RosterImportDialog({
  teamId,
  fileName,
  sheet,
  initialPlan,
  onClose,
  onImported,
}: {
  teamId: string;
  fileName: string;
  sheet: RosterSheet;
  initialPlan: RosterImportPlan;
  onClose: () => void;
  onImported: () => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const { roster, session } = useServices();
  const queryClient = useQueryClient();
  const [plan, setPlan] = useState(initialPlan);
  /** The input of the attempt under way or failed: a retry sends exactly this again (same importId). */
  const [attempt, setAttempt] = useState<RosterImportInput | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [previewing, setPreviewing] = useState(false);
  const running = useRef(false);

  const run = async (input: RosterImportInput) => {
    // One write at a time, whatever the clicks: a second press while saving sends nothing.
    if (running.current) return;
    running.current = true;
    setAttempt(input);
    const total = input.added.length + input.changed.length;
    setState({ kind: 'saving', done: 0, total });
    try {
      const result = await roster(teamId).importRoster(input, (done, of) => setState({ kind: 'saving', done, total: of }));
      setState({ kind: 'done', result });
      onImported();
    } catch (err) {
      setState({ kind: 'failed', reason: failureReason(err) });
    } finally {
      running.current = false;
    }
  };

  const save = () => void run(attempt ?? importInputOf(plan, newImportId()));

  /** The same sheet against the roster as it is now; a save after it is a new attempt. */
  const previewAgain = async () => {
    setPreviewing(true);
    try {
      const fresh = await queryClient.fetchQuery({
        queryKey: ['roster', teamId],
        queryFn: (): Promise<RosterSnapshot> => roster(teamId).refresh(session.today(), { write: true }),
        staleTime: 0,
      });
      setPlan(await replanRoster(sheet, fresh.reps, importLabels()));
      setAttempt(null);
      setState({ kind: 'idle' });
    } catch (err) {
      setState({ kind: 'failed', reason: failureReason(err) === 'denied' ? 'denied' : 'failed' });
    } finally {
      setPreviewing(false);
    }
  };

  const saving = state.kind === 'saving';
  const savable = canSave(plan);
  const blocked = plan.counts.error > 0;

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && !saving && onClose()}>
      <DialogSurface className={styles.surface} aria-describedby="roster-import-summary">
        <DialogBody>
          <DialogTitle>{t('rosterImport.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Caption1 className={styles.muted}>{t('rosterImport.file', { name: fileName })}</Caption1>
            <ul className={styles.counts} id="roster-import-summary" data-testid="roster-import-counts">
              {ORDER.map((status) => (
                <li key={status} data-count={status}>
                  <Body1 className={status === 'error' && plan.counts.error > 0 ? styles.error : undefined}>{t(COUNT_KEYS[status], { count: plan.counts[status] })}</Body1>
                </li>
              ))}
            </ul>
            {blocked && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{t('rosterImport.blocked')}</MessageBarBody>
              </MessageBar>
            )}
            {!blocked && !savable && state.kind !== 'done' && (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>{t('rosterImport.nothingToSave')}</MessageBarBody>
              </MessageBar>
            )}
            <div className={styles.scroll} role="region" aria-label={t('rosterImport.table')} tabIndex={0}>
              <Table className={styles.table} size="small" aria-label={t('rosterImport.table')}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell className={styles.rowNumber}>{t('rosterImport.col.row')}</TableHeaderCell>
                    <TableHeaderCell>{t('rosterImport.col.name')}</TableHeaderCell>
                    <TableHeaderCell>{t('rosterImport.col.email')}</TableHeaderCell>
                    <TableHeaderCell>{t('rosterImport.col.role')}</TableHeaderCell>
                    <TableHeaderCell>{t('rosterImport.col.area')}</TableHeaderCell>
                    <TableHeaderCell>{t('rosterImport.col.workplace')}</TableHeaderCell>
                    <TableHeaderCell className={styles.status}>{t('rosterImport.col.status')}</TableHeaderCell>
                    <TableHeaderCell>{t('rosterImport.col.notes')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {plan.rows.map((row) => {
                    const notes = rowNotes(row, t);
                    return (
                      <TableRow key={row.rowNumber} data-row={row.rowNumber} data-status={row.status}>
                        <TableCell>{row.rowNumber}</TableCell>
                        <TableCell className={styles.cell}>{row.cells.name}</TableCell>
                        <TableCell className={styles.cell}>{row.cells.email}</TableCell>
                        <TableCell className={styles.cell}>{row.cells.role}</TableCell>
                        <TableCell className={styles.cell}>{row.cells.area}</TableCell>
                        <TableCell className={styles.cell}>{row.cells.workplace}</TableCell>
                        <TableCell className={mergeClasses(styles.status, row.status === 'error' && styles.error)}>{t(STATUS_KEYS[row.status])}</TableCell>
                        <TableCell className={styles.cell}>
                          {notes.length > 0 && (
                            <ul className={styles.notes}>
                              {notes.map((note, i) => (
                                <li key={i}>{t(note.key, note.params)}</li>
                              ))}
                            </ul>
                          )}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </div>
            {plan.missing.length > 0 && (
              <section aria-labelledby="roster-import-missing" data-testid="roster-import-missing">
                <Subtitle2 as="h3" id="roster-import-missing">
                  {t('rosterImport.missing.heading', { count: plan.missing.length })}
                </Subtitle2>
                <Caption1 as="p" className={styles.muted}>
                  {t('rosterImport.missing.body')}
                </Caption1>
                <ul className={styles.missing}>
                  {plan.missing.map((rep) => (
                    <li key={rep.id}>
                      {rep.name} ({rep.email})
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <div aria-live="polite" className={styles.progress}>
              {saving && (
                <Field validationMessage={t('rosterImport.progress', { done: state.done, total: state.total })} validationState="none">
                  <ProgressBar aria-label={t('rosterImport.saving')} value={state.total > 0 ? state.done / state.total : undefined} />
                </Field>
              )}
            </div>
            <div role="alert">
              {state.kind === 'failed' && (
                <MessageBar intent="error" layout="multiline">
                  <MessageBarBody>{t(FAILURE_KEYS[state.reason])}</MessageBarBody>
                  <MessageBarActions>
                    {state.reason === 'changed' ? (
                      <Button appearance="primary" disabled={previewing} onClick={() => void previewAgain()}>
                        {t('rosterImport.previewAgain')}
                      </Button>
                    ) : (
                      attempt && (
                        <Button appearance="primary" onClick={() => void run(attempt)}>
                          {t('rosterImport.retry')}
                        </Button>
                      )
                    )}
                  </MessageBarActions>
                </MessageBar>
              )}
            </div>
            <div role="status">
              {state.kind === 'done' && (
                <MessageBar intent="success" layout="multiline">
                  <MessageBarBody>{t('rosterImport.done', { added: state.result.added, changed: state.result.changed })}</MessageBarBody>
                </MessageBar>
              )}
            </div>
          </DialogContent>
          <DialogActions>
            {state.kind === 'done' ? (
              <Button appearance="primary" onClick={onClose}>
                {t('rosterImport.close')}
              </Button>
            ) : (
              <>
                <Button appearance="secondary" disabled={saving} onClick={onClose}>
                  {t('rosterImport.cancel')}
                </Button>
                <Button appearance="primary" disabled={!savable || saving || state.kind === 'failed'} onClick={save}>
                  {saving ? t('rosterImport.saving') : t('rosterImport.save')}
                </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
