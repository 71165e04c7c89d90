/** The overview part in nynorsk (../overview.ts). */
import type { Translation } from '../../define-part';
import type { en } from './en';

export const nn: Translation<typeof en> = {
  'overview.title': 'Oversikt',
  'overview.subtitle': '{union} · handlingsplan {from}–{to}',
  'overview.areas.title': 'Framdrift per område',
  'overview.areas.empty': 'Planen har ingen satsingsområde enno.',
  'overview.areas.progressLabel': 'Framdrift i område {number}: {percent}',
  'overview.areas.statusCount': '{status}: {count}',
  'overview.areas.noGoals': 'Ingen lokale mål enno',
  'overview.attention.title': 'Treng oppfølging',
  'overview.attention.intro': 'Mål som er i faresona, på etterskot eller har passert fristen.',
  'overview.attention.empty': 'Ingen mål er i faresona, på etterskot eller over fristen no.',
  'overview.deadlines.title': 'Fristar dei neste {days} dagane',
  'overview.deadlines.empty': 'Ingen mål har frist dei neste {days} dagane.',
  'overview.deadlines.daysLeft': '{days, plural, =0 {frist i dag} one {om # dag} other {om # dagar}}',
  'overview.recurring.title': 'Faste aktivitetar som forfell denne månaden',
  'overview.recurring.empty': 'Ingen faste aktivitetar forfell denne månaden.',
  'overview.checkIns.title': 'Siste innrapporteringar',
  'overview.checkIns.empty': 'Ingen har rapportert på eit mål enno.',
  'overview.checkIns.value': 'Rapporterte {value}',
  'overview.checkIns.occurrence': 'Rapporterte ei gjennomføring',
  'overview.checkIns.unknownAuthor': 'Ukjend',
  'overview.openGoal': 'Opne målet',
};
