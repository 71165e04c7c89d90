/** The Overview screen (features/overview). */
import type { CataloguePart } from '../define-part';
import { en } from './overview/en';
import { nb } from './overview/nb';
import { nn } from './overview/nn';

/** The part in every language, for the whole catalogue (catalogue.ts); the tab takes one language from overview/ (languages/*.ts). */
export const overview: CataloguePart<keyof typeof en & string> = { en, nb, nn };
