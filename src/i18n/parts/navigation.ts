import { definePart } from '../define-part';

/** The tab's main navigation. */
export const navigation = definePart({
  en: {
    'nav.label': 'Plan views',
    'nav.overview': 'Overview',
    'nav.plan': 'Plan',
    'nav.myGoals': 'My goals',
    'nav.situation': 'Situation',
    'nav.rollout': 'Representatives',
    'nav.settings': 'Settings',
    'nav.import': 'Import',
    'nav.reports': 'Reports',
  },
  nb: {
    'nav.label': 'Visninger av handlingsplanen',
    'nav.overview': 'Oversikt',
    'nav.plan': 'Plan',
    'nav.myGoals': 'Mine mål',
    'nav.situation': 'Nåsituasjon',
    'nav.rollout': 'Tillitsvalgte',
    'nav.settings': 'Innstillinger',
    'nav.import': 'Import',
    'nav.reports': 'Rapporter',
  },
  nn: {
    'nav.label': 'Visingar av handlingsplanen',
    'nav.overview': 'Oversikt',
    'nav.plan': 'Plan',
    'nav.myGoals': 'Mine mål',
    'nav.situation': 'Nosituasjon',
    'nav.rollout': 'Tillitsvalde',
    'nav.settings': 'Innstillingar',
    'nav.import': 'Import',
    'nav.reports': 'Rapportar',
  },
});
