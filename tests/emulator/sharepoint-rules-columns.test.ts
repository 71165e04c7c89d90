// The columnDefinition resource as Graph documents it (https://learn.microsoft.com/en-us/graph/api/resources/columndefinition,
// /graph/api/list-create, /graph/api/list-post-columns; facts sheet §5 and §17): one type facet per
// column with SharePoint's defaults, internal names, the columns every list has, at most 20
// indexed columns, unique values only on indexed columns, and NameLookupId keys.
import { describe, expect, it } from 'vitest';
import { GraphError } from '../../emulator/core/graph-error.ts';
import {
  MAX_INDEXED_COLUMNS,
  columnForFieldKey,
  columnFromDefinition,
  internalName,
  isLookupLike,
  patchColumn,
  renderColumn,
  templateColumns,
} from '../../emulator/sharepoint/column-model.ts';
import type { ColumnState } from '../../emulator/state/tenant-state.ts';

function refusal(fn: () => unknown): { status: number; code: string; message: string } {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(GraphError);
    const e = err as GraphError;
    return { status: e.status, code: e.code, message: e.message };
  }
  throw new Error('was accepted');
}

const bad = (message: string): { status: number; code: string; message: string } => ({ status: 400, code: 'invalidRequest', message });

const TEXT_DEFAULTS = { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 };
const DATE_DEFAULTS = { displayAs: 'default', format: 'dateTime' };
const PERSON_DEFAULTS = { allowMultipleSelection: false, chooseFromType: 'peopleAndGroups', displayAs: 'nameWithPresence' };

const system = (id: string, name: string, displayName: string, type: ColumnState['type'], facet: Record<string, unknown>, extra: Partial<ColumnState> = {}): ColumnState => ({
  id,
  name,
  displayName,
  description: '',
  columnGroup: '_Hidden',
  indexed: false,
  required: false,
  hidden: false,
  readOnly: true,
  enforceUniqueValues: false,
  system: true,
  type,
  facet,
  ...extra,
});

const BASE_COLUMNS: ColumnState[] = [
  system('1d22ea11-1e32-424e-89ab-9fedbadb6ce1', 'ID', 'ID', 'counter', {}, { indexed: true }),
  system('28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', 'Modified', 'Modified', 'dateTime', DATE_DEFAULTS),
  system('8c06beca-0777-48f7-91c7-6da68bc07b69', 'Created', 'Created', 'dateTime', DATE_DEFAULTS),
  system('1df5e554-ec7e-46a6-901d-d85a3881cb18', 'Author', 'Created By', 'personOrGroup', PERSON_DEFAULTS),
  system('d31655d1-1d5b-4511-95a1-7a09e9b75bf2', 'Editor', 'Modified By', 'personOrGroup', PERSON_DEFAULTS),
];

describe('template columns', () => {
  it('a genericList has Title first, then ID, Modified, Created, Author and Editor with SharePoint’s field ids', () => {
    expect(templateColumns('genericList')).toEqual([
      system('fa564e0f-0c70-4ab9-b863-0177e6ddd247', 'Title', 'Title', 'text', TEXT_DEFAULTS, { columnGroup: 'Custom Columns', required: true, readOnly: false }),
      ...BASE_COLUMNS,
    ]);
  });

  it('other templates have no Title', () => {
    expect(templateColumns('documentLibrary')).toEqual(BASE_COLUMNS);
  });

  it('each list gets its own column objects', () => {
    const a = templateColumns('genericList');
    const b = templateColumns('genericList');
    (a[0] as ColumnState).facet.maxLength = 10;
    expect((b[0] as ColumnState).facet.maxLength).toBe(255);
  });
});

describe('internal names', () => {
  it('keep letters, digits and underscores and encode anything else as _xHHHH_', () => {
    expect(internalName('HR Department')).toBe('HR_x0020_Department');
    expect(internalName('Mål_2')).toBe('M_x00e5_l_2');
    expect(internalName('a-b.c')).toBe('a_x002d_b_x002e_c');
  });

  it('are cut to 32 characters', () => {
    expect(internalName('A'.repeat(40))).toBe('A'.repeat(32));
    expect(internalName('Årsplan for lokallaget')).toBe('_x00c5_rsplan_x0020_for_x0020_lo');
  });
});

describe('creating a column from a columnDefinition', () => {
  it('defaults to a text column with SharePoint’s text defaults and all flags off', () => {
    expect(columnFromDefinition({ name: 'Note' }, 'c1', [])).toEqual({
      id: 'c1',
      name: 'Note',
      displayName: 'Note',
      description: '',
      columnGroup: 'Custom Columns',
      indexed: false,
      required: false,
      hidden: false,
      readOnly: false,
      enforceUniqueValues: false,
      system: false,
      type: 'text',
      facet: TEXT_DEFAULTS,
    });
  });

  it('takes the flags, description and group given', () => {
    const column = columnFromDefinition(
      { name: 'Key', displayName: 'Nøkkel', description: 'd', columnGroup: 'G', indexed: true, required: true, hidden: true, readOnly: true, enforceUniqueValues: true, number: { decimalPlaces: 'none' } },
      'c2',
      [],
    );
    expect(column).toEqual({
      id: 'c2',
      name: 'Key',
      displayName: 'Nøkkel',
      description: 'd',
      columnGroup: 'G',
      indexed: true,
      required: true,
      hidden: true,
      readOnly: true,
      enforceUniqueValues: true,
      system: false,
      type: 'number',
      facet: { decimalPlaces: 'none', displayAs: 'number', maximum: Number.MAX_VALUE, minimum: -Number.MAX_VALUE },
    });
  });

  it('ignores flags and texts of the wrong JSON type', () => {
    const column = columnFromDefinition({ name: 'X', indexed: 'yes', required: 1, hidden: null, readOnly: 'true', description: 5, columnGroup: false }, 'c', []);
    expect([column.indexed, column.required, column.hidden, column.readOnly, column.description, column.columnGroup]).toEqual([false, false, false, false, '', 'Custom Columns']);
  });

  it('fills each facet’s defaults under the given properties', () => {
    const facetOf = (def: Record<string, unknown>): Record<string, unknown> => columnFromDefinition({ name: 'F', ...def }, 'c', []).facet;
    expect(facetOf({ text: { maxLength: 100, textType: 'richText' } })).toEqual({ ...TEXT_DEFAULTS, maxLength: 100, textType: 'richText' });
    expect(facetOf({ currency: {} })).toEqual({ locale: 'en-us' });
    expect(facetOf({ dateTime: { format: 'dateOnly' } })).toEqual({ displayAs: 'default', format: 'dateOnly' });
    expect(facetOf({ boolean: {} })).toEqual({});
    expect(facetOf({ choice: { choices: ['a', 'b'] } })).toEqual({ allowTextEntry: false, choices: ['a', 'b'], displayAs: 'dropDownMenu' });
    expect(facetOf({ personOrGroup: {} })).toEqual(PERSON_DEFAULTS);
    expect(facetOf({ lookup: { listId: 'L' } })).toEqual({ allowMultipleValues: false, allowUnlimitedLength: false, columnName: 'Title', listId: 'L' });
    expect(facetOf({ hyperlinkOrPicture: { isPicture: true } })).toEqual({ isPicture: true });
  });

  it('takes the type from the one facet given', () => {
    const types = ['text', 'number', 'currency', 'dateTime', 'boolean', 'choice', 'personOrGroup', 'lookup', 'hyperlinkOrPicture'];
    expect(types.map((type) => columnFromDefinition({ name: 'T', [type]: {} }, 'c', []).type)).toEqual(types);
  });

  it('a null facet counts as absent', () => {
    expect(columnFromDefinition({ name: 'T', number: null, boolean: {} }, 'c', []).type).toBe('boolean');
  });

  it('two type facets are refused, naming them', () => {
    expect(refusal(() => columnFromDefinition({ name: 'T', text: {}, number: {} }, 'c', []))).toEqual(bad('A column can have only one type facet; got text, number.'));
  });

  it('a facet that is not a JSON object is refused', () => {
    expect(refusal(() => columnFromDefinition({ name: 'T', number: 5 }, 'c', []))).toEqual(bad("The 'number' facet must be a JSON object."));
    expect(refusal(() => columnFromDefinition({ name: 'T', choice: ['a'] }, 'c', []))).toEqual(bad("The 'choice' facet must be a JSON object."));
  });

  it('a definition that is not a JSON object is refused', () => {
    for (const input of [null, 'x', []]) {
      expect(refusal(() => columnFromDefinition(input, 'c', []))).toEqual(bad('A column definition must be a JSON object.'));
    }
  });

  it('textType must be plain or richText', () => {
    expect(columnFromDefinition({ name: 'T', text: { textType: 'plain' } }, 'c', []).facet.textType).toBe('plain');
    expect(refusal(() => columnFromDefinition({ name: 'T', text: { textType: 'html' } }, 'c', []))).toEqual(bad("The 'textType' of a text column must be 'plain' or 'richText'."));
  });

  it('textType is checked on text columns only', () => {
    expect(columnFromDefinition({ name: 'N', number: { textType: 'html' } }, 'c', []).facet.textType).toBe('html');
  });

  it('choices must be an array of strings', () => {
    const message = bad("The 'choices' of a choice column must be an array of strings.");
    expect(refusal(() => columnFromDefinition({ name: 'C', choice: { choices: 'a' } }, 'c', []))).toEqual(message);
    expect(refusal(() => columnFromDefinition({ name: 'C', choice: { choices: ['a', 1] } }, 'c', []))).toEqual(message);
    expect(columnFromDefinition({ name: 'C', choice: {} }, 'c', []).facet.choices).toEqual([]);
  });

  it('the internal name comes from name, or from displayName when there is no name', () => {
    const names = (def: Record<string, unknown>): [string, string] => {
      const column = columnFromDefinition(def, 'c', []);
      return [column.name, column.displayName];
    };
    expect(names({ displayName: 'HR Department' })).toEqual(['HR_x0020_Department', 'HR Department']);
    expect(names({ name: 'Plan Id', displayName: 'Plan' })).toEqual(['Plan_x0020_Id', 'Plan']);
    expect(names({ name: '', displayName: 'Shown' })).toEqual(['Shown', 'Shown']);
    expect(names({ name: 'Plan Id' })).toEqual(['Plan_x0020_Id', 'Plan Id']);
    expect(names({ name: 'Plan', displayName: 7 })).toEqual(['Plan', 'Plan']);
  });

  it('a column without name and displayName is refused', () => {
    expect(refusal(() => columnFromDefinition({ text: {} }, 'c', []))).toEqual(bad("A column needs a 'name' or a 'displayName'."));
    expect(refusal(() => columnFromDefinition({ name: 3 }, 'c', []))).toEqual(bad("A column needs a 'name' or a 'displayName'."));
  });

  it('a name the list already has, in any letter case, is a 409 nameAlreadyExists', () => {
    expect(refusal(() => columnFromDefinition({ name: 'title' }, 'c', templateColumns('genericList')))).toEqual({
      status: 409,
      code: 'nameAlreadyExists',
      message: 'A duplicate field name "title" was found.',
    });
  });

  it('unique values need an indexed column', () => {
    expect(refusal(() => columnFromDefinition({ name: 'K', enforceUniqueValues: true }, 'c', []))).toEqual(bad('This field must be indexed to enforce unique values.'));
  });

  it('a list may have 20 indexed columns besides ID, and not 21', () => {
    const columns = templateColumns('genericList');
    for (let n = 1; n <= MAX_INDEXED_COLUMNS; n++) columns.push(columnFromDefinition({ name: `I${n}`, indexed: true }, `c${n}`, columns));
    expect(columns.filter((c) => c.indexed).length).toBe(21);
    expect(refusal(() => columnFromDefinition({ name: 'I21', indexed: true }, 'c21', columns))).toEqual(bad('A list can have at most 20 indexed columns.'));
    expect(columnFromDefinition({ name: 'NotIndexed' }, 'c22', columns).indexed).toBe(false);
  });
});

describe('patching a column', () => {
  const fresh = (): ColumnState => columnFromDefinition({ name: 'P', displayName: 'P', number: {} }, 'p', []);

  it('changes displayName, description, indexed, required, hidden, unique values and facet properties', () => {
    const column = fresh();
    patchColumn(column, { displayName: 'Q', description: 'd', indexed: true, required: true, hidden: true, enforceUniqueValues: true, number: { decimalPlaces: 'two' } }, [column]);
    expect(column).toEqual({
      ...fresh(),
      displayName: 'Q',
      description: 'd',
      indexed: true,
      required: true,
      hidden: true,
      enforceUniqueValues: true,
      facet: { decimalPlaces: 'two', displayAs: 'number', maximum: Number.MAX_VALUE, minimum: -Number.MAX_VALUE },
    });
  });

  it('keeps what the patch does not name or names with the wrong JSON type', () => {
    const column = fresh();
    patchColumn(column, { displayName: 3, indexed: 'yes', readOnly: true, text: { maxLength: 3 }, number: 'x' }, [column]);
    expect(column).toEqual(fresh());
  });

  it('the same name is accepted, another name is refused', () => {
    const column = fresh();
    patchColumn(column, { name: 'P', hidden: true }, [column]);
    expect(column.hidden).toBe(true);
    expect(refusal(() => patchColumn(column, { name: 'Q' }, [column]))).toEqual(bad("The 'name' of a column cannot be changed."));
  });

  it('a patch that is not a JSON object is refused', () => {
    const column = fresh();
    for (const input of [null, [], 'x']) expect(refusal(() => patchColumn(column, input, [column]))).toEqual(bad('A column definition must be a JSON object.'));
  });

  it('unique values without an index are refused and leave the column as it was', () => {
    const column = fresh();
    expect(refusal(() => patchColumn(column, { enforceUniqueValues: true, displayName: 'Changed' }, [column]))).toEqual(bad('This field must be indexed to enforce unique values.'));
    expect(column).toEqual(fresh());
    const unique = columnFromDefinition({ name: 'U', indexed: true, enforceUniqueValues: true }, 'u', []);
    expect(refusal(() => patchColumn(unique, { indexed: false }, [unique]))).toEqual(bad('This field must be indexed to enforce unique values.'));
    expect(unique.indexed).toBe(true);
  });

  it('an index beyond the 20th is refused', () => {
    const columns = templateColumns('genericList');
    for (let n = 1; n <= MAX_INDEXED_COLUMNS; n++) columns.push(columnFromDefinition({ name: `I${n}`, indexed: true }, `c${n}`, columns));
    const extra = columnFromDefinition({ name: 'Extra' }, 'x', columns);
    columns.push(extra);
    expect(refusal(() => patchColumn(extra, { indexed: true, displayName: 'Renamed' }, columns))).toEqual(bad('A list can have at most 20 indexed columns.'));
    // Refused before anything changed.
    expect([extra.indexed, extra.displayName]).toEqual([false, 'Extra']);
    // Turning an index off is never refused for the limit.
    patchColumn(columns[columns.length - 2] as ColumnState, { indexed: false }, columns);
    patchColumn(extra, { indexed: true }, columns);
    expect(extra.indexed).toBe(true);
  });
});

describe('rendering a columnDefinition', () => {
  it('gives the documented properties and the facet under the type’s name', () => {
    expect(renderColumn(columnFromDefinition({ name: 'Due', description: 'd', dateTime: { format: 'dateOnly' } }, 'c', []))).toEqual({
      columnGroup: 'Custom Columns',
      description: 'd',
      displayName: 'Due',
      enforceUniqueValues: false,
      hidden: false,
      id: 'c',
      indexed: false,
      name: 'Due',
      readOnly: false,
      required: false,
      dateTime: { displayAs: 'default', format: 'dateOnly' },
    });
  });

  it('gives no facet for types Graph has none for', () => {
    const [id] = BASE_COLUMNS;
    expect(renderColumn(id as ColumnState)).toEqual({
      columnGroup: '_Hidden',
      description: '',
      displayName: 'ID',
      enforceUniqueValues: false,
      hidden: false,
      id: '1d22ea11-1e32-424e-89ab-9fedbadb6ce1',
      indexed: true,
      name: 'ID',
      readOnly: true,
      required: false,
    });
    expect(Object.keys(renderColumn({ ...(id as ColumnState), type: 'contentType' }))).not.toContain('contentType');
  });
});

describe('fields keys', () => {
  const columns = [
    ...templateColumns('genericList'),
    columnFromDefinition({ name: 'Parent', lookup: {} }, 'l', []),
    columnFromDefinition({ name: 'Plain', text: {} }, 't', []),
    columnFromDefinition({ name: 'ReviewLookupId', text: {} }, 'r', []),
  ];

  it('Name refers to the column itself', () => {
    expect(columnForFieldKey(columns, 'Parent')).toEqual({ column: columns[columns.length - 3], viaLookupId: false });
    expect(columnForFieldKey(columns, 'Author')).toEqual({ column: columns.find((c) => c.name === 'Author'), viaLookupId: false });
  });

  it('NameLookupId refers to a person or lookup column', () => {
    expect(columnForFieldKey(columns, 'ParentLookupId')).toEqual({ column: columns[columns.length - 3], viaLookupId: true });
    expect(columnForFieldKey(columns, 'EditorLookupId')).toEqual({ column: columns.find((c) => c.name === 'Editor'), viaLookupId: true });
  });

  it('NameLookupId of another type of column, or of no column, refers to nothing', () => {
    expect(columnForFieldKey(columns, 'PlainLookupId')).toBeUndefined();
    expect(columnForFieldKey(columns, 'NopeLookupId')).toBeUndefined();
    expect(columnForFieldKey(columns, 'LookupId')).toBeUndefined();
    expect(columnForFieldKey(columns, 'Nope')).toBeUndefined();
  });

  it('a column whose own name ends in LookupId is found by that name', () => {
    expect(columnForFieldKey(columns, 'ReviewLookupId')).toEqual({ column: columns[columns.length - 1], viaLookupId: false });
  });

  it('only person and lookup columns are lookup-like', () => {
    expect(columns.filter(isLookupLike).map((c) => c.name)).toEqual(['Author', 'Editor', 'Parent']);
  });
});
