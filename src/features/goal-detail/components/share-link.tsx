import { Button, Caption1 } from '@fluentui/react-components';
import { Link20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { LocalGoal } from '../../../domain/plan';
import { useI18n } from '../../../i18n';
import { useServices } from '../../../lib/services';

/** Label of the Teams deep link: the goal's text, short enough to keep the link well under Teams' length limit. */
function linkLabel(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** Copies a Teams deep link to the goal; hidden when the tab cannot make one (no app id). */
export function ShareLink({ goal }: { goal: LocalGoal }) {
  const { t } = useI18n();
  const { session } = useServices();
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  const link = session.deepLink(`goal:${goal.id}`, linkLabel(goal.text));
  if (!link) return null;
  const copy = async () => {
    setResult(null);
    try {
      await navigator.clipboard.writeText(link);
      setResult('copied');
    } catch {
      setResult('failed');
    }
  };
  return (
    <>
      <Button appearance="secondary" icon={<Link20Regular />} onClick={() => void copy()}>
        {t('goalDetail.copyLink')}
      </Button>
      <Caption1 role="status">
        {result === 'copied' && t('goalDetail.copied')}
        {result === 'failed' && t('goalDetail.copyFailed', { link })}
      </Caption1>
    </>
  );
}
