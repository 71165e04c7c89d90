/** The Org365 rollout view (issue 13): the representatives, their steps, the board's edits. */
import type { CataloguePart } from '../define-part';
import { en } from './rollout/en';
import { nb } from './rollout/nb';
import { nn } from './rollout/nn';

/** The part in every language, for the whole catalogue (catalogue.ts); the tab takes one language from rollout/ (languages/*.ts). */
export const rollout: CataloguePart<keyof typeof en & string> = { en, nb, nn };
