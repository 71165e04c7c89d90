/** Unique values as SharePoint enforces them through Graph (facts sheet §17). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type ErrorBody, type TestEmulator } from './support.ts';
import { ALVER } from './support.ts';

let t: TestEmulator;
let list: string;
beforeAll(async () => {
  t = await startTestEmulator();
  const created = await t.call<{ id: string }>('POST', `/groups/${ALVER.id}/sites/root/lists`, {
    body: {
      displayName: 'Runs',
      list: { template: 'genericList' },
      columns: [
        { name: 'RunKey', text: {}, indexed: true, enforceUniqueValues: true },
        { name: 'Note', text: {} },
      ],
    },
  });
  expect(created.status).toBe(201);
  list = `/groups/${ALVER.id}/sites/root/lists/${created.body.id}`;
});
afterAll(async () => {
  await t.close();
});

const create = (fields: Record<string, unknown>) => t.call<ErrorBody & { id: string }>('POST', `${list}/items`, { body: { fields } });

describe('enforceUniqueValues', () => {
  it('refuses a second item with the same value, ignoring case, with 400 invalidRequest', async () => {
    expect((await create({ Title: 'a', RunKey: 'key-1' })).status).toBe(201);
    for (const value of ['key-1', 'KEY-1']) {
      const second = await create({ Title: 'b', RunKey: value });
      expect(second.status).toBe(400);
      expect(second.body.error).toMatchObject({ code: 'invalidRequest', message: 'One or more fields with unique constraints already has the provided value.' });
    }
    // A non-unique column may repeat; an empty unique value is no value.
    expect((await create({ Title: 'c', RunKey: 'key-2', Note: 'same' })).status).toBe(201);
    expect((await create({ Title: 'd', Note: 'same' })).status).toBe(201);
    expect((await create({ Title: 'e', Note: 'same' })).status).toBe(201);
  });

  it('gives one item and one refusal for two concurrent creates with the same value', async () => {
    const [a, b] = await Promise.all([create({ Title: 'x', RunKey: 'race' }), create({ Title: 'y', RunKey: 'race' })]);
    expect([a.status, b.status].sort()).toEqual([201, 400]);
    const items = await t.call<{ value: Array<{ fields: { RunKey?: string } }> }>('GET', `${list}/items?$expand=fields`);
    expect(items.body.value.filter((i) => i.fields.RunKey === 'race')).toHaveLength(1);
  });

  it('refuses an update to a value another item holds, and leaves the item and its history as they were', async () => {
    const item = await create({ Title: 'u', RunKey: 'mine' });
    const refused = await t.call<ErrorBody>('PATCH', `${list}/items/${item.body.id}/fields`, { body: { RunKey: 'key-1', Note: 'changed' } });
    expect(refused.status).toBe(400);
    const stored = await t.call<{ fields: { RunKey: string; Note?: string; _UIVersionString: string } }>('GET', `${list}/items/${item.body.id}?$expand=fields`);
    expect(stored.body.fields).toMatchObject({ RunKey: 'mine', _UIVersionString: '1.0' });
    expect(stored.body.fields.Note).toBeUndefined();
    const versions = await t.call<{ value: unknown[] }>('GET', `${list}/items/${item.body.id}/versions`);
    expect(versions.body.value).toHaveLength(1);
    // Its own value again is no duplicate.
    expect((await t.call('PATCH', `${list}/items/${item.body.id}/fields`, { body: { RunKey: 'MINE' } })).status).toBe(200);
  });

  it('refuses unique values on a column that is not indexed', async () => {
    const column = await t.call<ErrorBody>('POST', `${list}/columns`, { body: { name: 'Loose', text: {}, enforceUniqueValues: true } });
    expect(column.status).toBe(400);
    expect(column.body.error.message).toBe('This field must be indexed to enforce unique values.');
    const columns = await t.call<{ value: Array<{ id: string; name: string; indexed: boolean }> }>('GET', `${list}/columns`);
    const note = columns.body.value.find((c) => c.name === 'Note');
    const patch = await t.call('PATCH', `${list}/columns/${note?.id}`, { body: { enforceUniqueValues: true, displayName: 'Renamed' } });
    expect(patch.status).toBe(400);
    const after = await t.call<{ displayName: string; enforceUniqueValues: boolean }>('GET', `${list}/columns/${note?.id}`);
    expect(after.body).toMatchObject({ displayName: 'Note', enforceUniqueValues: false });
  });
});
