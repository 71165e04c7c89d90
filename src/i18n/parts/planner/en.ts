/** The planner part in English, which defines its keys (../planner.ts). */
export const en = {
  'planner.planTitle': 'Action plan {from}–{to}',
  'planner.goalLabel': 'The goal in the action plan',
  'planner.occurrence': 'Time {n} of {total}',
  'planner.measureLine': 'Target: {target} {unit}',
  'planner.checkIn.completed': 'Task completed in Planner: {task}',
  'planner.checkIn.checked': 'Ticked off in Planner: {item} ({task})',
  'planner.checkIn.progress': 'Task in progress in Planner ({percent} %): {task}',
};
