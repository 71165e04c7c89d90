// The listItem, fieldValueSet and list resources as Graph renders them, and SharePoint's eTags
// (https://learn.microsoft.com/en-us/graph/api/resources/listitem, /graph/api/resources/fieldvalueset,
// /graph/api/resources/list, /graph/errors; facts sheet §1 and §5): person and lookup values as
// string `NameLookupId`, hidden columns only when selected, `"{guid},{version}"` tags, If-Match.
import { describe, expect, it } from 'vitest';
import { GraphError } from '../../emulator/core/graph-error.ts';
import { buildTenant } from '../../emulator/seed/build-tenant.ts';
import { columnFromDefinition, renderColumn, templateColumns } from '../../emulator/sharepoint/column-model.ts';
import { checkIfMatch, entityTag } from '../../emulator/sharepoint/entity-tag.ts';
import { identitySet, itemETag, renderFields, renderItem } from '../../emulator/sharepoint/item-view.ts';
import { findList, listETag, listWebUrl, renderList } from '../../emulator/sharepoint/list-view.ts';
import { TenantStore } from '../../emulator/state/tenant-store.ts';
import type { ListItemState, ListState, SiteState, UserState } from '../../emulator/state/tenant-state.ts';

const store = new TenantStore(buildTenant('demo'));
const alice = store.state.users[0] as UserState;
const bob = store.state.users[1] as UserState;
const site = store.state.sites[0] as SiteState;
const SITE_URL = 'https://org365.sharepoint.com/sites/test';

function makeList(name = 'Mål og tiltak', template = 'genericList'): ListState {
  const columns = templateColumns(template);
  const defs: Record<string, unknown>[] = [
    { name: 'N', number: {} },
    { name: 'Secret', text: {}, hidden: true },
    { name: 'Body', text: { allowMultipleLines: true, textType: 'richText' } },
    { name: 'Plain', text: { allowMultipleLines: true, textType: 'plain' } },
    { name: 'Single', text: { textType: 'richText' } },
    { name: 'Owner', personOrGroup: {} },
    { name: 'Parent', lookup: {} },
  ];
  for (const def of defs) columns.push(columnFromDefinition(def, `col-${columns.length}`, columns));
  return {
    id: '6f0c3b9e-abcd-4000-8000-00000000000f',
    name,
    displayName: 'Mål',
    description: 'desc',
    template,
    createdDateTime: '2027-01-01T00:00:00Z',
    lastModifiedDateTime: '2027-01-02T00:00:00Z',
    createdById: alice.id,
    lastModifiedById: bob.id,
    version: 4,
    columns,
    items: [],
    nextItemId: 1,
  };
}

const UID = '0a1b2c3d-0000-4000-8000-00000000abcd';

function makeItem(fields: ListItemState['fields'], extra: Partial<ListItemState> = {}): ListItemState {
  return {
    id: 7,
    uid: UID,
    version: 3,
    createdDateTime: '2027-03-01T10:00:00Z',
    lastModifiedDateTime: '2027-03-02T11:00:00Z',
    authorId: alice.id,
    editorId: bob.id,
    fields,
    ...extra,
  };
}

const ETAG = `"${UID},3"`;

function systemFields(title: string): Record<string, unknown> {
  return {
    id: '7',
    ContentType: 'Item',
    Modified: '2027-03-02T11:00:00Z',
    Created: '2027-03-01T10:00:00Z',
    AuthorLookupId: String(alice.lookupId),
    EditorLookupId: String(bob.lookupId),
    _UIVersionString: '3.0',
    Attachments: false,
    Edit: '',
    LinkTitleNoMenu: title,
    LinkTitle: title,
    ItemChildCount: '0',
    FolderChildCount: '0',
  };
}

describe('entity tags', () => {
  it('are "{guid},{version}" with the quotes part of the value', () => {
    expect(entityTag('abc', 2)).toBe('"abc,2"');
    expect(itemETag(makeItem({}))).toBe(ETAG);
    expect(listETag(makeList())).toBe('"6f0c3b9e-abcd-4000-8000-00000000000f,4"');
  });
});

describe('If-Match', () => {
  const outcome = (header: string | undefined): string => {
    try {
      checkIfMatch(header, ETAG);
      return 'ok';
    } catch (err) {
      expect(err).toBeInstanceOf(GraphError);
      const e = err as GraphError;
      return `${e.status} ${e.code} ${e.options.innerCode ?? ''} ${e.message}`;
    }
  };
  const malformed = '400 invalidRequest malformedEntityTag ETags must be quoted strings';
  const modified = '412 resourceModified entityTagDoesNotMatch The resource has changed since the caller last read it; usually an eTag mismatch';

  it('absent or * passes', () => {
    expect([outcome(undefined), outcome('*'), outcome(' * ')]).toEqual(['ok', 'ok', 'ok']);
  });

  it('the current tag passes, also weak, padded or in another letter case', () => {
    expect([outcome(ETAG), outcome(`W/${ETAG}`), outcome(` ${ETAG} `), outcome(ETAG.toUpperCase())]).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('an unquoted tag is a 400 malformedEntityTag', () => {
    for (const header of [ETAG.slice(1, -1), `${ETAG.slice(0, -1)}`, ETAG.slice(1), '"', '', 'W/x', `W/${ETAG.slice(1)}`]) {
      expect(outcome(header), header).toBe(malformed);
    }
  });

  it('another quoted tag is a 412 resourceModified', () => {
    expect(outcome(`"${UID},2"`)).toBe(modified);
    expect(outcome('""')).toBe(modified);
    expect(outcome(`W/"${UID},4"`)).toBe(modified);
  });
});

describe('identity sets', () => {
  it('are the user’s Entra id and display name, without email', () => {
    expect(identitySet(alice)).toEqual({ user: { id: alice.id, displayName: alice.displayName } });
  });

  it('are the System Account for an unknown user', () => {
    expect(identitySet(undefined)).toEqual({ user: { id: '', displayName: 'System Account' } });
  });
});

describe('the fieldValueSet', () => {
  const list = makeList();

  it('holds the set columns, person and lookup ids as strings, and the fields SharePoint adds', () => {
    const item = makeItem({ Title: 'T', N: 0, Owner: alice.lookupId, Parent: 4, Plain: 'a\nb', Single: 'x<y' });
    expect(renderFields(list, item, store, null)).toEqual({
      '@odata.etag': ETAG,
      Title: 'T',
      N: 0,
      OwnerLookupId: String(alice.lookupId),
      ParentLookupId: '4',
      Plain: 'a\nb',
      Single: 'x<y',
      ...systemFields('T'),
    });
  });

  it('leaves out unset and null values, and gives empty link titles without a Title', () => {
    const item = makeItem({ N: null, Title: null });
    expect(renderFields(list, item, store, null)).toEqual({ '@odata.etag': ETAG, ...systemFields('') });
  });

  it('gives empty lookup ids for unknown authors and editors', () => {
    const item = makeItem({}, { authorId: 'nobody', editorId: 'nobody' });
    const fields = renderFields(list, item, store, null);
    expect([fields.AuthorLookupId, fields.EditorLookupId]).toEqual(['', '']);
  });

  it('leaves out hidden columns unless selected', () => {
    const item = makeItem({ Secret: 's', N: 1 });
    expect(renderFields(list, item, store, null)).not.toHaveProperty('Secret');
    expect(renderFields(list, item, store, ['Secret', 'N'])).toEqual({ '@odata.etag': ETAG, Secret: 's', N: 1 });
    expect(renderFields(list, item, store, ['N'])).toEqual({ '@odata.etag': ETAG, N: 1 });
  });

  it('with $select holds the etag and only the selected fields that have values', () => {
    const item = makeItem({ Title: 'T', N: 2, Owner: bob.lookupId });
    expect(renderFields(list, item, store, ['Title', 'ID', 'Owner', 'Parent', 'Nope', 'Created'])).toEqual({
      '@odata.etag': ETAG,
      Title: 'T',
      id: '7',
      OwnerLookupId: String(bob.lookupId),
      Created: '2027-03-01T10:00:00Z',
    });
    expect(Object.keys(renderFields(list, item, store, ['Title', 'Parent', 'Nope']))).toEqual(['@odata.etag', 'Title']);
    expect(renderFields(list, item, store, ['OwnerLookupId'])).toEqual({ '@odata.etag': ETAG, OwnerLookupId: String(bob.lookupId) });
    expect(renderFields(list, item, store, [])).toEqual({ '@odata.etag': ETAG });
  });

  it('gives rich text as Lists stores it: escaped, in an ExternalClass div, line breaks as <br>', () => {
    const item = makeItem({ Body: 'a & b <c>\nd\r\ne' });
    expect(renderFields(list, item, store, ['Body'])).toEqual({ '@odata.etag': ETAG, Body: '<div class="ExternalClass">a &amp; b &lt;c&gt;<br>d<br>e</div>' });
  });

  it('gives rich text that already is a div as it is', () => {
    for (const html of ['<div>x</div>', '<DIV class="a">x</DIV>', '<div\n>x</div>']) {
      expect(renderFields(list, makeItem({ Body: html }), store, ['Body']).Body, html).toBe(html);
    }
    expect(renderFields(list, makeItem({ Body: '<divider>' }), store, ['Body']).Body).toBe('<div class="ExternalClass">&lt;divider&gt;</div>');
    expect(renderFields(list, makeItem({ Body: 'x <div>y</div>' }), store, ['Body']).Body).toBe('<div class="ExternalClass">x &lt;div&gt;y&lt;/div&gt;</div>');
  });

  it('gives a stored non-text value of a rich text column as it is', () => {
    expect(renderFields(list, makeItem({ Body: 5 }), store, ['Body']).Body).toBe(5);
  });
});

describe('the listItem', () => {
  const list = makeList();
  const item = makeItem({ Title: 'T' });
  const full = {
    '@odata.etag': ETAG,
    createdDateTime: '2027-03-01T10:00:00Z',
    eTag: ETAG,
    id: '7',
    lastModifiedDateTime: '2027-03-02T11:00:00Z',
    webUrl: `${SITE_URL}/Lists/M%C3%A5l%20og%20tiltak/7_.000`,
    createdBy: { user: { id: alice.id, displayName: alice.displayName } },
    lastModifiedBy: { user: { id: bob.id, displayName: bob.displayName } },
    parentReference: { id: list.id, siteId: site.id },
    contentType: { id: '0x01006F0C3B9EABCD4000800000000000000F', name: 'Item' },
  };

  it('has the documented properties, without fields unless expanded', () => {
    expect(renderItem(site, list, item, store, { fields: false, fieldSelect: null, select: null }, SITE_URL)).toEqual(full);
  });

  it('has the fieldValueSet when fields are expanded, limited by the nested select', () => {
    expect(renderItem(site, list, item, store, { fields: true, fieldSelect: ['Title'], select: null }, SITE_URL)).toEqual({
      ...full,
      fields: { '@odata.etag': ETAG, Title: 'T' },
    });
  });

  it('with $select holds the etag annotation and the selected properties in any letter case', () => {
    expect(renderItem(site, list, item, store, { fields: false, fieldSelect: null, select: ['ID', 'webURL'] }, SITE_URL)).toEqual({
      '@odata.etag': ETAG,
      id: '7',
      webUrl: full.webUrl,
    });
    expect(renderItem(site, list, item, store, { fields: true, fieldSelect: ['Title'], select: ['eTag'] }, SITE_URL)).toEqual({
      '@odata.etag': ETAG,
      eTag: ETAG,
      fields: { '@odata.etag': ETAG, Title: 'T' },
    });
  });
});

describe('the list', () => {
  it('has the documented properties', () => {
    const list = makeList();
    expect(renderList(site, list, store, SITE_URL)).toEqual({
      '@odata.etag': '"6f0c3b9e-abcd-4000-8000-00000000000f,4"',
      createdDateTime: '2027-01-01T00:00:00Z',
      description: 'desc',
      eTag: '"6f0c3b9e-abcd-4000-8000-00000000000f,4"',
      id: list.id,
      lastModifiedDateTime: '2027-01-02T00:00:00Z',
      name: 'Mål og tiltak',
      webUrl: `${SITE_URL}/Lists/M%C3%A5l%20og%20tiltak`,
      displayName: 'Mål',
      createdBy: { user: { id: alice.id, displayName: alice.displayName } },
      lastModifiedBy: { user: { id: bob.id, displayName: bob.displayName } },
      parentReference: { siteId: site.id },
      list: { contentTypesEnabled: false, hidden: false, template: 'genericList' },
    });
  });

  it('has its columns when they are expanded', () => {
    const list = makeList();
    expect(renderList(site, list, store, SITE_URL, true).columns).toEqual(list.columns.map(renderColumn));
  });

  it('lives under /Lists/ unless it is a document library', () => {
    expect(listWebUrl(SITE_URL, makeList('Plan'))).toBe(`${SITE_URL}/Lists/Plan`);
    expect(listWebUrl(SITE_URL, makeList('Shared Documents', 'documentLibrary'))).toBe(`${SITE_URL}/Shared%20Documents`);
  });

  it('is found by id, then by title, then by URL name, in any letter case', () => {
    const byId = { ...makeList('a'), id: 'ID-1', displayName: 'Name-2' };
    const byTitle = { ...makeList('Name-3'), id: 'id-2', displayName: 'id-1' };
    const byName = { ...makeList('name-2'), id: 'id-3', displayName: 'Other' };
    const withLists: SiteState = { ...site, lists: [byName, byTitle, byId] };
    expect(findList(withLists, 'id-1')).toBe(byId);
    expect(findList(withLists, 'NAME-2')).toBe(byId);
    expect(findList(withLists, 'name-3')).toBe(byTitle);
    expect(findList(withLists, 'OTHER')).toBe(byName);
    expect(findList(withLists, 'nothing')).toBeUndefined();
  });
});
