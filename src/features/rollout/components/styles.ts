import { VISUALLY_HIDDEN } from '../../../components/layout-styles';
import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles shared by the rollout view's sections. */
export const useRolloutStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  /** A table wider than the screen scrolls inside its own labelled, focusable region, never the page. */
  scroll: {
    overflowX: 'auto',
    maxWidth: '100%',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    '& th, & td': {
      textAlign: 'start',
      verticalAlign: 'top',
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    '& thead th': { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3, verticalAlign: 'bottom' },
    '& tfoot th, & tfoot td': { fontWeight: tokens.fontWeightSemibold, borderBottom: 'none' },
  },
  number: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  visuallyHidden: VISUALLY_HIDDEN,
});
