/**
 * What reminder posts say in the team's channel, in the plan's language (the tab's 'Send reminders
 * now' and the unattended runner both write with these), and the Settings section that sets them.
 */
import type { CataloguePart } from '../define-part';
import { en } from './reminders/en';
import { nb } from './reminders/nb';
import { nn } from './reminders/nn';

/** The part in every language, for the whole catalogue (catalogue.ts); the tab takes one language from reminders/ (languages/*.ts). */
export const reminders: CataloguePart<keyof typeof en & string> = { en, nb, nn };
