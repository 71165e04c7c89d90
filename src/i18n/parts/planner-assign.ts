import { definePart } from '../define-part';

/** Bulk assignment of owners and Planner tasks (plan view). */
export const plannerAssign = definePart({
  en: {
    'plannerAssign.title': 'Planner',
  },
  nb: {
    'plannerAssign.title': 'Planner',
  },
  nn: {
    'plannerAssign.title': 'Planner',
  },
});
