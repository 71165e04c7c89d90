/** The tab's main navigation. */
import type { CataloguePart } from '../define-part';
import { en } from './navigation/en';
import { nb } from './navigation/nb';
import { nn } from './navigation/nn';

/** The part in every language, for the whole catalogue (catalogue.ts); the tab takes one language from navigation/ (languages/*.ts). */
export const navigation: CataloguePart<keyof typeof en & string> = { en, nb, nn };
