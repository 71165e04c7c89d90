import { Body1, Button, Field, MessageBar, MessageBarBody, Select, Spinner, Subtitle2, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PlanLanguage } from '../../domain/plan';
import type { ConfigPageHost } from '../../teams';
import { usePlan } from '../../hooks/use-plan';
import { useSetupPlan } from '../../hooks/use-setup-plan';
import { useTeamRole } from '../../hooks/use-team-role';
import { useI18n } from '../../i18n';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL, maxWidth: '720px', boxSizing: 'border-box' },
  create: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', '& > :first-child': { flex: '0 1 200px' } },
});

export interface ConfigTeam {
  /** The Graph team id (Microsoft 365 group id). */
  readonly groupId: string;
  readonly displayName: string;
}

/**
 * The configurable tab's configuration page (teams-js pages.config). Shows whether the team has
 * a plan; a board member can create one from the national template here. Save is allowed once
 * the team has a plan, so the tab always opens on one.
 */
export function ConfigPage({ config, team, contentUrl }: { config: ConfigPageHost; team: ConfigTeam | null; contentUrl: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  useEffect(() => {
    if (!team) config.setValidity(false);
  }, [config, team]);
  return (
    <main className={styles.page}>
      <Title3 as="h1">{t('config.title')}</Title3>
      {team ? <TeamConfig config={config} team={team} contentUrl={contentUrl} /> : <Body1>{t('config.noTeam')}</Body1>}
    </main>
  );
}

function TeamConfig({ config, team, contentUrl }: { config: ConfigPageHost; team: ConfigTeam; contentUrl: string }) {
  const styles = useStyles();
  const { t, language: uiLanguage } = useI18n();
  const plan = usePlan(team.groupId);
  const { role, isLoading: roleLoading } = useTeamRole(team.groupId);
  const setup = useSetupPlan(team.groupId, team.displayName);
  const [language, setLanguage] = useState<PlanLanguage>(uiLanguage === 'nn' ? 'nn' : 'nb');
  const suggestedDisplayName = t('config.tabName');
  const hasPlan = Boolean(plan.data);

  useEffect(() => {
    config.registerOnSave(async () => ({ entityId: 'handlingsplan', contentUrl, websiteUrl: contentUrl, suggestedDisplayName }));
  }, [config, contentUrl, suggestedDisplayName]);

  useEffect(() => {
    config.setValidity(hasPlan);
  }, [config, hasPlan]);

  if (plan.isLoading || roleLoading) return <Spinner label={t('tabConfig.checking')} labelPosition="after" />;
  if (plan.error) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{t('tabConfig.loadFailed')}</MessageBarBody>
      </MessageBar>
    );
  }
  const snapshot = plan.data;
  if (snapshot) {
    return (
      <>
        <Body1>{t('config.body', { team: team.displayName })}</Body1>
        <MessageBar intent={setup.isSuccess ? 'success' : 'info'} aria-live="polite">
          <MessageBarBody>
            {setup.isSuccess
              ? t('tabConfig.created')
              : t('tabConfig.hasPlan', { union: snapshot.plan.union, from: String(snapshot.plan.periodFrom), to: String(snapshot.plan.periodTo) })}
          </MessageBarBody>
        </MessageBar>
      </>
    );
  }
  return (
    <section aria-labelledby="config-no-plan">
      <Subtitle2 as="h2" id="config-no-plan">
        {t('tabConfig.noPlan.title')}
      </Subtitle2>
      {role === 'board' ? (
        <>
          <Body1 as="p">{t('tabConfig.noPlan.board')}</Body1>
          <div className={styles.create}>
            <Field label={t('tabConfig.language')}>
              <Select value={language} onChange={(_, d) => setLanguage(d.value as PlanLanguage)} disabled={setup.isPending}>
                <option value="nb">{t('language.nb')}</option>
                <option value="nn">{t('language.nn')}</option>
              </Select>
            </Field>
            <Button appearance="primary" disabled={setup.isPending} onClick={() => setup.mutate(language)}>
              {setup.isPending ? t('tabConfig.creating') : t('tabConfig.create')}
            </Button>
          </div>
          <div aria-live="polite">
            {setup.error && (
              <MessageBar intent="error">
                <MessageBarBody>{t('tabConfig.createFailed')}</MessageBarBody>
              </MessageBar>
            )}
          </div>
        </>
      ) : (
        <Body1 as="p">{t('tabConfig.noPlan.steward')}</Body1>
      )}
    </section>
  );
}
