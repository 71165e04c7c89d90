/** The plan's table of the current situation and challenges (features/situation). */
import type { CataloguePart } from '../define-part';
import { en } from './situation/en';
import { nb } from './situation/nb';
import { nn } from './situation/nn';

/** The part in every language, for the whole catalogue (catalogue.ts); the tab takes one language from situation/ (languages/*.ts). */
export const situation: CataloguePart<keyof typeof en & string> = { en, nb, nn };
