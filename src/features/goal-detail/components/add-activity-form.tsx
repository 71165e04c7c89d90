/**
 * The board adds an activity to a goal (issue 11): a task of its own in the goal's bucket in
 * Planner (one member meeting, a step towards a milestone), assigned to the goal's owners, with a
 * reference back to the goal, linked to the goal once. Afterwards the plan and the goal's tasks are
 * read again, so the activity shows in the list.
 */
import { Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { LocalGoal, PlannerBinding } from '../../../domain/plan';
import { PLANNER_LIMITS, TASK_TITLE_MAX, type PlannerLimit } from '../../../domain/planner';
import type { NewActivity, PlannerTaskView } from '../../../domain/planner-port';
import type { TeamMember } from '../../../domain/ports';
import { planQueryKey } from '../../../hooks/use-plan';
import { plannerTasksKey } from '../../../hooks/use-planner-sync';
import { useI18n, type MessageKey } from '../../../i18n';
import { useServices } from '../../../lib/services';
import { assigneeNames } from './planner-tasks';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  full: { flex: '1 1 100%', minWidth: 0 },
  heading: { margin: 0, flex: '1 1 100%' },
  title: { flex: '3 1 16rem', minWidth: 0 },
  due: { flex: '1 1 9rem', minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, flex: '1 1 100%' },
  added: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface ActivityErrors {
  readonly title?: { readonly key: MessageKey; readonly params?: Readonly<Record<string, number>> };
  readonly dueDay?: { readonly key: MessageKey };
}

/** Whether `text` is a real calendar day written YYYY-MM-DD. */
export function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The activity as the form holds it, checked: the trimmed title (required, at most Planner's title
 * length) and the due day (empty, or a calendar day; `dueUnreadable` when the browser's date input
 * holds something that is not a date yet).
 */
export function validateActivity(title: string, due: string, dueUnreadable = false): { activity: NewActivity | null; errors: ActivityErrors } {
  const trimmed = title.trim();
  const errors: { title?: ActivityErrors['title']; dueDay?: ActivityErrors['dueDay'] } = {};
  if (trimmed === '') errors.title = { key: 'plannerSync.activity.titleRequired' };
  else if (trimmed.length > TASK_TITLE_MAX) errors.title = { key: 'plannerSync.activity.titleTooLong', params: { max: TASK_TITLE_MAX, count: trimmed.length } };
  const day = due.trim();
  if (dueUnreadable || (day !== '' && !isCalendarDay(day))) errors.dueDay = { key: 'plannerSync.activity.dueInvalid' };
  if (errors.title || errors.dueDay) return { activity: null, errors };
  return { activity: { title: trimmed, dueDay: day === '' ? null : day, assigneeIds: [] }, errors };
}

export interface Reason {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, number>>;
}

const field = (error: unknown, name: string): unknown => (typeof error === 'object' && error !== null && name in error ? (error as Record<string, unknown>)[name] : undefined);
const named = (error: unknown, name: string) => error instanceof Error && error.name === name;
const isLimit = (value: unknown): value is PlannerLimit => typeof value === 'string' && Object.prototype.hasOwnProperty.call(PLANNER_LIMITS, value);

/**
 * Why adding an activity failed, in words: a Planner limit (the adapter's PlannerLimitError,
 * recognised by its name and `limit`, since features do not import adapters), the board's rights,
 * Planner's refusal, someone else's change, or what the HTTP status says.
 */
export function activityErrorReason(error: unknown): Reason {
  if (named(error, 'PlannerLimitError')) {
    const limit = field(error, 'limit');
    return isLimit(limit) ? { key: `plannerSync.activity.limit.${limit}`, params: { max: PLANNER_LIMITS[limit] } } : { key: 'plannerSync.activity.error.planner' };
  }
  if (named(error, 'AccessDeniedError')) return { key: 'plannerSync.activity.error.denied' };
  if (named(error, 'ConflictError')) return { key: 'plannerSync.activity.error.conflict' };
  if (named(error, 'NotFoundError') || named(error, 'PlannerPlanUnreachableError')) return { key: 'plannerSync.activity.error.notFound' };
  const status = Number(field(error, 'status'));
  if (status === 403) return { key: 'plannerSync.activity.error.forbidden' };
  if (status === 404 || status === 410) return { key: 'plannerSync.activity.error.notFound' };
  if (status === 409 || status === 412) return { key: 'plannerSync.activity.error.conflict' };
  if (status === 429 || status === 503 || status === 504) return { key: 'plannerSync.activity.error.throttled' };
  if (status === 0 || status === -1 || error instanceof TypeError) return { key: 'plannerSync.activity.error.network' };
  return { key: 'plannerSync.activity.error.generic' };
}

/** The form under the goal's Planner tasks, for the board only (the page decides). */
export function AddActivityForm({ teamId, goal, binding, members }: { teamId: string; goal: LocalGoal; binding: PlannerBinding; members: readonly TeamMember[] }) {
  const styles = useStyles();
  const shared = useSectionStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const services = useServices();
  const queryClient = useQueryClient();
  const headingId = useId();
  const titleInput = useRef<HTMLInputElement>(null);
  const dueInput = useRef<HTMLInputElement>(null);
  // Set at once on submit (isPending only shows after a render): a second submit is never sent.
  const busy = useRef(false);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<ActivityErrors>({});
  const [added, setAdded] = useState<string | null>(null);

  const add = useMutation({
    mutationFn: (activity: NewActivity): Promise<PlannerTaskView> => services.planner(teamId, { role: 'board', members }).addActivity(goal, binding, activity),
    // The new link is on the goal (the plan) and the task in Planner (the list): both are read again.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: plannerTasksKey(teamId) }), queryClient.invalidateQueries({ queryKey: planQueryKey(teamId) })]),
    onError: (error) => {
      // The task is in Planner but the goal changed meanwhile: show the goal as it is now.
      if (named(error, 'ConflictError')) void queryClient.invalidateQueries({ queryKey: planQueryKey(teamId) });
    },
    onSettled: () => {
      busy.current = false;
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
    const checked = validateActivity(title, due, dueInput.current?.validity.badInput === true);
    setErrors(checked.errors);
    setAdded(null);
    if (!checked.activity) {
      // To the first field to correct, whose message its input is described by.
      (checked.errors.title ? titleInput : dueInput).current?.focus();
      return;
    }
    busy.current = true;
    const activity = checked.activity;
    add.mutate(activity, {
      onSuccess: (task) => {
        setTitle('');
        setDue('');
        setAdded(task.title || activity.title);
        // Ready for the next one; the button under the cursor was busy meanwhile.
        titleInput.current?.focus();
      },
    });
  };

  const ownerIds = goal.owners.map((o) => o.id);
  const reason = add.error ? activityErrorReason(add.error) : null;
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby={headingId} data-testid="add-activity-form">
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t('plannerSync.activity.heading')}
      </Subtitle2>
      <Caption1 className={mergeClasses(shared.muted, styles.full)}>{t('plannerSync.activity.hint')}</Caption1>
      <Field
        className={styles.title}
        label={t('plannerSync.activity.title')}
        required
        {...(errors.title ? { validationState: 'error' as const, validationMessage: t(errors.title.key, errors.title.params) } : {})}
      >
        <Input ref={titleInput} className={styles.input} value={title} onChange={(_, d) => setTitle(d.value)} autoComplete="off" />
      </Field>
      <Field className={styles.due} label={t('plannerSync.activity.due')} {...(errors.dueDay ? { validationState: 'error' as const, validationMessage: t(errors.dueDay.key) } : {})}>
        <Input ref={dueInput} className={styles.input} type="date" value={due} onChange={(_, d) => setDue(d.value)} />
      </Field>
      <Caption1 className={styles.full} data-testid="activity-assignees">
        {ownerIds.length > 0 ? t('plannerSync.activity.assignees', { names: assigneeNames(ownerIds, members, goal, i18n) }) : t('plannerSync.activity.assigneesNone')}
      </Caption1>
      {reason && (
        <MessageBar intent="error" className={styles.full} role="alert">
          <MessageBarBody>{t(reason.key, reason.params)}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={add.isPending}>
          {add.isPending ? t('plannerSync.activity.adding') : t('plannerSync.activity.submit')}
        </Button>
        <div role="status" aria-live="polite">
          {added !== null && !add.isPending && <Body1 className={styles.added}>{t('plannerSync.activity.added', { title: added })}</Body1>}
        </div>
      </div>
    </form>
  );
}
