/**
 * A representative's own rollout checklist on 'My goals' (issue 13): each step of the Org365
 * rollout, done or not. The account and team steps follow the tenant and cannot be ticked; a
 * manual step not done can be confirmed ('I have done this') and a confirmation of one's own
 * withdrawn; a step the board registered stays as the board left it. Nothing shows for someone who
 * is not on the team's roster.
 */
import { Body1, Button, Caption1, MessageBar, MessageBarBody, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, Circle20Regular } from '@fluentui/react-icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AccessDeniedError } from '../../domain/ports';
import { representativeOf, stepDone, type DirectoryFacts, type Representative, type RolloutStep } from '../../domain/roster';
import { rolloutStepName } from '../../components/progress-text';
import { useMe } from '../../hooks/use-me';
import { useStoredRoster } from '../../hooks/use-stored-roster';
import { useI18n, type MessageKey } from '../../i18n';
import { useServices } from '../../lib/services';

/** Who says a step is done: the tenant (account, team), the board, the representative, or nobody yet. */
export type ChecklistSource = 'tenant' | 'board' | 'self' | 'none';

export interface ChecklistItem {
  readonly step: RolloutStep;
  readonly done: boolean;
  readonly source: ChecklistSource;
  /** The day a manual step was marked done, or null. */
  readonly on: string | null;
  /** What the representative can do here: confirm a step not done, undo their own confirmation, or nothing. */
  readonly action: 'confirm' | 'undo' | null;
}

/** The checklist of one representative: every step not retired, in the rollout's order. */
export function checklistItems(rep: Representative, steps: readonly RolloutStep[], facts: DirectoryFacts | null): ChecklistItem[] {
  return steps
    .filter((step) => !step.retired)
    .map((step): ChecklistItem => {
      if (step.kind !== 'manual') return { step, done: stepDone(rep, step, facts), source: 'tenant', on: null, action: null };
      const mark = rep.marks[step.id];
      if (!mark) return { step, done: false, source: 'none', on: null, action: 'confirm' };
      return { step, done: true, source: mark.by, on: mark.on, action: mark.by === 'self' ? 'undo' : null };
    });
}

/** The translated message for a failed confirmation. */
export function confirmErrorKey(err: unknown): MessageKey {
  return err instanceof AccessDeniedError ? 'ownChecklist.error.denied' : 'ownChecklist.error.failed';
}

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL} 0`,
    maxWidth: '900px',
    margin: '0 auto',
    boxSizing: 'border-box',
    width: '100%',
  },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  name: { flex: '1 1 12rem', display: 'flex', flexDirection: 'column', minWidth: 0 },
  done: { color: tokens.colorPaletteGreenForeground1 },
  open: { color: tokens.colorNeutralForeground3 },
  muted: { color: tokens.colorNeutralForeground3 },
});

function ItemRow({ item, busy, onAction }: { item: ChecklistItem; busy: boolean; onAction: (item: ChecklistItem) => void }) {
  const styles = useStyles();
  const { t, formatDate } = useI18n();
  const name = rolloutStepName(item.step.id, t, [item.step]);
  const detail =
    item.source === 'tenant'
      ? t('ownChecklist.tenantHint')
      : item.source === 'board' && item.on
        ? t('ownChecklist.byBoard', { date: formatDate(item.on) })
        : item.source === 'self' && item.on
          ? t('ownChecklist.bySelf', { date: formatDate(item.on) })
          : null;
  const nameId = `own-step-${item.step.id}`;
  return (
    <li className={styles.item} data-step={item.step.id} data-done={item.done}>
      {item.done ? <CheckmarkCircle20Filled className={styles.done} aria-hidden /> : <Circle20Regular className={styles.open} aria-hidden />}
      <span className={styles.name}>
        <Body1 id={nameId}>
          {name}: <strong>{t(item.done ? 'ownChecklist.done' : 'ownChecklist.notDone')}</strong>
        </Body1>
        {detail && <Caption1 className={styles.muted}>{detail}</Caption1>}
      </span>
      {item.action && (
        <Button size="small" appearance={item.action === 'confirm' ? 'primary' : 'secondary'} disabled={busy} aria-describedby={nameId} onClick={() => onAction(item)}>
          {t(item.action === 'confirm' ? 'ownChecklist.confirm' : 'ownChecklist.undo')}
        </Button>
      )}
    </li>
  );
}

/** The signed-in user's checklist in this team, or nothing when they are not a representative here (or the roster cannot be read). */
export function OwnChecklist({ teamId }: { teamId: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { roster, session } = useServices();
  const me = useMe();
  const queryClient = useQueryClient();
  // The roster as stored (the board's view and the runner keep the tenant's steps current); never persisted.
  const query = useStoredRoster(teamId);
  const [notice, setNotice] = useState<{ readonly kind: 'ok' | 'error'; readonly text: string } | null>(null);
  const confirm = useMutation({
    mutationFn: ({ item }: { item: ChecklistItem }) => roster(teamId).confirmOwn(item.step.id, item.action === 'confirm' ? session.today() : null),
    onSuccess: (_, { item }) => {
      const step = rolloutStepName(item.step.id, t, [item.step]);
      setNotice({ kind: 'ok', text: t(item.action === 'confirm' ? 'ownChecklist.confirmed' : 'ownChecklist.undone', { step }) });
    },
    onError: (err) => setNotice({ kind: 'error', text: t(confirmErrorKey(err)) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['roster', teamId] }),
  });

  const snapshot = query.data;
  if (!snapshot || me.id === null) return null;
  const rep = representativeOf(snapshot.reps, me.id);
  if (!rep) return null;
  const items = checklistItems(rep, snapshot.steps, snapshot.facts);
  if (items.length === 0) return null;
  const busy = confirm.isPending || query.isFetching;
  return (
    <section className={styles.section} aria-labelledby="own-checklist-heading" data-testid="own-checklist">
      <Subtitle1 as="h2" id="own-checklist-heading">
        {t('ownChecklist.heading')}
      </Subtitle1>
      <Caption1 className={styles.muted}>{t('ownChecklist.intro', { role: t(`rolloutNames.role.${rep.role}`) })}</Caption1>
      <ul className={styles.list} aria-label={t('ownChecklist.list')}>
        {items.map((item) => (
          <ItemRow
            key={item.step.id}
            item={item}
            busy={busy}
            onAction={(chosen) => {
              setNotice(null);
              confirm.mutate({ item: chosen });
            }}
          />
        ))}
      </ul>
      <div role="status" aria-live="polite">
        {notice?.kind === 'ok' && <Caption1>{notice.text}</Caption1>}
      </div>
      <div role="alert">
        {notice?.kind === 'error' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
