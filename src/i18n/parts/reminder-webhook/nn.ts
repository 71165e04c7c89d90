/** The reminder-webhook part in nynorsk (../reminder-webhook.ts). */
import type { Translation } from '../../define-part';
import type { en } from './en';

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
