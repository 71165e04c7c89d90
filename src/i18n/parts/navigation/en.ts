/** The navigation part in English, which defines its keys (../navigation.ts). */
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
