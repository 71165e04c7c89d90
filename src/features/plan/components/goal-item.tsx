import { Avatar, AvatarGroup, AvatarGroupItem, Badge, Body1, Button, Caption1, Checkbox, Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowDown20Regular, ArrowUp20Regular, Delete20Regular, Edit20Regular, TaskListSquareLtr16Regular } from '@fluentui/react-icons';
import { memo } from 'react';
import { navigate, tabViewHash } from '../../../lib/navigation';
import type { LocalGoal } from '../../../domain/plan';
import type { GoalProgress } from '../../../domain/progress';
import { useI18n } from '../../../i18n';
import { GoalProgressBar } from '../../../components/goal-progress-bar';
import { StatusBadge } from '../../../components/status-badge';
import { ownersLine } from '../../../components/owner-names';
import type { GoalRow } from './goal-list';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    listStyleType: 'none',
  },
  top: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', justifyContent: 'space-between' },
  check: { flexShrink: 0, marginBlockStart: `calc(-1 * ${tokens.spacingVerticalXS})`, marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})` },
  // A windowed card (goal-list.tsx): placed by its row's offset within the list.
  placed: { position: 'absolute', top: 0, left: 0, right: 0 },
  selected: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  // The list item's display (flex) would otherwise win over the browser's own [hidden] rule.
  hidden: { display: 'none' },
  text: { flexGrow: 1, overflowWrap: 'anywhere' },
  meta: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, alignItems: 'center' },
  owner: { display: 'inline-flex', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center', marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})` },
  link: { color: tokens.colorNeutralForeground1, textAlign: 'start', fontSize: 'inherit', lineHeight: 'inherit' },
});


/**
 * A goal's text short enough to name its buttons for screen readers ('Flytt opp: Verve 40 nye
 * medlemmer …'): whitespace collapsed, cut at a word before `max` characters with an ellipsis.
 */
export function shortGoalText(text: string, max = 60): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

export interface GoalActions {
  readonly onEdit: (goal: LocalGoal) => void;
  readonly onMove: (goal: LocalGoal, direction: 'up' | 'down') => void;
  readonly onDelete: (goal: LocalGoal) => void;
}

interface GoalCardProps {
  goal: LocalGoal;
  progress: GoalProgress;
  /** The board's actions; null for stewards, who get no edit controls. */
  actions: GoalActions | null;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** Whether the goal is selected (Select mode). */
  selected?: boolean;
  /** Set in the board's Select mode: the goal gets a checkbox named by its text. */
  onToggleSelect?: ((goalId: string) => void) | null;
}

/**
 * One local goal. Memoised: with stable goal, progress and actions it does not re-render while
 * the filters change around it, which keeps typing in the search box quick on a 300-goal plan.
 * A goal the filters leave out of a short plan's list stays mounted and `hidden` (area-section.tsx):
 * only the list item changes, its card's content is not rendered again.
 */
export const GoalItem = memo(function GoalItem({
  row = null,
  hidden = false,
  ...card
}: GoalCardProps & {
  /** Set when the list is windowed (goal-list.tsx): where the card sits and how it is measured. */
  row?: GoalRow | null;
  /** Left out by the filters (a list that is not windowed keeps such goals, hidden). */
  hidden?: boolean;
}) {
  const styles = useStyles();
  const { goal, selected = false, onToggleSelect = null } = card;
  return (
    <li
      className={mergeClasses(styles.item, onToggleSelect && selected ? styles.selected : undefined, row ? styles.placed : undefined, hidden ? styles.hidden : undefined)}
      aria-labelledby={goalTextId(goal)}
      data-goal-id={goal.id}
      hidden={hidden}
      ref={row?.measure}
      data-index={row?.index}
      aria-setsize={row?.setSize}
      aria-posinset={row ? row.index + 1 : undefined}
      style={row ? { transform: `translateY(${row.top}px)` } : undefined}
    >
      <GoalCard {...card} />
    </li>
  );
});

const goalTextId = (goal: LocalGoal): string => `goal-${goal.id}-text`;

/** What a goal's list item holds: its text, status, progress, owners, due date and the board's buttons. */
const GoalCard = memo(function GoalCard({ goal, progress, actions, canMoveUp, canMoveDown, selected = false, onToggleSelect = null }: GoalCardProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const textId = goalTextId(goal);
  const href = tabViewHash({ name: 'goal', goalId: goal.id });
  const taskCount = goal.tasks?.length ?? 0;
  // Every goal has these buttons: each names its goal, so a list of buttons still says which is which.
  const named = { goal: shortGoalText(goal.text) };
  return (
    <>
      <div className={styles.top}>
        {onToggleSelect && (
          <Checkbox className={styles.check} checked={selected} onChange={() => onToggleSelect(goal.id)} aria-labelledby={textId} data-select-goal={goal.id} />
        )}
        <Body1 id={textId} className={styles.text}>
          <Link
            href={href}
            appearance="subtle"
            inline
            className={styles.link}
            onClick={(e) => {
              e.preventDefault();
              navigate({ name: 'goal', goalId: goal.id });
            }}
          >
            {goal.text}
          </Link>
        </Body1>
        <StatusBadge status={progress.status} />
      </div>
      <GoalProgressBar goal={goal} progress={progress} />
      <div className={styles.meta}>
        <span className={styles.owner}>
          {goal.owners.length > 1 ? (
            <AvatarGroup size={20} layout="stack" aria-hidden>
              {goal.owners.slice(0, 3).map((o) => (
                <AvatarGroupItem key={o.id} name={o.displayName} />
              ))}
            </AvatarGroup>
          ) : (
            <Avatar size={20} name={goal.owners[0]?.displayName} aria-hidden />
          )}
          <Caption1>{ownersLine(goal.owners, i18n)}</Caption1>
        </span>
        <Caption1 className={progress.overdue ? styles.overdue : undefined}>
          {goal.due ? t('goal.dueOn', { date: formatDate(goal.due) }) : t('goal.noDue')}
          {progress.overdue ? ` · ${t('goal.overdue')}` : ''}
        </Caption1>
        {taskCount > 0 && (
          <Badge appearance="tint" color="brand" shape="rounded" icon={<TaskListSquareLtr16Regular />} data-planner-tasks={taskCount}>
            {t('plannerAssign.badge', { count: taskCount })}
          </Badge>
        )}
      </div>
      {actions && (
        <div className={styles.actions}>
          <Button size="small" appearance="subtle" icon={<Edit20Regular />} onClick={() => actions.onEdit(goal)} aria-label={t('planEdit.editGoal', named)} data-focus-key={`edit:${goal.id}`}>
            {t('goal.edit')}
          </Button>
          <Button
            size="small"
            appearance="subtle"
            icon={<ArrowUp20Regular />}
            aria-label={t('planEdit.moveUpGoal', named)}
            title={t('planEdit.moveUp')}
            data-move="up"
            disabledFocusable={!canMoveUp}
            onClick={() => actions.onMove(goal, 'up')}
          />
          <Button
            size="small"
            appearance="subtle"
            icon={<ArrowDown20Regular />}
            aria-label={t('planEdit.moveDownGoal', named)}
            title={t('planEdit.moveDown')}
            data-move="down"
            disabledFocusable={!canMoveDown}
            onClick={() => actions.onMove(goal, 'down')}
          />
          <Button
            size="small"
            appearance="subtle"
            icon={<Delete20Regular />}
            aria-label={t('planEdit.deleteGoal', named)}
            title={t('planEdit.delete')}
            data-focus-key={`delete:${goal.id}`}
            onClick={() => actions.onDelete(goal)}
          />
        </div>
      )}
    </>
  );
});
