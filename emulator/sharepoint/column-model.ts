import { GraphError, badRequest } from '../core/graph-error.ts';
import type { ColumnState, ColumnType } from '../state/tenant-state.ts';

const FACETS: readonly ColumnType[] = [
  'text',
  'number',
  'currency',
  'dateTime',
  'boolean',
  'choice',
  'personOrGroup',
  'lookup',
  'hyperlinkOrPicture',
];

const FACET_DEFAULTS: Partial<Record<ColumnType, Record<string, unknown>>> = {
  text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
  number: { decimalPlaces: 'automatic', displayAs: 'number', maximum: Number.MAX_VALUE, minimum: -Number.MAX_VALUE },
  currency: { locale: 'en-us' },
  dateTime: { displayAs: 'default', format: 'dateTime' },
  boolean: {},
  choice: { allowTextEntry: false, choices: [], displayAs: 'dropDownMenu' },
  personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleAndGroups', displayAs: 'nameWithPresence' },
  lookup: { allowMultipleValues: false, allowUnlimitedLength: false, columnName: 'Title', listId: '' },
  hyperlinkOrPicture: { isPicture: false },
};

export const MAX_INDEXED_COLUMNS = 20;

/** SharePoint's fixed field ids for the columns every list has. */
function systemColumn(id: string, name: string, displayName: string, type: ColumnType, extra: Partial<ColumnState> = {}): ColumnState {
  return {
    id,
    name,
    displayName,
    description: '',
    columnGroup: name === 'Title' ? 'Custom Columns' : '_Hidden',
    indexed: false,
    required: false,
    hidden: false,
    readOnly: true,
    enforceUniqueValues: false,
    system: true,
    type,
    facet: { ...(FACET_DEFAULTS[type] ?? {}) },
    ...extra,
  };
}

/** The columns of a new list of the given template (genericList has Title). */
export function templateColumns(template: string): ColumnState[] {
  const columns = [
    systemColumn('1d22ea11-1e32-424e-89ab-9fedbadb6ce1', 'ID', 'ID', 'counter', { indexed: true, facet: {} }),
    systemColumn('28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', 'Modified', 'Modified', 'dateTime'),
    systemColumn('8c06beca-0777-48f7-91c7-6da68bc07b69', 'Created', 'Created', 'dateTime'),
    systemColumn('1df5e554-ec7e-46a6-901d-d85a3881cb18', 'Author', 'Created By', 'personOrGroup'),
    systemColumn('d31655d1-1d5b-4511-95a1-7a09e9b75bf2', 'Editor', 'Modified By', 'personOrGroup'),
  ];
  if (template === 'genericList') {
    columns.unshift(
      systemColumn('fa564e0f-0c70-4ab9-b863-0177e6ddd247', 'Title', 'Title', 'text', { required: true, readOnly: false }),
    );
  }
  return columns;
}

/** SharePoint's internal-name encoding: anything but [A-Za-z0-9_] becomes _xHHHH_; 32 characters at most. */
export function internalName(displayName: string): string {
  let out = '';
  for (const ch of displayName) {
    out += /[A-Za-z0-9_]/.test(ch) ? ch : `_x${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}_`;
  }
  return out.slice(0, 32);
}

const bool = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback);
const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);

/** Builds a column from a Graph columnDefinition payload; throws 400 on an invalid one. */
export function columnFromDefinition(input: unknown, id: string, existing: readonly ColumnState[]): ColumnState {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw badRequest('A column definition must be a JSON object.');
  const def = input as Record<string, unknown>;
  const given = FACETS.filter((f) => def[f] !== undefined && def[f] !== null);
  if (given.length > 1) throw badRequest(`A column can have only one type facet; got ${given.join(', ')}.`);
  const type: ColumnType = given[0] ?? 'text';
  const rawFacet = def[type];
  if (rawFacet !== undefined && (typeof rawFacet !== 'object' || rawFacet === null || Array.isArray(rawFacet))) {
    throw badRequest(`The '${type}' facet must be a JSON object.`);
  }
  const facet = { ...(FACET_DEFAULTS[type] ?? {}), ...((rawFacet as Record<string, unknown> | undefined) ?? {}) };
  // textColumn.textType "Must be one of plain or richText" (https://learn.microsoft.com/en-us/graph/api/resources/textcolumn).
  if (type === 'text' && facet.textType !== undefined && facet.textType !== 'plain' && facet.textType !== 'richText') {
    throw badRequest("The 'textType' of a text column must be 'plain' or 'richText'.");
  }
  if (type === 'choice' && (!Array.isArray(facet.choices) || !facet.choices.every((c) => typeof c === 'string'))) {
    throw badRequest("The 'choices' of a choice column must be an array of strings.");
  }
  const displayName = str(def.displayName, str(def.name, ''));
  const name = typeof def.name === 'string' && def.name ? internalName(def.name) : internalName(displayName);
  if (!name) throw badRequest("A column needs a 'name' or a 'displayName'.");
  if (existing.some((c) => c.name.toLowerCase() === name.toLowerCase())) {
    throw new GraphError(409, 'nameAlreadyExists', `A duplicate field name "${name}" was found.`);
  }
  const column: ColumnState = {
    id,
    name,
    displayName: displayName || name,
    description: str(def.description, ''),
    columnGroup: str(def.columnGroup, 'Custom Columns'),
    indexed: bool(def.indexed, false),
    required: bool(def.required, false),
    hidden: bool(def.hidden, false),
    readOnly: bool(def.readOnly, false),
    enforceUniqueValues: bool(def.enforceUniqueValues, false),
    system: false,
    type,
    facet,
  };
  assertUniqueNeedsIndex(column);
  assertIndexLimit([...existing, column]);
  return column;
}

/** Applies a columnDefinition PATCH (name and type are fixed after creation). */
export function patchColumn(column: ColumnState, input: unknown, siblings: readonly ColumnState[]): void {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw badRequest('A column definition must be a JSON object.');
  const def = input as Record<string, unknown>;
  if (typeof def.name === 'string' && def.name !== column.name) throw badRequest("The 'name' of a column cannot be changed.");
  // Checked before anything changes, so a refused PATCH leaves the column as it was.
  const indexed = bool(def.indexed, column.indexed);
  assertUniqueNeedsIndex({ ...column, indexed, enforceUniqueValues: bool(def.enforceUniqueValues, column.enforceUniqueValues) });
  assertIndexLimit(siblings.map((c) => (c === column ? { ...c, indexed } : c)));
  column.displayName = str(def.displayName, column.displayName);
  column.description = str(def.description, column.description);
  column.indexed = bool(def.indexed, column.indexed);
  column.required = bool(def.required, column.required);
  column.hidden = bool(def.hidden, column.hidden);
  column.enforceUniqueValues = bool(def.enforceUniqueValues, column.enforceUniqueValues);
  const facet = def[column.type];
  if (typeof facet === 'object' && facet !== null && !Array.isArray(facet)) column.facet = { ...column.facet, ...facet };
}

/**
 * SharePoint: "When you set [EnforceUniqueValues] to true, you should also set the Indexed property
 * to true"; its REST API refuses otherwise ("This field must be indexed to enforce unique values",
 * facts sheet §17). The emulator refuses it as a 400, the stricter reading, so the app always sends
 * both.
 */
function assertUniqueNeedsIndex(column: ColumnState): void {
  if (column.enforceUniqueValues && !column.indexed) throw badRequest('This field must be indexed to enforce unique values.');
}

function assertIndexLimit(columns: readonly ColumnState[]): void {
  if (columns.filter((c) => c.indexed && c.name !== 'ID').length > MAX_INDEXED_COLUMNS) {
    throw badRequest(`A list can have at most ${MAX_INDEXED_COLUMNS} indexed columns.`);
  }
}

/** The Graph columnDefinition resource. */
export function renderColumn(column: ColumnState): Record<string, unknown> {
  const out: Record<string, unknown> = {
    columnGroup: column.columnGroup,
    description: column.description,
    displayName: column.displayName,
    enforceUniqueValues: column.enforceUniqueValues,
    hidden: column.hidden,
    id: column.id,
    indexed: column.indexed,
    name: column.name,
    readOnly: column.readOnly,
    required: column.required,
  };
  if (column.type !== 'counter' && column.type !== 'contentType') out[column.type] = column.facet;
  return out;
}

export function isLookupLike(column: ColumnState): boolean {
  return column.type === 'personOrGroup' || column.type === 'lookup';
}

/** The column that a `fields` key refers to: `Name`, or `NameLookupId` for person and lookup columns. */
export function columnForFieldKey(columns: readonly ColumnState[], key: string): { column: ColumnState; viaLookupId: boolean } | undefined {
  const direct = columns.find((c) => c.name === key);
  if (direct) return { column: direct, viaLookupId: false };
  if (key.endsWith('LookupId')) {
    const base = key.slice(0, -'LookupId'.length);
    const column = columns.find((c) => c.name === base && isLookupLike(c));
    if (column) return { column, viaLookupId: true };
  }
  return undefined;
}
