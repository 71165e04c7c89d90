/** The config part in bokmål (../config.ts). */
import type { Translation } from '../../define-part';
import type { en } from './en';

export const nb: Translation<typeof en> = {
  'tabConfig.checking': 'Ser etter teamets handlingsplan …',
  'tabConfig.hasPlan': 'Fanen viser handlingsplanen til {union}, {from}–{to}. Velg Lagre for å legge den til.',
  'tabConfig.noPlan.title': 'Teamet har ingen handlingsplan ennå',
  'tabConfig.noPlan.board': 'Opprett planen fra Fagforbundets nasjonale mal (de seks satsingsområdene med nasjonale mål og strategier), og legg så inn fagforeningens egne mål i fanen.',
  'tabConfig.noPlan.steward': 'Et styremedlem (en eier av teamet) må opprette handlingsplanen før fanen kan legges til.',
  'tabConfig.language': 'Planens språk',
  'tabConfig.create': 'Opprett fra den nasjonale malen',
  'tabConfig.creating': 'Oppretter handlingsplanen …',
  'tabConfig.created': 'Handlingsplanen er opprettet. Velg Lagre for å legge til fanen.',
  'tabConfig.createFailed': 'Handlingsplanen kunne ikke opprettes. Prøv igjen.',
  'tabConfig.loadFailed': 'Teamets handlingsplan kunne ikke sjekkes. Lukk dialogen og prøv igjen.',
};
