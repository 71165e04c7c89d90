/** The reminder-webhook part in bokmål (../reminder-webhook.ts). */
import type { Translation } from '../../define-part';
import type { en } from './en';

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
