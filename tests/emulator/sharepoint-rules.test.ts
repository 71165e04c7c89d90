// How SharePoint serves a listItem collection query through Graph (facts sheet §4 and §5;
// https://learn.microsoft.com/en-us/graph/api/listitem-list): property paths (`id`, listItem dates,
// `fields/X`, `fields/XLookupId`), the non-indexed field rule and its Prefer header, the 5,000-item
// list view threshold, default page 200 and $top up to 5,000, skip tokens, and $orderby.
import { describe, expect, it } from 'vitest';
import { GraphError } from '../../emulator/core/graph-error.ts';
import { buildTenant } from '../../emulator/seed/build-tenant.ts';
import { columnFromDefinition, templateColumns } from '../../emulator/sharepoint/column-model.ts';
import { DEFAULT_PAGE_SIZE, LIST_VIEW_THRESHOLD, MAX_PAGE_SIZE, PREFER_NON_INDEXED, findItem, indexAfterId, queryItems, type ItemQuery } from '../../emulator/sharepoint/item-query.ts';
import { TenantStore } from '../../emulator/state/tenant-store.ts';
import type { FieldValue, ListItemState, ListState, UserState } from '../../emulator/state/tenant-state.ts';

const store = new TenantStore(buildTenant('demo'));
const alice = store.state.users[0] as UserState;
const bob = store.state.users[1] as UserState;

function makeList(defs: Record<string, unknown>[]): ListState {
  const columns = templateColumns('genericList');
  for (const def of defs) columns.push(columnFromDefinition(def, `col-${columns.length}`, columns));
  return {
    id: '6f0c3b9e-0000-4000-8000-000000000001',
    name: 'Rules',
    displayName: 'Rules',
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

function makeItem(id: number, fields: Record<string, FieldValue>, author: UserState = alice, editor: UserState = alice): ListItemState {
  const day = String(id).padStart(2, '0');
  return {
    id,
    uid: `00000000-0000-4000-8000-0000000000${day}`,
    version: 1,
    createdDateTime: `2027-01-${day}T00:00:00Z`,
    lastModifiedDateTime: `2027-02-${day}T00:00:00Z`,
    authorId: author.id,
    editorId: editor.id,
    fields,
  };
}

const COLUMNS = [
  { name: 'Code', text: {}, indexed: true },
  { name: 'N', number: {}, indexed: true },
  { name: 'Free', text: {} },
  { name: 'Done', boolean: {} },
  { name: 'Owner', personOrGroup: {}, indexed: true },
];

/** Six items with ids 1, 2, 3, 5, 8, 9 (gaps, as after deletes). */
function sampleList(): ListState {
  const list = makeList(COLUMNS);
  list.items = [
    makeItem(1, { Title: 'one', Code: 'a', N: 3, Free: 'miss', Done: true, Owner: alice.lookupId }),
    makeItem(2, { Title: 'two', Code: 'b', Free: 'miss', Done: false }, bob, bob),
    makeItem(3, { Title: 'three', Code: 'a', N: 1, Free: 'hit', Owner: bob.lookupId }),
    makeItem(5, { Title: 'five', Code: 'c', N: 3, Free: 'miss', Done: true }, bob, alice),
    makeItem(8, { Title: 'eight', Code: 'a', N: 2, Free: 'miss' }),
    makeItem(9, { Title: 'nine', Code: 'b', N: 5, Free: 'hit' }, alice, bob),
  ];
  list.nextItemId = 10;
  return list;
}

const list = sampleList();

interface Page {
  ids: number[];
  /** The decoded skip token, or null on the last page. */
  next: string | null;
  raw: string | null;
}

function run(q: Partial<ItemQuery>, target: ListState = list): Page {
  const page = queryItems(target, { honorNonIndexed: false, enforceListViewThreshold: true, ...q }, store);
  const raw = page.nextSkipToken;
  return { ids: page.items.map((i) => i.id), next: raw === null ? null : Buffer.from(raw, 'base64url').toString('utf8'), raw };
}

const honor = (filter: string, extra: Partial<ItemQuery> = {}): Page => run({ filter, honorNonIndexed: true, ...extra });

function thrown(fn: () => unknown): { status: number; code: string; message: string; innerCode?: string } {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(GraphError);
    const e = err as GraphError;
    const out: { status: number; code: string; message: string; innerCode?: string } = { status: e.status, code: e.code, message: e.message };
    if (e.options.innerCode !== undefined) out.innerCode = e.options.innerCode;
    return out;
  }
  throw new Error('did not throw');
}

const nonIndexed = (field: string): { status: number; code: string; message: string } => ({
  status: 400,
  code: 'invalidRequest',
  message: `Field '${field}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
});

const encode = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

describe('constants', () => {
  it('match the documented page sizes, threshold and Prefer value', () => {
    expect([DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, LIST_VIEW_THRESHOLD, PREFER_NON_INDEXED]).toEqual([200, 5000, 5000, 'HonorNonIndexedQueriesWarningMayFailRandomly']);
  });
});

describe('property paths in $filter and $orderby', () => {
  it('`id`, `fields/id` and `fields/ID` are the item id and need no index', () => {
    expect(run({ filter: 'id eq 3' }).ids).toEqual([3]);
    expect(run({ filter: "fields/id eq '5'" }).ids).toEqual([5]);
    expect(run({ filter: 'fields/ID ge 8' }).ids).toEqual([8, 9]);
    expect(run({ orderBy: 'id desc' }).ids).toEqual([9, 8, 5, 3, 2, 1]);
  });

  it('createdDateTime and fields/Created are the creation time, behind the non-indexed Created column', () => {
    expect(thrown(() => run({ filter: 'createdDateTime ge 2027-01-05' }))).toEqual(nonIndexed('createdDateTime'));
    expect(thrown(() => run({ filter: 'fields/Created ge 2027-01-05' }))).toEqual(nonIndexed('Created'));
    expect(honor('createdDateTime ge 2027-01-05').ids).toEqual([5, 8, 9]);
    expect(honor('fields/Created lt 2027-01-03').ids).toEqual([1, 2]);
  });

  it('lastModifiedDateTime and fields/Modified are the modification time, behind the non-indexed Modified column', () => {
    expect(thrown(() => run({ filter: 'lastModifiedDateTime ge 2027-02-05' }))).toEqual(nonIndexed('lastModifiedDateTime'));
    expect(thrown(() => run({ orderBy: 'fields/Modified' }))).toEqual(nonIndexed('Modified'));
    expect(honor('lastModifiedDateTime ge 2027-02-08').ids).toEqual([8, 9]);
    expect(honor('fields/Modified le 2027-02-02').ids).toEqual([1, 2]);
  });

  it('an indexed Created or Modified column needs no Prefer header', () => {
    const indexed = sampleList();
    for (const c of indexed.columns) if (c.name === 'Created' || c.name === 'Modified') c.indexed = true;
    expect(run({ filter: 'createdDateTime le 2027-01-02' }, indexed).ids).toEqual([1, 2]);
    expect(run({ filter: 'fields/Created ge 2027-01-09' }, indexed).ids).toEqual([9]);
    expect(run({ filter: 'lastModifiedDateTime le 2027-02-01' }, indexed).ids).toEqual([1]);
    expect(run({ filter: 'fields/Modified gt 2027-02-08' }, indexed).ids).toEqual([9]);
  });

  it('fields/Author and fields/AuthorLookupId are the creator’s lookup id', () => {
    expect(thrown(() => run({ filter: `fields/AuthorLookupId eq ${bob.lookupId}` }))).toEqual(nonIndexed('AuthorLookupId'));
    expect(honor(`fields/AuthorLookupId eq ${bob.lookupId}`).ids).toEqual([2, 5]);
    expect(honor(`fields/Author eq '${alice.lookupId}'`).ids).toEqual([1, 3, 8, 9]);
  });

  it('fields/Editor and fields/EditorLookupId are the last editor’s lookup id', () => {
    expect(thrown(() => run({ filter: `fields/Editor eq ${bob.lookupId}` }))).toEqual(nonIndexed('Editor'));
    expect(honor(`fields/EditorLookupId eq ${bob.lookupId}`).ids).toEqual([2, 9]);
    expect(honor(`fields/Editor eq ${alice.lookupId}`).ids).toEqual([1, 3, 5, 8]);
  });

  it('an author or editor who is no longer a user has no lookup id', () => {
    const orphaned = sampleList();
    const gone = { ...alice, id: 'no-such-user' };
    orphaned.items.push(makeItem(10, { Code: 'z' }, gone, gone));
    expect(run({ filter: 'fields/AuthorLookupId eq null', honorNonIndexed: true }, orphaned).ids).toEqual([10]);
    expect(run({ filter: 'fields/EditorLookupId eq null', honorNonIndexed: true }, orphaned).ids).toEqual([10]);
  });

  it('fields/Name and fields/NameLookupId of a person column are its lookup id', () => {
    expect(run({ filter: `fields/OwnerLookupId eq ${bob.lookupId}` }).ids).toEqual([3]);
    expect(run({ filter: `fields/Owner eq ${alice.lookupId}` }).ids).toEqual([1]);
    expect(run({ filter: 'fields/Owner eq null' }).ids).toEqual([2, 5, 8, 9]);
  });

  it('a listItem property that is not supported is a 400 naming it and the type', () => {
    const message = "Could not find a property named 'title' on type 'microsoft.graph.listItem'.";
    expect(thrown(() => run({ filter: "title eq 'x'" }))).toEqual({ status: 400, code: 'invalidRequest', message });
    expect(thrown(() => run({ orderBy: 'title' }))).toEqual({ status: 400, code: 'invalidRequest', message });
    expect(thrown(() => run({ filter: "Code eq 'a'" })).message).toBe("Could not find a property named 'Code' on type 'microsoft.graph.listItem'.");
  });

  it('an unknown field is a 400 invalidRequest naming it', () => {
    expect(thrown(() => run({ filter: "fields/Nope eq 'x'" }))).toEqual({ status: 400, code: 'invalidRequest', message: "Field 'Nope' is not recognized" });
    expect(thrown(() => run({ orderBy: 'fields/Nope' }))).toEqual({ status: 400, code: 'invalidRequest', message: "Field 'Nope' is not recognized" });
    expect(thrown(() => run({ filter: 'fields/CodeLookupId eq 1' })).message).toBe("Field 'CodeLookupId' is not recognized");
  });

  it('field names are case-sensitive', () => {
    expect(thrown(() => run({ filter: "fields/code eq 'a'" })).message).toBe("Field 'code' is not recognized");
  });
});

describe('the non-indexed field rule', () => {
  it('filtering a non-indexed field without the Prefer header is a 400 with Graph’s message', () => {
    expect(thrown(() => run({ filter: "fields/Free eq 'hit'" }))).toEqual(nonIndexed('Free'));
  });

  it('the Prefer header lets the same filter run', () => {
    expect(honor("fields/Free eq 'hit'").ids).toEqual([3, 9]);
  });

  it('indexed fields filter without the header', () => {
    expect(run({ filter: "fields/Code eq 'a'" }).ids).toEqual([1, 3, 8]);
    expect(run({ filter: 'fields/N gt 2' }).ids).toEqual([1, 5, 9]);
  });

  it('one non-indexed field among indexed ones is enough to refuse, and the message names it', () => {
    expect(thrown(() => run({ filter: "fields/Code eq 'a' and fields/Done eq true" }))).toEqual(nonIndexed('Done'));
  });

  it('the message names the filter’s field before the orderby’s', () => {
    expect(thrown(() => run({ filter: "fields/Free eq 'x'", orderBy: 'fields/Done' }))).toEqual(nonIndexed('Free'));
  });

  it('ordering by a non-indexed field needs the header too', () => {
    expect(thrown(() => run({ orderBy: 'fields/Code,fields/Title desc' }))).toEqual(nonIndexed('Title'));
    expect(run({ orderBy: 'fields/Code,fields/Title desc', honorNonIndexed: true }).ids).toEqual([3, 1, 8, 2, 9, 5]);
  });

  it('ordering by an indexed field needs no header', () => {
    expect(run({ orderBy: 'fields/Code desc' }).ids).toEqual([5, 2, 9, 1, 3, 8]);
  });
});

describe('the list view threshold', () => {
  function bigList(count: number): ListState {
    const big = makeList(COLUMNS);
    big.items = Array.from({ length: count }, (_, n) => makeItem(n + 1, { Code: n % 2 ? 'odd' : 'even', Free: n === 0 ? 'first' : 'other' }));
    return big;
  }
  const atThreshold = bigList(LIST_VIEW_THRESHOLD);
  const overThreshold = bigList(LIST_VIEW_THRESHOLD + 1);
  const tooMany = { status: 400, code: 'notSupported', message: 'The request is unprocessable because it uses too many resources', innerCode: 'tooManyResources' };

  it('a non-indexed filter on a list of 5,000 items still runs', () => {
    expect(run({ filter: "fields/Free eq 'first'", honorNonIndexed: true, top: '1' }, atThreshold).ids).toEqual([1]);
  });

  it('a non-indexed filter on a list over 5,000 items fails even with the Prefer header', () => {
    expect(thrown(() => run({ filter: "fields/Free eq 'first'", honorNonIndexed: true }, overThreshold))).toEqual(tooMany);
  });

  it('without the Prefer header the non-indexed error comes first', () => {
    expect(thrown(() => run({ filter: "fields/Free eq 'first'" }, overThreshold))).toEqual(nonIndexed('Free'));
  });

  it('the threshold is not enforced where the caller turned it off', () => {
    expect(run({ filter: "fields/Free eq 'first'", honorNonIndexed: true, enforceListViewThreshold: false, top: '1' }, overThreshold).ids).toEqual([1]);
  });

  it('an indexed filter, or ordering alone by a non-indexed field, is not blocked by the threshold', () => {
    expect(run({ filter: "fields/Code eq 'odd'", top: '2' }, overThreshold).ids).toEqual([2, 4]);
    expect(run({ orderBy: 'fields/Free', honorNonIndexed: true, top: '2' }, overThreshold).ids).toEqual([1, 2]);
  });
});

describe('pages without $orderby', () => {
  it('default to 200 items, with a token only when more remain', () => {
    const exact = makeList(COLUMNS);
    exact.items = Array.from({ length: 200 }, (_, n) => makeItem(n + 1, {}));
    const page = run({}, exact);
    expect([page.ids.length, page.ids[199], page.next]).toEqual([200, 200, null]);
    exact.items.push(makeItem(201, {}));
    const more = run({}, exact);
    expect([more.ids.length, more.next]).toEqual([200, 'Paged=TRUE&p_ID=200']);
    expect(run({ skipToken: more.raw ?? undefined }, exact).ids).toEqual([201]);
  });

  it('fill each page with matches and point the token after the page’s last item', () => {
    const first = run({ filter: "fields/Code eq 'a' or fields/Code eq 'b'", top: '2' });
    expect(first).toEqual({ ids: [1, 2], next: 'Paged=TRUE&p_ID=2', raw: encode('Paged=TRUE&p_ID=2') });
    const second = run({ filter: "fields/Code eq 'a' or fields/Code eq 'b'", top: '2', skipToken: first.raw ?? '' });
    expect([second.ids, second.next]).toEqual([[3, 8], 'Paged=TRUE&p_ID=8']);
    const third = run({ filter: "fields/Code eq 'a' or fields/Code eq 'b'", top: '2', skipToken: second.raw ?? '' });
    expect([third.ids, third.next]).toEqual([[9], null]);
  });

  it('give no token when the page is full and no further item matches', () => {
    expect(run({ filter: "fields/Code eq 'a'", top: '3' })).toEqual({ ids: [1, 3, 8], next: null, raw: null });
    expect(run({ filter: "fields/Code eq 'a'", top: '2' }).next).toBe('Paged=TRUE&p_ID=3');
  });

  it('give a token when a match lies beyond non-matching items', () => {
    expect(run({ filter: "fields/Code eq 'b'", top: '1' }).next).toBe('Paged=TRUE&p_ID=2');
  });

  it('start after the token’s id even when that id no longer exists', () => {
    expect(run({ skipToken: encode('Paged=TRUE&p_ID=4') }).ids).toEqual([5, 8, 9]);
    expect(run({ skipToken: encode('Paged=TRUE&p_ID=9') })).toEqual({ ids: [], next: null, raw: null });
  });

  it('$top=0 gives an empty last page', () => {
    expect(run({ top: '0' })).toEqual({ ids: [], next: null, raw: null });
  });
});

describe('pages of a non-indexed filter (scanned one page of rows at a time)', () => {
  it('may be partial or empty, and carry a token until the rows are scanned', () => {
    const q = (skipToken?: string): Page => honor("fields/Free eq 'hit'", { top: '2', skipToken });
    const first = q();
    expect([first.ids, first.next]).toEqual([[], 'Paged=TRUE&p_ID=2']);
    const second = q(first.raw ?? '');
    expect([second.ids, second.next]).toEqual([[3], 'Paged=TRUE&p_ID=5']);
    const third = q(second.raw ?? '');
    expect([third.ids, third.next]).toEqual([[9], null]);
  });

  it('give a token when one more row remains after the window', () => {
    expect(honor("fields/Free eq 'hit'", { top: '5' }).next).toBe('Paged=TRUE&p_ID=8');
    expect(honor("fields/Free eq 'hit'", { top: '6' })).toEqual({ ids: [3, 9], next: null, raw: null });
  });

  it('are not used when the query has an $orderby', () => {
    expect(honor("fields/Free eq 'hit'", { top: '1', orderBy: 'fields/N desc' }).next).toBe('Paged=TRUE&p_Offset=1');
  });
});

describe('$orderby', () => {
  it('sorts ascending by default, empty values first, ties by id', () => {
    expect(run({ orderBy: 'fields/N' }).ids).toEqual([2, 3, 8, 1, 5, 9]);
  });

  it('sorts descending with empty values last', () => {
    expect(run({ orderBy: 'fields/N desc' }).ids).toEqual([9, 1, 5, 8, 3, 2]);
  });

  it('orders several empty values among themselves by id, first ascending and last descending', () => {
    expect(run({ orderBy: 'fields/Done', honorNonIndexed: true }).ids).toEqual([3, 8, 9, 2, 1, 5]);
    expect(run({ orderBy: 'fields/Done desc', honorNonIndexed: true }).ids).toEqual([1, 5, 2, 3, 8, 9]);
  });

  it('uses later keys to break ties of earlier ones', () => {
    expect(run({ orderBy: 'fields/N desc,fields/Code desc' }).ids).toEqual([9, 5, 1, 8, 3, 2]);
    expect(run({ orderBy: 'fields/Code,fields/N desc' }).ids).toEqual([1, 8, 3, 9, 2, 5]);
  });

  it('compares text without regard to case', () => {
    const mixed = makeList(COLUMNS);
    mixed.items = [makeItem(1, { Code: 'b' }), makeItem(2, { Code: 'A' }), makeItem(3, { Code: 'a' }), makeItem(4, { Code: 'C' })];
    expect(run({ orderBy: 'fields/Code' }, mixed).ids).toEqual([2, 3, 1, 4]);
  });

  it('sorts only the matching items and pages them by offset', () => {
    const first = run({ filter: 'fields/N ne null', orderBy: 'fields/N', top: '2' });
    expect(first).toEqual({ ids: [3, 8], next: 'Paged=TRUE&p_Offset=2', raw: encode('Paged=TRUE&p_Offset=2') });
    const second = run({ filter: 'fields/N ne null', orderBy: 'fields/N', top: '2', skipToken: first.raw ?? '' });
    expect([second.ids, second.next]).toEqual([[1, 5], 'Paged=TRUE&p_Offset=4']);
    const third = run({ filter: 'fields/N ne null', orderBy: 'fields/N', top: '2', skipToken: second.raw ?? '' });
    expect([third.ids, third.next]).toEqual([[9], null]);
  });

  it('gives no token when the last page is exactly full', () => {
    expect(run({ orderBy: 'fields/N', top: '6' }).next).toBeNull();
    expect(run({ orderBy: 'fields/N', top: '5' }).next).toBe('Paged=TRUE&p_Offset=5');
    expect(run({ orderBy: 'fields/N', top: '3', skipToken: encode('Paged=TRUE&p_Offset=3') })).toEqual({ ids: [1, 5, 9], next: null, raw: null });
  });
});

describe('skip tokens', () => {
  const invalid = { status: 400, code: 'invalidRequest', message: 'The $skiptoken is invalid.' };

  it('a token that is not SharePoint’s paging text is a 400 invalidRequest', () => {
    expect(thrown(() => run({ skipToken: 'garbage' }))).toEqual(invalid);
    expect(thrown(() => run({ skipToken: encode('Paged=FALSE&p_ID=2') }))).toEqual(invalid);
    expect(thrown(() => run({ skipToken: encode('Paged=TRUE') }))).toEqual(invalid);
    expect(thrown(() => run({ skipToken: encode('p_ID=2') }))).toEqual(invalid);
  });

  it('an offset wins over an id in an ordered query', () => {
    expect(run({ orderBy: 'fields/N', skipToken: encode('Paged=TRUE&p_ID=8&p_Offset=4') }).ids).toEqual([5, 9]);
  });

  it('an empty token is refused', () => {
    expect(thrown(() => run({ skipToken: '' }))).toEqual(invalid);
  });

  it('an invalid $top is refused before anything else', () => {
    expect(thrown(() => run({ top: '-1', filter: 'fields/Nope eq 1' })).message).toBe("Invalid value '-1' for $top; expected a non-negative integer.");
  });
});

describe('items the caller may not see', () => {
  const mine = (item: ListItemState): boolean => item.authorId === alice.id;

  it('are left out of filtered and unfiltered pages', () => {
    expect(run({ visible: mine }).ids).toEqual([1, 3, 8, 9]);
    expect(run({ visible: mine, filter: "fields/Code eq 'b'" }).ids).toEqual([9]);
    expect(run({ visible: mine, orderBy: 'fields/N desc' }).ids).toEqual([9, 1, 8, 3]);
    expect(honor("fields/Free eq 'miss'", { visible: mine }).ids).toEqual([1, 8]);
  });

  it('do not count toward a next page', () => {
    expect(run({ visible: mine, filter: "fields/Code eq 'b'", top: '1' })).toEqual({ ids: [9], next: null, raw: null });
    expect(run({ visible: mine, filter: "fields/Code eq 'a'", top: '2' }).next).toBe('Paged=TRUE&p_ID=3');
  });
});

describe('indexAfterId and findItem', () => {
  it('indexAfterId gives the first index whose id is greater', () => {
    expect([0, 1, 2, 3, 4, 5, 7, 8, 9, 10].map((id) => indexAfterId(list.items, id))).toEqual([0, 1, 2, 3, 3, 4, 4, 5, 6, 6]);
    expect(indexAfterId([], 3)).toBe(0);
  });

  it('findItem finds existing ids and nothing for gaps or beyond the ends', () => {
    expect([1, 2, 3, 5, 8, 9].map((id) => findItem(list, id)?.id)).toEqual([1, 2, 3, 5, 8, 9]);
    expect([0, 4, 6, 7, 10].map((id) => findItem(list, id))).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
