/** The charts (features/charts): the goal's trend and activities per year, the overview's charts. */
import type { CataloguePart } from '../define-part';
import { en } from './charts/en';
import { nb } from './charts/nb';
import { nn } from './charts/nn';

/** The part in every language, for the whole catalogue (catalogue.ts); the tab takes one language from charts/ (languages/*.ts). */
export const charts: CataloguePart<keyof typeof en & string> = { en, nb, nn };
