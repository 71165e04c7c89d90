/** Why a goal has its status, and what an area's or the plan's progress counts (components/status-reason.ts). */
import type { CataloguePart } from '../define-part';
import { en } from './status/en';
import { nb } from './status/nb';
import { nn } from './status/nn';

/** The part in every language, for the whole catalogue (catalogue.ts); the tab takes one language from status/ (languages/*.ts). */
export const statusPart: CataloguePart<keyof typeof en & string> = { en, nb, nn };
