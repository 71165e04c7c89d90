/**
 * What the app writes into Microsoft Planner and into check-ins that come from Planner, in the
 * plan's language (the tab and the unattended runner both translate with these).
 */
import type { CataloguePart } from '../define-part';
import { en } from './planner/en';
import { nb } from './planner/nb';
import { nn } from './planner/nn';

/** The part in every language, for the whole catalogue (catalogue.ts); the tab takes one language from planner/ (languages/*.ts). */
export const planner: CataloguePart<keyof typeof en & string> = { en, nb, nn };
