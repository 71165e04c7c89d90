/**
 * The board's steps: rename one (an empty name gives a built-in step its translated name back),
 * take one out of use or into use again, add steps of its own. Saved on the plan item with its
 * eTag; when someone else saved the plan first, the board chooses whose steps win.
 */
import { Badge, Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, ArrowUndo20Regular, Archive20Regular } from '@fluentui/react-icons';
import { useId, useState, type FormEvent } from 'react';
import type { RosterSnapshot } from '../../../domain/roster-port';
import { MAX_ROLLOUT_STEPS, MAX_STEP_LABEL, addStep, type RolloutStep } from '../../../domain/roster';
import { ConflictDialog } from '../../../components/conflict-dialog';
import { useSourcedState } from '../../../hooks/use-sourced-state';
import { useI18n, type MessageKey } from '../../../i18n';
import { useRolloutNames } from '../names';
import { cleanSteps, writeFailure } from '../rollout-model';
import { useRosterActions } from '../use-roster';
import { useRolloutStyles } from './styles';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '& > :first-child': { flex: '1 1 220px', minWidth: 0 },
  },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  add: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, '& > :first-child': { flex: '1 1 220px', minWidth: 0 } },
});

export function StepsEditor({ teamId, snapshot }: { teamId: string; snapshot: RosterSnapshot }) {
  const styles = useRolloutStyles();
  const own = useStyles();
  const { t } = useI18n();
  const names = useRolloutNames();
  const actions = useRosterActions(teamId);
  const id = useId();
  // The draft follows fresh data until the board edits it.
  const [draft, setDraft] = useSourcedState<readonly RolloutStep[]>(snapshot.steps);
  const [newName, setNewName] = useState('');
  const [newError, setNewError] = useState<MessageKey | null>(null);
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<{ key: MessageKey; intent: 'success' | 'error' } | null>(null);
  const [conflict, setConflict] = useState<RosterSnapshot | null>(null);
  const [saving, setSaving] = useState(false);
  const plan = snapshot.plan;
  const changed = JSON.stringify(draft) !== JSON.stringify(snapshot.steps);

  const change = (stepId: string, patch: Partial<RolloutStep>) => {
    setDraft((steps) => steps.map((s) => (s.id === stepId ? { ...s, ...patch } : s)));
    setMessage(null);
  };

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (newName.trim() === '') {
      setNewError('rollout.steps.validation.name');
      return;
    }
    if (draft.length >= MAX_ROLLOUT_STEPS) return;
    setDraft((steps) => addStep(steps, newName));
    setNewName('');
    setNewError(null);
    setMessage(null);
  };

  async function save(target: { id: string; etag: string | null }) {
    const { steps, missingNames } = cleanSteps(draft);
    setInvalid(new Set(missingNames));
    setMessage(null);
    if (missingNames.length > 0) return;
    setSaving(true);
    try {
      await actions.saveSteps(steps, target);
      setDraft(steps);
      setMessage({ key: 'rollout.steps.saved', intent: 'success' });
    } catch (err) {
      const kind = writeFailure(err);
      const latest = kind === 'conflict' ? await actions.latest().catch(() => null) : null;
      if (latest) setConflict(latest);
      else setMessage({ key: kind === 'denied' ? 'rollout.error.denied' : 'rollout.steps.failed', intent: 'error' });
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`} data-testid="rollout-steps">
      <Subtitle1 as="h2" id={`${id}-heading`} className={styles.heading}>
        {t('rollout.steps.heading')}
      </Subtitle1>
      <Body1>{t('rollout.steps.intro')}</Body1>
      {!plan && (
        <MessageBar intent="info">
          <MessageBarBody>{t('rollout.steps.noPlan')}</MessageBarBody>
        </MessageBar>
      )}
      <ol className={own.list}>
          {draft.map((step, index) => {
            const builtIn = names.builtInName(step);
            const shownName = names.step(step);
            return (
              <li key={step.id} className={own.item} data-step={step.id}>
                <Field
                  label={t('rollout.steps.nameLabel', { number: index + 1 })}
                  hint={builtIn ? t('rollout.steps.builtIn', { name: builtIn }) : undefined}
                  validationMessage={invalid.has(step.id) ? t('rollout.steps.validation.name') : undefined}
                >
                  <Input
                    value={step.label ?? ''}
                    placeholder={builtIn ?? undefined}
                    maxLength={MAX_STEP_LABEL}
                    disabled={!plan || saving}
                    onChange={(_, d) => change(step.id, { label: d.value === '' ? null : d.value })}
                  />
                </Field>
                <div className={own.meta}>
                  <Caption1>{t(step.kind === 'manual' ? 'rollout.steps.kind.manual' : 'rollout.steps.kind.tenant')}</Caption1>
                  {step.retired && (
                    <Badge appearance="tint" color="warning">
                      {t('rollout.steps.retired')}
                    </Badge>
                  )}
                  <Button
                    size="small"
                    icon={step.retired ? <ArrowUndo20Regular /> : <Archive20Regular />}
                    disabled={!plan || saving}
                    aria-label={t(step.retired ? 'rollout.steps.reinstateLabel' : 'rollout.steps.retireLabel', { step: shownName })}
                    onClick={() => change(step.id, { retired: !step.retired })}
                  >
                    {t(step.retired ? 'rollout.steps.reinstate' : 'rollout.steps.retire')}
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
      {plan && (
        <form className={own.add} onSubmit={add} noValidate>
          <Field
            label={t('rollout.steps.new')}
            validationMessage={newError ? t(newError) : draft.length >= MAX_ROLLOUT_STEPS ? t('rollout.steps.max', { max: MAX_ROLLOUT_STEPS }) : undefined}
            validationState={newError ? 'error' : 'none'}
          >
            <Input value={newName} maxLength={MAX_STEP_LABEL} disabled={saving || draft.length >= MAX_ROLLOUT_STEPS} onChange={(_, d) => setNewName(d.value)} />
          </Field>
          <Button type="submit" icon={<Add20Regular />} disabled={saving || draft.length >= MAX_ROLLOUT_STEPS}>
            {t('rollout.steps.add')}
          </Button>
        </form>
      )}
      <div aria-live="polite">
        {message && (
          <MessageBar intent={message.intent}>
            <MessageBarBody>{t(message.key)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {plan && (
        <div className={styles.row}>
          <Button appearance="primary" disabled={saving || !changed} onClick={() => void save(plan)}>
            {saving ? t('rollout.steps.saving') : t('rollout.steps.save')}
          </Button>
          <Button
            disabled={saving || !changed}
            onClick={() => {
              setDraft(snapshot.steps);
              setInvalid(new Set());
            }}
          >
            {t('rollout.steps.reset')}
          </Button>
        </div>
      )}
      {conflict && (
        <ConflictDialog
          title={t('rollout.steps.conflict.title')}
          body={t('rollout.steps.conflict.body')}
          onReload={() => {
            setDraft(conflict.steps);
            setConflict(null);
          }}
          onOverwrite={() => {
            const target = conflict.plan;
            setConflict(null);
            if (target) void save(target);
          }}
        />
      )}
    </section>
  );
}
