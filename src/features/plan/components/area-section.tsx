import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Caption1, Checkbox, Subtitle1, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { memo, useMemo } from 'react';
import { groupGoalsByNationalGoal, type Area, type LocalGoal } from '../../../domain/plan';
import { summarizeProgress, type GoalProgress } from '../../../domain/progress';
import { useI18n } from '../../../i18n';
import { selectionState } from '../planner-assign';
import { GoalItem, type GoalActions } from './goal-item';
import { GoalList } from './goal-list';

/** The board's Select mode, as a section sees it. */
export interface SectionSelection {
  readonly selected: ReadonlySet<string>;
  readonly onToggle: (goalId: string) => void;
  /** Selects (`on`) or unselects these goals. */
  readonly onToggleMany: (goalIds: readonly string[], on: boolean) => void;
}

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalXL },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalS },
  headerRow: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', justifyContent: 'space-between' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  strategies: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  // A flex container's display would otherwise win over the browser's own [hidden] rule.
  hidden: { display: 'none' },
});

export interface AreaSectionProps {
  area: Area;
  /** The area's goals to show (already filtered), in any order. */
  goals: readonly LocalGoal[];
  /** Every goal of the area, unfiltered: the area's progress and the goals' neighbours. */
  allGoals: readonly LocalGoal[];
  progress: ReadonlyMap<string, GoalProgress>;
  /** True while filters are set: groups without a match are left out. */
  filtered: boolean;
  /** The board's actions, or null for stewards. */
  actions: (GoalActions & { onAdd: (area: Area) => void }) | null;
  /** The goals whose area is gone: a section of their own, without an area number or 'add'. */
  unplaced?: boolean;
  /** Set in the board's Select mode. */
  selection?: SectionSelection | null;
  /** Render only the goal cards near the viewport (large plans; goal-list.tsx). */
  windowed?: boolean;
  /** The filters leave none of the area's goals: the section stays mounted, hidden. */
  hidden?: boolean;
  /** Only the area's heading for now: its goals mount after the page's first paint (plan-page.tsx). */
  goalsLater?: boolean;
}

/** One priority area: its national goals with strategies (folded), and the local goals under them. */
export const AreaSection = memo(function AreaSection({
  area,
  goals,
  allGoals,
  progress,
  filtered,
  actions,
  unplaced = false,
  selection = null,
  windowed = false,
  hidden = false,
  goalsLater = false,
}: AreaSectionProps) {
  const styles = useStyles();
  const { t, formatPercent } = useI18n();
  // A windowed list holds the goals shown. A short one holds all of the area's goals and hides those
  // the filters leave out (and groups left empty): a search keystroke then changes what is hidden
  // instead of mounting and unmounting cards, which is what made clearing the search slow.
  const shown = useMemo(() => (windowed || !filtered ? null : new Set(goals.map((g) => g.id))), [windowed, filtered, goals]);
  const groups = useMemo(
    () => (windowed ? groupGoalsByNationalGoal(area, goals).filter((g) => !filtered || g.goals.length > 0) : groupGoalsByNationalGoal(area, allGoals)),
    [area, goals, allGoals, filtered, windowed],
  );
  // Neighbours among all of the group's goals (filters do not change what "move up" means).
  const ends = useMemo(() => {
    const map = new Map<string, { up: boolean; down: boolean }>();
    for (const group of groupGoalsByNationalGoal(area, allGoals)) {
      group.goals.forEach((g, i) => map.set(g.id, { up: i > 0, down: i < group.goals.length - 1 }));
    }
    return map;
  }, [area, allGoals]);
  const areaProgress = summarizeProgress(allGoals.flatMap((g) => progress.get(g.id) ?? [])).fraction;
  const headingId = `area-${area.id}`;
  // 'Select all' acts on the goals shown (the filters narrow it, as they narrow the list).
  const shownIds = useMemo(() => goals.map((g) => g.id), [goals]);
  const areaSelection = selection ? selectionState(selection.selected, shownIds) : 'none';
  return (
    <section className={mergeClasses(styles.section, hidden && styles.hidden)} hidden={hidden} aria-labelledby={headingId} data-area-id={area.id}>
      <div className={styles.header}>
        <Caption1 className={styles.muted}>{unplaced ? t('plan.notPlacedHint') : t('plan.area', { number: area.number })}</Caption1>
        <div className={styles.headerRow}>
          <Subtitle1 as="h2" id={headingId}>
            {area.title}
          </Subtitle1>
          {actions && !unplaced && (
            <Button size="small" appearance="secondary" icon={<Add20Regular />} onClick={() => actions.onAdd(area)} aria-label={t('planEdit.addGoalIn', { area: area.title })}>
              {t('planEdit.add')}
            </Button>
          )}
        </div>
        {selection && shownIds.length > 0 && (
          <Checkbox
            label={t('plannerAssign.selectArea')}
            aria-describedby={headingId}
            checked={areaSelection === 'all' ? true : areaSelection === 'some' ? 'mixed' : false}
            onChange={() => selection.onToggleMany(shownIds, areaSelection !== 'all')}
            data-select-area={area.id}
          />
        )}
        <Caption1>
          {t('plan.goalsCount', { count: allGoals.length })} · {areaProgress === null ? t('progressSummary.none') : t('plan.areaProgress', { percent: formatPercent(areaProgress) })}
        </Caption1>
      </div>
      {!goalsLater && area.strategies.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="strategies">
            <AccordionHeader size="small">{t('plan.strategies', { count: area.strategies.length })}</AccordionHeader>
            <AccordionPanel>
              <ul className={styles.strategies}>
                {area.strategies.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
      {(goalsLater ? [] : groups).map((group) => {
        const groupHidden = shown !== null && !group.goals.some((g) => shown.has(g.id));
        return (
          <div className={mergeClasses(styles.group, groupHidden && styles.hidden)} hidden={groupHidden} key={group.nationalGoal ?? '—'}>
            <Subtitle2 as="h3">
              {group.nationalGoal === null ? t('plan.noNationalGoal') : `${t('plan.nationalGoal')}: ${group.nationalGoal}`}
            </Subtitle2>
            {group.goals.length === 0 ? (
              <Caption1 className={styles.muted}>{t('plan.noGoals')}</Caption1>
            ) : (
              <GoalList
                className={styles.list}
                goals={group.goals}
                windowed={windowed}
                renderGoal={(goal, row) => {
                  const p = progress.get(goal.id);
                  if (!p) return null;
                  const end = ends.get(goal.id);
                  return (
                    <GoalItem
                      key={goal.id}
                      goal={goal}
                      progress={p}
                      actions={actions}
                      canMoveUp={end?.up ?? false}
                      canMoveDown={end?.down ?? false}
                      selected={selection?.selected.has(goal.id) ?? false}
                      onToggleSelect={selection?.onToggle ?? null}
                      row={row}
                      hidden={shown !== null && !shown.has(goal.id)}
                    />
                  );
                }}
              />
            )}
          </div>
        );
      })}
    </section>
  );
});
