import { Body1, Caption1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useCardStyles } from '../../../components/layout-styles';

const useStyles = makeStyles({
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** A titled overview section; when it has nothing to list it says so instead of disappearing. */
export function OverviewSection({
  id,
  title,
  intro,
  isEmpty,
  emptyText,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  isEmpty: boolean;
  emptyText: string;
  children: ReactNode;
}) {
  const styles = { section: useCardStyles().card, ...useStyles() };
  const headingId = `overview-${id}`;
  return (
    <section className={styles.section} aria-labelledby={headingId} data-section={id}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {title}
      </Subtitle1>
      {intro && <Caption1 className={styles.muted}>{intro}</Caption1>}
      {isEmpty ? (
        <Body1 className={styles.muted} data-empty>
          {emptyText}
        </Body1>
      ) : (
        children
      )}
    </section>
  );
}
