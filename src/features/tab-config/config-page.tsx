import { Body1, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { ConfigPageHost } from '../../teams';
import { useI18n } from '../../i18n';

const useStyles = makeStyles({ page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL } });

/**
 * The configurable tab's configuration page (teams-js pages.config): saving adds the plan tab
 * to the channel. The plan itself is created from the tab by a board member.
 */
export function ConfigPage({ config, team, contentUrl }: { config: ConfigPageHost; team: { displayName: string } | null; contentUrl: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  useEffect(() => {
    if (!team) {
      config.setValidity(false);
      return;
    }
    config.registerOnSave(async () => ({
      entityId: 'handlingsplan',
      contentUrl,
      websiteUrl: contentUrl,
      suggestedDisplayName: t('config.tabName'),
    }));
    config.setValidity(true);
  }, [config, team, contentUrl, t]);
  return (
    <main className={styles.page}>
      <Title3 as="h1">{t('config.title')}</Title3>
      <Body1>{team ? t('config.body', { team: team.displayName }) : t('config.noTeam')}</Body1>
    </main>
  );
}
