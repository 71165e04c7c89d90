import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALVER, createTestList, startTestEmulator, type Collection, type ErrorBody, type TestEmulator } from './support.ts';
import { demoPerson } from '../../emulator/seed/demo-tenant.ts';

let t: TestEmulator;
let list: string;
const PREFER = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
type Fields = Record<string, unknown>;

beforeAll(async () => {
  t = await startTestEmulator();
  const id = await createTestList(t, 'Mål', [
    { name: 'PlanId', text: {}, indexed: true },
    { name: 'Target', number: {} },
    { name: 'Done', boolean: {} },
    { name: 'Due', dateTime: { format: 'dateOnly' } },
    { name: 'Status', choice: { choices: ['onTrack', 'behind'] } },
    { name: 'Owner', personOrGroup: {} },
  ]);
  list = `/sites/${ALVER.siteId}/lists/${id}`;
});
afterAll(async () => {
  await t.close();
});

describe('list items', () => {
  it('should create an item with 201 and Graph listItem shape', async () => {
    const res = await t.call('POST', `${list}/items`, { body: { fields: { Title: 'Verve 20 nye', PlanId: 'p1', Target: 20, Done: false, Due: '2027-06-30', Owner: undefined, OwnerLookupId: 11 } } });
    expect(res.status).toBe(201);
    const item = res.body;
    expect(item.id).toBe('1');
    expect(item.eTag).toMatch(/^"[0-9a-f-]{36},1"$/);
    // The identity set Graph documents for a listItem: the Entra id and name, from the token.
    expect(item.createdBy).toEqual({ user: { id: demoPerson('ingrid.haugland@org365.example').id, displayName: 'Ingrid Haugland' } });
    expect(item.lastModifiedBy).toEqual(item.createdBy);
    expect(item).toHaveProperty('webUrl');
    expect(item).toHaveProperty('parentReference.siteId', ALVER.siteId);
    const fields = item.fields as Fields;
    const stamp = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // The whole fields object: the written columns plus the ones SharePoint adds itself.
    expect(fields).toEqual({
      '@odata.etag': item.eTag,
      id: '1',
      Title: 'Verve 20 nye',
      PlanId: 'p1',
      Target: 20,
      Done: false,
      // A date-only value is the site's local midnight (Europe/Oslo by default, summer time): time-zone.ts.
      Due: '2027-06-29T22:00:00Z',
      OwnerLookupId: '11',
      AuthorLookupId: expect.any(String),
      EditorLookupId: expect.any(String),
      Created: stamp,
      Modified: stamp,
      ContentType: 'Item',
      Attachments: false,
      Edit: '',
      LinkTitle: 'Verve 20 nye',
      LinkTitleNoMenu: 'Verve 20 nye',
      FolderChildCount: '0',
      ItemChildCount: '0',
      _UIVersionString: '1.0',
    });
    expect(typeof fields.AuthorLookupId).toBe('string');
    expect(typeof fields.EditorLookupId).toBe('string');
    expect(fields.Created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('should reject unknown fields and mistyped values with 400 invalidRequest, but accept any choice text', async () => {
    const unknown = await t.call<ErrorBody>('POST', `${list}/items`, { body: { fields: { Title: 'x', Nope: 1 } } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'invalidRequest', message: "Field 'Nope' is not recognized" });
    for (const fields of [{ Target: 'many' }, { Done: 'yes' }, { Due: 'next week' }, { OwnerLookupId: 'x' }]) {
      expect((await t.call('POST', `${list}/items`, { body: { fields } })).status, JSON.stringify(fields)).toBe(400);
    }
    const typed = await t.call('POST', `${list}/items`, { body: { fields: { Title: 'Fritekst', Status: 'Noe annet' } } });
    expect(typed.status).toBe(201);
    expect((typed.body.fields as Fields).Status).toBe('Noe annet');
  });

  it('should get an item with $expand=fields($select=…) and both spellings', async () => {
    for (const q of ['$expand=fields($select=Title,Target)', 'expand=fields(select=Title,Target)']) {
      const res = await t.call('GET', `${list}/items/1?${q}`);
      expect(Object.keys(res.body.fields as Fields).sort(), q).toEqual(['@odata.etag', 'Target', 'Title']);
    }
    const noFields = await t.call<Collection>('GET', `${list}/items?$select=id,eTag`);
    expect(noFields.body.value[0]).not.toHaveProperty('fields');
    expect(noFields.body.value[0]).not.toHaveProperty('createdBy');
  });

  it('should patch fields (200 fieldValueSet), bump the version, and honour If-Match', async () => {
    const before = await t.call('GET', `${list}/items/1`);
    const etag = before.body.eTag as string;
    const patched = await t.call('PATCH', `${list}/items/1/fields`, { body: { Target: 25 }, headers: { 'If-Match': etag } });
    expect(patched.status).toBe(200);
    expect(patched.body).not.toHaveProperty('fields');
    expect(patched.body).toMatchObject({ Target: 25, Title: 'Verve 20 nye' });
    expect(patched.body['@odata.etag']).toMatch(/,2"$/);

    const stale = await t.call<ErrorBody>('PATCH', `${list}/items/1/fields`, { body: { Target: 30 }, headers: { 'If-Match': etag } });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('resourceModified');
    const star = await t.call('PATCH', `${list}/items/1`, { body: { fields: { Target: 31 } }, headers: { 'If-Match': '*' } });
    expect(star.status).toBe(200);
    expect((star.body.fields as Fields).Target).toBe(31);
    const malformed = await t.call<ErrorBody>('PATCH', `${list}/items/1/fields`, { body: { Target: 1 }, headers: { 'If-Match': etag.slice(1, -1) } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.innerError.code).toBe('malformedEntityTag');
    expect(((await t.call('GET', `${list}/items/1`)).body.fields as Fields).Target).toBe(31);
  });

  it('should delete with 204, 412 on a stale tag and 404 afterwards', async () => {
    const created = await t.call('POST', `${list}/items`, { body: { fields: { Title: 'slett meg' } } });
    const id = created.body.id as string;
    await t.call('PATCH', `${list}/items/${id}/fields`, { body: { Title: 'endret' } });
    expect((await t.call('DELETE', `${list}/items/${id}`, { headers: { 'If-Match': created.body.eTag as string } })).status).toBe(412);
    expect((await t.call('DELETE', `${list}/items/${id}`)).status).toBe(204);
    const gone = await t.call<ErrorBody>('GET', `${list}/items/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('itemNotFound');
  });
});

describe('queries', () => {
  const titles = ["Kari's mål", 'Lønn & pensjon', 'Sak #12', 'Prosent 50%', 'a+b'];
  beforeAll(async () => {
    for (const [i, title] of titles.entries()) {
      await t.call('POST', `${list}/items`, { body: { fields: { Title: title, PlanId: i % 2 ? 'p2' : 'p3', Target: i * 10 } } });
    }
  });

  it('should filter on values with quotes, & and # when properly encoded (needs Prefer for non-indexed Title)', async () => {
    for (const title of titles) {
      const filter = `fields/Title eq '${title.replaceAll("'", "''")}'`;
      const res = await t.call<Collection<{ fields: Fields }>>('GET', `${list}/items?$expand=fields&$filter=${encodeURIComponent(filter)}`, { headers: PREFER });
      expect(res.status, title).toBe(200);
      expect(res.body.value.map((i) => i.fields.Title), title).toEqual([title]);
    }
  });

  it("should refuse a non-indexed field without the Prefer header with Graph's message", async () => {
    const res = await t.call<ErrorBody>('GET', `${list}/items?$filter=${encodeURIComponent("fields/Title eq 'x'")}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalidRequest');
    expect(res.body.error.message).toBe(
      "Field 'Title' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.",
    );
    expect((await t.call('GET', `${list}/items?$orderby=fields/Target`)).status).toBe(400);
    expect((await t.call('GET', `${list}/items?$filter=${encodeURIComponent("fields/PlanId eq 'p2'")}`)).status).toBe(200);
  });

  it('should support and/or/not, parentheses, startswith, numbers and null', async () => {
    const q = async (filter: string): Promise<string[]> => {
      const res = await t.call<Collection<{ fields: Fields }>>('GET', `${list}/items?$expand=fields&$filter=${encodeURIComponent(filter)}`, { headers: PREFER });
      expect(res.status, filter).toBe(200);
      return res.body.value.map((i) => i.fields.Title as string);
    };
    expect(await q("fields/PlanId eq 'p2' and fields/Target ge 30")).toEqual(['Prosent 50%']);
    expect(await q("(fields/PlanId eq 'p2' or fields/PlanId eq 'p3') and not (fields/Target lt 20)")).toEqual(['Sak #12', 'Prosent 50%', 'a+b']);
    expect(await q("startswith(fields/Title,'lønn')")).toEqual(['Lønn & pensjon']);
    expect(await q("fields/Target gt 0 and fields/PlanId ne null and fields/Title ne 'a+b'")).toEqual(['Verve 20 nye', 'Lønn & pensjon', 'Sak #12', 'Prosent 50%']);
  });

  it('should order by several fields asc and desc', async () => {
    const res = await t.call<Collection<{ fields: Fields }>>('GET', `${list}/items?$expand=fields&$filter=${encodeURIComponent("fields/PlanId ne null")}&$orderby=fields/PlanId desc,fields/Target asc`, { headers: PREFER });
    expect(res.body.value.map((i) => [i.fields.PlanId, i.fields.Target])).toEqual([
      ['p3', 0],
      ['p3', 20],
      ['p3', 40],
      ['p2', 10],
      ['p2', 30],
      ['p1', 31],
    ]);
  });
});
