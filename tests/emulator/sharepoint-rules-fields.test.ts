// Writing a listItem's fields as Graph validates them (https://learn.microsoft.com/en-us/graph/api/listitem-create,
// /graph/api/listitem-update, /graph/api/resources/fieldvalueset; facts sheet §5 and §17): known,
// writable columns only, person and lookup columns through `NameLookupId`, typed values, text
// length, date-only days in the site's time zone, and unique values.
import { describe, expect, it } from 'vitest';
import { GraphError } from '../../emulator/core/graph-error.ts';
import { buildTenant } from '../../emulator/seed/build-tenant.ts';
import { columnFromDefinition, templateColumns } from '../../emulator/sharepoint/column-model.ts';
import { DUPLICATE_UNIQUE_MESSAGE, graphDateTime, writeFieldValues } from '../../emulator/sharepoint/field-values.ts';
import { TenantStore } from '../../emulator/state/tenant-store.ts';
import type { ColumnState, FieldValue, ListItemState, ListState, UserState } from '../../emulator/state/tenant-state.ts';

const store = new TenantStore(buildTenant('demo'));
const alice = store.state.users[0] as UserState;
const missingLookupId = Math.max(...store.state.users.map((u) => u.lookupId)) + 1;

function makeList(): ListState {
  const columns = templateColumns('genericList');
  const defs: Record<string, unknown>[] = [
    { name: 'Code', text: { maxLength: 5 }, indexed: true, enforceUniqueValues: true },
    { name: 'Notes', text: { allowMultipleLines: true, maxLength: 5 } },
    { name: 'Plain', text: {} },
    { name: 'N', number: {}, indexed: true, enforceUniqueValues: true },
    { name: 'Price', currency: {} },
    { name: 'Done', boolean: {} },
    { name: 'Due', dateTime: { format: 'dateOnly' } },
    { name: 'At', dateTime: {} },
    { name: 'Status', choice: { choices: ['onTrack', 'behind'] } },
    { name: 'Link', hyperlinkOrPicture: {} },
    { name: 'Owner', personOrGroup: {} },
    { name: 'Parent', lookup: { listId: 'x' } },
    { name: 'Locked', text: {}, readOnly: true },
    { name: 'Loose', text: { maxLength: null } },
  ];
  for (const def of defs) columns.push(columnFromDefinition(def, `col-${columns.length}`, columns));
  return {
    id: '6f0c3b9e-0000-4000-8000-000000000002',
    name: 'Fields',
    displayName: 'Fields',
    description: '',
    template: 'genericList',
    createdDateTime: '2027-01-01T00:00:00Z',
    lastModifiedDateTime: '2027-01-01T00:00:00Z',
    createdById: alice.id,
    lastModifiedById: alice.id,
    version: 1,
    columns,
    items: [],
    nextItemId: 1,
  };
}

function addItem(list: ListState, fields: Record<string, FieldValue>): ListItemState {
  const item: ListItemState = {
    id: list.nextItemId++,
    uid: `00000000-0000-4000-8000-${String(list.nextItemId).padStart(12, '0')}`,
    version: 1,
    createdDateTime: '2027-01-01T00:00:00Z',
    lastModifiedDateTime: '2027-01-01T00:00:00Z',
    authorId: alice.id,
    editorId: alice.id,
    fields,
  };
  list.items.push(item);
  return item;
}

/** The values written for a fields payload on a fresh list. */
function write(input: unknown, list: ListState = makeList(), target: Record<string, FieldValue> = {}): Record<string, FieldValue> {
  writeFieldValues(list, input, target, store);
  return target;
}

function refusal(input: unknown, list: ListState = makeList(), target: Record<string, FieldValue> = {}): { status: number; code: string; message: string } {
  try {
    writeFieldValues(list, input, target, store);
  } catch (err) {
    expect(err).toBeInstanceOf(GraphError);
    const e = err as GraphError;
    return { status: e.status, code: e.code, message: e.message };
  }
  throw new Error(`${JSON.stringify(input)} was accepted`);
}

const bad = (message: string): { status: number; code: string; message: string } => ({ status: 400, code: 'invalidRequest', message });
const typeError = (key: string, expected: string): { status: number; code: string; message: string } => bad(`Invalid value for field '${key}': expected ${expected}.`);

describe('the fields payload', () => {
  it('must be a JSON object', () => {
    for (const input of [null, 'x', 3, ['Title']]) {
      expect(refusal(input), JSON.stringify(input)).toEqual(bad('The fields of a list item must be a JSON object.'));
    }
  });

  it('an empty object writes nothing', () => {
    expect(write({})).toEqual({});
  });

  it('an unknown field is refused with its name', () => {
    expect(refusal({ Title: 'x', Nope: 1 })).toEqual(bad("Field 'Nope' is not recognized"));
  });

  it('field names are case-sensitive', () => {
    expect(refusal({ title: 'x' })).toEqual(bad("Field 'title' is not recognized"));
  });

  it('OData annotations such as NameLookupId@odata.type are skipped', () => {
    expect(write({ 'OwnerLookupId@odata.type': 'Edm.Int32', OwnerLookupId: alice.lookupId, '@odata.etag': '"x"' })).toEqual({ Owner: alice.lookupId });
  });

  it('read-only columns, the system ones and ones created read-only, are refused', () => {
    expect(refusal({ Created: '2027-01-01T00:00:00Z' })).toEqual(bad("Field 'Created' is read-only"));
    expect(refusal({ ID: 4 })).toEqual(bad("Field 'ID' is read-only"));
    expect(refusal({ AuthorLookupId: alice.lookupId })).toEqual(bad("Field 'AuthorLookupId' is read-only"));
    expect(refusal({ Locked: 'x' })).toEqual(bad("Field 'Locked' is read-only"));
  });

  it('person and lookup columns are written through NameLookupId, not Name', () => {
    expect(refusal({ Owner: alice.lookupId })).toEqual(bad("Field 'Owner' is a personOrGroup column; set it through 'OwnerLookupId'."));
    expect(refusal({ Parent: 1 })).toEqual(bad("Field 'Parent' is a lookup column; set it through 'ParentLookupId'."));
    expect(write({ OwnerLookupId: alice.lookupId, ParentLookupId: 7 })).toEqual({ Owner: alice.lookupId, Parent: 7 });
  });

  it('nothing is written when any field is refused', () => {
    const target: Record<string, FieldValue> = { Title: 'before' };
    expect(refusal({ Title: 'after', N: 'many' }, makeList(), target)).toEqual(typeError('N', 'a number'));
    expect(target).toEqual({ Title: 'before' });
  });

  it('null and an empty text clear a field', () => {
    const target: Record<string, FieldValue> = { Title: 't', Plain: 'p', Status: 'behind', Link: 'https://x', N: 3, Done: true };
    expect(write({ Title: '', Plain: null, Status: '', Link: '', N: null, Done: null }, makeList(), target)).toEqual({});
  });

  it('fields not in the payload are kept', () => {
    expect(write({ Plain: 'b' }, makeList(), { Title: 'a' })).toEqual({ Title: 'a', Plain: 'b' });
  });
});

describe('text columns', () => {
  it('take strings, and numbers or booleans as their text', () => {
    expect(write({ Title: 'Verve', Plain: 42, Notes: true })).toEqual({ Title: 'Verve', Plain: '42', Notes: 'true' });
  });

  it('refuse objects and arrays', () => {
    expect(refusal({ Plain: { a: 1 } })).toEqual(typeError('Plain', 'a string'));
    expect(refusal({ Plain: ['a'] })).toEqual(typeError('Plain', 'a string'));
  });

  it('a single line of text may be as long as maxLength and not longer', () => {
    expect(write({ Code: 'abcde' })).toEqual({ Code: 'abcde' });
    expect(refusal({ Code: 'abcdef' })).toEqual(bad("The value of field 'Code' is longer than the column's maximum length of 5 characters."));
    expect(write({ Plain: 'x'.repeat(255) })).toEqual({ Plain: 'x'.repeat(255) });
    expect(refusal({ Plain: 'x'.repeat(256) }).message).toBe("The value of field 'Plain' is longer than the column's maximum length of 255 characters.");
  });

  it('multiple lines of text, or a column without a numeric maxLength, are not limited', () => {
    expect(write({ Notes: 'abcdefgh' })).toEqual({ Notes: 'abcdefgh' });
    expect(write({ Loose: 'x'.repeat(300) })).toEqual({ Loose: 'x'.repeat(300) });
  });
});

describe('choice and hyperlink columns', () => {
  it('take any string', () => {
    expect(write({ Status: 'Noe annet', Link: 'https://example.org' })).toEqual({ Status: 'Noe annet', Link: 'https://example.org' });
  });

  it('refuse anything but a string', () => {
    expect(refusal({ Status: 1 })).toEqual(typeError('Status', 'a string'));
    expect(refusal({ Link: true })).toEqual(typeError('Link', 'a string'));
  });
});

describe('number and currency columns', () => {
  it('take numbers and numeric strings', () => {
    expect(write({ N: 2.5, Price: '12' })).toEqual({ N: 2.5, Price: 12 });
    expect(write({ N: 0, Price: ' -3 ' })).toEqual({ N: 0, Price: -3 });
  });

  it('refuse text, blank strings, booleans and objects', () => {
    for (const value of ['many', '', '  ', true, {}, [1]]) {
      expect(refusal({ Price: value }), JSON.stringify(value)).toEqual(typeError('Price', 'a number'));
    }
  });
});

describe('boolean columns', () => {
  it('take true and false only', () => {
    expect(write({ Done: false })).toEqual({ Done: false });
    expect(write({ Done: true })).toEqual({ Done: true });
    for (const value of ['true', 1, 0]) expect(refusal({ Done: value }), JSON.stringify(value)).toEqual(typeError('Done', 'true or false'));
  });
});

describe('dateTime columns', () => {
  it('store a date and time as UTC whole seconds', () => {
    expect(write({ At: '2027-06-30T12:30:45.678+02:00' })).toEqual({ At: '2027-06-30T10:30:45Z' });
    expect(write({ At: '2027-06-30T12:30Z' })).toEqual({ At: '2027-06-30T12:30:00Z' });
  });

  it('store a bare date in a dateTime column as UTC midnight', () => {
    expect(write({ At: '2027-06-30' })).toEqual({ At: '2027-06-30T00:00:00Z' });
  });

  it('store a date-only value as the site’s local midnight (Europe/Oslo)', () => {
    expect(write({ Due: '2027-06-30' })).toEqual({ Due: '2027-06-29T22:00:00Z' });
    expect(write({ Due: '2027-01-15' })).toEqual({ Due: '2027-01-14T23:00:00Z' });
  });

  it('store a bare date in a date-only column as that day, also west of UTC', () => {
    const west = new TenantStore(buildTenant('demo'));
    west.siteTimeZone = 'America/New_York';
    const target: Record<string, FieldValue> = {};
    writeFieldValues(makeList(), { Due: '2027-06-30' }, target, west);
    expect(target).toEqual({ Due: '2027-06-30T04:00:00Z' });
  });

  it('store a date and time in a date-only column as the site-local day it falls on', () => {
    expect(write({ Due: '2027-06-30T23:30:00Z' })).toEqual({ Due: '2027-06-30T22:00:00Z' });
    expect(write({ Due: '2027-06-30T21:30:00Z' })).toEqual({ Due: '2027-06-29T22:00:00Z' });
  });

  it('refuse text that is not an ISO 8601 date, and non-strings', () => {
    for (const value of ['next week', '30.06.2027', '2027-6-30', '2027-06-30 12:00', '2027-13-01', 'x2027-06-30', '2027-06-30Tx', 20270630, ['2027-06-30']]) {
      expect(refusal({ At: value }), JSON.stringify(value)).toEqual(typeError('At', 'an ISO 8601 date and time'));
    }
    expect(refusal({ Due: 'soon' })).toEqual(typeError('Due', 'an ISO 8601 date and time'));
  });

  it('refuse a day that does not exist, instead of rolling it over to the next month', () => {
    for (const value of ['2027-02-29', '2027-02-30', '2027-04-31', '2027-06-00', '2027-06-30T25:00:00Z']) {
      expect(refusal({ At: value }), value).toEqual(typeError('At', 'an ISO 8601 date and time'));
      expect(refusal({ Due: value }), value).toEqual(typeError('Due', 'an ISO 8601 date and time'));
    }
    expect(write({ At: '2028-02-29' })).toEqual({ At: '2028-02-29T00:00:00Z' });
  });

  it('read a time without an offset as UTC, whatever the time zone of the machine', () => {
    expect(write({ At: '2027-06-30T12:00:00' })).toEqual({ At: '2027-06-30T12:00:00Z' });
    expect(write({ At: '2027-06-30T12:00' })).toEqual({ At: '2027-06-30T12:00:00Z' });
    expect(write({ Due: '2027-06-30T23:30:00' })).toEqual({ Due: '2027-06-30T22:00:00Z' });
  });
});

describe('person and lookup columns', () => {
  it('take a positive integer lookup id as a number or digits', () => {
    expect(write({ OwnerLookupId: String(alice.lookupId), ParentLookupId: '3' })).toEqual({ Owner: alice.lookupId, Parent: 3 });
    expect(write({ ParentLookupId: 1 })).toEqual({ Parent: 1 });
  });

  it('refuse zero, negative, fractional and non-numeric ids', () => {
    for (const value of [0, -1, 1.5, '1.5', '-2', 'x', '', true, ' 5', '5 ', [5]]) {
      expect(refusal({ ParentLookupId: value }), JSON.stringify(value)).toEqual(typeError('ParentLookupId', 'a lookup id (a positive integer)'));
    }
  });

  it('a person column refuses a lookup id that is no user', () => {
    expect(refusal({ OwnerLookupId: missingLookupId })).toEqual(bad(`Invalid value for field 'OwnerLookupId': no user with lookup id ${missingLookupId}.`));
  });

  it('a lookup column takes any positive id', () => {
    expect(write({ ParentLookupId: missingLookupId })).toEqual({ Parent: missingLookupId });
  });
});

describe('columns the emulator cannot write', () => {
  it('a writable column of another type is refused', () => {
    const list = makeList();
    const odd: ColumnState = { ...(list.columns[0] as ColumnState), id: 'odd', name: 'Odd', system: false, readOnly: false, type: 'contentType', facet: {} };
    list.columns.push(odd);
    expect(refusal({ Odd: 'x' }, list)).toEqual(typeError('Odd', 'a writable value'));
    expect(write({ Odd: null }, list)).toEqual({});
  });
});

describe('unique values', () => {
  it('a value another item holds is refused with Graph’s message', () => {
    const list = makeList();
    addItem(list, { Code: 'ab', N: 1 });
    expect(refusal({ Code: 'ab' }, list)).toEqual(bad(DUPLICATE_UNIQUE_MESSAGE));
    expect(refusal({ N: 1 }, list)).toEqual(bad(DUPLICATE_UNIQUE_MESSAGE));
    expect(DUPLICATE_UNIQUE_MESSAGE).toBe('One or more fields with unique constraints already has the provided value.');
  });

  it('text is compared without regard to case', () => {
    const list = makeList();
    addItem(list, { Code: 'AbC' });
    expect(refusal({ Code: 'abc' }, list)).toEqual(bad(DUPLICATE_UNIQUE_MESSAGE));
  });

  it('a different value, or the same value in a column without the constraint, is accepted', () => {
    const list = makeList();
    addItem(list, { Code: 'ab', N: 1, Plain: 'same' });
    expect(write({ Code: 'ac', N: 2, Plain: 'same' }, list)).toEqual({ Code: 'ac', N: 2, Plain: 'same' });
  });

  it('an item may keep its own value', () => {
    const list = makeList();
    const item = addItem(list, { Code: 'ab' });
    expect(write({ Code: 'AB' }, list, item.fields)).toEqual({ Code: 'AB' });
  });

  it('clearing a unique field is always allowed, and items without a value do not clash', () => {
    const list = makeList();
    addItem(list, { Plain: 'no code' });
    addItem(list, { Code: 'ab' });
    expect(write({ Code: null }, list)).toEqual({});
    expect(write({ Code: 'zz' }, list)).toEqual({ Code: 'zz' });
  });

  it('a number and its text are different values in a text column', () => {
    const list = makeList();
    addItem(list, { Code: '5' });
    expect(refusal({ Code: 5 }, list)).toEqual(bad(DUPLICATE_UNIQUE_MESSAGE));
  });
});

describe('graphDateTime', () => {
  it('renders UTC whole seconds with a trailing Z', () => {
    expect(graphDateTime('2027-06-30T12:00:00.999+02:00')).toBe('2027-06-30T10:00:00Z');
    expect(graphDateTime(Date.UTC(2027, 0, 2, 3, 4, 5, 6))).toBe('2027-01-02T03:04:05Z');
    expect(graphDateTime(new Date(Date.UTC(2027, 0, 2)))).toBe('2027-01-02T00:00:00Z');
  });

  it('renders the present time by default', () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const now = graphDateTime();
    expect(now).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(now)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(now)).toBeLessThanOrEqual(Date.now());
  });
});
