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

/** Characters that must not reach the page as markup. */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The Markdown Teams applies to TextBlocks, as far as the app's cards use it: `**bold**` and
 * `<at>Name</at>` mentions (shown as the bold name). Everything is escaped first, so no text in a
 * card becomes markup; TextRuns (where plan text goes) are never passed here.
 */
export function cardMarkdownToHtml(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/&lt;at&gt;(.+?)&lt;\/at&gt;/g, '<strong data-mention="">$1</strong>');
}

export function AdaptiveCardView({ card, label }: { card: Readonly<Record<string, unknown>>; label: string }) {
  const styles = useStyles();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let cancelled = false;
    void import('adaptivecards').then((AC) => {
      const target = host.current;
      if (cancelled || !target) return;
      AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
        result.outputHtml = cardMarkdownToHtml(text);
        result.didProcess = true;
      };
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
