/** The planner part in nynorsk (../planner.ts). */
import type { Translation } from '../../define-part';
import type { en } from './en';

export const nn: Translation<typeof en> = {
  'planner.planTitle': 'Handlingsplan {from}–{to}',
  'planner.goalLabel': 'Målet i handlingsplanen',
  'planner.occurrence': 'Gong {n} av {total}',
  'planner.measureLine': 'Mål: {target} {unit}',
  'planner.checkIn.completed': 'Oppgåva er fullført i Planner: {task}',
  'planner.checkIn.checked': 'Kryssa av i Planner: {item} ({task})',
  'planner.checkIn.progress': 'Oppgåva er påbyrja i Planner ({percent} %): {task}',
};
