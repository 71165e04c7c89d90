/** The configurable tab's configuration page (features/tab-config). */
import type { CataloguePart } from '../define-part';
import { en } from './config/en';
import { nb } from './config/nb';
import { nn } from './config/nn';

/** The part in every language, for the whole catalogue (catalogue.ts); the tab takes one language from config/ (languages/*.ts). */
export const config: CataloguePart<keyof typeof en & string> = { en, nb, nn };
