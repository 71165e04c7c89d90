import {
  Body1,
  Caption1,
  Button,
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
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  makeStyles,
  mergeClasses,
  tokens,
  type TagPickerProps,
} from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import { MAX_GOAL_OWNERS, type LocalGoal, type PersonRef, type PlanSnapshot } from '../../../domain/plan';
import type { CreateTasksReport, PlannerPort, TaskPreview } from '../../../domain/planner-port';
import { useI18n } from '../../../i18n';
import { plannerTexts } from '../../../i18n/planner-texts';
import { personName } from '../../../components/owner-names';
import { failureReason, isPlanUnreachable, limitReason, withPickedOwners, type OwnerScope, type Reason } from '../planner-assign';
import { useAssignPreview, useCreatePlannerTasks, useTeamMembers } from '../use-planner-assign';
import { ownerChoices } from './goal-editor';
import { useRestoreFocus } from './use-restore-focus';

const useStyles = makeStyles({
  surface: { maxWidth: '760px', width: 'calc(100vw - 32px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  preview: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  tableWrap: { overflowX: 'auto', maxWidth: '100%' },
  // Columns as wide as their content needs (Fluent's tables share the width out evenly).
  table: { tableLayout: 'auto' },
  titleColumn: { minWidth: '40%' },
  cell: { overflowWrap: 'break-word', verticalAlign: 'top', paddingBlock: tokens.spacingVerticalXS },
  bucket: { display: 'block', color: tokens.colorNeutralForeground3 },
  nowrap: { whiteSpace: 'nowrap' },
  optionEmail: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** The value of the list's only entry when no one can be chosen: never an owner. */
const NO_CHOICE = '__no-choice__';

type Phase =
  | { readonly kind: 'edit'; readonly error?: Reason }
  | { readonly kind: 'creating' }
  | { readonly kind: 'unreachable'; readonly error?: Reason }
  | { readonly kind: 'done'; readonly report: CreateTasksReport };

/**
 * The board's bulk action: optional owners for the selected goals, a preview of the Planner tasks
 * (plan, buckets, tasks, goals left out, Planner's limits), then one run that creates them and a
 * summary of what happened per goal. `onClose` gets the report when tasks were created.
 */
export function AssignTasksDialog({
  teamId,
  port,
  snapshot,
  goals,
  onClose,
}: {
  teamId: string;
  port: PlannerPort;
  snapshot: PlanSnapshot;
  /** The selected goals, in the plan's order. */
  goals: readonly LocalGoal[];
  onClose: (report: CreateTasksReport | null) => void;
}) {
  const styles = useStyles();
  const { t, locale, formatDate } = useI18n();
  useRestoreFocus();
  const members = useTeamMembers(teamId);
  const createTasks = useCreatePlannerTasks(teamId, port);
  const [ownerIds, setOwnerIds] = useState<string[]>([]);
  const [ownerQuery, setOwnerQuery] = useState('');
  const [ownersOpen, setOwnersOpen] = useState(false);
  const [scope, setScope] = useState<OwnerScope>('ownerless');
  const [phase, setPhase] = useState<Phase>({ kind: 'edit' });
  const running = useRef(false);
  const [goalIds] = useState(() => goals.map((g) => g.id));
  const preview = useAssignPreview(teamId, port, snapshot, goalIds, phase.kind === 'edit');
  const previewHeading = useId();
  const tableCaption = useId();

  const people = ownerChoices(members.data ?? [], [], locale);
  const personById = new Map<string, PersonRef>(people.map((p) => [p.id, p]));
  for (const goal of snapshot.goals) for (const o of goal.owners) if (!personById.has(o.id)) personById.set(o.id, o);
  const owners = ownerIds.flatMap((id) => personById.get(id) ?? []);
  const tooMany = ownerIds.length > MAX_GOAL_OWNERS;
  const shown: TaskPreview | null = preview.data ? withPickedOwners(preview.data, goals, owners, scope) : null;
  const busy = phase.kind === 'creating';
  const canCreate = !!shown && shown.tasks.length > 0 && shown.limits.length === 0 && !tooMany && !busy;
  const say = (reason: Reason) => t(reason.key, reason.params);
  const planTitle = plannerTexts(snapshot.plan).planTitle;
  const nameOf = (id: string) => {
    const person = personById.get(id);
    return person ? personName(person, t) : t('goal.unnamedPerson');
  };

  async function run(newPlan: boolean) {
    // One run at a time: a second click while the first is under way does nothing.
    if (running.current) return;
    running.current = true;
    setPhase({ kind: 'creating' });
    try {
      const report = await createTasks(snapshot, { goals, owners: tooMany ? [] : owners, scope, newPlan });
      setPhase({ kind: 'done', report });
    } catch (error) {
      if (isPlanUnreachable(error)) setPhase({ kind: 'unreachable' });
      else setPhase(newPlan ? { kind: 'unreachable', error: failureReason(error) } : { kind: 'edit', error: failureReason(error) });
    } finally {
      running.current = false;
    }
  }

  const close = () => {
    if (busy) return;
    onClose(phase.kind === 'done' ? phase.report : null);
  };

  const onOwnerSelect: TagPickerProps['onOptionSelect'] = (_, data) => {
    if (data.value === NO_CHOICE) return;
    setOwnerIds(data.selectedOptions.filter((id) => id !== NO_CHOICE));
    setOwnerQuery('');
  };
  const query = ownerQuery.trim().toLocaleLowerCase(locale);
  const ownerOptions = people.filter(
    (p) =>
      !ownerIds.includes(p.id) &&
      (!query || p.displayName.toLocaleLowerCase(locale).includes(query) || (p.email ?? '').toLocaleLowerCase(locale).includes(query)),
  );
  const noChoiceText = t(members.isLoading ? 'planEdit.peopleLoading' : members.error ? 'planEdit.peopleFailed' : 'planEdit.noPeopleMatch');
  const goalText = (id: string) => goals.find((g) => g.id === id)?.text ?? snapshot.goals.find((g) => g.id === id)?.text ?? id;

  const ownerPicker = (
    <Field
      label={t('plannerAssign.owners')}
      hint={t('plannerAssign.ownersHint', { max: MAX_GOAL_OWNERS })}
      validationMessage={tooMany ? t('plannerAssign.ownersTooMany', { max: MAX_GOAL_OWNERS }) : undefined}
    >
      <TagPicker selectedOptions={ownerIds} onOptionSelect={onOwnerSelect} open={ownersOpen} onOpenChange={(_, data) => setOwnersOpen(data.open)} disabled={busy}>
        <TagPickerControl>
          <TagPickerGroup aria-label={t('planEdit.selectedOwners')}>
            {ownerIds.map((id) => {
              const name = nameOf(id);
              return (
                <Tag key={id} value={id} shape="rounded" aria-label={t('planEdit.removeOwner', { name })} title={personById.get(id)?.email ?? undefined}>
                  {name}
                </Tag>
              );
            })}
          </TagPickerGroup>
          <TagPickerInput
            value={ownerQuery}
            onChange={(e) => {
              setOwnerQuery(e.target.value);
              setOwnersOpen(true);
            }}
            placeholder={ownerIds.length === 0 ? t('planEdit.ownersPlaceholder') : undefined}
          />
        </TagPickerControl>
        <TagPickerList>
          {ownerOptions.length > 0 ? (
            ownerOptions.map((p) => {
              const name = personName(p, t);
              const detail = p.email && p.email !== name ? p.email : null;
              return (
                <TagPickerOption key={p.id} value={p.id} text={name} secondaryContent={detail ? <span className={styles.optionEmail}>{detail}</span> : undefined}>
                  {name}
                </TagPickerOption>
              );
            })
          ) : (
            <TagPickerOption value={NO_CHOICE} text={noChoiceText} aria-disabled>
              {noChoiceText}
            </TagPickerOption>
          )}
        </TagPickerList>
      </TagPicker>
    </Field>
  );

  const previewSection = (
    <section className={styles.preview} aria-labelledby={previewHeading} aria-busy={preview.isFetching}>
      <Subtitle2 as="h3" id={previewHeading} className={styles.heading}>
        {t('plannerAssign.preview')}
      </Subtitle2>
      {preview.isLoading && <Spinner size="small" labelPosition="after" label={t('plannerAssign.previewLoading')} />}
      {preview.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {t('plannerAssign.previewFailed')} {say(failureReason(preview.error))}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void preview.refetch()}>
              {t('app.retry')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {shown && (
        <>
          <Body1>{shown.createsPlan ? t('plannerAssign.createsPlan', { title: planTitle }) : t('plannerAssign.existingPlan')}</Body1>
          {shown.newBuckets.length > 0 && <Body1>{t('plannerAssign.newBuckets', { names: shown.newBuckets.join(', ') })}</Body1>}
          {shown.alreadyLinked.length > 0 && <Body1>{t('plannerAssign.alreadyLinked', { count: shown.alreadyLinked.length })}</Body1>}
          {shown.tasks.length === 0 ? (
            <MessageBar intent="info">
              <MessageBarBody>{t('plannerAssign.nothingToCreate')}</MessageBarBody>
            </MessageBar>
          ) : (
            <div className={styles.tableWrap} role="region" aria-labelledby={tableCaption} tabIndex={0}>
              <Table size="small" className={styles.table} aria-labelledby={tableCaption}>
                <caption id={tableCaption} style={{ textAlign: 'start' }}>
                  {t('plannerAssign.tasksTable')}
                </caption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell className={styles.titleColumn}>{t('plannerAssign.col.title')}</TableHeaderCell>
                    <TableHeaderCell>{t('plannerAssign.col.assignees')}</TableHeaderCell>
                    <TableHeaderCell>{t('plannerAssign.col.due')}</TableHeaderCell>
                    <TableHeaderCell>{t('plannerAssign.col.checklist')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {shown.tasks.map((row) => (
                    <TableRow key={row.goalId} data-goal-id={row.goalId}>
                      <TableCell className={styles.cell}>
                        <div>{row.title}</div>
                        <Caption1 className={styles.bucket}>{t('plannerAssign.inBucket', { bucket: row.areaTitle || planTitle })}</Caption1>
                      </TableCell>
                      <TableCell className={styles.cell}>{row.assigneeIds.length ? row.assigneeIds.map(nameOf).join(', ') : t('plannerAssign.nobody')}</TableCell>
                      <TableCell className={mergeClasses(styles.cell, styles.nowrap)}>{row.dueDay ? formatDate(row.dueDay) : t('plannerAssign.noDue')}</TableCell>
                      <TableCell className={styles.cell}>{row.checklistItems}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {shown.limits.length > 0 && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t('plannerAssign.limitsTitle')}</MessageBarTitle>
                <ul className={styles.list}>
                  {shown.limits.map((limit) => (
                    <li key={limit}>{say(limitReason(limit))}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </section>
  );

  const result = phase.kind === 'done' && (
    <MessageBar intent={phase.report.failed.length > 0 ? 'warning' : 'success'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('plannerAssign.resultTitle')}</MessageBarTitle>
        <ul className={styles.list} data-testid="planner-assign-result">
          <li>{t('plannerAssign.result.created', { count: phase.report.created })}</li>
          {phase.report.existing > 0 && <li>{t('plannerAssign.result.existing', { count: phase.report.existing })}</li>}
          {phase.report.alreadyLinked > 0 && <li>{t('plannerAssign.result.alreadyLinked', { count: phase.report.alreadyLinked })}</li>}
          {phase.report.failed.length > 0 && (
            <li>
              {t('plannerAssign.result.failed', { count: phase.report.failed.length })}
              <ul className={styles.list}>
                {phase.report.failed.map((f) => (
                  <li key={f.goalId} data-goal-id={f.goalId}>
                    {`${goalText(f.goalId)}: ${say(failureReason(f.error))}`}
                  </li>
                ))}
              </ul>
              {t('plannerAssign.result.failedHint')}
            </li>
          )}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && close()}>
      <DialogSurface className={styles.surface} aria-busy={busy}>
        <DialogBody>
          <DialogTitle>{t('plannerAssign.dialogTitle')}</DialogTitle>
          <DialogContent className={styles.content}>
            {phase.kind === 'edit' || phase.kind === 'creating' ? (
              <>
                <Body1>{t('plannerAssign.dialogIntro', { count: goals.length })}</Body1>
                {ownerPicker}
                <Field label={t('plannerAssign.scope')}>
                  <RadioGroup value={scope} onChange={(_, data) => setScope(data.value as OwnerScope)} disabled={busy || ownerIds.length === 0}>
                    <Radio value="ownerless" label={t('plannerAssign.scope.ownerless')} />
                    <Radio value="all" label={t('plannerAssign.scope.all')} />
                    <Radio value="none" label={t('plannerAssign.scope.none')} />
                  </RadioGroup>
                </Field>
                {previewSection}
              </>
            ) : null}
            {phase.kind === 'unreachable' && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{t('plannerAssign.unreachableTitle')}</MessageBarTitle>
                  {t('plannerAssign.unreachableBody')}
                </MessageBarBody>
              </MessageBar>
            )}
            <div className={styles.status} aria-live="polite">
              {busy && <Spinner size="small" labelPosition="after" label={t('plannerAssign.creating')} />}
              {(phase.kind === 'edit' || phase.kind === 'unreachable') && phase.error && (
                <MessageBar intent="error" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>{t('plannerAssign.failed')}</MessageBarTitle>
                    {say(phase.error)}
                  </MessageBarBody>
                </MessageBar>
              )}
              {result}
            </div>
          </DialogContent>
          <DialogActions>
            {phase.kind === 'done' ? (
              <Button appearance="primary" onClick={close}>
                {t('plannerAssign.close')}
              </Button>
            ) : (
              <>
                <Button appearance="secondary" onClick={close} disabled={busy}>
                  {t('goal.cancel')}
                </Button>
                {phase.kind === 'unreachable' ? (
                  <Button appearance="primary" onClick={() => void run(true)}>
                    {t('plannerAssign.newPlan')}
                  </Button>
                ) : (
                  <Button appearance="primary" disabledFocusable={!canCreate} onClick={() => canCreate && void run(false)} icon={busy ? <Spinner size="tiny" /> : undefined}>
                    {t('plannerAssign.create', { count: shown?.tasks.length ?? 0 })}
                  </Button>
                )}
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
