/** The navigation part in nynorsk (../navigation.ts). */
import type { Translation } from '../../define-part';
import type { en } from './en';

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
