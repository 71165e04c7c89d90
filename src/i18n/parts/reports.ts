/**
 * The board's reports: the Reports view (issue 14) and the words of the documents it makes
 * (src/reports/content.ts), in the tab's language and in the language chosen for the document.
 */
import type { CataloguePart } from '../define-part';
import { en } from './reports/en';
import { nb } from './reports/nb';
import { nn } from './reports/nn';

/** The part in every language, for the whole catalogue (catalogue.ts); the tab takes one language from reports/ (languages/*.ts). */
export const reportsPart: CataloguePart<keyof typeof en & string> = { en, nb, nn };
