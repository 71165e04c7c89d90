/** The config part in nynorsk (../config.ts). */
import type { Translation } from '../../define-part';
import type { en } from './en';

export const nn: Translation<typeof en> = {
  'tabConfig.checking': 'Ser etter handlingsplanen til teamet …',
  'tabConfig.hasPlan': 'Fana viser handlingsplanen til {union}, {from}–{to}. Vel Lagre for å leggje ho til.',
  'tabConfig.noPlan.title': 'Teamet har ingen handlingsplan enno',
  'tabConfig.noPlan.board': 'Opprett planen frå den nasjonale malen til Fagforbundet (dei seks satsingsområda med nasjonale mål og strategiar), og legg så inn dei eigne måla til fagforeininga i fana.',
  'tabConfig.noPlan.steward': 'Eit styremedlem (ein eigar av teamet) må opprette handlingsplanen før fana kan leggjast til.',
  'tabConfig.language': 'Språket i planen',
  'tabConfig.create': 'Opprett frå den nasjonale malen',
  'tabConfig.creating': 'Opprettar handlingsplanen …',
  'tabConfig.created': 'Handlingsplanen er oppretta. Vel Lagre for å leggje til fana.',
  'tabConfig.createFailed': 'Handlingsplanen kunne ikkje opprettast. Prøv igjen.',
  'tabConfig.loadFailed': 'Handlingsplanen til teamet kunne ikkje sjekkast. Lukk dialogen og prøv igjen.',
};
