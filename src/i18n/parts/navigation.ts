import type { CataloguePart, Translation } from '../define-part';

/** The tab's main navigation. */
export const en = {
  'nav.label': 'Plan views',
  'nav.overview': 'Overview',
  'nav.plan': 'Plan',
  'nav.myGoals': 'My goals',
  'nav.situation': 'Situation',
  'nav.rollout': 'Representatives',
  'nav.settings': 'Settings',
  'nav.import': 'Import',
  'nav.reports': 'Reports',
};
export const nb: Translation<typeof en> = {
  'nav.label': 'Visninger av handlingsplanen',
  'nav.overview': 'Oversikt',
  'nav.plan': 'Plan',
  'nav.myGoals': 'Mine mål',
  'nav.situation': 'Nåsituasjon',
  'nav.rollout': 'Tillitsvalgte',
  'nav.settings': 'Innstillinger',
  'nav.import': 'Import',
  'nav.reports': 'Rapporter',
};
export const nn: Translation<typeof en> = {
  'nav.label': 'Visingar av handlingsplanen',
  'nav.overview': 'Oversikt',
  'nav.plan': 'Plan',
  'nav.myGoals': 'Mine mål',
  'nav.situation': 'Nosituasjon',
  'nav.rollout': 'Tillitsvalde',
  'nav.settings': 'Innstillingar',
  'nav.import': 'Import',
  'nav.reports': 'Rapportar',
};

/** The part in every language, for the whole catalogue (catalogue.ts). */
export const navigation: CataloguePart<keyof typeof en & string> = { en, nb, nn };
