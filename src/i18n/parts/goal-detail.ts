/** The Goal screen (features/goal-detail). */
import type { CataloguePart } from '../define-part';
import { en } from './goal-detail/en';
import { nb } from './goal-detail/nb';
import { nn } from './goal-detail/nn';

/** The part in every language, for the whole catalogue (catalogue.ts); the tab takes one language from goal-detail/ (languages/*.ts). */
export const goalDetail: CataloguePart<keyof typeof en & string> = { en, nb, nn };
