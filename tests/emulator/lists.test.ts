import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALVER, startTestEmulator, type Collection, type ErrorBody, type TestEmulator } from './support.ts';

let t: TestEmulator;
const site = `/sites/${ALVER.siteId}`;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.close();
});

describe('lists', () => {
  it('should create a genericList with Title plus the given columns and refuse a duplicate title with 409', async () => {
    const res = await t.call('POST', `${site}/lists`, {
      body: {
        displayName: 'Lokale mål',
        description: 'Mål',
        columns: [
          { name: 'PlanId', text: {}, indexed: true },
          { name: 'Target', number: {} },
          { name: 'Status', choice: { choices: ['onTrack', 'behind'], allowTextEntry: false } },
        ],
        list: { template: 'genericList' },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ displayName: 'Lokale mål', description: 'Mål', list: { template: 'genericList' } });
    const columns = res.body.columns as Record<string, unknown>[];
    expect(columns.map((c) => c.name)).toEqual(expect.arrayContaining(['Title', 'ID', 'Created', 'Modified', 'Author', 'Editor', 'PlanId', 'Target', 'Status']));
    expect(columns.find((c) => c.name === 'PlanId')).toMatchObject({ indexed: true, text: { maxLength: 255, allowMultipleLines: false } });

    const dup = await t.call<ErrorBody>('POST', `${site}/lists`, { body: { displayName: 'lokale MÅL' } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('nameAlreadyExists');
  });

  it('should filter lists by displayName, with $select, under both site paths', async () => {
    const filter = encodeURIComponent("displayName eq 'Lokale mål'");
    const res = await t.call<Collection>('GET', `${site}/lists?$filter=${filter}&$select=id,displayName`);
    expect(res.body.value).toHaveLength(1);
    expect(Object.keys(res.body.value[0] ?? {}).filter((k) => !k.startsWith('@')).sort()).toEqual(['displayName', 'id']);
    const viaGroup = await t.call<Collection>('GET', `/groups/${ALVER.id}/sites/root/lists?$filter=${filter}`);
    expect(viaGroup.body.value[0]?.id).toBe(res.body.value[0]?.id);
    const none = await t.call<Collection>('GET', `${site}/lists?$filter=${encodeURIComponent("displayName eq 'Nope'")}`);
    expect(none.body.value).toEqual([]);
  });

  it('should address a list by id or by title, patch and delete it', async () => {
    const byTitle = await t.call('GET', `${site}/lists/${encodeURIComponent('Lokale mål')}`);
    expect(byTitle.status).toBe(200);
    const id = byTitle.body.id as string;
    expect((await t.call('GET', `${site}/lists/${id}?$expand=columns`)).body.columns).toBeDefined();

    const created = await t.call('POST', `${site}/lists`, { body: { displayName: 'Midlertidig' } });
    const tempId = created.body.id as string;
    const patched = await t.call('PATCH', `${site}/lists/${tempId}`, { body: { displayName: 'Midlertidig 2', description: 'x' } });
    expect(patched.body).toMatchObject({ displayName: 'Midlertidig 2', description: 'x' });
    expect((await t.call('DELETE', `${site}/lists/${tempId}`)).status).toBe(204);
    const gone = await t.call<ErrorBody>('GET', `${site}/lists/${tempId}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('itemNotFound');
  });
});

describe('columns', () => {
  it('should add a column with 201 and refuse a duplicate name', async () => {
    const res = await t.call('POST', `${site}/lists/${encodeURIComponent('Lokale mål')}/columns`, {
      body: { name: 'Notes', displayName: 'Notater', text: { allowMultipleLines: true } },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Notes', displayName: 'Notater', indexed: false, text: { allowMultipleLines: true } });
    const dup = await t.call<ErrorBody>('POST', `${site}/lists/${encodeURIComponent('Lokale mål')}/columns`, { body: { name: 'Notes', text: {} } });
    expect(dup.status).toBe(409);
  });

  it('should delete a column and drop its values from the items', async () => {
    const list = `${site}/lists/${encodeURIComponent('Lokale mål')}`;
    const item = await t.call('POST', `${list}/items`, { body: { fields: { Title: 'Verve 20', Notes: 'husk', PlanId: '1' } } });
    expect((item.body.fields as Record<string, unknown>).Notes).toBe('husk');
    const columns = await t.call<Collection>('GET', `${list}/columns`);
    const notes = columns.body.value.find((c) => c.name === 'Notes');
    expect((await t.call('DELETE', `${list}/columns/${notes?.id as string}`)).status).toBe(204);
    const after = await t.call('GET', `${list}/items/${item.body.id as string}?$expand=fields`);
    expect(after.body.fields).not.toHaveProperty('Notes');
    const write = await t.call<ErrorBody>('PATCH', `${list}/items/${item.body.id as string}/fields`, { body: { Notes: 'x' } });
    expect(write.status).toBe(400);
    const title = columns.body.value.find((c) => c.name === 'Title');
    expect((await t.call('DELETE', `${list}/columns/${title?.id as string}`)).status).toBe(400);
  });

  it('should let a column be indexed later with PATCH', async () => {
    const list = `${site}/lists/${encodeURIComponent('Lokale mål')}`;
    const res = await t.call('PATCH', `${list}/columns/Target`, { body: { indexed: true } });
    expect(res.status).toBe(200);
    expect(res.body.indexed).toBe(true);
  });
});
