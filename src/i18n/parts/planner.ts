import type { CataloguePart, Translation } from '../define-part';

/**
 * What the app writes into Microsoft Planner and into check-ins that come from Planner, in the
 * plan's language (the tab and the unattended runner both translate with these).
 */
export const en = {
  'planner.planTitle': 'Action plan {from}–{to}',
  'planner.goalLabel': 'The goal in the action plan',
  'planner.occurrence': 'Time {n} of {total}',
  'planner.measureLine': 'Target: {target} {unit}',
  'planner.checkIn.completed': 'Task completed in Planner: {task}',
  'planner.checkIn.checked': 'Ticked off in Planner: {item} ({task})',
  'planner.checkIn.progress': 'Task in progress in Planner ({percent} %): {task}',
};
export const nb: Translation<typeof en> = {
  'planner.planTitle': 'Handlingsplan {from}–{to}',
  'planner.goalLabel': 'Målet i handlingsplanen',
  'planner.occurrence': 'Gang {n} av {total}',
  'planner.measureLine': 'Mål: {target} {unit}',
  'planner.checkIn.completed': 'Oppgaven er fullført i Planner: {task}',
  'planner.checkIn.checked': 'Huket av i Planner: {item} ({task})',
  'planner.checkIn.progress': 'Oppgaven er påbegynt i Planner ({percent} %): {task}',
};
export const nn: Translation<typeof en> = {
  'planner.planTitle': 'Handlingsplan {from}–{to}',
  'planner.goalLabel': 'Målet i handlingsplanen',
  'planner.occurrence': 'Gong {n} av {total}',
  'planner.measureLine': 'Mål: {target} {unit}',
  'planner.checkIn.completed': 'Oppgåva er fullført i Planner: {task}',
  'planner.checkIn.checked': 'Kryssa av i Planner: {item} ({task})',
  'planner.checkIn.progress': 'Oppgåva er påbyrja i Planner ({percent} %): {task}',
};

/** The part in every language, for the whole catalogue (catalogue.ts). */
export const planner: CataloguePart<keyof typeof en & string> = { en, nb, nn };
