/** The board's Import view: upload, preview, save (features/import). */
import type { CataloguePart } from '../define-part';
import { en } from './import/en';
import { nb } from './import/nb';
import { nn } from './import/nn';

/** The part in every language, for the whole catalogue (catalogue.ts); the tab takes one language from import/ (languages/*.ts). */
export const importPart: CataloguePart<keyof typeof en & string> = { en, nb, nn };
