import { Caption1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { EmptyView, ErrorView, LoadingView } from '../../../components/state-views';
import { usePlan } from '../../../hooks/use-plan';
import { useI18n } from '../../../i18n';
import { PermissionsSection } from './permissions-section';
import { PlanSettingsSection } from './plan-settings-section';
import { ReminderSection } from './reminder-section';
import { StorageHealthSection } from './storage-health-section';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL, maxWidth: '900px', margin: '0 auto', boxSizing: 'border-box', width: '100%' },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
});

/** The board's settings: plan metadata and language, reminder channel, the lists' health and who may change them. */
export function SettingsPage({ teamId }: { teamId: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const plan = usePlan(teamId);
  if (plan.isLoading) return <LoadingView />;
  if (plan.error) return <ErrorView error={plan.error} onRetry={() => void plan.refetch()} />;
  const snapshot = plan.data;
  return (
    <main className={styles.page}>
      <header className={styles.header}>
        {snapshot && <Caption1 className={styles.muted}>{snapshot.plan.union}</Caption1>}
        <Title2 as="h1">{t('settings.title')}</Title2>
      </header>
      {snapshot ? (
        <>
          <PlanSettingsSection key={`plan-${snapshot.plan.id}`} teamId={teamId} plan={snapshot.plan} className={styles.section} />
          <ReminderSection key={`reminder-${snapshot.plan.id}`} teamId={teamId} plan={snapshot.plan} className={styles.section} />
        </>
      ) : (
        <EmptyView title={t('plan.empty.board.title')} body={t('plan.empty.board.body')} />
      )}
      <StorageHealthSection teamId={teamId} className={styles.section} />
      <PermissionsSection teamId={teamId} className={styles.section} />
    </main>
  );
}
