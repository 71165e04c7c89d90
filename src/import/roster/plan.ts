/**
 * A read roster file checked against the roster (planRosterImport): for each row whether it adds a
 * representative, changes one (and which fields), changes nothing, or cannot be imported (and why).
 * All or nothing: one row in error blocks the whole write, so the board fixes the file and tries
 * again rather than ending up with half a roster. Representatives missing from the file are only
 * reported; retiring them is the board's decision.
 */
import { isEmailAddress, normaliseAddress, type RepArea, type Representative, type RepRole } from '../../domain/roster.ts';
import { cleanText } from '../text/normalize.ts';
import type { RosterField, RosterSheet } from './types.ts';
import { vocabulary, type ExtraLabels } from './vocabulary.ts';

export type RosterRowError = 'missingName' | 'missingEmail' | 'badEmail' | 'unknownRole' | 'unknownArea' | 'duplicateInFile';

export const ROSTER_ROW_ERRORS: readonly RosterRowError[] = ['missingName', 'missingEmail', 'badEmail', 'unknownRole', 'unknownArea', 'duplicateInFile'];

/** What a row changes on the representative it matches; 'retired': a retired representative is back in the file and is made active again. */
export type RosterChange = 'name' | 'email' | 'role' | 'area' | 'workplace' | 'retired';

/** A valid row's values. */
export interface RosterEntry {
  readonly name: string;
  readonly email: string;
  readonly role: RepRole;
  /** null: the cell was empty (allowed). */
  readonly area: RepArea | null;
  readonly workplace: string;
}

interface RowBase {
  readonly rowNumber: number;
  /** The row's cells as read, for showing the row. */
  readonly cells: Readonly<Record<RosterField, string>>;
}

export type RosterPlanRow =
  | (RowBase & { readonly status: 'new'; readonly entry: RosterEntry })
  | (RowBase & {
      readonly status: 'changed';
      readonly entry: RosterEntry;
      readonly existing: Representative;
      readonly changes: readonly RosterChange[];
      /** The existing representative with the row's values (id, Entra id, marks and etag kept). */
      readonly updated: Representative;
    })
  | (RowBase & { readonly status: 'unchanged'; readonly entry: RosterEntry; readonly existing: Representative })
  | (RowBase & {
      readonly status: 'error';
      readonly errors: readonly RosterRowError[];
      /** duplicateInFile: the other rows with the same address; otherwise empty. */
      readonly duplicateOf: readonly number[];
      /** The representative the row's address matches, if any (to show what it would have updated). */
      readonly existing: Representative | null;
    });

export type RosterRowStatus = RosterPlanRow['status'];

export interface RosterImportPlan {
  readonly rows: readonly RosterPlanRow[];
  readonly counts: Readonly<Record<RosterRowStatus, number>>;
  /** True when no row is in error (and there is a row): the caller may write the new and changed rows. */
  readonly canWrite: boolean;
  /** Active representatives whose address is in no row of the file (not retired by the import). */
  readonly missing: readonly Representative[];
}

export interface RosterPlanOptions {
  /** Role and area names to recognise besides the built-in ones: the labels the roster was exported with, one entry per language. */
  readonly labels?: readonly ExtraLabels[];
}

/** Existing representatives by normalised address; an active one wins over a retired one with the same address. */
function byAddress(existing: readonly Representative[]): Map<string, Representative> {
  const map = new Map<string, Representative>();
  for (const rep of existing) {
    const key = normaliseAddress(rep.email);
    const held = map.get(key);
    if (!held || (held.retired && !rep.retired)) map.set(key, rep);
  }
  return map;
}

function changesOf(rep: Representative, entry: RosterEntry): RosterChange[] {
  const changes: RosterChange[] = [];
  if (cleanText(rep.name) !== entry.name) changes.push('name');
  if (rep.email.trim() !== entry.email) changes.push('email');
  if (rep.role !== entry.role) changes.push('role');
  if (rep.area !== entry.area) changes.push('area');
  if (cleanText(rep.workplace) !== entry.workplace) changes.push('workplace');
  if (rep.retired) changes.push('retired');
  return changes;
}

export function planRosterImport(sheet: RosterSheet, existing: readonly Representative[], options: RosterPlanOptions = {}): RosterImportPlan {
  const words = vocabulary(options.labels);
  const known = byAddress(existing);
  const rowsByAddress = new Map<string, number[]>();
  for (const row of sheet.rows) {
    if (!row.cells.email) continue;
    const key = normaliseAddress(row.cells.email);
    rowsByAddress.set(key, [...(rowsByAddress.get(key) ?? []), row.rowNumber]);
  }

  const rows = sheet.rows.map((row): RosterPlanRow => {
    const { cells, rowNumber } = row;
    const errors: RosterRowError[] = [];
    const role = words.role(cells.role);
    const area = cells.area ? words.area(cells.area) : null;
    if (!cells.name) errors.push('missingName');
    if (!cells.email) errors.push('missingEmail');
    else if (!isEmailAddress(cells.email)) errors.push('badEmail');
    if (!role) errors.push('unknownRole');
    if (cells.area && !area) errors.push('unknownArea');
    const address = cells.email ? normaliseAddress(cells.email) : null;
    const duplicateOf = address ? (rowsByAddress.get(address) ?? []).filter((n) => n !== rowNumber) : [];
    if (duplicateOf.length > 0) errors.push('duplicateInFile');
    const match = address ? (known.get(address) ?? null) : null;
    if (errors.length > 0 || !role) return { status: 'error', rowNumber, cells, errors, duplicateOf, existing: match };

    const entry: RosterEntry = { name: cells.name, email: cells.email, role, area, workplace: cells.workplace };
    if (!match) return { status: 'new', rowNumber, cells, entry };
    const changes = changesOf(match, entry);
    if (changes.length === 0) return { status: 'unchanged', rowNumber, cells, entry, existing: match };
    return { status: 'changed', rowNumber, cells, entry, existing: match, changes, updated: { ...match, ...entry, retired: false } };
  });

  const counts: Record<RosterRowStatus, number> = { new: 0, changed: 0, unchanged: 0, error: 0 };
  for (const row of rows) counts[row.status]++;
  const missing = existing.filter((rep) => !rep.retired && !rowsByAddress.has(normaliseAddress(rep.email)));
  return { rows, counts, canWrite: counts.error === 0 && rows.length > 0, missing };
}
