import type { CataloguePart, Translation } from '../define-part';

/** The configurable tab's configuration page (features/tab-config). */
export const en = {
  'tabConfig.checking': 'Looking for the team’s plan…',
  'tabConfig.hasPlan': 'The tab will show the action plan of {union}, {from}–{to}. Choose Save to add it.',
  'tabConfig.noPlan.title': 'This team has no plan yet',
  'tabConfig.noPlan.board': 'Create the plan from Fagforbundet’s national template (the six priority areas with their national goals and strategies), then add the union’s own goals in the tab.',
  'tabConfig.noPlan.steward': 'A board member (a team owner) must create the plan before the tab can be added.',
  'tabConfig.language': 'Language of the plan',
  'tabConfig.create': 'Create from the national template',
  'tabConfig.creating': 'Creating the plan…',
  'tabConfig.created': 'The plan was created. Choose Save to add the tab.',
  'tabConfig.createFailed': 'The plan could not be created. Try again.',
  'tabConfig.loadFailed': 'The team’s plan could not be checked. Close this dialog and try again.',
};
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

/** The part in every language, for the whole catalogue (catalogue.ts). */
export const config: CataloguePart<keyof typeof en & string> = { en, nb, nn };
