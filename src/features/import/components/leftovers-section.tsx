/** The source text not in the plan (unplaced, or read as the plan's frame), each with what it was taken for and a menu to use or leave it out. */
import { Badge, Caption1, Subtitle1, Text } from '@fluentui/react-components';
import type { Dispatch } from 'react';
import { useI18n } from '../../../i18n';
import type { ItemKind, PreviewAction, PreviewLeftover, PreviewState } from '../preview-state';
import { ActionsMenu } from './actions-menu';
import { focusLater, usePreviewStyles } from './preview-styles';

export function LeftoversSection({
  state,
  readOnly,
  dispatch,
  onUse,
}: {
  state: PreviewState;
  readOnly: boolean;
  dispatch: Dispatch<PreviewAction>;
  onUse: (item: PreviewLeftover, as: ItemKind) => void;
}) {
  const styles = usePreviewStyles();
  const { t } = useI18n();
  const { leftovers } = state;
  return (
    <section className={styles.area} aria-labelledby="import-leftovers">
      <Subtitle1 as="h2" id="import-leftovers" tabIndex={-1}>
        {t('import.leftover.heading', { count: leftovers.length })}
      </Subtitle1>
      <Caption1 className={styles.muted}>{leftovers.length > 0 ? t('import.leftover.body') : t('import.leftover.none')}</Caption1>
      <ul className={styles.list}>
        {leftovers.map((item) => {
          const textId = `import-leftover-${item.key}`;
          return (
            <li key={item.key} className={styles.item} data-leftover={item.key} data-kind={item.kind}>
              <Text id={textId}>{item.text}</Text>
              <div className={styles.row}>
                <Badge appearance="outline" color="informative" shape="rounded">
                  {t(`import.leftover.kind.${item.kind}`)}
                </Badge>
                {!readOnly && state.areas.length > 0 && (
                  <ActionsMenu
                    label={t('import.leftover.use')}
                    describedBy={textId}
                    actions={[
                      { id: 'asGoal', label: t('import.leftover.asGoal'), onSelect: () => onUse(item, 'goal') },
                      { id: 'asNational', label: t('import.leftover.asNational'), onSelect: () => onUse(item, 'nationalGoal') },
                      { id: 'asStrategy', label: t('import.leftover.asStrategy'), onSelect: () => onUse(item, 'strategy') },
                      {
                        id: 'drop',
                        label: t('import.leftover.drop'),
                        onSelect: () => {
                          dispatch({ type: 'dismissText', item: item.key });
                          focusLater('import-leftovers');
                        },
                      },
                    ]}
                  />
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
