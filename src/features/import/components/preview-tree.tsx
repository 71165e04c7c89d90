/**
 * The import preview: areas → national goals → local goals, and strategies, each with its menu
 * (move, change what it is, merge, split, check); the text the importer did not use; and the
 * dialogs those open.
 */
import { Button } from '@fluentui/react-components';
import { useState, type Dispatch } from 'react';
import { useI18n } from '../../../i18n';
import type { ItemKind, PreviewAction, PreviewArea, PreviewGoal, PreviewState } from '../preview-state';
import { AreaDialog } from './area-dialog';
import { AreaSection, type AreaHandlers } from './area-section';
import { LeftoversSection } from './leftovers-section';
import { PlaceDialog, type PlacePurpose, type Placement } from './place-dialog';
import { focusLater, usePreviewStyles } from './preview-styles';
import { SplitDialog } from './split-dialog';

export { measureLabel } from './goal-row';

type Dialogue =
  | { kind: 'place'; purpose: PlacePurpose; initial: Placement; confirm: (p: Placement) => PreviewAction }
  | { kind: 'split'; goal: PreviewGoal }
  | { kind: 'area'; area: PreviewArea | null };

const PLACE_PURPOSE: Record<ItemKind, PlacePurpose> = { goal: 'placeGoal', nationalGoal: 'placeNationalGoal', strategy: 'placeStrategy' };

export function PreviewTree({ state, readOnly, dispatch }: { state: PreviewState; readOnly: boolean; dispatch: Dispatch<PreviewAction> }) {
  const styles = usePreviewStyles();
  const { t } = useI18n();
  const [dialogue, setDialogue] = useState<Dialogue | null>(null);
  const firstArea = state.areas[0]?.key ?? '';

  const handlers: AreaHandlers = {
    onMoveGoal: (goal, area) =>
      setDialogue({
        kind: 'place',
        purpose: 'moveGoal',
        initial: { area: area.key, nationalGoal: goal.nationalGoal, text: goal.text },
        confirm: (p) => ({ type: 'moveGoal', goal: goal.key, area: p.area, nationalGoal: p.nationalGoal }),
      }),
    onSplitGoal: (goal) => setDialogue({ kind: 'split', goal }),
    onMoveItem: (item, kind, area) =>
      setDialogue({
        kind: 'place',
        purpose: kind === 'nationalGoal' ? 'moveNationalGoal' : 'moveStrategy',
        initial: { area: area.key, nationalGoal: null, text: item.text },
        confirm: (p) => ({ type: 'moveItem', item: item.key, area: p.area }),
      }),
    onRenameArea: (area) => setDialogue({ kind: 'area', area }),
  };

  const close = (focusId?: string) => {
    setDialogue(null);
    if (focusId) focusLater(focusId);
  };

  return (
    <>
      {state.areas.map((area) => (
        <AreaSection key={area.key} area={area} readOnly={readOnly} dispatch={dispatch} handlers={handlers} />
      ))}
      {!readOnly && (
        <div className={styles.row}>
          <Button onClick={() => setDialogue({ kind: 'area', area: null })}>{t('import.area.add')}</Button>
        </div>
      )}
      <LeftoversSection
        state={state}
        readOnly={readOnly}
        dispatch={dispatch}
        onUse={(item, as) =>
          setDialogue({
            kind: 'place',
            purpose: PLACE_PURPOSE[as],
            initial: { area: firstArea, nationalGoal: null, text: item.text },
            confirm: (p) => ({ type: 'placeText', item: item.key, as, area: p.area, nationalGoal: p.nationalGoal, text: p.text }),
          })
        }
      />
      {dialogue?.kind === 'place' && (
        <PlaceDialog
          purpose={dialogue.purpose}
          areas={state.areas}
          initial={dialogue.initial}
          onCancel={() => close()}
          onConfirm={(p) => {
            dispatch(dialogue.confirm(p));
            close(`import-area-${p.area}`);
          }}
        />
      )}
      {dialogue?.kind === 'split' && (
        <SplitDialog
          text={dialogue.goal.text}
          onCancel={() => close()}
          onConfirm={(parts) => {
            dispatch({ type: 'splitGoal', goal: dialogue.goal.key, parts });
            close();
          }}
        />
      )}
      {dialogue?.kind === 'area' && (
        <AreaDialog
          initial={dialogue.area?.title ?? null}
          onCancel={() => close()}
          onConfirm={(title) => {
            if (dialogue.area) dispatch({ type: 'renameArea', area: dialogue.area.key, title });
            else dispatch({ type: 'addArea', title });
            // A new area's key is the next one the reducer gives out.
            close(`import-area-${dialogue.area ? dialogue.area.key : `n${state.nextKey}`}`);
          }}
        />
      )}
    </>
  );
}
