import { makeStyles, tokens } from '@fluentui/react-components';
import { useCardStyles, VISUALLY_HIDDEN } from '../../../components/layout-styles';

/** Styles shared by the Goal screen's sections (the card itself is the app's shared card). */
const useOwnStyles = makeStyles({
  heading: { margin: 0 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  visuallyHidden: VISUALLY_HIDDEN,
});

export function useSectionStyles() {
  return { section: useCardStyles().card, ...useOwnStyles() };
}

/** The local calendar day (YYYY-MM-DD) of an ISO timestamp, for formatDate. */
export { localDay } from '../../../domain/calendar';
