/** The goal's Planner tasks as they are in Planner now (issue 11): state, assignees, due day, checklist, a link into Planner. */
import { Badge, Caption1, Link, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Open16Regular } from '@fluentui/react-icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LocalGoal, PlannerBinding } from '../../../domain/plan';
import type { PlannerTaskView } from '../../../domain/planner-port';
import type { TeamMember } from '../../../domain/ports';
import { ErrorView, LoadingView } from '../../../components/state-views';
import { personName } from '../../../components/owner-names';
import { plannerTasksKey, type PlannerSyncState } from '../../../hooks/use-planner-sync';
import { useI18n, type I18n } from '../../../i18n';
import { useServices } from '../../../lib/services';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  task: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}` },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  dl: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalL}`, margin: 0 },
  pair: { display: 'flex', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0, overflowWrap: 'anywhere' },
  link: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, alignSelf: 'flex-start' },
});

export type TaskState = 'notStarted' | 'inProgress' | 'completed';

/** Planner's three states from its percentage: 0 not started, 1–99 in progress, 100 completed. */
export function taskState(percentComplete: number): TaskState {
  if (percentComplete >= 100) return 'completed';
  return percentComplete > 0 ? 'inProgress' : 'notStarted';
}

/** The people a task is assigned to, by name ('Kari Eide and Ola Nesse'). */
export function assigneeNames(ids: readonly string[], members: readonly TeamMember[], goal: Pick<LocalGoal, 'owners'>, i18n: Pick<I18n, 't' | 'locale'>): string {
  if (ids.length === 0) return i18n.t('plannerSync.tasks.nobody');
  const names = ids.map((id) => {
    const person = members.find((m) => m.id === id) ?? goal.owners.find((o) => o.id === id);
    return person ? personName(person, i18n.t) : i18n.t('plannerSync.tasks.outsider');
  });
  return new Intl.ListFormat(i18n.locale, { style: 'long', type: 'conjunction' }).format(names);
}

function TaskItem({ task, goal, members }: { task: PlannerTaskView; goal: LocalGoal; members: readonly TeamMember[] }) {
  const styles = useStyles();
  const shared = useSectionStyles();
  const i18n = useI18n();
  const { t, formatDate, formatPercent } = i18n;
  const state = taskState(task.percentComplete);
  const titleId = `planner-task-${task.id}`;
  const facts: Array<[string, string]> = [
    [t('plannerSync.tasks.state'), state === 'inProgress' ? t('plannerSync.tasks.state.inProgress', { percent: formatPercent(task.percentComplete / 100) }) : t(`plannerSync.tasks.state.${state}`)],
    [t('plannerSync.tasks.assignees'), assigneeNames(task.assigneeIds, members, goal, i18n)],
    [t('plannerSync.tasks.due'), task.dueDay ? formatDate(task.dueDay) : t('plannerSync.tasks.noDue')],
    [
      t('plannerSync.tasks.checklist'),
      task.checklistTotal > 0 ? t('plannerSync.tasks.checklistValue', { done: task.checklistDone, total: task.checklistTotal }) : t('plannerSync.tasks.noChecklist'),
    ],
  ];
  return (
    <li className={mergeClasses(shared.item, styles.task)} aria-labelledby={titleId} data-task-id={task.id} data-task-state={state}>
      <div className={styles.top}>
        <Text id={titleId} className={styles.title}>
          {task.title}
        </Text>
        <Badge appearance="outline" color={task.main ? 'brand' : 'informative'}>
          {t(task.main ? 'plannerSync.tasks.main' : 'plannerSync.tasks.activity')}
        </Badge>
      </div>
      <dl className={styles.dl}>
        {facts.map(([label, value]) => (
          <div key={label} className={styles.pair}>
            <dt className={styles.dt}>
              <Caption1>{label}:</Caption1>
            </dt>
            <dd className={styles.dd}>
              <Caption1>{value}</Caption1>
            </dd>
          </div>
        ))}
      </dl>
      <Link href={task.webUrl} target="_blank" rel="noopener noreferrer" className={styles.link} aria-label={t('plannerSync.tasks.openLabel', { task: task.title })}>
        {t('plannerSync.tasks.open')}
        <Open16Regular aria-hidden />
      </Link>
    </li>
  );
}

/** The list of the goal's tasks, read from Planner (again after every sync). */
export function PlannerTasks({ teamId, goal, binding, planner }: { teamId: string; goal: LocalGoal; binding: PlannerBinding; planner: PlannerSyncState }) {
  const shared = useSectionStyles();
  const { t } = useI18n();
  const services = useServices();
  const links = (goal.tasks ?? []).map((l) => l.taskId).join(',');
  const tasks = useQuery({
    queryKey: [...plannerTasksKey(teamId), goal.id, binding.planId, links],
    queryFn: () => services.planner(teamId, { role: planner.role ?? 'steward', members: planner.members }).tasksOf(goal, binding),
    staleTime: 60_000,
    // A new link (an activity added, a sync) changes the key: the list stays while it is read again.
    placeholderData: keepPreviousData,
  });
  if (tasks.isPending) return <LoadingView label={t('plannerSync.tasks.loading')} />;
  if (!tasks.data) return <ErrorView error={tasks.error} onRetry={() => void tasks.refetch()} />;
  if (tasks.data.length === 0) return <Caption1 className={shared.muted}>{t('plannerSync.tasks.empty')}</Caption1>;
  return (
    <ul className={shared.list}>
      {tasks.data.map((task) => (
        <TaskItem key={task.id} task={task} goal={goal} members={planner.members} />
      ))}
    </ul>
  );
}
