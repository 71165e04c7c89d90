import {
  Badge,
  Body1,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Subtitle1,
  makeStyles,
  tokens,
  type BadgeProps,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular, Copy20Regular, ShieldLock20Regular } from '@fluentui/react-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ListPermission, PermissionsHealth } from '../../../domain/ports';
import { useI18n } from '../../../i18n';
import { useSettingsTableStyles } from './table-styles';
import { useServices } from '../../../lib/services';

const useStyles = makeStyles({
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, outlineStyle: 'none' },
  command: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
  code: {
    display: 'block',
    boxSizing: 'border-box',
    width: '100%',
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    // Wraps instead of scrolling, so the whole command is visible and selectable without a scroll region.
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    userSelect: 'all',
  },
});

const COLOR: Record<ListPermission['state'], BadgeProps['color']> = {
  ok: 'success',
  inherited: 'warning',
  different: 'warning',
};

export const permissionsKey = (teamId: string) => ['list-permissions', teamId] as const;

/** The administrator's one-off fallback (docs/deployment.md, "List permissions"), with the site filled in. */
export function provisionCommand(site: string): string {
  return `npm run provision -- --site ${site} --tenant <tenant id> --client-id <app id>`;
}

type CopyState = 'copied' | 'failed' | null;

/**
 * Who may change the plan: the lists' permissions as SharePoint has them (permissions()), and a
 * button that gives the lists their permissions (applyPermissions()). When the browser cannot do
 * it (no answer from SharePoint REST, or SharePoint refusing), it shows the administrator's command.
 */
export function PermissionsSection({ teamId, className }: { teamId: string; className: string }) {
  const styles = { ...useSettingsTableStyles(), ...useStyles() };
  const { t } = useI18n();
  const { planRepository } = useServices();
  const queryClient = useQueryClient();
  const health = useQuery({ queryKey: permissionsKey(teamId), queryFn: () => planRepository(teamId).permissions(), staleTime: 0 });
  const [applying, setApplying] = useState(false);
  /** What the last applyPermissions() returned (a rejection counts as failed); null before applying. */
  const [outcome, setOutcome] = useState<PermissionsHealth | null>(null);
  const [copy, setCopy] = useState<CopyState>(null);
  const codeRef = useRef<HTMLElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);

  async function apply() {
    setApplying(true);
    setOutcome(null);
    setCopy(null);
    try {
      let next: PermissionsHealth;
      try {
        next = await planRepository(teamId).applyPermissions();
      } catch {
        next = { state: 'failed', lists: [] };
      }
      setOutcome(next);
      await queryClient.invalidateQueries({ queryKey: permissionsKey(teamId) });
    } finally {
      setApplying(false);
    }
  }

  function check() {
    setOutcome(null);
    setCopy(null);
    void health.refetch();
  }

  // The apply button goes away when its work is done: keep focus in the section, on the result.
  useEffect(() => {
    if (outcome && !applying && (document.activeElement === null || document.activeElement === document.body)) resultsRef.current?.focus();
  }, [outcome, applying]);

  async function copyCommand(command: string) {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(command);
      setCopy('copied');
    } catch {
      // Teams or the browser may refuse the clipboard: select the command so that Ctrl+C copies it.
      const code = codeRef.current;
      const selection = window.getSelection();
      if (code && selection) selection.selectAllChildren(code);
      setCopy('failed');
    }
  }

  const current: PermissionsHealth | undefined = outcome ?? health.data;
  const state: PermissionsHealth['state'] | undefined = current?.state ?? (health.error ? 'failed' : undefined);
  const lists = health.data?.lists.length ? health.data.lists : (outcome?.lists ?? []);
  const site = current?.siteUrl ?? health.data?.siteUrl ?? teamId;
  const command = provisionCommand(site);
  const busy = health.isFetching || applying;

  return (
    <section className={className} aria-labelledby="settings-permissions" aria-busy={busy}>
      <Subtitle1 as="h2" id="settings-permissions">
        {t('settings.permissions.heading')}
      </Subtitle1>
      <Body1>{t('settings.permissions.intro')}</Body1>
      {health.isLoading ? (
        <Spinner size="small" label={t('app.loading')} />
      ) : (
        lists.length > 0 && (
          <div className={styles.tableWrap}>
            <table className={styles.table} aria-labelledby="settings-permissions">
              <thead>
                <tr>
                  <th scope="col">{t('settings.permissions.list')}</th>
                  <th scope="col">{t('settings.permissions.rule')}</th>
                  <th scope="col">{t('settings.permissions.state')}</th>
                </tr>
              </thead>
              <tbody>
                {lists.map((list) => (
                  <tr key={list.key} data-list={list.key}>
                    <th scope="row">{list.displayName}</th>
                    <td>{t(`settings.permissions.rule.${list.rule}`)}</td>
                    <td>
                      <Badge appearance="tint" color={COLOR[list.state]} data-state={list.state}>
                        {t(`settings.permissions.state.${list.state}`)}
                      </Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
      <div aria-live="polite" className={styles.results} ref={resultsRef} tabIndex={-1} data-permissions-state={state}>
        {state === 'ok' && (
          <MessageBar intent="success">
            <MessageBarBody>{t(outcome ? 'settings.permissions.applied' : 'settings.permissions.ok')}</MessageBarBody>
          </MessageBar>
        )}
        {state === 'notApplied' && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t(outcome ? 'settings.permissions.stillNotApplied' : 'settings.permissions.notApplied')}</MessageBarBody>
            <MessageBarActions>
              <Button
                appearance="primary"
                icon={applying ? <Spinner size="tiny" /> : <ShieldLock20Regular />}
                disabledFocusable={applying}
                onClick={() => void apply()}
              >
                {applying ? t('settings.permissions.applying') : t('settings.permissions.apply')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {(state === 'unreachable' || state === 'denied') && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t(state === 'unreachable' ? 'settings.permissions.unreachable' : 'settings.permissions.denied')}</MessageBarBody>
          </MessageBar>
        )}
        {state === 'failed' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{t(outcome ? 'settings.permissions.applyFailed' : 'settings.permissions.loadFailed')}</MessageBarBody>
            <MessageBarActions>
              <Button disabledFocusable={busy} onClick={() => (outcome ? void apply() : check())}>
                {t('settings.permissions.retry')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
      {(state === 'unreachable' || state === 'denied') && (
        <div className={styles.command}>
          <Body1>{t(state === 'unreachable' ? 'settings.permissions.commandIntro' : 'settings.permissions.commandAlternative')}</Body1>
          <pre className={styles.code}>
            <code ref={codeRef} data-testid="provision-command">
              {command}
            </code>
          </pre>
          <Body1>{t('settings.permissions.commandPlaceholders')}</Body1>
          <Button icon={<Copy20Regular />} onClick={() => void copyCommand(command)}>
            {t('settings.permissions.copy')}
          </Button>
          <div aria-live="polite">
            {copy && <Body1>{t(copy === 'copied' ? 'settings.permissions.copied' : 'settings.permissions.copyFailed')}</Body1>}
          </div>
          <Body1>{t('settings.permissions.docs')}</Body1>
        </div>
      )}
      <div className={styles.actions}>
        <Button appearance="subtle" icon={<ArrowClockwise20Regular />} disabled={busy} onClick={check}>
          {t('settings.permissions.check')}
        </Button>
      </div>
    </section>
  );
}
