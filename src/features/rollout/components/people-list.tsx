/**
 * The representatives and each step's state. Account and team steps come from the tenant and are
 * never ticked; manual steps are checkboxes for the board and plain text for stewards. A table on
 * wide screens (scrolling in its own region when it is wider), cards on narrow ones.
 */
import { Badge, Body1, Button, Caption1, Checkbox, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowUndo20Regular, Edit20Regular, PeopleAdd20Regular, PersonSubtract20Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { DirectoryFacts, Representative, RolloutStep } from '../../../domain/roster';
import { stepDone } from '../../../domain/roster';
import { useI18n } from '../../../i18n';
import { useRolloutNames } from '../names';
import { canInvite } from '../rollout-model';
import { useRolloutStyles } from './styles';

const useStyles = makeStyles({
  // Wider than the pane, the table scrolls in its region rather than breaking words apart.
  table: { minWidth: '60rem', '& th, & td': { overflowWrap: 'normal' } },
  nameCell: { minWidth: '11rem' },
  nowrap: { whiteSpace: 'nowrap' },
  stepCell: { minWidth: '6.5rem' },
  state: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  done: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  missing: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  actionsCell: { minWidth: '5rem' },
  cards: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  cardSteps: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  tenantNote: { display: 'block', fontWeight: tokens.fontWeightRegular },
  name: { display: 'block' },
  email: { display: 'block', fontWeight: tokens.fontWeightRegular, overflowWrap: 'anywhere' },
  badge: { alignSelf: 'flex-start' },
  cardStep: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface PeopleListProps {
  readonly reps: readonly Representative[];
  readonly steps: readonly RolloutStep[];
  readonly facts: DirectoryFacts | null;
  readonly isBoard: boolean;
  readonly narrow: boolean;
  /** Keys of writes in progress: `<repId>:<stepId>` for a mark, `<repId>:invite`, `<repId>:retire`. */
  readonly busy: ReadonlySet<string>;
  /** Ticks being written (`<repId>:<stepId>` → the state asked for), shown until the write settles. */
  readonly pending: ReadonlyMap<string, boolean>;
  readonly labelledBy: string;
  onMark(rep: Representative, step: RolloutStep, on: boolean): void;
  onInvite(rep: Representative): void;
  onEdit(rep: Representative): void;
  onRetire(rep: Representative): void;
}

export function PeopleList(props: PeopleListProps) {
  const { reps, steps, isBoard, narrow, labelledBy } = props;
  const styles = useRolloutStyles();
  const own = useStyles();
  const { t } = useI18n();
  const names = useRolloutNames();
  if (reps.length === 0) return <Body1>{t('rollout.people.none')}</Body1>;

  if (narrow) {
    return (
      <ul className={own.cards} aria-labelledby={labelledBy}>
        {reps.map((rep) => (
          <li key={rep.id} className={own.card} data-rep-id={rep.id} aria-labelledby={`rep-${rep.id}`}>
            <Subtitle2 as="h3" id={`rep-${rep.id}`} className={styles.heading}>
              {rep.name}
            </Subtitle2>
            <Caption1>
              {[names.role(rep.role), names.area(rep.area), rep.workplace].filter((s) => s.trim() !== '').join(' · ')}
            </Caption1>
            <Caption1 className={styles.muted}>{rep.email}</Caption1>
            {rep.retired && <RetiredBadge />}
            <ul className={own.cardSteps}>
              {steps.map((step) => (
                <li key={step.id} className={own.cardStep} data-step={step.id} data-done={stepDone(rep, step, props.facts)}>
                  <Body1>{names.step(step)}</Body1>
                  <StepState {...props} rep={rep} step={step} />
                </li>
              ))}
            </ul>
            {isBoard && <RepActions {...props} rep={rep} withText />}
          </li>
        ))}
      </ul>
    );
  }

  return (
    <div className={styles.scroll} role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table className={mergeClasses(styles.table, own.table)} aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{t('rollout.col.name')}</th>
            <th scope="col">{t('rollout.col.role')}</th>
            <th scope="col">{t('rollout.col.area')}</th>
            <th scope="col">{t('rollout.col.workplace')}</th>
            {steps.map((step) => (
              <th key={step.id} scope="col" className={own.stepCell}>
                {names.step(step)}
                {step.kind !== 'manual' && (
                  <Caption1 as="span" className={mergeClasses(styles.muted, own.tenantNote)}>
                    {t('rollout.fromTenant')}
                  </Caption1>
                )}
              </th>
            ))}
            {isBoard && <th scope="col">{t('rollout.col.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {reps.map((rep) => (
            <tr key={rep.id} data-rep-id={rep.id}>
              <th scope="row" className={own.nameCell}>
                <span className={own.name}>{rep.name}</span>
                <Caption1 className={mergeClasses(styles.muted, own.email)}>
                  {rep.email}
                </Caption1>
                {rep.retired && <RetiredBadge />}
              </th>
              <td className={own.nowrap}>{names.role(rep.role)}</td>
              <td>{names.area(rep.area)}</td>
              <td>{rep.workplace}</td>
              {steps.map((step) => (
                <td key={step.id} className={own.stepCell} data-step={step.id} data-done={stepDone(rep, step, props.facts)}>
                  <StepState {...props} rep={rep} step={step} />
                </td>
              ))}
              {isBoard && (
                <td className={own.actionsCell}>
                  <RepActions {...props} rep={rep} withText={false} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RetiredBadge() {
  const own = useStyles();
  const { t } = useI18n();
  return (
    <Badge appearance="tint" color="informative" size="small" className={own.badge}>
      {t('rollout.retired')}
    </Badge>
  );
}

function StepState({ rep, step, facts, isBoard, busy, pending, onMark, onInvite }: PeopleListProps & { rep: Representative; step: RolloutStep }) {
  const own = useStyles();
  const { t, formatDate } = useI18n();
  const names = useRolloutNames();
  const done = stepDone(rep, step, facts);
  const text = (content: ReactNode, isDone: boolean) => <span className={isDone ? own.done : own.missing}>{content}</span>;

  if (step.kind === 'manual') {
    const mark = rep.marks[step.id];
    const self = mark?.by === 'self';
    const note = mark ? <Caption1>{self ? t('rollout.state.self') : formatDate(mark.on)}</Caption1> : null;
    if (!isBoard) {
      return (
        <span className={own.state}>
          {text(t(done ? 'rollout.state.done' : 'rollout.state.missing'), done)}
          {note}
        </span>
      );
    }
    return (
      <span className={own.state}>
        <Checkbox
          checked={pending.get(`${rep.id}:${step.id}`) ?? mark !== undefined}
          // Unticking what the representative confirmed withdraws their confirmation.
          disabled={busy.has(`${rep.id}:${step.id}`)}
          aria-label={t('rollout.mark.label', { step: names.step(step), name: rep.name })}
          onChange={(_, d) => onMark(rep, step, d.checked === true)}
        />
        {note}
      </span>
    );
  }

  if (!done && isBoard && step.kind === 'teamMember' && canInvite(rep, [step], facts)) {
    return (
      <Button
        size="small"
        appearance="primary"
        icon={<PeopleAdd20Regular />}
        disabled={busy.has(`${rep.id}:invite`)}
        aria-label={t('rollout.inviteLabel', { name: rep.name })}
        onClick={() => onInvite(rep)}
      >
        {busy.has(`${rep.id}:invite`) ? t('rollout.inviting') : t('rollout.invite')}
      </Button>
    );
  }
  const seen = rep.seen[step.id];
  if (done) {
    return (
      <span className={own.state}>
        {text(t('rollout.state.done'), true)}
        {seen && <Caption1>{formatDate(seen)}</Caption1>}
      </span>
    );
  }
  const noAccount = step.kind === 'teamMember' && facts !== null && !facts.accounts.has(rep.id);
  return text(noAccount ? t('rollout.state.noAccount') : t('rollout.state.missing'), false);
}

function RepActions({ rep, busy, onEdit, onRetire, withText }: PeopleListProps & { rep: Representative; withText: boolean }) {
  const own = useStyles();
  const { t } = useI18n();
  return (
    <div className={own.actions}>
      <Button size="small" appearance="subtle" icon={<Edit20Regular />} aria-label={t('rollout.editLabel', { name: rep.name })} onClick={() => onEdit(rep)}>
        {withText ? t('rollout.edit') : undefined}
      </Button>
      <Button
        size="small"
        appearance="subtle"
        icon={rep.retired ? <ArrowUndo20Regular /> : <PersonSubtract20Regular />}
        disabled={busy.has(`${rep.id}:retire`)}
        aria-label={t(rep.retired ? 'rollout.reinstateLabel' : 'rollout.retireLabel', { name: rep.name })}
        onClick={() => onRetire(rep)}
      >
        {withText ? t(rep.retired ? 'rollout.reinstate' : 'rollout.retire') : undefined}
      </Button>
    </div>
  );
}
