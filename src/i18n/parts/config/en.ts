/** The config part in English, which defines its keys (../config.ts). */
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
