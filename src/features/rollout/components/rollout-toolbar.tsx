/**
 * The rollout view's toolbar: refresh for everyone; for the board, adding a representative and a
 * slot (`extra`) for the roster's import and export buttons (./import/roster-import.tsx), which
 * rollout-view.tsx wires in.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular, PersonAdd20Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export interface RolloutToolbarProps {
  readonly isBoard: boolean;
  readonly refreshing: boolean;
  onRefresh(): void;
  onAdd(): void;
  /** The board's further tools (import from Excel, export), shown after 'Add representative'. */
  readonly extra?: ReactNode;
}

export function RolloutToolbar({ isBoard, refreshing, onRefresh, onAdd, extra }: RolloutToolbarProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.toolbar} role="group" aria-label={t('rollout.toolbar')} data-testid="rollout-toolbar">
      {isBoard && (
        <Button appearance="primary" icon={<PersonAdd20Regular />} onClick={onAdd}>
          {t('rollout.add')}
        </Button>
      )}
      {isBoard && extra}
      <Button appearance="subtle" icon={<ArrowClockwise20Regular />} disabled={refreshing} onClick={onRefresh}>
        {refreshing ? t('rollout.refreshing') : t('rollout.refresh')}
      </Button>
    </div>
  );
}
