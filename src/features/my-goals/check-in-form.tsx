/**
 * One-step check-in on a goal: a value and/or a comment, dated today unless changed, sent with one
 * button. Measured goals report the new current value, recurring goals the number of occurrences,
 * milestones whether they are reached; a goal measured by the Org365 rollout takes a comment only (its
 * value follows the roster). Offline, the check-in is kept and sent later.
 */
import { Body1, Button, Checkbox, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { LocalGoal } from '../../domain/plan';
import { useCheckIn, useCheckInQueue } from '../../hooks/use-check-in';
import { useI18n, type MessageKey } from '../../i18n';
import { failureOf } from '../../lib/offline-queue';
import { useServices } from '../../lib/services';
import { parseLocaleNumber } from '../../lib/locale-number';
import { checkInErrorKey, isIsoDay } from './check-in-input';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  value: { flex: '1 1 9rem', minWidth: 0 },
  date: { flex: '1 1 9rem', minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
  done: { flex: '0 1 auto', alignSelf: 'flex-end', minHeight: '32px' },
  comment: { flex: '1 1 100%', minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, flex: '1 1 100%' },
  status: { flex: '1 1 100%' },
  saved: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  queued: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
});

interface FieldErrors {
  value?: MessageKey;
  date?: MessageKey;
  form?: MessageKey;
}

const defaultValue = (goal: LocalGoal) => (goal.kind === 'recurring' ? '1' : '');

export function CheckInForm({ teamId, goal, describedBy }: { teamId: string; goal: LocalGoal; describedBy: string }) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const { session } = useServices();
  const { state: queueState } = useCheckInQueue();
  const mutation = useCheckIn();
  const [value, setValue] = useState(() => defaultValue(goal));
  const [done, setDone] = useState(false);
  const [comment, setComment] = useState('');
  const [date, setDate] = useState(() => session.today());
  // One id per check-in, kept for every retry of it, so that it is stored once.
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [last, setLast] = useState<{ clientId: string; kind: 'sent' | 'queued' } | null>(null);

  const valueLabel =
    goal.kind === 'recurring'
      ? t('checkIn.value.recurring')
      : goal.measure?.unit
        ? t('checkIn.value.measured', { unit: goal.measure.unit })
        : t('checkIn.value.measuredNoUnit');

  // A goal measured by a rollout step follows the roster: a check-in on it is a comment only.
  const followsRoster = Boolean(goal.rollout);

  function validate(): { value: number | null; errors: FieldErrors } {
    const found: FieldErrors = {};
    let parsed: number | null = null;
    if (followsRoster) {
      parsed = null;
    } else if (goal.kind === 'milestone') {
      parsed = done ? 1 : null;
    } else if (value.trim() !== '') {
      parsed = parseLocaleNumber(value, language);
      if (parsed === null) found.value = 'checkIn.validation.number';
      else if (goal.kind === 'recurring' && (!Number.isInteger(parsed) || parsed < 1)) found.value = 'checkIn.validation.count';
    }
    if (!isIsoDay(date)) found.date = 'checkIn.validation.date';
    if (!found.value && parsed === null && comment.trim() === '') {
      if (goal.kind === 'milestone' || followsRoster) found.form = 'checkIn.validation.empty';
      else found.value = 'checkIn.validation.empty';
    }
    return { value: parsed, errors: found };
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    const checked = validate();
    setErrors(checked.errors);
    if (Object.keys(checked.errors).length > 0) return;
    const submittedId = clientId;
    mutation.mutate(
      {
        teamId,
        goalText: goal.text,
        checkIn: { planId: goal.planId, goalId: goal.id, date, value: checked.value, comment: comment.trim(), clientId: submittedId },
      },
      {
        onSuccess: (outcome) => {
          setLast({ clientId: submittedId, kind: outcome.kind });
          setValue(defaultValue(goal));
          setDone(false);
          setComment('');
          setDate(session.today());
          setClientId(crypto.randomUUID());
        },
      },
    );
  }

  const queued = last?.kind === 'queued' && queueState.items.some((item) => item.id === last.clientId);
  const statusKey: MessageKey | null = mutation.isPending ? null : last ? (queued ? 'checkIn.queued' : 'checkIn.saved') : null;
  const error = mutation.error ? checkInErrorKey(failureOf(mutation.error)) : null;
  const invalid = (key: MessageKey | undefined) => (key ? { validationState: 'error' as const, validationMessage: t(key) } : {});

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-describedby={describedBy} data-testid="check-in-form">
      {followsRoster ? (
        <Body1 className={styles.comment}>{t('checkIn.followsRoster')}</Body1>
      ) : goal.kind === 'milestone' ? (
        <Checkbox className={styles.done} checked={done} onChange={(_, d) => setDone(d.checked === true)} label={t('checkIn.milestoneDone')} />
      ) : (
        <Field className={styles.value} label={valueLabel} {...invalid(errors.value)}>
          <Input className={styles.input} inputMode={goal.kind === 'recurring' ? 'numeric' : 'decimal'} value={value} onChange={(_, d) => setValue(d.value)} autoComplete="off" />
        </Field>
      )}
      <Field className={styles.date} label={t('checkIn.date')} {...invalid(errors.date)}>
        <Input className={styles.input} type="date" value={date} onChange={(_, d) => setDate(d.value)} />
      </Field>
      <Field className={styles.comment} label={t('checkIn.comment')} {...invalid(errors.form)}>
        <Textarea value={comment} onChange={(_, d) => setComment(d.value)} resize="vertical" rows={2} />
      </Field>
      {error && (
        <MessageBar intent="error" className={styles.status} role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('checkIn.error.title')}</MessageBarTitle>
            {t(error)}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={mutation.isPending} aria-describedby={describedBy}>
          {mutation.isPending ? t('checkIn.submitting') : t('checkIn.submit')}
        </Button>
        <div role="status" aria-live="polite" data-testid="check-in-status">
          {statusKey && <Body1 className={queued ? styles.queued : styles.saved}>{t(statusKey)}</Body1>}
        </div>
      </div>
    </form>
  );
}
