/** One area of the preview: its title and menu, its national goals with the goals under each, goals under none, and its strategies. */
import { Caption1, Subtitle1, Subtitle2 } from '@fluentui/react-components';
import type { Dispatch } from 'react';
import { useI18n } from '../../../i18n';
import { isEmptyArea } from '../preview-repair';
import type { PreviewAction, PreviewArea, PreviewGoal, PreviewItem } from '../preview-state';
import { ActionsMenu, type MenuAction } from './actions-menu';
import { GoalRow } from './goal-row';
import { NationalHeading, StrategyRow } from './item-row';
import { focusLater, usePreviewStyles } from './preview-styles';

interface Group {
  readonly key: string;
  /** The national goal, or null: a heading the importer kept as written (`heading`), or goals under none. */
  readonly national: PreviewItem | null;
  readonly heading: string | null;
  readonly goals: readonly PreviewGoal[];
}

/** Every national goal of the area in order (with or without goals), then headings the importer kept as written, then goals under none. */
function groups(area: PreviewArea): Group[] {
  const under = (text: string | null) => area.goals.filter((g) => g.nationalGoal === text);
  const known = new Set(area.nationalGoals.map((n) => n.text));
  const kept = [...new Set(area.goals.flatMap((g) => (g.nationalGoal !== null && !known.has(g.nationalGoal) ? [g.nationalGoal] : [])))];
  return [
    ...area.nationalGoals.map((n) => ({ key: n.key, national: n, heading: n.text, goals: under(n.text) })),
    ...kept.map((text) => ({ key: `kept:${text}`, national: null, heading: text, goals: under(text) })),
    { key: 'none', national: null, heading: null, goals: under(null) },
  ].filter((g) => g.national !== null || g.goals.length > 0);
}

export interface AreaHandlers {
  readonly onMoveGoal: (goal: PreviewGoal, area: PreviewArea) => void;
  readonly onSplitGoal: (goal: PreviewGoal) => void;
  readonly onMoveItem: (item: PreviewItem, kind: 'nationalGoal' | 'strategy', area: PreviewArea) => void;
  readonly onRenameArea: (area: PreviewArea) => void;
}

export function AreaSection({ area, readOnly, dispatch, handlers }: { area: PreviewArea; readOnly: boolean; dispatch: Dispatch<PreviewAction>; handlers: AreaHandlers }) {
  const styles = usePreviewStyles();
  const { t } = useI18n();
  const headingId = `import-area-${area.key}`;
  const areaActions: MenuAction[] = [
    { id: 'rename', label: t('import.area.rename'), onSelect: () => handlers.onRenameArea(area) },
    ...(isEmptyArea(area)
      ? [
          {
            id: 'delete',
            label: t('import.area.delete'),
            onSelect: () => {
              dispatch({ type: 'deleteArea', area: area.key });
              focusLater('import-heading');
            },
          },
        ]
      : []),
  ];
  return (
    <section className={styles.area} aria-labelledby={headingId} data-preview-area={area.key}>
      <div className={styles.heading}>
        <Subtitle1 as="h2" id={headingId} tabIndex={-1}>
          {area.number}. {area.title}
        </Subtitle1>
        {!readOnly && <ActionsMenu label={t('import.actions')} describedBy={headingId} actions={areaActions} />}
      </div>
      {area.goals.length === 0 && <Caption1 className={styles.muted}>{t('import.preview.noGoals')}</Caption1>}
      {groups(area).map((group) => (
        <div key={group.key}>
          {group.national ? (
            <NationalHeading item={group.national} area={area} readOnly={readOnly} dispatch={dispatch} onMove={handlers.onMoveItem.bind(null, group.national, 'nationalGoal', area)} />
          ) : (
            <Subtitle2 as="h3" className={styles.heading}>
              {group.heading ?? t('import.preview.noNational')}
            </Subtitle2>
          )}
          {group.goals.length > 0 && (
            <ul className={styles.list}>
              {group.goals.map((goal) => (
                <GoalRow
                  key={goal.key}
                  goal={goal}
                  area={area}
                  readOnly={readOnly}
                  dispatch={dispatch}
                  onMove={() => handlers.onMoveGoal(goal, area)}
                  onSplit={() => handlers.onSplitGoal(goal)}
                />
              ))}
            </ul>
          )}
        </div>
      ))}
      {area.strategies.length > 0 && (
        <div>
          <Subtitle2 as="h3" className={styles.heading}>
            {t('import.strategies')}
          </Subtitle2>
          <ul className={styles.list}>
            {area.strategies.map((s) => (
              <StrategyRow key={s.key} item={s} area={area} readOnly={readOnly} dispatch={dispatch} onMove={() => handlers.onMoveItem(s, 'strategy', area)} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
