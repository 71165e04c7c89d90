/**
 * The roster import's preview and the export's labels, as plain data (issue 13): which message each
 * row's status, errors and changes show, what a save sends, and the words of the three languages
 * the spreadsheet module reads and writes. No React, no I/O: unit-tested.
 */
import { REP_ROLES, TARIFF_AREAS, type RepRole } from '../../../domain/plan';
import type { RepArea, Representative } from '../../../domain/roster';
import type { RosterImportInput } from '../../../domain/roster-port';
import type { I18n, Language, MessageKey } from '../../../i18n';
import { CATALOGUES } from '../../../i18n/catalogue';
import { ROLLOUT_STEP_NAMES } from '../../../components/progress-text';
import type { MessageParams } from '../../../i18n/format';
import type {
  ExtraLabels,
  RosterChange,
  RosterExportLabels,
  RosterFileErrorCode,
  RosterImportPlan,
  RosterPlanRow,
  RosterRowError,
  RosterRowStatus,
} from '../../../import/roster';

/** A message to show: a catalogue key and its parameters. */
export interface Message {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

export const ROW_ERROR_KEYS: Readonly<Record<RosterRowError, MessageKey>> = {
  missingName: 'rosterImport.error.missingName',
  missingEmail: 'rosterImport.error.missingEmail',
  badEmail: 'rosterImport.error.badEmail',
  unknownRole: 'rosterImport.error.unknownRole',
  unknownArea: 'rosterImport.error.unknownArea',
  duplicateInFile: 'rosterImport.error.duplicateInFile',
};

export const FILE_ERROR_KEYS: Readonly<Record<RosterFileErrorCode, MessageKey>> = {
  empty: 'rosterImport.fileError.empty',
  unsupportedType: 'rosterImport.fileError.unsupportedType',
  tooLarge: 'rosterImport.fileError.tooLarge',
  corrupt: 'rosterImport.fileError.corrupt',
  zipBomb: 'rosterImport.fileError.zipBomb',
  encrypted: 'rosterImport.fileError.encrypted',
  noHeader: 'rosterImport.fileError.noHeader',
  tooManyRows: 'rosterImport.fileError.tooManyRows',
};

export const STATUS_KEYS: Readonly<Record<RosterRowStatus, MessageKey>> = {
  new: 'rosterImport.status.new',
  changed: 'rosterImport.status.changed',
  unchanged: 'rosterImport.status.unchanged',
  error: 'rosterImport.status.error',
};

export const COUNT_KEYS: Readonly<Record<RosterRowStatus, MessageKey>> = {
  new: 'rosterImport.count.new',
  changed: 'rosterImport.count.changed',
  unchanged: 'rosterImport.count.unchanged',
  error: 'rosterImport.count.error',
};

const CHANGE_KEYS: Readonly<Record<Exclude<RosterChange, 'retired'>, MessageKey>> = {
  name: 'rosterImport.change.name',
  email: 'rosterImport.change.email',
  role: 'rosterImport.change.role',
  area: 'rosterImport.change.area',
  workplace: 'rosterImport.change.workplace',
};

/** A file error's message: the code's text with its parameters (a limit, the rows found). */
export function fileErrorMessage(code: RosterFileErrorCode, params: MessageParams = {}): Message {
  return { key: FILE_ERROR_KEYS[code], params: { limit: 0, rows: 0, ...params } };
}

/** The value a field shows in a change ('PTV → KTV'), translated where it is a role or an area. */
function fieldValue(field: Exclude<RosterChange, 'retired'>, rep: Pick<Representative, 'name' | 'email' | 'role' | 'area' | 'workplace'>, t: I18n['t']): string {
  switch (field) {
    case 'role':
      return t(`rolloutNames.roleShort.${rep.role}`);
    case 'area':
      return rep.area ? t(`tariff.${rep.area}`) : t('rosterImport.empty');
    default:
      return rep[field].trim() || t('rosterImport.empty');
  }
}

/** The notes a row shows: its errors (a duplicate names the other rows), or what it changes and from what to what. */
export function rowNotes(row: RosterPlanRow, t: I18n['t']): Message[] {
  if (row.status === 'error') {
    return row.errors.map((error) => (error === 'duplicateInFile' ? { key: ROW_ERROR_KEYS[error], params: { rows: row.duplicateOf.join(', ') } } : { key: ROW_ERROR_KEYS[error] }));
  }
  if (row.status !== 'changed') return [];
  return row.changes.map((change): Message => {
    if (change === 'retired') return { key: 'rosterImport.change.retired' };
    return {
      key: 'rosterImport.change.value',
      params: { field: t(CHANGE_KEYS[change]), from: fieldValue(change, row.existing, t), to: fieldValue(change, row.entry, t) },
    };
  });
}

/** What a save of this preview sends: the new rows and the representatives the changed rows update. */
export function importInputOf(plan: RosterImportPlan, importId: string): RosterImportInput {
  const added = plan.rows.flatMap((row) => (row.status === 'new' ? [{ ...row.entry }] : []));
  const changed = plan.rows.flatMap((row) => (row.status === 'changed' ? [row.updated] : []));
  return { importId, added, changed };
}

/** Whether the preview may be saved: no row in error, and something to write. */
export function canSave(plan: RosterImportPlan): boolean {
  return plan.canWrite && plan.counts.new + plan.counts.changed > 0;
}

const LANGUAGES: readonly Language[] = ['nb', 'nn', 'en'];

function rolesIn(language: Language): Record<RepRole, string> {
  return Object.fromEntries(REP_ROLES.map((r) => [r, CATALOGUES[language][`rolloutNames.role.${r}`]])) as Record<RepRole, string>;
}

function areasIn(language: Language): Record<RepArea, string> {
  return Object.fromEntries(TARIFF_AREAS.map((a) => [a, CATALOGUES[language][`tariff.${a}`]])) as Record<RepArea, string>;
}

/** The role and area names of all three languages, so a sheet exported in any of them reads back. */
export function importLabels(): ExtraLabels[] {
  return LANGUAGES.map((language) => ({ roles: rolesIn(language), areas: areasIn(language) }));
}

const STEP_HEADER_KEYS = ROLLOUT_STEP_NAMES;

/** The export's headers, role and area names, yes/no and sheet name in the user's language. */
export function exportLabels(language: Language): RosterExportLabels {
  const c = CATALOGUES[language];
  return {
    headers: {
      name: c['rosterExport.header.name'],
      email: c['rosterExport.header.email'],
      role: c['rosterExport.header.role'],
      area: c['rosterExport.header.area'],
      workplace: c['rosterExport.header.workplace'],
      ...Object.fromEntries(Object.entries(STEP_HEADER_KEYS).map(([id, key]) => [id, c[key]])),
    },
    roles: rolesIn(language),
    areas: areasIn(language),
    yes: c['rosterExport.yes'],
    no: c['rosterExport.no'],
    sheetName: c['rosterExport.sheetName'],
  };
}

/** '<team> tillitsvalgte.xlsx', without the characters file systems refuse. */
export function exportFileName(teamName: string, t: I18n['t']): string {
  const base = t('rosterExport.fileName', { team: teamName.trim() })
    // eslint-disable-next-line no-control-regex -- control characters are what file names cannot hold
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return `${base || t('rosterExport.sheetName')}.xlsx`;
}
