/**
 * The import preview: areas → national goals → local goals, each goal's detected measure and
 * deadline highlighted with a checkbox to keep or drop it, and the text that could not be placed.
 */
import { Body1, Button, Caption1, Checkbox, Field, Subtitle1, Subtitle2, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type Dispatch } from 'react';
import { useI18n, type I18n } from '../../../i18n';
import { rolloutMeasureText } from '../../../components/progress-text';
import type { PreviewAction, PreviewArea, PreviewGoal, PreviewState } from '../preview-state';
import { PlaceDialog, type Placement } from './place-dialog';

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  goal: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  mark: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusSmall,
    paddingInline: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  dropped: { textDecorationLine: 'line-through', fontWeight: tokens.fontWeightRegular, backgroundColor: 'transparent' },
  muted: { color: tokens.colorNeutralForeground3 },
  national: { marginTop: tokens.spacingVerticalXS },
});

export function measureLabel(goal: PreviewGoal, { t, formatNumber }: Pick<I18n, 't' | 'formatNumber'>): string {
  const m = goal.measure;
  if (!m) return '';
  const params = { value: formatNumber(m.value), unit: m.unit };
  return t(m.per === 'year' ? 'import.goal.measurePer.year' : m.per === 'month' ? 'import.goal.measurePer.month' : 'import.goal.measure', params);
}

/** Groups in the area's national-goal order, then headings the importer kept as written, then goals under none. */
function groups(area: PreviewArea): Array<{ nationalGoal: string | null; goals: PreviewGoal[] }> {
  const order: Array<string | null> = [...area.nationalGoals];
  for (const g of area.goals) if (g.nationalGoal !== null && !order.includes(g.nationalGoal)) order.push(g.nationalGoal);
  order.push(null);
  return order.map((ng) => ({ nationalGoal: ng, goals: area.goals.filter((g) => g.nationalGoal === ng) })).filter((g) => g.goals.length > 0);
}

function GoalRow({ goal, area, readOnly, dispatch, onMove }: { goal: PreviewGoal; area: PreviewArea; readOnly: boolean; dispatch: Dispatch<PreviewAction>; onMove: () => void }) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const [draft, setDraft] = useState<string | null>(null);
  const finish = () => {
    if (draft !== null) dispatch({ type: 'editGoalText', goal: goal.key, text: draft });
    setDraft(null);
  };
  return (
    <li className={styles.goal} data-preview-goal={goal.key} data-area={area.key}>
      {draft === null ? (
        <Body1>{goal.text}</Body1>
      ) : (
        <Field label={t('import.goal.editLabel')}>
          <Textarea
            autoFocus
            value={draft}
            resize="vertical"
            onChange={(_, d) => setDraft(d.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setDraft(null);
            }}
          />
        </Field>
      )}
      {(goal.measure || goal.due || goal.rollout) && (
        <div className={styles.row}>
          {goal.measure && (
            <Checkbox
              disabled={readOnly}
              checked={goal.measureAccepted}
              onChange={(_, d) => dispatch({ type: 'acceptMeasure', goal: goal.key, accepted: d.checked === true })}
              label={
                <mark className={goal.measureAccepted ? styles.mark : `${styles.mark} ${styles.dropped}`} data-highlight="measure">
                  {measureLabel(goal, i18n)}
                </mark>
              }
            />
          )}
          {goal.due && (
            <Checkbox
              disabled={readOnly}
              checked={goal.dueAccepted}
              onChange={(_, d) => dispatch({ type: 'acceptDue', goal: goal.key, accepted: d.checked === true })}
              label={
                <mark className={goal.dueAccepted ? styles.mark : `${styles.mark} ${styles.dropped}`} data-highlight="due">
                  {t('import.goal.due', { date: formatDate(goal.due) })}
                </mark>
              }
            />
          )}
          {goal.rollout && (
            <Checkbox
              disabled={readOnly}
              checked={goal.rolloutAccepted}
              onChange={(_, d) => dispatch({ type: 'acceptRollout', goal: goal.key, accepted: d.checked === true })}
              label={
                <mark className={goal.rolloutAccepted ? styles.mark : `${styles.mark} ${styles.dropped}`} data-highlight="rollout">
                  {t('import.goal.rollout', { measure: rolloutMeasureText(goal.rollout, t) })}
                </mark>
              }
            />
          )}
        </div>
      )}
      {!readOnly && (
        <div className={styles.row}>
          {draft === null ? (
            <Button size="small" onClick={() => setDraft(goal.text)}>
              {t('import.goal.edit')}
            </Button>
          ) : (
            <Button size="small" appearance="primary" onClick={finish}>
              {t('import.goal.done')}
            </Button>
          )}
          <Button size="small" onClick={onMove}>
            {t('import.goal.move')}
          </Button>
          <Button size="small" onClick={() => dispatch({ type: 'dropGoal', goal: goal.key })}>
            {t('import.goal.remove')}
          </Button>
        </div>
      )}
    </li>
  );
}

type Dialogue = { kind: 'move'; goal: PreviewGoal; initial: Placement } | { kind: 'place'; item: string; initial: Placement };

export function PreviewTree({ state, readOnly, dispatch }: { state: PreviewState; readOnly: boolean; dispatch: Dispatch<PreviewAction> }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [dialogue, setDialogue] = useState<Dialogue | null>(null);
  const firstArea = state.areas[0]?.key ?? '';

  return (
    <>
      {state.areas.map((area) => (
        <section key={area.key} className={styles.area} aria-labelledby={`import-area-${area.key}`}>
          <Subtitle1 as="h2" id={`import-area-${area.key}`}>
            {area.number}. {area.title}
          </Subtitle1>
          {area.goals.length === 0 && <Caption1 className={styles.muted}>{t('import.preview.noGoals')}</Caption1>}
          {groups(area).map((group) => (
            <div key={group.nationalGoal ?? ''}>
              <Subtitle2 as="h3" className={styles.national}>
                {group.nationalGoal ?? t('import.preview.noNational')}
              </Subtitle2>
              <ul className={styles.list}>
                {group.goals.map((goal) => (
                  <GoalRow
                    key={goal.key}
                    goal={goal}
                    area={area}
                    readOnly={readOnly}
                    dispatch={dispatch}
                    onMove={() => setDialogue({ kind: 'move', goal, initial: { area: area.key, nationalGoal: goal.nationalGoal, text: goal.text } })}
                  />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
      <section className={styles.area} aria-labelledby="import-unplaced">
        <Subtitle1 as="h2" id="import-unplaced">
          {t('import.unplaced.heading', { count: state.unplaced.length })}
        </Subtitle1>
        <Caption1 className={styles.muted}>{state.unplaced.length > 0 ? t('import.unplaced.body') : t('import.unplaced.none')}</Caption1>
        <ul className={styles.list}>
          {state.unplaced.map((item) => (
            <li key={item.key} className={styles.goal} data-unplaced={item.key}>
              <Text>{item.text}</Text>
              {!readOnly && state.areas.length > 0 && (
                <div className={styles.row}>
                  <Button size="small" onClick={() => setDialogue({ kind: 'place', item: item.key, initial: { area: firstArea, nationalGoal: null, text: item.text } })}>
                    {t('import.unplaced.place')}
                  </Button>
                  <Button size="small" onClick={() => dispatch({ type: 'dropUnplaced', item: item.key })}>
                    {t('import.unplaced.drop')}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>
      {dialogue && (
        <PlaceDialog
          kind={dialogue.kind}
          areas={state.areas}
          initial={dialogue.initial}
          onCancel={() => setDialogue(null)}
          onConfirm={(p) => {
            if (dialogue.kind === 'move') dispatch({ type: 'moveGoal', goal: dialogue.goal.key, area: p.area, nationalGoal: p.nationalGoal });
            else dispatch({ type: 'placeUnplaced', item: dialogue.item, area: p.area, nationalGoal: p.nationalGoal, text: p.text });
            setDialogue(null);
          }}
        />
      )}
    </>
  );
}
