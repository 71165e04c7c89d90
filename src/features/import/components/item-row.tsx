/** A national goal (as the heading of the goals under it) or a strategy, with why to check it and its menu. */
import { Body1, Subtitle2 } from '@fluentui/react-components';
import type { Dispatch } from 'react';
import { useI18n } from '../../../i18n';
import type { PreviewAction, PreviewArea, PreviewItem } from '../preview-state';
import { ActionsMenu, type MenuAction } from './actions-menu';
import { ReviewBadge } from './review-badge';
import { focusLater, usePreviewStyles } from './preview-styles';

export interface ItemRowProps {
  item: PreviewItem;
  kind: 'nationalGoal' | 'strategy';
  area: PreviewArea;
  readOnly: boolean;
  dispatch: Dispatch<PreviewAction>;
  onMove: () => void;
}

function useItemActions({ item, kind, area, dispatch, onMove }: Omit<ItemRowProps, 'readOnly'>): MenuAction[] {
  const { t } = useI18n();
  const change = (to: 'goal' | 'nationalGoal' | 'strategy') => () => {
    dispatch({ type: 'changeKind', item: item.key, to });
    focusLater(`import-area-${area.key}`);
  };
  return [
    { id: 'move', label: t('import.item.move'), onSelect: onMove },
    { id: 'toGoal', label: t('import.item.toGoal'), onSelect: change('goal') },
    kind === 'nationalGoal'
      ? { id: 'toStrategy', label: t('import.item.toStrategy'), onSelect: change('strategy') }
      : { id: 'toNational', label: t('import.item.toNational'), onSelect: change('nationalGoal') },
    ...(item.review ? [{ id: 'checked', label: t('import.review.checked'), onSelect: () => dispatch({ type: 'markChecked', item: item.key }) }] : []),
  ];
}

/** A national goal: a heading (h3) over its goals. */
export function NationalHeading(props: Omit<ItemRowProps, 'kind'>) {
  const styles = usePreviewStyles();
  const { t } = useI18n();
  const actions = useItemActions({ ...props, kind: 'nationalGoal' });
  const textId = `import-item-${props.item.key}`;
  return (
    <div className={styles.heading} data-national={props.item.key}>
      <Subtitle2 as="h3" id={textId}>
        {props.item.text}
      </Subtitle2>
      <ReviewBadge review={props.item.review} />
      {!props.readOnly && <ActionsMenu label={t('import.actions')} describedBy={textId} actions={actions} />}
    </div>
  );
}

/** A strategy: an item of the area's list of strategies. */
export function StrategyRow(props: Omit<ItemRowProps, 'kind'>) {
  const styles = usePreviewStyles();
  const { t } = useI18n();
  const actions = useItemActions({ ...props, kind: 'strategy' });
  const textId = `import-item-${props.item.key}`;
  return (
    <li className={styles.item} data-strategy={props.item.key}>
      <Body1 id={textId}>{props.item.text}</Body1>
      {(props.item.review || !props.readOnly) && (
        <div className={styles.row}>
          <ReviewBadge review={props.item.review} />
          {!props.readOnly && <ActionsMenu label={t('import.actions')} describedBy={textId} actions={actions} />}
        </div>
      )}
    </li>
  );
}
