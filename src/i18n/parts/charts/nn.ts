/** The charts part in nynorsk (../charts.ts). */
import type { Translation } from '../../define-part';
import type { en } from './en';

export const nn: Translation<typeof en> = {
  'charts.showTable': 'Vis som tabell',
  'charts.legend': 'Teiknforklaring',
  'charts.failed': 'Diagrammet kunne ikkje lastast. Tabellen har alle tala.',
  'charts.noValue': '–',
  'charts.date': 'Dato',
  'charts.year': 'År',
  'charts.area': 'Område',
  'charts.total': 'I alt',

  'charts.trend.title': 'Rapporterte verdiar mot målet',
  'charts.trend.reported': 'Rapportert',
  'charts.trend.expected': 'Venta utvikling',
  'charts.trend.target': 'Målverdi',
  'charts.trend.values':
    '{count, plural, =0 {Ingen verdiar er rapporterte enno.} one {Éin verdi er rapportert, {latest} den {to}.} other {# verdiar er rapporterte frå {from} til {to}; den siste er {latest}.}}',
  'charts.trend.goal': 'Målet er {target} innan {deadline}, frå {baseline} den {start}; i dag var {expected} venta.',
  'charts.trend.caption': 'Rapporterte verdiar og venta utvikling',

  'charts.held.title': 'Gjennomført per år',
  'charts.held.held': 'Gjennomført',
  'charts.held.required': 'Mål for året',
  'charts.held.year': '{year}: {held} av {required}',
  'charts.held.summary': 'Gjennomført mot målet, per år: {years}.',
  'charts.held.caption': 'Gjennomførte aktivitetar per år mot målet',

  'charts.overview.title': 'Planen i diagram',
  'charts.areas.title': 'Framdrift per område i prosent',
  'charts.areas.notCounted': 'ikkje talt enno',
  'charts.areas.item': '{area}: {value}',
  'charts.areas.summary': 'Framdrift per område: {areas}.',
  'charts.areas.caption': 'Områda si framdrift',
  'charts.areas.progress': 'Framdrift',
  'charts.areas.counted': 'Mål talde med',
  'charts.status.title': 'Mål etter status',
  'charts.status.centre': '{count} mål',
  'charts.status.summary': '{total, plural, =0 {Planen har ingen mål enno.} one {Planen har eitt mål: {statuses}.} other {Planen har # mål: {statuses}.}}',
  'charts.status.caption': 'Mål etter status per område',
  'charts.status.wholePlan': 'Heile planen',
};
