/**
 * The plan as a dense table for the board's meeting (issue 14): Fluent's Table with
 * useTableFeatures + useTableSort for the sortable headers (aria-sort), the rows ordered and
 * grouped by table-model.ts, and Fluent's grid keyboard navigation (the arrow keys move between
 * cells, Home/End and Page Up/Down too; the grid is one Tab stop that remembers its cell; Enter acts
 * on a cell: opens the goal, opens the status list, opens the owner picker). The board sets status
 * and owners in the row (saved with If-Match, use-inline-save.ts); stewards read.
 */
import {
  Button,
  Caption1,
  Field,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  createTableColumn,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
  useArrowNavigationGroup,
  useTableFeatures,
  useTableSort,
  type SortDirection as FluentSortDirection,
  type TableColumnId as FluentColumnId,
} from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Area, GoalStatus, LocalGoal, PersonRef } from '../../../domain/plan';
import type { GoalProgress } from '../../../domain/progress';
import { ConflictDialog } from '../../../components/conflict-dialog';
import { goalProgressLine } from '../../../components/goal-progress-bar';
import { VISUALLY_HIDDEN } from '../../../components/layout-styles';
import { ownerNames } from '../../../components/owner-names';
import { StatusBadge } from '../../../components/status-badge';
import { useI18n, type I18n, type MessageKey } from '../../../i18n';
import { navigate, tabViewHash } from '../../../lib/navigation';
import { shortGoalText } from '../components/goal-item';
import { OwnersButton } from './owner-cell';
import { StatusDropdown } from './status-cell';
import {
  GROUP_BYS,
  TABLE_COLUMNS,
  buildTable,
  dueMonth,
  tableGoals,
  type GroupBy,
  type GroupValue,
  type TableColumnId,
  type TableGoal,
  type TableSort,
} from './table-model';
import { useInlineSave, type InlineEdit } from './use-inline-save';

const useStyles = makeStyles({
  region: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, alignItems: 'flex-end' },
  groupField: { minWidth: '200px' },
  note: { color: tokens.colorNeutralForeground3 },
  // The table keeps its columns readable; a narrow screen scrolls it sideways inside this box only.
  scroller: { overflowX: 'auto', minWidth: 0, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, boxShadow: tokens.shadow2 },
  table: { minWidth: '960px', tableLayout: 'fixed' },
  colGoal: { width: 'auto' },
  colArea: { width: '12%' },
  colOwners: { width: '13%' },
  colStatus: { width: '19%' },
  colProgress: { width: '9%' },
  colDue: { width: '10%' },
  colTariff: { width: '11%' },
  headerCell: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  // Dense: a row is two lines of text (about 44 px), so 35 goals fit a screen or two.
  cell: { paddingBlock: '2px', verticalAlign: 'middle', overflow: 'hidden' },
  stack: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  // On hover Fluent's row takes the hover colours; texts with a colour of their own follow them
  // (in the high-contrast theme the hover background is light and its text dark).
  row: {
    ':hover': {
      '& .fui-Link': { color: 'inherit' },
      '& [data-secondary]': { color: 'inherit' },
    },
  },
  // Two lines at most; the whole text is still the link's name.
  goalLink: {
    ...typographyStyles.body1,
    color: tokens.colorNeutralForeground1,
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    overflowWrap: 'anywhere',
    textAlign: 'start',
  },
  oneLine: { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  why: { color: tokens.colorNeutralForeground2 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  bar: { maxWidth: '80px' },
  groupRow: { backgroundColor: tokens.colorNeutralBackground3, ':hover': { backgroundColor: tokens.colorNeutralBackground3 } },
  groupCell: { ...typographyStyles.subtitle2, paddingBlock: tokens.spacingVerticalXS },
  hidden: VISUALLY_HIDDEN,
  muted: { color: tokens.colorNeutralForeground3 },
});

const COLUMN_LABEL: Readonly<Record<TableColumnId, MessageKey>> = {
  goal: 'planTable.column.goal',
  area: 'planTable.column.area',
  owners: 'planTable.column.owners',
  status: 'planTable.column.status',
  progress: 'planTable.column.progress',
  due: 'planTable.column.due',
  tariff: 'planTable.column.tariff',
};

const GROUP_LABEL: Readonly<Record<GroupBy, MessageKey>> = {
  none: 'planTable.group.none',
  area: 'planTable.group.area',
  owner: 'planTable.group.owner',
  status: 'planTable.group.status',
  dueMonth: 'planTable.group.dueMonth',
  tariff: 'planTable.group.tariff',
};

const areaLabel = (area: Area | null, t: I18n['t']) => (area ? t('planTable.area', { number: area.number, title: area.title }) : t('plan.notPlaced'));

function groupName(value: GroupValue, i18n: I18n): string {
  const { t, formatDate } = i18n;
  switch (value.by) {
    case 'none':
      return '';
    case 'area':
      return areaLabel(value.area, t);
    case 'owner':
      return value.owner ? ownerNames([value.owner], i18n) : t('planTable.group.noOwner');
    case 'status':
      return t(`status.${value.status}`);
    case 'dueMonth':
      return value.month ? formatDate(value.month) : t('planTable.group.noDue');
    case 'tariff':
      return value.tariff ? t(`tariff.${value.tariff}`) : t('planTable.group.noTariff');
  }
}

/** How far a goal has come, in one short text: a share in %, or a milestone's stage. */
function progressLabel(goal: LocalGoal, progress: GoalProgress, i18n: I18n): { text: string; fraction: number | null } {
  const { t, formatPercent } = i18n;
  if (goal.kind === 'milestone') {
    if (progress.fraction >= 1) return { text: t('planTable.progress.reached'), fraction: null };
    return { text: t(progress.reason.kind === 'milestone' && progress.reason.stage === 'underWay' ? 'planTable.progress.underWay' : 'planTable.progress.notBegun'), fraction: null };
  }
  if (goal.kind === 'measured' && progress.target === null) return { text: t('planTable.progress.noTarget'), fraction: null };
  return { text: formatPercent(progress.fraction), fraction: progress.fraction };
}

const focusKey = (cell: 'goal' | 'status' | 'owners', goalId: string) => `${cell}:${goalId}`;

export interface PlanTableProps {
  readonly teamId: string;
  /** The goals the filters let through, in the plan's order. */
  readonly goals: readonly LocalGoal[];
  readonly areas: readonly Area[];
  readonly progress: ReadonlyMap<string, GoalProgress>;
  /** The board edits status and owners in the rows; stewards read. */
  readonly isBoard: boolean;
  readonly sort: TableSort;
  readonly groupBy: GroupBy;
  readonly onSort: (sort: TableSort) => void;
  readonly onGroupBy: (groupBy: GroupBy) => void;
}

export function PlanTable({ teamId, goals, areas, progress, isBoard, sort, groupBy, onSort, onGroupBy }: PlanTableProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const tableRef = useRef<HTMLTableElement>(null);
  const [announcement, setAnnouncement] = useState('');
  /** Where the focus goes after the next render: a cell of a goal's row, in the group it was edited in when it is still there. */
  const focusAfter = useRef<{ key: string; group: string } | null>(null);
  const editedIn = useRef<string>('');

  const rows = useMemo(() => tableGoals(goals, progress, areas), [goals, progress, areas]);
  const groups = useMemo(() => buildTable(rows, sort, groupBy, locale), [rows, sort, groupBy, locale]);

  // Fluent's sort state drives the headers (aria-sort, the arrow, toggling); the order is table-model's.
  const columns = useMemo(() => TABLE_COLUMNS.map((columnId) => createTableColumn<TableGoal>({ columnId })), []);
  const {
    sort: { getSortDirection, toggleColumnSort },
  } = useTableFeatures({ columns, items: rows, getRowId: (row) => row.goal.id }, [
    useTableSort({
      sortState: { sortColumn: sort.column, sortDirection: sort.direction },
      onSortChange: (_, state: { sortColumn: FluentColumnId | undefined; sortDirection: FluentSortDirection }) => {
        const column = TABLE_COLUMNS.find((c) => c === state.sortColumn);
        if (column) onSort({ column, direction: state.sortDirection });
      },
    }),
  ]);
  // The grid navigation Fluent's DataGrid uses for focusMode="cell", remembering the cell left last.
  const gridNavigation = useArrowNavigationGroup({ axis: 'grid', memorizeCurrent: true });

  const onSettled = useCallback(
    (edit: InlineEdit, outcome: 'saved' | 'reloaded') => {
      focusAfter.current = { key: focusKey(edit.field, edit.goal.id), group: editedIn.current };
      if (outcome !== 'saved') return;
      const goal = shortGoalText(edit.goal.text);
      setAnnouncement(
        edit.field === 'status'
          ? t('planTable.saved.status', { goal, status: edit.status ? t(`status.${edit.status}`) : t('planTable.status.auto', { status: t(`status.${progress.get(edit.goal.id)?.derivedStatus ?? 'notStarted'}`) }) })
          : t('planTable.saved.owners', { goal }),
      );
    },
    [t, progress],
  );
  const inline = useInlineSave(teamId, onSettled);

  // After a save the row may have moved (sorted or grouped by what changed): the focus stays on its cell.
  useEffect(() => {
    const target = focusAfter.current;
    const table = tableRef.current;
    if (!target || !table || inline.saving || inline.conflict) return;
    focusAfter.current = null;
    const candidates = [...table.querySelectorAll<HTMLElement>('[data-focus-key]')].filter((c) => c.getAttribute('data-focus-key') === target.key);
    const el = candidates.find((c) => c.closest('tbody')?.getAttribute('data-group') === target.group) ?? candidates[0];
    if (el && document.activeElement !== el) el.focus();
  });

  const edit = (group: string, change: InlineEdit) => {
    editedIn.current = group;
    setAnnouncement('');
    void inline.save(change);
  };

  const failureText = (() => {
    const f = inline.failure;
    if (!f) return null;
    const goal = shortGoalText(f.edit.goal.text);
    if (f.kind === 'gone') return t('planTable.failed.gone', { goal });
    if (f.kind === 'denied') return t('planTable.failed.denied', { goal });
    if (f.edit.field === 'status') return t('planTable.failed.status', { goal, status: f.edit.status ? t(`status.${f.edit.status}`) : t('planTable.status.computed') });
    return t('planTable.failed.owners', { goal });
  })();

  const grouped = groupBy !== 'none';
  return (
    <section className={styles.region} aria-label={t('planTable.label')} data-testid="plan-table">
      <div className={styles.toolbar}>
        <Field label={t('planTable.groupBy')} className={styles.groupField}>
          <Select value={groupBy} onChange={(_, d) => onGroupBy(GROUP_BYS.find((g) => g === d.value) ?? 'none')}>
            {GROUP_BYS.map((g) => (
              <option key={g} value={g}>
                {t(GROUP_LABEL[g])}
              </option>
            ))}
          </Select>
        </Field>
        {groupBy === 'owner' && <Caption1 className={styles.note}>{t('planTable.group.ownerNote')}</Caption1>}
        {!isBoard && <Caption1 className={styles.note}>{t('planTable.readOnly')}</Caption1>}
      </div>
      {failureText && inline.failure && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{failureText}</MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" icon={<Dismiss20Regular />} aria-label={t('planTable.dismiss')} onClick={inline.dismiss} />}
          >
            {inline.failure.kind === 'failed' && <Button onClick={inline.retry}>{t('planTable.retry')}</Button>}
          </MessageBarActions>
        </MessageBar>
      )}
      <div className={styles.hidden} aria-live="polite" data-testid="plan-table-announcement">
        {inline.saving ? t('planTable.saving') : announcement}
      </div>
      <div className={styles.scroller}>
        <Table ref={tableRef} {...gridNavigation} role="grid" size="small" sortable aria-label={t('planTable.label')} className={styles.table}>
          <colgroup>
            <col className={styles.colGoal} />
            <col className={styles.colArea} />
            <col className={styles.colOwners} />
            <col className={styles.colStatus} />
            <col className={styles.colProgress} />
            <col className={styles.colDue} />
            <col className={styles.colTariff} />
          </colgroup>
          <TableHeader>
            <TableRow>
              {TABLE_COLUMNS.map((id) => (
                <TableHeaderCell key={id} className={styles.headerCell} sortDirection={getSortDirection(id)} onClick={(e) => toggleColumnSort(e, id)} data-column={id}>
                  {t(COLUMN_LABEL[id])}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          {groups.map((group) => {
            const headerId = `plan-table-group-${group.key}`;
            return (
              <TableBody key={group.key} data-group={group.key} aria-labelledby={grouped ? headerId : undefined}>
                {grouped && (
                  <TableRow className={styles.groupRow} data-group-header={group.key}>
                    <TableCell role="gridcell" colSpan={TABLE_COLUMNS.length} tabIndex={0} id={headerId} className={styles.groupCell}>
                      {t('planTable.group.header', { name: groupName(group.value, i18n), count: group.rows.length })}
                    </TableCell>
                  </TableRow>
                )}
                {group.rows.map((row) => (
                  <GoalRow
                    key={row.goal.id}
                    row={row}
                    group={group.key}
                    teamId={teamId}
                    isBoard={isBoard}
                    saving={inline.saving?.goal.id === row.goal.id ? inline.saving : null}
                    onEdit={edit}
                  />
                ))}
              </TableBody>
            );
          })}
        </Table>
      </div>
      {inline.conflict && (
        <ConflictDialog
          title={t('conflict.title')}
          body={t('conflict.body', { name: inline.conflict.latest.modifiedBy ?? t('conflict.someone') })}
          onReload={inline.reloadTheirs}
          onOverwrite={inline.overwrite}
        />
      )}
    </section>
  );
}

function GoalRow({
  row,
  group,
  teamId,
  isBoard,
  saving,
  onEdit,
}: {
  row: TableGoal;
  group: string;
  teamId: string;
  isBoard: boolean;
  saving: InlineEdit | null;
  onEdit: (group: string, edit: InlineEdit) => void;
}) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const { goal, progress, area } = row;
  const short = shortGoalText(goal.text);
  const whyId = `plan-table-why-${group}-${goal.id}`;
  const why = goalProgressLine(goal, progress, i18n);
  const shownProgress = progressLabel(goal, progress, i18n);
  const owners = ownerNames(goal.owners, i18n);
  const month = dueMonth(goal.due);
  const pendingStatus: GoalStatus | null | undefined = saving?.field === 'status' ? saving.status : undefined;
  const cell = styles.cell;
  return (
    <TableRow className={styles.row} data-goal-id={goal.id} data-status={progress.status} data-due={goal.due ?? ''}>
      <TableCell role="gridcell" className={cell} data-column="goal">
        <Link
          href={tabViewHash({ name: 'goal', goalId: goal.id })}
          appearance="subtle"
          className={styles.goalLink}
          data-focus-key={focusKey('goal', goal.id)}
          onClick={(e) => {
            e.preventDefault();
            navigate({ name: 'goal', goalId: goal.id });
          }}
        >
          {goal.text}
        </Link>
      </TableCell>
      <TableCell role="gridcell" tabIndex={0} className={cell} data-column="area">
        <span className={styles.oneLine} title={areaLabel(area, t)}>
          {areaLabel(area, t)}
        </span>
      </TableCell>
      <TableCell role="gridcell" tabIndex={isBoard ? undefined : 0} className={cell} data-column="owners">
        {isBoard ? (
          <OwnersButton
            teamId={teamId}
            goal={goal}
            goalText={short}
            focusKey={focusKey('owners', goal.id)}
            busy={saving?.field === 'owners'}
            onSave={(list: PersonRef[]) => onEdit(group, { field: 'owners', goal, owners: list })}
          />
        ) : (
          <span className={styles.oneLine} title={owners}>
            {owners}
          </span>
        )}
      </TableCell>
      <TableCell role="gridcell" tabIndex={isBoard ? undefined : 0} className={cell} data-column="status">
        <div className={styles.stack}>
          {isBoard ? (
            <StatusDropdown
              goalText={short}
              progress={progress}
              stored={pendingStatus === undefined ? goal.status : pendingStatus}
              describedBy={whyId}
              focusKey={focusKey('status', goal.id)}
              busy={pendingStatus !== undefined}
              onChange={(status) => onEdit(group, { field: 'status', goal, status })}
            />
          ) : (
            <span>
              <StatusBadge status={progress.status} />
            </span>
          )}
          <Caption1 id={whyId} className={mergeClasses(styles.oneLine, styles.why)} title={why} data-testid="status-why" data-secondary>
            {why}
          </Caption1>
        </div>
      </TableCell>
      <TableCell role="gridcell" tabIndex={0} className={cell} data-column="progress">
        <div className={styles.stack}>
          <span>{shownProgress.text}</span>
          {shownProgress.fraction !== null && <ProgressBar className={styles.bar} value={shownProgress.fraction} max={1} thickness="medium" aria-hidden />}
        </div>
      </TableCell>
      <TableCell role="gridcell" tabIndex={0} className={cell} data-column="due" data-month={month ?? ''}>
        <div className={styles.stack}>
          <span className={progress.overdue ? styles.overdue : undefined} data-secondary={progress.overdue || undefined}>
            {goal.due ? formatDate(goal.due) : t('goal.noDue')}
          </span>
          {progress.overdue && (
            <Caption1 className={styles.overdue} data-secondary>
              {t('planTable.overdue')}
            </Caption1>
          )}
        </div>
      </TableCell>
      <TableCell role="gridcell" tabIndex={0} className={cell} data-column="tariff">
        {goal.tariffArea ? <span className={styles.oneLine}>{t(`tariff.${goal.tariffArea}`)}</span> : <span className={mergeClasses(styles.oneLine, styles.muted)} data-secondary>
            {t('goal.none')}
          </span>}
      </TableCell>
    </TableRow>
  );
}
