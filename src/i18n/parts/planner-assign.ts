/** Bulk assignment of owners and Planner tasks (plan view). */
import type { CataloguePart } from '../define-part';
import { en } from './planner-assign/en';
import { nb } from './planner-assign/nb';
import { nn } from './planner-assign/nn';

/** The part in every language, for the whole catalogue (catalogue.ts); the tab takes one language from planner-assign/ (languages/*.ts). */
export const plannerAssign: CataloguePart<keyof typeof en & string> = { en, nb, nn };
