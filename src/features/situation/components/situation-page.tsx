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
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular, Delete20Regular, Edit20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { SituationRow } from '../../../domain/plan';
import type { TeamRole } from '../../../domain/ports';
import { useI18n, type MessageKey } from '../../../i18n';
import { EmptyView, ErrorView, LoadingView } from '../../../components/state-views';
import { usePlan } from '../../../hooks/use-plan';
import { useMediaQuery } from '../../../hooks/use-media-query';
import { useSituationRows } from '../use-situation-rows';
import { SituationEditor } from './situation-editor';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL, maxWidth: '1200px', margin: '0 auto', boxSizing: 'border-box', width: '100%' },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  headerRow: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', justifyContent: 'space-between' },
  muted: { color: tokens.colorNeutralForeground3 },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    borderRadius: tokens.borderRadiusMedium,
    '& th, & td': {
      textAlign: 'start',
      verticalAlign: 'top',
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      whiteSpace: 'pre-line',
      overflowWrap: 'anywhere',
    },
    '& thead th': { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3 },
  },
  rowHeader: { fontWeight: tokens.fontWeightSemibold, width: '16%' },
  actionsCell: { whiteSpace: 'nowrap', width: '1%' },
  cards: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  dl: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  dt: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalXS },
  dd: { margin: 0, whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

type Notice = { key: MessageKey; intent: 'success' | 'error' };

/** The plan's "nåsituasjon og utfordringer": a table on wide screens, cards on narrow ones. */
export function SituationPage({ teamId, role }: { teamId: string; role: TeamRole }) {
  const styles = useStyles();
  const { t } = useI18n();
  const plan = usePlan(teamId);
  const rows = useSituationRows(teamId);
  const narrow = useMediaQuery('(max-width: 599px)');
  const [editing, setEditing] = useState<SituationRow | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SituationRow | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const isBoard = role === 'board';

  if (plan.isLoading) return <LoadingView />;
  if (plan.error) return <ErrorView error={plan.error} onRetry={() => void plan.refetch()} />;
  const snapshot = plan.data;
  if (!snapshot) {
    return isBoard ? (
      <EmptyView title={t('plan.empty.board.title')} body={t('plan.empty.board.body')} />
    ) : (
      <EmptyView title={t('plan.empty.steward.title')} body={t('plan.empty.steward.body')} />
    );
  }
  const situation = snapshot.situation;
  const nextSortOrder = situation.reduce((max, r) => Math.max(max, r.sortOrder), 0) + 1;
  const empty = (text: string) => text.trim() || t('situation.empty.cell');

  const rowActions = (row: SituationRow) =>
    isBoard && (
      <div className={styles.actions}>
        <Button size="small" appearance="subtle" icon={<Edit20Regular />} aria-label={t('situation.editRow', { area: row.area })} onClick={() => setEditing(row)}>
          {narrow ? t('situation.edit') : undefined}
        </Button>
        <Button size="small" appearance="subtle" icon={<Delete20Regular />} aria-label={t('situation.deleteRow', { area: row.area })} onClick={() => setDeleting(row)}>
          {narrow ? t('situation.delete') : undefined}
        </Button>
      </div>
    );

  const confirmDelete = async (row: SituationRow) => {
    setDeleting(null);
    try {
      await rows.remove(row);
      setNotice({ key: 'situation.removed', intent: 'success' });
    } catch (err) {
      setNotice({ key: err instanceof Error && err.name === 'NotFoundError' ? 'situation.gone' : 'situation.deleteFailed', intent: 'error' });
      void plan.refetch();
    }
  };

  return (
    <main className={styles.page} aria-busy={plan.isFetching}>
      <header className={styles.header}>
        <Caption1 className={styles.muted}>{snapshot.plan.union}</Caption1>
        <div className={styles.headerRow}>
          <Title2 as="h1" id="situation-title">
            {t('situation.title')}
          </Title2>
          {isBoard && (
            <Button appearance="primary" icon={<Add20Regular />} onClick={() => setEditing('new')}>
              {t('situation.add')}
            </Button>
          )}
        </div>
        <Body1>{t('situation.intro')}</Body1>
      </header>
      <div aria-live="polite">
        {notice && (
          <MessageBar intent={notice.intent}>
            <MessageBarBody>{t(notice.key)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {situation.length === 0 ? (
        <EmptyView title={t('situation.empty.title')} body={t(isBoard ? 'situation.empty.board' : 'situation.empty.steward')} />
      ) : narrow ? (
        <ul className={styles.cards} aria-labelledby="situation-title">
          {situation.map((row) => (
            <li key={row.id} className={styles.card} data-row-id={row.id} aria-labelledby={`situation-${row.id}`}>
              <Subtitle2 as="h2" id={`situation-${row.id}`}>
                {row.area}
              </Subtitle2>
              <dl className={styles.dl}>
                <dt className={styles.dt}>{t('situation.now')}</dt>
                <dd className={styles.dd}>{empty(row.now)}</dd>
                <dt className={styles.dt}>{t('situation.shortTerm')}</dt>
                <dd className={styles.dd}>{empty(row.shortTerm)}</dd>
                <dt className={styles.dt}>{t('situation.longTerm')}</dt>
                <dd className={styles.dd}>{empty(row.longTerm)}</dd>
              </dl>
              {rowActions(row)}
            </li>
          ))}
        </ul>
      ) : (
        <table className={styles.table} aria-labelledby="situation-title">
          <thead>
            <tr>
              <th scope="col">{t('situation.area')}</th>
              <th scope="col">{t('situation.now')}</th>
              <th scope="col">{t('situation.shortTerm')}</th>
              <th scope="col">{t('situation.longTerm')}</th>
              {isBoard && <th scope="col">{t('situation.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {situation.map((row) => (
              <tr key={row.id} data-row-id={row.id}>
                <th scope="row" className={styles.rowHeader}>
                  {row.area}
                </th>
                <td>{empty(row.now)}</td>
                <td>{empty(row.shortTerm)}</td>
                <td>{empty(row.longTerm)}</td>
                {isBoard && <td className={styles.actionsCell}>{rowActions(row)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <SituationEditor
          teamId={teamId}
          planId={snapshot.plan.id}
          row={editing === 'new' ? null : editing}
          nextSortOrder={nextSortOrder}
          onClose={(saved) => {
            setEditing(null);
            setNotice(saved ? { key: 'situation.saved', intent: 'success' } : null);
          }}
        />
      )}
      {deleting && (
        <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && setDeleting(null)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t('situation.deleteTitle')}</DialogTitle>
              <DialogContent>{t('situation.deleteBody', { area: deleting.area })}</DialogContent>
              <DialogActions>
                <Button appearance="secondary" onClick={() => setDeleting(null)}>
                  {t('situation.cancel')}
                </Button>
                <Button appearance="primary" onClick={() => void confirmDelete(deleting)}>
                  {t('situation.delete')}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </main>
  );
}
