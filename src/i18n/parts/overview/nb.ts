/** The overview part in bokmål (../overview.ts). */
import type { Translation } from '../../define-part';
import type { en } from './en';

export const nb: Translation<typeof en> = {
  'overview.title': 'Oversikt',
  'overview.subtitle': '{union} · handlingsplan {from}–{to}',
  'overview.areas.title': 'Fremdrift per område',
  'overview.areas.empty': 'Planen har ingen satsingsområder ennå.',
  'overview.areas.progressLabel': 'Fremdrift i område {number}: {percent}',
  'overview.areas.statusCount': '{status}: {count}',
  'overview.areas.noGoals': 'Ingen lokale mål ennå',
  'overview.attention.title': 'Trenger oppfølging',
  'overview.attention.intro': 'Mål som er i faresonen, på etterskudd eller har passert fristen.',
  'overview.attention.empty': 'Ingen mål er i faresonen, på etterskudd eller over fristen nå.',
  'overview.deadlines.title': 'Frister de neste {days} dagene',
  'overview.deadlines.empty': 'Ingen mål har frist de neste {days} dagene.',
  'overview.deadlines.daysLeft': '{days, plural, =0 {frist i dag} one {om # dag} other {om # dager}}',
  'overview.recurring.title': 'Faste aktiviteter som forfaller denne måneden',
  'overview.recurring.empty': 'Ingen faste aktiviteter forfaller denne måneden.',
  'overview.checkIns.title': 'Siste innrapporteringer',
  'overview.checkIns.empty': 'Ingen har rapportert på et mål ennå.',
  'overview.checkIns.value': 'Rapporterte {value}',
  'overview.checkIns.occurrence': 'Rapporterte en gjennomføring',
  'overview.checkIns.unknownAuthor': 'Ukjent',
  'overview.openGoal': 'Åpne målet',
};
