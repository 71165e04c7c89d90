/** The Plan screen's table view, its narrow-screen filters, the tab strip's overflow and the overview's links into the plan (issue 14). */
import type { CataloguePart } from '../define-part';
import { en } from './plan-table/en';
import { nb } from './plan-table/nb';
import { nn } from './plan-table/nn';

/** The part in every language, for the whole catalogue (catalogue.ts); the tab takes one language from plan-table/ (languages/*.ts). */
export const planTable: CataloguePart<keyof typeof en & string> = { en, nb, nn };
