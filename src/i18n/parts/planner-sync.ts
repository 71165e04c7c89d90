import { definePart } from '../define-part';

/** Sync with Planner, conflicts and the goal page's tasks. */
export const plannerSync = definePart({
  en: {
    'plannerSync.title': 'Planner',
  },
  nb: {
    'plannerSync.title': 'Planner',
  },
  nn: {
    'plannerSync.title': 'Planner',
  },
});
