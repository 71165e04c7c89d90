/**
 * The status colours of the charts, as tokens so that they follow the Teams theme: the same
 * mapping as the status badge (components/status-badge.tsx: notStarted informative, onTrack
 * success, atRisk warning, behind danger, done brand), in the strong shades the filled badge uses.
 */
import { tokens } from '@fluentui/react-components';
import type { GoalStatus } from '../../domain/plan';

export const STATUS_COLOUR: Readonly<Record<GoalStatus, string>> = {
  notStarted: tokens.colorNeutralStrokeAccessible, // informative
  onTrack: tokens.colorPaletteGreenBackground3, // success
  atRisk: tokens.colorPaletteDarkOrangeBackground3, // warning
  behind: tokens.colorPaletteRedBackground3, // danger
  done: tokens.colorBrandBackground, // brand
};
