/**
 * The plan view's compact bar for the sync with Planner (issue 11): what the last sync did, in
 * words (announced politely), a button to sync now, and for the board the differences the sync
 * could not settle, each with a choice of whose value to keep. Shown only when the plan has a
 * Planner binding; the sync itself runs in usePlannerSync (once on opening, then on demand).
 */
import { Body1, Button, Caption1, Spinner, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSync20Regular, CheckmarkCircle20Regular, ErrorCircle20Regular, Warning20Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { PersonRef } from '../domain/plan';
import type { SyncConflict, SyncReport } from '../domain/planner-port';
import { ConflictError, type TeamMember } from '../domain/ports';
import { usePlannerSync } from '../hooks/use-planner-sync';
import { useI18n, type I18n } from '../i18n';
import { useCardStyles } from './layout-styles';
import { personName } from './owner-names';
import { errorMessageKey } from './state-views';

const useStyles = makeStyles({
  bar: { gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  status: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, flex: '1 1 20rem', minWidth: 0 },
  icon: { flexShrink: 0, marginTop: '1px' },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  line: { margin: 0 },
  heading: { margin: 0 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  conflict: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  conflictText: { flex: '1 1 20rem', minWidth: 0, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Tone = 'ok' | 'warning' | 'error';

/** What a sync did, as sentences (the first says whether anything changed), and how it went. */
export function syncSummary(report: SyncReport, t: I18n['t']): { lines: string[]; tone: Tone } {
  if (report.state === 'unreachable') return { lines: [t('plannerSync.result.unreachable')], tone: 'error' };
  if (report.state === 'notConnected') return { lines: [t('plannerSync.result.notConnected')], tone: 'warning' };
  const changes: string[] = [];
  if (report.checkIns > 0) changes.push(t('plannerSync.result.checkIns', { count: report.checkIns }));
  if (report.tasksUpdated > 0) changes.push(t('plannerSync.result.tasksUpdated', { count: report.tasksUpdated }));
  if (report.goalsUpdated > 0) changes.push(t('plannerSync.result.goalsUpdated', { count: report.goalsUpdated }));
  const rest: string[] = [];
  if (report.conflicts.length > 0) rest.push(t('plannerSync.result.conflicts', { count: report.conflicts.length }));
  if (report.deferred > 0) rest.push(t('plannerSync.result.deferred', { count: report.deferred }));
  if (report.failures.length > 0) rest.push(t('plannerSync.result.failures', { count: report.failures.length }));
  const first = changes.length > 0 ? [t('plannerSync.result.synced', { changes: changes.join(', ') })] : rest.length === 0 ? [t('plannerSync.result.agree')] : [];
  return { lines: [...first, ...rest], tone: report.failures.length > 0 || report.conflicts.length > 0 ? 'warning' : 'ok' };
}

/** A conflicting value as people read it. */
export function conflictValue(field: SyncConflict['field'], value: unknown, members: readonly TeamMember[], i18n: Pick<I18n, 't' | 'formatDate' | 'locale'>): string {
  const { t, formatDate } = i18n;
  switch (field) {
    case 'title':
      return typeof value === 'string' ? value : '';
    case 'dueDay':
      return typeof value === 'string' && value ? formatDate(value) : t('plannerSync.value.none');
    case 'completed':
      return value === true ? t('plannerSync.value.done') : t('plannerSync.value.notDone');
    case 'assigneeIds': {
      const ids = Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
      if (ids.length === 0) return t('plannerSync.value.nobody');
      const names = ids.map((id) => {
        const member: PersonRef | undefined = members.find((m) => m.id === id);
        return member ? personName(member, t) : t('plannerSync.tasks.outsider');
      });
      return new Intl.ListFormat(i18n.locale, { style: 'long', type: 'conjunction' }).format(names);
    }
  }
}

const conflictKey = (c: SyncConflict) => `${c.goalId}|${c.taskId}|${c.field}`;

export function PlannerSyncBar({ teamId }: { teamId: string }) {
  const styles = { ...useCardStyles(), ...useStyles() };
  const i18n = useI18n();
  const { t } = i18n;
  const planner = usePlannerSync(teamId);
  const [resolving, setResolving] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; tone: Tone } | null>(null);
  // Conflicts settled since the last report (hidden until the sync after the choice reports again).
  const [settled, setSettled] = useState<ReadonlySet<string>>(new Set());
  const rootRef = useRef<HTMLElement>(null);
  const syncButtonRef = useRef<HTMLButtonElement>(null);
  const focusAfterResolve = useRef(false);
  const { report, syncing } = planner;

  useEffect(() => setSettled(new Set()), [report]);
  const busy = syncing || resolving !== null;
  // After a choice, focus goes to the next difference, or to the sync button when none is left.
  useEffect(() => {
    if (!focusAfterResolve.current || busy) return;
    focusAfterResolve.current = false;
    const next = rootRef.current?.querySelector<HTMLButtonElement>('[data-conflict] button');
    (next ?? syncButtonRef.current)?.focus();
  });

  if (!planner.bound) return null;

  const conflicts = planner.role === 'board' && report ? report.conflicts.filter((c) => !settled.has(conflictKey(c))) : [];
  const field = (f: SyncConflict['field']) => t(`plannerSync.field.${f}`);
  const value = (c: SyncConflict, side: 'plan' | 'planner') => conflictValue(c.field, side === 'plan' ? c.goalValue : c.taskValue, planner.members, i18n);

  const choose = async (conflict: SyncConflict, keep: 'plan' | 'planner') => {
    if (busy) return;
    const key = conflictKey(conflict);
    setResolving(key);
    setNotice(null);
    try {
      await planner.resolve(conflict, keep);
      setSettled((prev) => new Set(prev).add(key));
      setNotice({ text: t(keep === 'plan' ? 'plannerSync.resolved.plan' : 'plannerSync.resolved.planner', { field: field(conflict.field), goal: conflict.goalText }), tone: 'ok' });
    } catch (error) {
      setNotice({
        text: error instanceof ConflictError ? t('plannerSync.resolveConflict') : t('plannerSync.resolveFailed', { reason: t(errorMessageKey(error)) }),
        tone: 'error',
      });
    } finally {
      focusAfterResolve.current = true;
      setResolving(null);
    }
  };

  let lines: string[];
  let tone: Tone | null = null;
  if (resolving !== null) lines = [t('plannerSync.resolving')];
  else if (syncing) lines = [t('plannerSync.syncing')];
  else if (planner.error) {
    lines = [t('plannerSync.failed', { reason: t(errorMessageKey(planner.error)) })];
    tone = 'error';
  } else if (report) {
    ({ lines, tone } = syncSummary(report, t));
  } else lines = [t('plannerSync.notYet')];
  if (notice && !busy) lines = [notice.text, ...lines];
  const shownTone = notice?.tone === 'error' && !busy ? 'error' : tone;
  const Icon = shownTone === 'ok' ? CheckmarkCircle20Regular : shownTone === 'warning' ? Warning20Regular : shownTone === 'error' ? ErrorCircle20Regular : null;
  const headingId = `planner-sync-conflicts-${teamId}`;

  return (
    <section ref={rootRef} className={mergeClasses(styles.card, styles.bar)} aria-label={t('plannerSync.regionLabel')} data-planner-sync={report?.state ?? 'none'}>
      <div className={styles.row}>
        <div className={styles.status}>
          {busy ? <Spinner size="extra-tiny" className={styles.icon} aria-hidden /> : Icon && <Icon aria-hidden className={mergeClasses(styles.icon, styles[shownTone as Tone])} />}
          <div role="status" aria-live="polite" aria-atomic="true" className={styles.lines} data-testid="planner-sync-status">
            {lines.map((line, i) => (
              <Body1 key={i} as="p" className={styles.line}>
                {line}
              </Body1>
            ))}
          </div>
        </div>
        <Button ref={syncButtonRef} icon={<ArrowSync20Regular />} disabledFocusable={busy} onClick={() => void planner.sync()}>
          {t('plannerSync.syncNow')}
        </Button>
      </div>
      {conflicts.length > 0 && (
        <div role="group" aria-labelledby={headingId}>
          <Subtitle2 as="h2" id={headingId} className={styles.heading}>
            {t('plannerSync.conflicts.heading')}
          </Subtitle2>
          <ul className={styles.list}>
            {conflicts.map((c) => {
              const plan = value(c, 'plan');
              const theirs = value(c, 'planner');
              return (
                <li key={conflictKey(c)} className={styles.conflict} data-conflict={c.field} data-goal-id={c.goalId}>
                  <Caption1 className={styles.conflictText}>
                    {t('plannerSync.conflict.line', { goal: c.goalText, field: field(c.field), plan, planner: theirs })}
                  </Caption1>
                  <div className={styles.actions}>
                    <Button
                      size="small"
                      disabledFocusable={busy}
                      aria-label={t('plannerSync.keepPlan.label', { field: field(c.field), value: plan, goal: c.goalText })}
                      onClick={() => void choose(c, 'plan')}
                    >
                      {t('plannerSync.keepPlan')}
                    </Button>
                    <Button
                      size="small"
                      disabledFocusable={busy}
                      aria-label={t('plannerSync.keepPlanner.label', { field: field(c.field), value: theirs, goal: c.goalText })}
                      onClick={() => void choose(c, 'planner')}
                    >
                      {t('plannerSync.keepPlanner')}
                    </Button>
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
