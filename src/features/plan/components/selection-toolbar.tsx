import { Button, Caption1, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { CheckboxChecked20Regular, PersonDelete20Regular, TaskListAdd20Regular } from '@fluentui/react-icons';
import { useI18n } from '../../../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  count: { color: tokens.colorNeutralForeground2, marginInlineStart: tokens.spacingHorizontalXS },
  hint: { color: tokens.colorNeutralForeground3 },
});

/**
 * The board's toolbar on the Plan screen: Select mode (a checkbox on every goal), the quick
 * selections, the number selected (announced as it changes) and the Planner action.
 */
export function SelectionToolbar({
  selecting,
  count,
  onSelecting,
  onSelectOwnerless,
  onClear,
  onAssign,
}: {
  selecting: boolean;
  /** Goals selected. */
  count: number;
  onSelecting: (on: boolean) => void;
  onSelectOwnerless: () => void;
  onClear: () => void;
  onAssign: () => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.root}>
      <div className={styles.bar} role="group" aria-label={t('plannerAssign.toolbar')}>
        <ToggleButton checked={selecting} icon={<CheckboxChecked20Regular />} onClick={() => onSelecting(!selecting)}>
          {t('plannerAssign.select')}
        </ToggleButton>
        {selecting && (
          <>
            <Button appearance="subtle" icon={<PersonDelete20Regular />} onClick={onSelectOwnerless}>
              {t('plannerAssign.selectOwnerless')}
            </Button>
            <Button appearance="subtle" disabledFocusable={count === 0} onClick={onClear}>
              {t('plannerAssign.clearSelection')}
            </Button>
            <Button appearance="primary" icon={<TaskListAdd20Regular />} disabledFocusable={count === 0} onClick={() => count > 0 && onAssign()}>
              {t('plannerAssign.open')}
            </Button>
          </>
        )}
        <span role="status" className={styles.count}>
          {selecting ? t('plannerAssign.selectedCount', { count }) : ''}
        </span>
      </div>
      {selecting && <Caption1 className={styles.hint}>{t('plannerAssign.selectHint')}</Caption1>}
    </div>
  );
}
