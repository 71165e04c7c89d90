/** The status part in nynorsk (../status.ts). */
import type { Translation } from '../../define-part';
import type { en } from './en';

export const nn: Translation<typeof en> = {
  'statusReason.done': 'Fullført',
  'statusReason.beforeStart': 'Startar {date}',
  'statusReason.overdue': 'Fristen gjekk ut {date}',
  'statusReason.noReport': 'Ingenting rapportert enno',
  'statusReason.measured': '{current} av {target} {unit}; venta {expected} no',
  'statusReason.noTarget': 'Ingen målverdi sett',
  'statusReason.noTargetCurrent': '{current} {unit} så langt; ingen målverdi sett',
  'statusReason.recurringYear': '{done} av {required} haldne i år',
  'statusReason.recurringMonth': '{done} av {required} haldne denne månaden',
  'statusReason.missed': '{missed, plural, one {# ikkje halden sidan {date}} other {# ikkje haldne sidan {date}}}',
  'statusReason.next': 'neste innan {date}',
  'statusReason.milestoneNotStarted': 'Ikkje påbyrja',
  'statusReason.milestoneUnderWay': 'Undervegs',
  'statusReason.deadline': 'frist {date}',
  'statusReason.boardSet': 'sett av styret (rekna ut: {derived})',
  'statusReason.startLabel': 'Start',
  'statusReason.startDefault': '{date} (då målet vart lagt til, eller då planperioden byrja)',
  'progressSummary.none': 'Inga framdrift å telje enno',
  'progressSummary.counted': '{counted} av {total} mål talde med',
  'progressSummary.rule': 'Målte mål tel delen sin av vegen til målverdien, faste aktivitetar dei som er haldne i år, milepælar ½ når dei er undervegs og 1 når dei er nådde; mål som ingenting er venta av enno, vert ikkje talde.',
};
