/** The status part in bokmål (../status.ts). */
import type { Translation } from '../../define-part';
import type { en } from './en';

export const nb: Translation<typeof en> = {
  'statusReason.done': 'Fullført',
  'statusReason.beforeStart': 'Starter {date}',
  'statusReason.overdue': 'Fristen gikk ut {date}',
  'statusReason.noReport': 'Ingenting rapportert ennå',
  'statusReason.measured': '{current} av {target} {unit}; ventet {expected} nå',
  'statusReason.noTarget': 'Ingen målverdi satt',
  'statusReason.noTargetCurrent': '{current} {unit} så langt; ingen målverdi satt',
  'statusReason.recurringYear': '{done} av {required} holdt i år',
  'statusReason.recurringMonth': '{done} av {required} holdt denne måneden',
  'statusReason.missed': '{missed, plural, one {# ikke holdt siden {date}} other {# ikke holdt siden {date}}}',
  'statusReason.next': 'neste innen {date}',
  'statusReason.milestoneNotStarted': 'Ikke påbegynt',
  'statusReason.milestoneUnderWay': 'Underveis',
  'statusReason.deadline': 'frist {date}',
  'statusReason.boardSet': 'satt av styret (beregnet: {derived})',
  'statusReason.startLabel': 'Start',
  'statusReason.startDefault': '{date} (da målet ble lagt til, eller da planperioden begynte)',
  'progressSummary.none': 'Ingen fremdrift å telle ennå',
  'progressSummary.counted': '{counted} av {total} mål telt med',
  'progressSummary.rule': 'Målte mål teller sin andel av veien til målverdien, faste aktiviteter dem som er holdt i år, milepæler ½ når de er underveis og 1 når de er nådd; mål som ingenting ventes av ennå, telles ikke.',
};
