/** My goals: check-ins, the offline queue and its messages. */
import type { CataloguePart } from '../define-part';
import { en } from './check-ins/en';
import { nb } from './check-ins/nb';
import { nn } from './check-ins/nn';

/** The part in every language, for the whole catalogue (catalogue.ts); the tab takes one language from check-ins/ (languages/*.ts). */
export const checkIns: CataloguePart<keyof typeof en & string> = { en, nb, nn };
