import { badRequest } from '../core/graph-error.ts';
import type { TenantStore } from '../state/tenant-store.ts';
import type { ColumnState, FieldValue, ListState } from '../state/tenant-state.ts';
import { columnForFieldKey } from './column-model.ts';
import { localDay, localMidnight } from './time-zone.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * An ISO 8601 text as an instant, or NaN: a day that does not exist (2027-02-30, which Date.parse
 * would roll over to 2 March) is no date, as SharePoint refuses it; a date alone is midnight UTC, and
 * a time without an offset is read as UTC, never as the emulator's own time zone.
 */
function instantOf(raw: string): number {
  const [y, m, d] = raw.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return Number.NaN;
  if (raw.length === 10) return day.getTime();
  return Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(raw) ? raw : `${raw}Z`);
}

/** Graph's dateTime text: UTC, whole seconds, trailing Z. */
export function graphDateTime(value: Date | string | number = new Date()): string {
  return new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Validates a `fields` payload against the list's columns and writes the converted values into
 * `target`. Throws 400 invalidRequest for unknown or read-only fields and mistyped values.
 */
export function writeFieldValues(
  list: ListState,
  input: unknown,
  target: Record<string, FieldValue>,
  store: TenantStore,
): void {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw badRequest('The fields of a list item must be a JSON object.');
  }
  const updates: [string, FieldValue][] = [];
  for (const [key, raw] of Object.entries(input as Record<string, unknown>)) {
    if (key.includes('@odata.')) continue;
    const match = columnForFieldKey(list.columns, key);
    if (!match) throw badRequest(`Field '${key}' is not recognized`);
    const { column, viaLookupId } = match;
    if (column.readOnly) throw badRequest(`Field '${key}' is read-only`);
    if ((column.type === 'personOrGroup' || column.type === 'lookup') && !viaLookupId) {
      throw badRequest(`Field '${key}' is a ${column.type} column; set it through '${key}LookupId'.`);
    }
    updates.push([column.name, convert(column, key, raw, store)]);
  }
  assertUniqueValues(list, target, updates);
  for (const [name, value] of updates) {
    if (value === null) delete target[name];
    else target[name] = value;
  }
}

/**
 * Columns with `enforceUniqueValues` ("no two list items may have the same value for this column",
 * https://learn.microsoft.com/en-us/graph/api/resources/columndefinition): no two items may hold the same value (text compared without
 * regard to case, as SharePoint compares). Graph answers a duplicate with 400 invalidRequest and
 * this message (facts sheet §17: the message n8n and UK Export Finance match; not on Learn). The
 * check and the write happen in one synchronous step, so two concurrent creates with the same
 * value give one item and one refusal.
 */
export const DUPLICATE_UNIQUE_MESSAGE = 'One or more fields with unique constraints already has the provided value.';

const uniqueKey = (value: FieldValue): string => (typeof value === 'string' ? `s:${value.toLowerCase()}` : `v:${String(value)}`);

function assertUniqueValues(list: ListState, target: Record<string, FieldValue>, updates: ReadonlyArray<readonly [string, FieldValue]>): void {
  for (const [name, value] of updates) {
    const column = list.columns.find((c) => c.name === name);
    if (!column?.enforceUniqueValues || value === null) continue;
    const key = uniqueKey(value);
    const taken = list.items.some((item) => item.fields !== target && item.fields[name] !== undefined && item.fields[name] !== null && uniqueKey(item.fields[name] as FieldValue) === key);
    if (taken) throw badRequest(DUPLICATE_UNIQUE_MESSAGE);
  }
}

function typeError(key: string, expected: string): never {
  throw badRequest(`Invalid value for field '${key}': expected ${expected}.`);
}

function convert(column: ColumnState, key: string, raw: unknown, store: TenantStore): FieldValue {
  if (raw === null || raw === undefined) return null;
  switch (column.type) {
    case 'text': {
      if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') typeError(key, 'a string');
      const text = String(raw);
      const maxLength = column.facet.maxLength;
      if (column.facet.allowMultipleLines !== true && typeof maxLength === 'number' && text.length > maxLength) {
        throw badRequest(`The value of field '${key}' is longer than the column's maximum length of ${maxLength} characters.`);
      }
      return text === '' ? null : text;
    }
    case 'choice':
    case 'hyperlinkOrPicture':
      if (typeof raw !== 'string') typeError(key, 'a string');
      return raw === '' ? null : raw;
    case 'number':
    case 'currency': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
      if (!Number.isFinite(n)) typeError(key, 'a number');
      return n;
    }
    case 'boolean':
      if (typeof raw !== 'boolean') typeError(key, 'true or false');
      return raw;
    case 'dateTime': {
      const instant = typeof raw === 'string' && ISO_DATE.test(raw) ? instantOf(raw) : Number.NaN;
      if (typeof raw !== 'string' || Number.isNaN(instant)) typeError(key, 'an ISO 8601 date and time');
      if (column.facet.format === 'dateOnly') {
        // The day as the site's time zone sees it, kept as that day's local midnight (time-zone.ts).
        const day = raw.length === 10 ? raw : localDay(instant, store.siteTimeZone);
        return graphDateTime(localMidnight(day, store.siteTimeZone));
      }
      return graphDateTime(instant);
    }
    case 'personOrGroup':
    case 'lookup': {
      const id = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
      if (!Number.isInteger(id) || id <= 0) typeError(key, 'a lookup id (a positive integer)');
      if (column.type === 'personOrGroup' && !store.userByLookupId(id)) {
        throw badRequest(`Invalid value for field '${key}': no user with lookup id ${id}.`);
      }
      return id;
    }
    default:
      return typeError(key, 'a writable value');
  }
}
