/**
 * The Org365 rollout (issue 13) outside its own view: the names of steps and roles, the board's
 * roster import and export (features/rollout/import) and a representative's own checklist on
 * My goals (features/my-goals/own-checklist.tsx).
 */
import type { CataloguePart } from '../define-part';
import { en } from './rollout-import/en';
import { nb } from './rollout-import/nb';
import { nn } from './rollout-import/nn';

/** The part in every language, for the whole catalogue (catalogue.ts); the tab takes one language from rollout-import/ (languages/*.ts). */
export const rolloutImport: CataloguePart<keyof typeof en & string> = { en, nb, nn };
