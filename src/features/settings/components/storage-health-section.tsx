import { Badge, Body1, Button, MessageBar, MessageBarBody, Spinner, Subtitle1, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import { Wrench20Regular } from '@fluentui/react-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ListHealth, OwnerUpgrade, StorageHealth } from '../../../domain/ports';
import { planQueryKey } from '../../../hooks/use-plan';
import { teamMembersKey } from '../../../hooks/use-team-role';
import { useI18n } from '../../../i18n';
import { useSettingsTableStyles } from './table-styles';
import { useServices } from '../../../lib/services';

const useStyles = makeStyles({
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  unmatched: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalXL },
});

const COLOR: Record<ListHealth['state'], BadgeProps['color']> = {
  ok: 'success',
  missing: 'danger',
  outdated: 'warning',
  repaired: 'informative',
  created: 'informative',
};

export const healthKey = (teamId: string) => ['storage-health', teamId] as const;

/**
 * The team site's lists: what health() finds, and a Repair that runs provision() and then moves
 * owners that older lists stored by user name to Entra ids (upgradeOwners).
 */
export function StorageHealthSection({ teamId, className }: { teamId: string; className: string }) {
  const styles = { ...useSettingsTableStyles(), ...useStyles() };
  const { t } = useI18n();
  const { planRepository, directory } = useServices();
  const queryClient = useQueryClient();
  const health = useQuery({ queryKey: healthKey(teamId), queryFn: () => planRepository(teamId).health(), staleTime: 0 });
  const [repairing, setRepairing] = useState(false);
  const [result, setResult] = useState<StorageHealth | 'failed' | null>(null);
  const [owners, setOwners] = useState<OwnerUpgrade | 'failed' | null>(null);

  async function repair() {
    setRepairing(true);
    setResult(null);
    setOwners(null);
    try {
      const repository = planRepository(teamId);
      let outcome: StorageHealth;
      try {
        outcome = await repository.provision();
      } catch {
        setResult('failed');
        return;
      }
      setResult(outcome);
      try {
        // Fresh members (the same cache entry the rest of the app reads): owners are matched against them.
        const members = await queryClient.fetchQuery({ queryKey: teamMembersKey(teamId), queryFn: () => directory.teamMembers(teamId) });
        setOwners(await repository.upgradeOwners(members));
      } catch {
        setOwners('failed');
      }
      await queryClient.invalidateQueries({ queryKey: healthKey(teamId) });
      await queryClient.invalidateQueries({ queryKey: planQueryKey(teamId) });
      // New lists start by inheriting the site's permissions: the permissions section looks again.
      await queryClient.invalidateQueries({ queryKey: ['list-permissions', teamId] });
    } finally {
      setRepairing(false);
    }
  }

  const changed = result && result !== 'failed' ? result.lists.filter((l) => l.state === 'repaired' || l.state === 'created') : [];
  const needsRepair = health.data?.lists.some((l) => l.state !== 'ok') ?? false;

  return (
    <section className={className} aria-labelledby="settings-health" aria-busy={health.isFetching || repairing}>
      <Subtitle1 as="h2" id="settings-health">
        {t('settings.health.heading')}
      </Subtitle1>
      <Body1>{t('settings.health.intro')}</Body1>
      {health.isLoading ? (
        <Spinner size="small" label={t('app.loading')} />
      ) : health.error || !health.data ? (
        <MessageBar intent="error">
          <MessageBarBody>{t('settings.health.loadFailed')}</MessageBarBody>
        </MessageBar>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table} aria-labelledby="settings-health">
            <thead>
              <tr>
                <th scope="col">{t('settings.health.list')}</th>
                <th scope="col">{t('settings.health.state')}</th>
                <th scope="col">{t('settings.health.missingColumns')}</th>
                <th scope="col">{t('settings.health.version')}</th>
              </tr>
            </thead>
            <tbody>
              {health.data.lists.map((list) => (
                <tr key={list.key} data-list={list.key}>
                  <th scope="row">{list.displayName}</th>
                  <td>
                    <Badge appearance="tint" color={COLOR[list.state]} data-state={list.state}>
                      {t(`settings.health.state.${list.state}`)}
                    </Badge>
                  </td>
                  <td>{list.missingColumns.length > 0 ? list.missingColumns.join(', ') : t('settings.health.noneMissing')}</td>
                  <td>{list.version}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className={styles.actions}>
        <Button appearance={needsRepair ? 'primary' : 'secondary'} icon={<Wrench20Regular />} disabled={repairing} onClick={() => void repair()}>
          {repairing ? t('settings.health.repairing') : t('settings.health.repair')}
        </Button>
        <Button appearance="subtle" disabled={health.isFetching || repairing} onClick={() => void health.refetch()}>
          {t('settings.health.check')}
        </Button>
      </div>
      <div aria-live="polite" className={styles.results}>
        {result === 'failed' && (
          <MessageBar intent="error">
            <MessageBarBody>{t('settings.health.repairFailed')}</MessageBarBody>
          </MessageBar>
        )}
        {result && result !== 'failed' && (
          <MessageBar intent="success">
            <MessageBarBody>
              {changed.length > 0
                ? `${t('settings.health.repairedResult', { count: changed.length })} ${changed.map((l) => `${l.displayName}: ${t(`settings.health.state.${l.state}`)}`).join(' · ')}`
                : t('settings.health.nothingToRepair')}
            </MessageBarBody>
          </MessageBar>
        )}
        {owners === 'failed' && (
          <MessageBar intent="error">
            <MessageBarBody>{t('settings.health.ownersFailed')}</MessageBarBody>
          </MessageBar>
        )}
        {owners && owners !== 'failed' && owners.upgraded > 0 && (
          <MessageBar intent="success">
            <MessageBarBody>{t('settings.health.ownersUpgraded', { count: owners.upgraded })}</MessageBarBody>
          </MessageBar>
        )}
        {owners && owners !== 'failed' && owners.unmatched.length > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              {t('settings.health.ownersUnmatched', { count: owners.unmatched.length })}
              <ul className={styles.unmatched}>
                {owners.unmatched.map((u) => (
                  <li key={u.goalId}>{t('settings.health.ownersUnmatchedItem', { goal: u.goalText, stored: u.stored })}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
