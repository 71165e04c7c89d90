/** The reminder channel's Workflows webhook URL in Settings → Reminders (board only; features/settings). */
import type { CataloguePart } from '../define-part';
import { en } from './reminder-webhook/en';
import { nb } from './reminder-webhook/nb';
import { nn } from './reminder-webhook/nn';

/** The part in every language, for the whole catalogue (catalogue.ts); the tab takes one language from reminder-webhook/ (languages/*.ts). */
export const reminderWebhook: CataloguePart<keyof typeof en & string> = { en, nb, nn };
