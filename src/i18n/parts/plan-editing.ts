/** The Plan screen's filters and the board's goal editing (features/plan). */
import type { CataloguePart } from '../define-part';
import { en } from './plan-editing/en';
import { nb } from './plan-editing/nb';
import { nn } from './plan-editing/nn';

/** The part in every language, for the whole catalogue (catalogue.ts); the tab takes one language from plan-editing/ (languages/*.ts). */
export const planEditing: CataloguePart<keyof typeof en & string> = { en, nb, nn };
