import { Body1, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n';

const useStyles = makeStyles({ page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL, maxWidth: '720px' } });

/** The privacy statement and terms of use the app manifest links to. */
export function LegalPage({ page }: { page: 'privacy' | 'terms' }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <main className={styles.page}>
      <Title3 as="h1">{t(`legal.${page}.title`)}</Title3>
      <Body1 as="p">{t(`legal.${page}.body`)}</Body1>
    </main>
  );
}
