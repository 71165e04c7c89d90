/** The navigation part in bokmål (../navigation.ts). */
import type { Translation } from '../../define-part';
import type { en } from './en';

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
