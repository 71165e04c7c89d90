/** The charts part in bokmål (../charts.ts). */
import type { Translation } from '../../define-part';
import type { en } from './en';

export const nb: Translation<typeof en> = {
  'charts.showTable': 'Vis som tabell',
  'charts.legend': 'Tegnforklaring',
  'charts.failed': 'Diagrammet kunne ikke lastes. Tabellen har alle tallene.',
  'charts.noValue': '–',
  'charts.date': 'Dato',
  'charts.year': 'År',
  'charts.area': 'Område',
  'charts.total': 'I alt',

  'charts.trend.title': 'Rapporterte verdier mot målet',
  'charts.trend.reported': 'Rapportert',
  'charts.trend.expected': 'Forventet utvikling',
  'charts.trend.target': 'Målverdi',
  'charts.trend.values':
    '{count, plural, =0 {Ingen verdier er rapportert ennå.} one {Én verdi er rapportert, {latest} den {to}.} other {# verdier er rapportert fra {from} til {to}; den siste er {latest}.}}',
  'charts.trend.goal': 'Målet er {target} innen {deadline}, fra {baseline} den {start}; i dag var {expected} forventet.',
  'charts.trend.caption': 'Rapporterte verdier og forventet utvikling',

  'charts.held.title': 'Gjennomført per år',
  'charts.held.held': 'Gjennomført',
  'charts.held.required': 'Mål for året',
  'charts.held.year': '{year}: {held} av {required}',
  'charts.held.summary': 'Gjennomført mot målet, per år: {years}.',
  'charts.held.caption': 'Gjennomførte aktiviteter per år mot målet',

  'charts.overview.title': 'Planen i diagrammer',
  'charts.areas.title': 'Fremdrift per område i prosent',
  'charts.areas.notCounted': 'ikke telt ennå',
  'charts.areas.item': '{area}: {value}',
  'charts.areas.summary': 'Fremdrift per område: {areas}.',
  'charts.areas.caption': 'Områdenes fremdrift',
  'charts.areas.progress': 'Fremdrift',
  'charts.areas.counted': 'Mål telt med',
  'charts.status.title': 'Mål etter status',
  'charts.status.centre': '{count} mål',
  'charts.status.summary': '{total, plural, =0 {Planen har ingen mål ennå.} one {Planen har ett mål: {statuses}.} other {Planen har # mål: {statuses}.}}',
  'charts.status.caption': 'Mål etter status per område',
  'charts.status.wholePlan': 'Hele planen',
};
