/**
 * The board's status control in a table row: a Fluent Dropdown (a listbox: a choice is made only
 * with Enter or a click, never by arrowing past it) offering 'Computed' (the board sets nothing;
 * null) and the five statuses. Closed, the arrow keys belong to the table's grid navigation; open,
 * to the list. The button shows the goal's effective status as everywhere else.
 */
import { Caption1, Dropdown, Option, makeStyles, tokens } from '@fluentui/react-components';
import { GOAL_STATUSES, type GoalStatus } from '../../../domain/plan';
import type { GoalProgress } from '../../../domain/progress';
import { StatusBadge } from '../../../components/status-badge';
import { useI18n } from '../../../i18n';

/** The option for 'no status set by the board' (never a stored value). */
const COMPUTED = '__computed__';

const useStyles = makeStyles({
  // As low as the badge, so a row stays about two lines of text high.
  dropdown: { minWidth: 0, maxWidth: '100%', minHeight: 0 },
  trigger: { minHeight: 0, paddingBlock: 0 },
  button: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  computed: { color: tokens.colorNeutralForeground2 },
});

export function StatusDropdown({
  goalText,
  progress,
  stored,
  describedBy,
  focusKey,
  busy,
  onChange,
}: {
  /** The goal's text, short, naming the control for screen readers. */
  goalText: string;
  progress: GoalProgress;
  /** The status the board set (null: computed), or the one being saved. */
  stored: GoalStatus | null;
  describedBy: string;
  focusKey: string;
  busy: boolean;
  onChange: (status: GoalStatus | null) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  // While a choice is saved, the button shows it; the row's badge elsewhere follows once stored.
  const shown: GoalStatus = stored ?? progress.derivedStatus;
  const computedText = t('planTable.status.auto', { status: t(`status.${progress.derivedStatus}`) });
  return (
    <Dropdown
      size="small"
      className={styles.dropdown}
      aria-label={t('planTable.status.label', { goal: goalText })}
      aria-describedby={describedBy}
      aria-busy={busy || undefined}
      value={stored === null ? computedText : t(`status.${stored}`)}
      selectedOptions={[stored ?? COMPUTED]}
      onOptionSelect={(_, data) => {
        const value = data.optionValue === COMPUTED || data.optionValue === undefined ? null : (data.optionValue as GoalStatus);
        if (value !== stored) onChange(value);
      }}
      button={{
        className: styles.trigger,
        // A data attribute the slot's type does not list: the table finds the control by it to keep the focus on the row.
        ...({ 'data-focus-key': focusKey } as object),
        children: (
          <span className={styles.button}>
            <StatusBadge status={shown} />
            {stored === null && (
              <Caption1 className={styles.computed} data-secondary>
                {t('planTable.status.computed')}
              </Caption1>
            )}
          </span>
        ),
      }}
    >
      <Option value={COMPUTED} text={computedText}>
        {computedText}
      </Option>
      {GOAL_STATUSES.map((s) => (
        <Option key={s} value={s} text={t(`status.${s}`)}>
          {t(`status.${s}`)}
        </Option>
      ))}
    </Dropdown>
  );
}
