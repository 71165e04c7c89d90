/** What the tab shows when it cannot start inside Teams: opened outside any host, or misconfigured. */
import { FluentProvider, teamsLightTheme, webDarkTheme } from '@fluentui/react-components';
import { EmptyView } from '../components/state-views';
import { I18nProvider, LOCALES, useI18n, type Language } from '../i18n';
import { createI18n } from '../i18n/catalogue';
import { toAppLanguage } from '../teams';

function Notice({ kind, detail }: { kind: 'outside' | 'config'; detail?: string }) {
  const { t } = useI18n();
  return kind === 'outside' ? (
    <EmptyView title={t('host.outside.title')} body={t('host.outside.body')} />
  ) : (
    <EmptyView
      title={t('app.error.title')}
      body={t('app.error.config')}
      action={
        detail ? (
          <details>
            <summary>{t('app.details')}</summary>
            <pre style={{ whiteSpace: 'pre-wrap', textAlign: 'left' }}>{detail}</pre>
          </details>
        ) : undefined
      }
    />
  );
}

export function StandaloneNotice({ kind, detail }: { kind: 'outside' | 'config'; detail?: string }) {
  const language: Language = toAppLanguage(navigator.language);
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  document.documentElement.lang = LOCALES[language];
  return (
    <FluentProvider theme={dark ? webDarkTheme : teamsLightTheme} style={{ minHeight: '100vh' }}>
      <I18nProvider i18n={createI18n(language)}>
        <Notice kind={kind} detail={detail} />
      </I18nProvider>
    </FluentProvider>
  );
}
