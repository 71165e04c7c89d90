import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALVER, createItemsFast, createTestList, startTestEmulator, type Collection, type ErrorBody, type TestEmulator } from './support.ts';

const COUNT = 6_100;
let t: TestEmulator;
let list: string;
const PREFER = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };

beforeAll(async () => {
  t = await startTestEmulator();
  const id = await createTestList(t, 'Stor liste', [
    { name: 'Bucket', text: {}, indexed: true },
    { name: 'N', number: {}, indexed: true },
    { name: 'Free', text: {} },
  ]);
  list = `/sites/${ALVER.siteId}/lists/${id}`;
  const fields = Array.from({ length: COUNT }, (_, n) => ({ Title: `Item ${n}`, Bucket: n % 3 === 0 ? 'a&b' : 'c', N: n, Free: n % 2 ? 'odd' : 'even' }));
  await createItemsFast(t, list, fields);
}, 60_000);
afterAll(async () => {
  await t.close();
});

async function pageAll(first: string, headers: Record<string, string> = {}): Promise<{ pages: number; ids: string[]; links: string[] }> {
  const ids: string[] = [];
  const links: string[] = [];
  let url: string | undefined = first;
  let pages = 0;
  while (url) {
    const res: Awaited<ReturnType<typeof t.call<Collection>>> = await t.call<Collection>('GET', url, { headers });
    expect(res.status, url).toBe(200);
    pages++;
    ids.push(...res.body.value.map((i) => i.id as string));
    url = res.body['@odata.nextLink'];
    if (url) links.push(url);
  }
  return { pages, ids, links };
}

describe('paging', () => {
  it('should page past 5,000 items with absolute https nextLinks that keep the query options', async () => {
    const { pages, ids, links } = await pageAll(`${list}/items?$expand=fields($select=Title)&$top=1000`);
    expect(pages).toBe(7);
    expect(new Set(ids).size).toBe(COUNT);
    for (const link of links) {
      expect(link.startsWith(`${t.emu.graphUrl}/sites/`)).toBe(true);
      expect(link).toContain('$skiptoken=');
      expect(link).toContain('$expand=fields($select=Title)');
      expect(link).toContain('$top=1000');
    }
  });

  it('should default to pages of 200 and clamp $top to 5,000', async () => {
    const first = await t.call<Collection>('GET', `${list}/items`);
    expect(first.body.value).toHaveLength(200);
    const clamped = await t.call<Collection>('GET', `${list}/items?$top=9999`);
    expect(clamped.body.value).toHaveLength(5000);
    expect(clamped.body['@odata.nextLink']).toBeDefined();
  });

  it('should filter an indexed field on a large list and page the matches', async () => {
    const filter = encodeURIComponent("fields/Bucket eq 'a&b'");
    const { ids } = await pageAll(`${list}/items?$filter=${filter}&$top=500`);
    expect(ids).toHaveLength(Math.ceil(COUNT / 3));
  });

  it('should order a large list by an indexed field across pages', async () => {
    const { ids } = await pageAll(`${list}/items?$expand=fields&$orderby=fields/N desc&$top=2500`);
    expect(ids).toHaveLength(COUNT);
    const res = await t.call<Collection<{ fields: { N: number } }>>('GET', `${list}/items?$expand=fields&$orderby=fields/N desc&$top=3`);
    expect(res.body.value.map((i) => i.fields.N)).toEqual([COUNT - 1, COUNT - 2, COUNT - 3]);
  });

  it('should fail a non-indexed filter on a list over 5,000 items even with the Prefer header', async () => {
    const res = await t.call<ErrorBody>('GET', `${list}/items?$filter=${encodeURIComponent("fields/Free eq 'odd'")}`, { headers: PREFER });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('notSupported');
    expect(res.body.error.message).toBe('The request is unprocessable because it uses too many resources');
    expect(res.body.error.innerError.code).toBe('tooManyResources');
  });

  it('should build the nextLink from the Host header (dev proxy)', async () => {
    // fetch may not set Host; a proxy does, so use node:https directly.
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(
        `${t.emu.graphUrl}${list}/items?$top=10`,
        { ca: t.emu.ca, headers: { Authorization: 'Bearer dev:ingrid.haugland@org365.example', Host: 'localhost:5173' } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve(text));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect((JSON.parse(body) as Collection)['@odata.nextLink']).toMatch(/^https:\/\/localhost:5173\/v1\.0\/sites\//);
  });
});

describe('partial pages on a small list with a non-indexed filter', () => {
  it('should scan page by page and return partial pages until nextLink is absent', async () => {
    const id = await createTestList(t, 'Liten liste', [{ name: 'Free', text: {} }]);
    const small = `/sites/${ALVER.siteId}/lists/${id}`;
    await createItemsFast(t, small, Array.from({ length: 50 }, (_, n) => ({ Title: `S${n}`, Free: n < 5 ? 'hit' : 'miss' })));
    const filter = encodeURIComponent("fields/Free eq 'hit'");
    const { pages, ids } = await pageAll(`${small}/items?$filter=${filter}&$top=10`, PREFER);
    expect(ids).toHaveLength(5);
    expect(pages).toBeGreaterThan(1);
  });
});
