/** Sync with Planner, conflicts and the goal page's tasks. */
import type { CataloguePart } from '../define-part';
import { en } from './planner-sync/en';
import { nb } from './planner-sync/nb';
import { nn } from './planner-sync/nn';

/** The part in every language, for the whole catalogue (catalogue.ts); the tab takes one language from planner-sync/ (languages/*.ts). */
export const plannerSync: CataloguePart<keyof typeof en & string> = { en, nb, nn };
