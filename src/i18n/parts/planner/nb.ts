/** The planner part in bokmål (../planner.ts). */
import type { Translation } from '../../define-part';
import type { en } from './en';

export const nb: Translation<typeof en> = {
  'planner.planTitle': 'Handlingsplan {from}–{to}',
  'planner.goalLabel': 'Målet i handlingsplanen',
  'planner.occurrence': 'Gang {n} av {total}',
  'planner.measureLine': 'Mål: {target} {unit}',
  'planner.checkIn.completed': 'Oppgaven er fullført i Planner: {task}',
  'planner.checkIn.checked': 'Huket av i Planner: {item} ({task})',
  'planner.checkIn.progress': 'Oppgaven er påbegynt i Planner ({percent} %): {task}',
};
