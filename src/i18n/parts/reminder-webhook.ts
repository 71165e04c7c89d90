import type { CataloguePart, Translation } from '../define-part';

/** The reminder channel's Workflows webhook URL in Settings → Reminders (board only; features/settings). */
export const en = {
  'reminders.webhook.heading': 'Workflows webhook',
  'reminders.webhook.help':
    'With a webhook from the Workflows app, reminders can be posted in {channel} automatically, without anyone opening the plan and without the app’s bot. To create it in Teams: in the channel, choose … (More options) → Workflows → “Post to a channel when a webhook request is received”, finish the steps, and paste the URL it shows here.',
  'reminders.webhook.secret': 'Keep the URL secret: anyone who has it can post in the channel. Only the board can see it here and in SharePoint.',
  'reminders.webhook.label': 'Workflows webhook URL',
  'reminders.webhook.show': 'Show URL',
  'reminders.webhook.stored': 'A webhook URL is saved for {channel}.',
  'reminders.webhook.none': 'No webhook URL is saved for {channel}.',
  'reminders.webhook.noChannel': 'Choose and save a reminder channel first: the webhook belongs to that channel.',
  'reminders.webhook.save': 'Save webhook',
  'reminders.webhook.remove': 'Remove webhook',
  'reminders.webhook.saved': 'The webhook URL was saved. Only the board can see it.',
  'reminders.webhook.removed': 'The webhook URL was removed.',
  'reminders.webhook.invalid.empty': 'Paste the webhook URL from Workflows.',
  'reminders.webhook.invalid.notHttps': 'The URL must be a web address that starts with https://.',
  'reminders.webhook.invalid.notWorkflows':
    'This is not a Workflows webhook URL. Use the URL Teams shows for the workflow “Post to a channel when a webhook request is received” (its address ends in logic.azure.com or powerplatform.com).',
  'reminders.webhook.conflict.title': 'Someone else changed the webhook',
  'reminders.webhook.conflict.body':
    'Another board member saved or changed this channel’s webhook URL after you opened it. Reload to see theirs (your URL is not saved), or overwrite it with yours.',
  'reminders.webhook.gone': 'Someone removed the webhook URL in the meantime. Save again to store yours.',
  'reminders.webhook.notSecured.unreachable':
    'The URL was not saved: the tab could not reach SharePoint to make sure that only the board can read it. Try again later. If it keeps failing, ask your IT administrator (see “Who may change the plan”).',
  'reminders.webhook.notSecured.denied':
    'The URL was not saved: SharePoint did not let the tab make sure that only the board can read it. Sign in as an owner of the team’s SharePoint site, and ask your IT administrator to grant the app the SharePoint permission AllSites.FullControl.',
  'reminders.webhook.denied': 'Only the board (the team’s owners) can save or remove a webhook URL.',
  'reminders.webhook.failed': 'The webhook URL could not be saved or removed. Try again.',
  'reminders.webhook.loadFailed': 'The saved webhook URL could not be read.',
};
export const nb: Translation<typeof en> = {
  'reminders.webhook.heading': 'Workflows-webhook',
  'reminders.webhook.help':
    'Med en webhook fra Workflows-appen kan påminnelser postes i kanalen {channel} automatisk, uten at noen åpner planen og uten appens bot. Slik lager du den i Teams: i kanalen velger du … (Flere alternativer) → Workflows → «Post to a channel when a webhook request is received», fullfører trinnene og limer inn URL-en du får, her.',
  'reminders.webhook.secret': 'Hold URL-en hemmelig: alle som har den, kan poste i kanalen. Bare styret kan se den her og i SharePoint.',
  'reminders.webhook.label': 'URL til Workflows-webhook',
  'reminders.webhook.show': 'Vis URL',
  'reminders.webhook.stored': 'En webhook-URL er lagret for kanalen {channel}.',
  'reminders.webhook.none': 'Ingen webhook-URL er lagret for kanalen {channel}.',
  'reminders.webhook.noChannel': 'Velg og lagre en kanal for påminnelser først: webhooken hører til den kanalen.',
  'reminders.webhook.save': 'Lagre webhook',
  'reminders.webhook.remove': 'Fjern webhook',
  'reminders.webhook.saved': 'Webhook-URL-en er lagret. Bare styret kan se den.',
  'reminders.webhook.removed': 'Webhook-URL-en er fjernet.',
  'reminders.webhook.invalid.empty': 'Lim inn webhook-URL-en fra Workflows.',
  'reminders.webhook.invalid.notHttps': 'URL-en må være en nettadresse som begynner med https://.',
  'reminders.webhook.invalid.notWorkflows':
    'Dette er ikke en URL til en Workflows-webhook. Bruk URL-en Teams viser for arbeidsflyten «Post to a channel when a webhook request is received» (adressen slutter på logic.azure.com eller powerplatform.com).',
  'reminders.webhook.conflict.title': 'Noen andre har endret webhooken',
  'reminders.webhook.conflict.body':
    'Et annet styremedlem lagret eller endret webhook-URL-en for denne kanalen etter at du åpnet den. Last inn på nytt for å se deres (din URL lagres ikke), eller overskriv med din.',
  'reminders.webhook.gone': 'Noen har fjernet webhook-URL-en i mellomtiden. Lagre på nytt for å lagre din.',
  'reminders.webhook.notSecured.unreachable':
    'URL-en ble ikke lagret: fanen fikk ikke kontakt med SharePoint for å sikre at bare styret kan lese den. Prøv igjen senere. Hvis det fortsatt ikke går, spør IT-ansvarlig (se «Hvem kan endre planen»).',
  'reminders.webhook.notSecured.denied':
    'URL-en ble ikke lagret: SharePoint lot ikke fanen sikre at bare styret kan lese den. Logg på som eier av teamets SharePoint-område, og be IT-ansvarlig gi appen SharePoint-tillatelsen AllSites.FullControl.',
  'reminders.webhook.denied': 'Bare styret (teamets eiere) kan lagre eller fjerne en webhook-URL.',
  'reminders.webhook.failed': 'Webhook-URL-en kunne ikke lagres eller fjernes. Prøv igjen.',
  'reminders.webhook.loadFailed': 'Den lagrede webhook-URL-en kunne ikke leses.',
};
export const nn: Translation<typeof en> = {
  'reminders.webhook.heading': 'Workflows-webhook',
  'reminders.webhook.help':
    'Med ein webhook frå Workflows-appen kan påminningar postast i kanalen {channel} automatisk, utan at nokon opnar planen og utan bot-en til appen. Slik lagar du han i Teams: i kanalen vel du … (Fleire alternativ) → Workflows → «Post to a channel when a webhook request is received», fullfører stega og limer inn URL-en du får, her.',
  'reminders.webhook.secret': 'Hald URL-en hemmeleg: alle som har han, kan poste i kanalen. Berre styret kan sjå han her og i SharePoint.',
  'reminders.webhook.label': 'URL til Workflows-webhook',
  'reminders.webhook.show': 'Vis URL',
  'reminders.webhook.stored': 'Ein webhook-URL er lagra for kanalen {channel}.',
  'reminders.webhook.none': 'Ingen webhook-URL er lagra for kanalen {channel}.',
  'reminders.webhook.noChannel': 'Vel og lagre ein kanal for påminningar først: webhooken høyrer til den kanalen.',
  'reminders.webhook.save': 'Lagre webhook',
  'reminders.webhook.remove': 'Fjern webhook',
  'reminders.webhook.saved': 'Webhook-URL-en er lagra. Berre styret kan sjå han.',
  'reminders.webhook.removed': 'Webhook-URL-en er fjerna.',
  'reminders.webhook.invalid.empty': 'Lim inn webhook-URL-en frå Workflows.',
  'reminders.webhook.invalid.notHttps': 'URL-en må vere ei nettadresse som byrjar med https://.',
  'reminders.webhook.invalid.notWorkflows':
    'Dette er ikkje ein URL til ein Workflows-webhook. Bruk URL-en Teams viser for arbeidsflyten «Post to a channel when a webhook request is received» (adressa sluttar på logic.azure.com eller powerplatform.com).',
  'reminders.webhook.conflict.title': 'Nokon andre har endra webhooken',
  'reminders.webhook.conflict.body':
    'Eit anna styremedlem lagra eller endra webhook-URL-en for denne kanalen etter at du opna han. Last inn på nytt for å sjå deira (URL-en din blir ikkje lagra), eller skriv over med din.',
  'reminders.webhook.gone': 'Nokon har fjerna webhook-URL-en i mellomtida. Lagre på nytt for å lagre din.',
  'reminders.webhook.notSecured.unreachable':
    'URL-en vart ikkje lagra: fana fekk ikkje kontakt med SharePoint for å sikre at berre styret kan lese han. Prøv igjen seinare. Viss det framleis ikkje går, spør IT-ansvarleg (sjå «Kven kan endre planen»).',
  'reminders.webhook.notSecured.denied':
    'URL-en vart ikkje lagra: SharePoint lét ikkje fana sikre at berre styret kan lese han. Logg på som eigar av SharePoint-området til teamet, og be IT-ansvarleg gi appen SharePoint-løyvet AllSites.FullControl.',
  'reminders.webhook.denied': 'Berre styret (eigarane av teamet) kan lagre eller fjerne ein webhook-URL.',
  'reminders.webhook.failed': 'Webhook-URL-en kunne ikkje lagrast eller fjernast. Prøv igjen.',
  'reminders.webhook.loadFailed': 'Den lagra webhook-URL-en kunne ikkje lesast.',
};

/** The part in every language, for the whole catalogue (catalogue.ts). */
export const reminderWebhook: CataloguePart<keyof typeof en & string> = { en, nb, nn };
