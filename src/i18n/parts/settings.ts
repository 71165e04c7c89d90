/** The board's Settings screen (features/settings). */
import type { CataloguePart } from '../define-part';
import { en } from './settings/en';
import { nb } from './settings/nb';
import { nn } from './settings/nn';

/** The part in every language, for the whole catalogue (catalogue.ts); the tab takes one language from settings/ (languages/*.ts). */
export const settings: CataloguePart<keyof typeof en & string> = { en, nb, nn };
