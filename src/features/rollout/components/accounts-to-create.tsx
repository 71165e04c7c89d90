/**
 * The representatives the tenant has no account for, as lines the board copies and sends to the
 * tenant's administrators (who create Org365 accounts; the board cannot).
 */
import { Body1, Button, Field, MessageBar, MessageBarBody, Subtitle1, Textarea } from '@fluentui/react-components';
import { Copy20Regular } from '@fluentui/react-icons';
import { useId, useRef, useState } from 'react';
import type { DirectoryFacts, Representative, RolloutStep } from '../../../domain/roster';
import { useI18n, type MessageKey } from '../../../i18n';
import { useRolloutNames } from '../names';
import { accountsText, withoutAccount } from '../rollout-model';
import { useRolloutStyles } from './styles';

export function AccountsToCreate({ reps, steps, facts }: { reps: readonly Representative[]; steps: readonly RolloutStep[]; facts: DirectoryFacts | null }) {
  const styles = useRolloutStyles();
  const { t, locale } = useI18n();
  const names = useRolloutNames();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<{ key: MessageKey; intent: 'success' | 'warning' } | null>(null);
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const missing = withoutAccount(reps, steps, facts).sort((a, b) => collator.compare(a.name, b.name));
  const text = accountsText(
    t('rollout.accounts.header').split(';'),
    missing.map((r) => [r.name, r.email, names.role(r.role), r.workplace]),
  );

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('No clipboard');
      await navigator.clipboard.writeText(text);
      setCopied({ key: 'rollout.accounts.copied', intent: 'success' });
    } catch {
      // The clipboard is refused in some hosts (a frame without clipboard-write): select the text instead.
      area.current?.focus();
      area.current?.select();
      setCopied({ key: 'rollout.accounts.copyFailed', intent: 'warning' });
    }
  };

  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`} data-testid="rollout-accounts">
      <Subtitle1 as="h2" id={`${id}-heading`} className={styles.heading}>
        {t('rollout.accounts.heading')}
      </Subtitle1>
      {missing.length === 0 ? (
        <Body1>{t('rollout.accounts.none')}</Body1>
      ) : (
        <>
          <Body1>
            {t('rollout.accounts.count', { count: missing.length })} {t('rollout.accounts.body')}
          </Body1>
          <Field label={t('rollout.accounts.label')}>
            <Textarea ref={area} readOnly value={text} rows={Math.min(12, missing.length + 2)} resize="vertical" spellCheck={false} />
          </Field>
          <div className={styles.row}>
            <Button icon={<Copy20Regular />} onClick={() => void copy()}>
              {t('rollout.accounts.copy')}
            </Button>
          </div>
          <div aria-live="polite">
            {copied && (
              <MessageBar intent={copied.intent}>
                <MessageBarBody>{t(copied.key)}</MessageBarBody>
              </MessageBar>
            )}
          </div>
        </>
      )}
    </section>
  );
}
