/**
 * An Adaptive Card shown as Teams will show it, rendered by Microsoft's `adaptivecards` renderer
 * (loaded on demand: only the board's reminder preview needs it). Actions are shown but inert: this
 * is a preview, and its links open the tab the board is already in.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';

const useStyles = makeStyles({
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalS,
    overflowWrap: 'anywhere',
  },
});

export function AdaptiveCardView({ card, label }: { card: Readonly<Record<string, unknown>>; label: string }) {
  const styles = useStyles();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let cancelled = false;
    void import('adaptivecards').then((AC) => {
      const target = host.current;
      if (cancelled || !target) return;
      const rendered = new AC.AdaptiveCard();
      rendered.hostConfig = new AC.HostConfig({ fontFamily: 'Segoe UI, system-ui, sans-serif', supportsInteractivity: true });
      rendered.onExecuteAction = () => undefined;
      rendered.parse(card);
      const element = rendered.render();
      target.replaceChildren(...(element ? [element] : []));
    });
    return () => {
      cancelled = true;
    };
  }, [card]);
  return <div ref={host} className={styles.card} role="group" aria-label={label} data-testid="adaptive-card" />;
}
