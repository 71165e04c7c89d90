/**
 * The Planner adapter's own rules, value by value: Planner's resources read into the board's view
 * (assignees, checklists in order-hint order, reference keys, due days), the bodies it sends, its
 * links, and how it turns refusals into errors and which failures it sends again. The adapter's
 * behaviour against the emulator is in tests/integration/planner-board.test.ts and planner-sync.test.ts;
 * these pin the rules those tests reach only in passing. The batch sender here is a recording
 * stand-in for GraphApi.batch: the retry rules are the subject, not Graph.
 */
import { describe, expect, it } from 'vitest';
import type { BatchResult, BatchStep, GraphApi } from '../../src/graph/client';
import { GraphRequestError } from '../../src/graph/errors';
import {
  PlannerLimitError,
  SAFE_ATTEMPTS,
  batchSafe,
  plannerCall,
  plannerError,
  retrySafe,
  sendWrites,
  stepError,
  succeeded,
} from '../../src/adapters/planner/planner-errors';
import {
  NEW_ASSIGNMENT,
  assigneesOf,
  compareOrdinal,
  createTaskBody,
  creatorOf,
  detailsBody,
  detailsPath,
  dueDateTime,
  goalReferenceUrl,
  plannerTaskUrl,
  referenceKey,
  referenceKeysOf,
  taskPath,
  tasksPath,
  toBoardDetails,
  toBoardTask,
  toBoardTaskFull,
  type PlannerTaskResource,
} from '../../src/adapters/planner/planner-resources';

const task = (over: Partial<PlannerTaskResource> = {}): PlannerTaskResource => ({
  id: 't1',
  planId: 'p1',
  bucketId: 'b1',
  title: 'Verve 50 medlemmer',
  percentComplete: 50,
  dueDateTime: '2027-03-31T12:00:00Z',
  assignments: {},
  '@odata.etag': 'W/"1"',
  ...over,
});

describe('Planner resources read into the board', () => {
  it('a task: completed only at 100 %, due day from the instant, assignees sorted without removed ones and the type tag', () => {
    const assignments = { '@odata.type': '#microsoft.graph.plannerAssignments', zed: NEW_ASSIGNMENT, amy: NEW_ASSIGNMENT, gone: null };
    expect(toBoardTask(task({ assignments }))).toEqual({
      id: 't1',
      title: 'Verve 50 medlemmer',
      bucketId: 'b1',
      completed: false,
      dueDay: '2027-03-31',
      assigneeIds: ['amy', 'zed'],
      etag: 'W/"1"',
    });
    expect(toBoardTask(task({ percentComplete: 99 })).completed).toBe(false);
    expect(toBoardTask(task({ percentComplete: 100 })).completed).toBe(true);
    expect(toBoardTask(task({ dueDateTime: null })).dueDay).toBeNull();
    expect(assigneesOf({ assignments: undefined as unknown as Record<string, unknown> })).toEqual([]);
  });

  it('details: the checklist in order-hint order (ordinal, then by key), nulls and the type tag left out', () => {
    const details = toBoardDetails({
      '@odata.etag': 'W/"d1"',
      description: 'Hele teksten',
      checklist: {
        '@odata.type': null,
        b: { title: 'Møte 2', isChecked: true, orderHint: 'b!', lastModifiedDateTime: '2027-02-01T10:00:00Z', lastModifiedBy: { user: { id: 'u2' } } },
        a: { title: 'Møte 1', isChecked: false, orderHint: 'a!' },
        c: { title: 'Møte 3', orderHint: 'B!' },
        d: { orderHint: 'b!' },
        gone: null,
      },
      references: { 'https%3A//x': { alias: 'Mål' }, '@odata.type': {}, removed: null, 'a%2Eb': {} },
    });
    expect(details).toEqual({
      detailsEtag: 'W/"d1"',
      description: 'Hele teksten',
      checklist: [
        { key: 'c', title: 'Møte 3', isChecked: false, lastModifiedDateTime: null, lastModifiedBy: null },
        { key: 'a', title: 'Møte 1', isChecked: false, lastModifiedDateTime: null, lastModifiedBy: null },
        { key: 'b', title: 'Møte 2', isChecked: true, lastModifiedDateTime: '2027-02-01T10:00:00Z', lastModifiedBy: 'u2' },
        { key: 'd', title: '', isChecked: false, lastModifiedDateTime: null, lastModifiedBy: null },
      ],
      referenceKeys: ['a%2Eb', 'https%3A//x'],
    });
    expect(toBoardDetails({ '@odata.etag': 'W/"d2"' })).toEqual({ detailsEtag: 'W/"d2"', description: '', checklist: [], referenceKeys: [] });
    // Items without an order hint come first, by key.
    expect(toBoardDetails({ '@odata.etag': 'e', checklist: { y: { title: 'Y' }, x: { title: 'X' }, w: { title: 'W', orderHint: ' !' } } }).checklist.map((i) => i.key)).toEqual(['x', 'y', 'w']);
    expect(referenceKeysOf({})).toEqual([]);
  });

  it('a full task: who completed it and when, and who created it', () => {
    const full = toBoardTaskFull(
      task({ percentComplete: 100, completedDateTime: '2027-01-02T08:00:00Z', completedBy: { user: { id: 'u9' } }, createdBy: { user: { id: 'u1' } } }),
      { '@odata.etag': 'W/"d"', description: 'D' },
    );
    expect(full).toMatchObject({ completed: true, percentComplete: 100, completedDateTime: '2027-01-02T08:00:00Z', completedBy: 'u9', detailsEtag: 'W/"d"', description: 'D', etag: 'W/"1"' });
    const open = toBoardTaskFull(task(), { '@odata.etag': 'W/"d"' });
    expect([open.completedDateTime, open.completedBy, open.percentComplete]).toEqual([null, null, 50]);
    expect(creatorOf(task({ createdBy: { user: { id: 'u1' } } }))).toBe('u1');
    expect(creatorOf(task({ createdBy: { user: null } }))).toBeNull();
    expect(creatorOf(task())).toBeNull();
  });

  it('order hints compare ordinally, not by locale', () => {
    expect(compareOrdinal('a', 'b')).toBe(-1);
    expect(compareOrdinal('b', 'a')).toBe(1);
    expect(compareOrdinal('a', 'a')).toBe(0);
    expect(compareOrdinal('Z', 'a')).toBe(-1);
    expect(compareOrdinal(' !', '!')).toBe(-1);
  });
});

describe('what the adapter sends', () => {
  const draft = {
    goalId: 'g1',
    title: 'Ha 4 medlemsmøter',
    description: 'Ha 4 medlemsmøter i året',
    assigneeIds: ['u1', 'u2'],
    dueDay: '2027-12-31',
    checklist: [
      { key: 'k1', title: 'Medlemsmøte 1 av 4' },
      { key: 'k2', title: 'Medlemsmøte 2 av 4' },
    ],
  };

  it('a reference key percent-encodes . : % @ # and nothing else', () => {
    expect(referenceKey('https://x.no/a%20b@c#d?e=f&g/h')).toBe('https%3A//x%2Eno/a%2520b%40c%23d?e=f&g/h');
    expect(decodeURIComponent(referenceKey('https://t.no/l/entity/a?x=%7B'))).toBe('https://t.no/l/entity/a?x=%7B');
  });

  it('a due day is noon UTC; none is null', () => {
    expect(dueDateTime('2027-06-30')).toBe('2027-06-30T12:00:00Z');
    expect(dueDateTime(null)).toBeNull();
    expect(dueDateTime('')).toBeNull();
  });

  it('a task body assigns each owner with the required type and order hint, with the due instant only when there is a day', () => {
    expect(createTaskBody('p1', 'b1', draft)).toEqual({
      planId: 'p1',
      bucketId: 'b1',
      title: 'Ha 4 medlemsmøter',
      assignments: {
        u1: { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' },
        u2: { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' },
      },
      dueDateTime: '2027-12-31T12:00:00Z',
    });
    expect(createTaskBody('p1', 'b1', { ...draft, dueDay: null, assigneeIds: [] })).toEqual({ planId: 'p1', bucketId: 'b1', title: 'Ha 4 medlemsmøter', assignments: {} });
  });

  it('details: the checklist previewed when there is one, else the description; the reference back to the goal', () => {
    expect(detailsBody(draft, 'key%2E1', 'Mål i planen')).toEqual({
      description: 'Ha 4 medlemsmøter i året',
      previewType: 'checklist',
      checklist: {
        k1: { '@odata.type': 'microsoft.graph.plannerChecklistItem', title: 'Medlemsmøte 1 av 4', isChecked: false },
        k2: { '@odata.type': 'microsoft.graph.plannerChecklistItem', title: 'Medlemsmøte 2 av 4', isChecked: false },
      },
      references: { 'key%2E1': { '@odata.type': 'microsoft.graph.externalReference', alias: 'Mål i planen', type: 'Other' } },
    });
    expect(detailsBody({ ...draft, checklist: [] }, 'k', 'M')).toEqual({
      description: 'Ha 4 medlemsmøter i året',
      previewType: 'description',
      references: { k: { '@odata.type': 'microsoft.graph.externalReference', alias: 'M', type: 'Other' } },
    });
  });

  it('paths and links encode their ids', () => {
    expect(tasksPath('p/1')).toBe('/planner/plans/p%2F1/tasks');
    expect(taskPath('t 1')).toBe('/planner/tasks/t%201');
    expect(detailsPath('t1')).toBe('/planner/tasks/t1/details');
    expect(goalReferenceUrl('app-1', 'g 7')).toBe(
      `https://teams.microsoft.com/l/entity/app-1/handlingsplan?context=${encodeURIComponent('{"subEntityId":"goal:g 7"}')}`,
    );
    expect(goalReferenceUrl('', 'g1')).toBe(`https://teams.microsoft.com/l/entity/handlingsplan/handlingsplan?context=${encodeURIComponent('{"subEntityId":"goal:g1"}')}`);
    expect(plannerTaskUrl('ten ant', 't/1')).toBe('https://tasks.office.com/ten%20ant/Home/Task/t%2F1');
  });
});

describe("Planner's refusals", () => {
  it("a 403 naming a limit (any case) becomes a PlannerLimitError keeping the source's details; other errors stay as they are", () => {
    const source = new GraphRequestError(403, 'maximumassigneesintasks', 'Too many assignees', 'req-1', ['inner'], 7);
    const limit = plannerError(source);
    expect(limit).toBeInstanceOf(PlannerLimitError);
    expect(limit).toMatchObject({ limit: 'assigneesPerTask', status: 403, code: 'maximumassigneesintasks', message: 'Too many assignees', requestId: 'req-1', innerCodes: ['inner'], retryAfterSeconds: 7, name: 'PlannerLimitError' });
    expect(plannerError(limit)).toBe(limit);
    const denied = new GraphRequestError(403, 'accessDenied', 'No');
    expect(plannerError(denied)).toBe(denied);
    const notLimit = new GraphRequestError(400, 'MaximumTasksInProject', 'x');
    expect(plannerError(notLimit)).toBe(notLimit);
    expect(plannerError(new TypeError('fetch failed'))).toBeInstanceOf(GraphRequestError);
  });

  it('a limit error made without a source says which limit', () => {
    const error = new PlannerLimitError('bucketsInPlan');
    expect([error.status, error.code, error.message, error.requestId, error.innerCodes, error.retryAfterSeconds]).toEqual([
      403,
      'MaximumBucketsInProject',
      'Planner limit reached: MaximumBucketsInProject',
      null,
      [],
      null,
    ]);
  });

  it('a step failure: a missing answer is status 0, a throttled one keeps its Retry-After, a limit becomes its error', () => {
    expect(stepError(undefined)).toMatchObject({ status: 0, code: 'missingBatchResponse' });
    const throttled = stepError({ id: '1', status: 429, body: { error: { code: 'tooManyRequests', message: 'slow' } }, headers: { 'retry-after': '3' } });
    expect([throttled.status, throttled.code, throttled.retryAfterSeconds]).toEqual([429, 'tooManyRequests', 3]);
    const limit = stepError({ id: '1', status: 403, body: { error: { code: 'MaximumChecklistItemsOnTask', message: 'm' } }, headers: {} });
    expect(limit).toBeInstanceOf(PlannerLimitError);
    expect((limit as PlannerLimitError).limit).toBe('checklistItemsPerTask');
  });

  it('succeeded means a 2xx answer', () => {
    const r = (status: number): BatchResult => ({ id: '1', status, body: null, headers: {} });
    expect([undefined, r(199), r(200), r(204), r(299), r(300), r(0)].map(succeeded)).toEqual([false, false, true, true, true, false, false]);
  });

  it('plannerCall passes results through and converts failures', async () => {
    await expect(plannerCall(async () => 5)).resolves.toBe(5);
    await expect(
      plannerCall(async () => {
        throw new GraphRequestError(403, 'MaximumTasksInProject', 'full');
      }),
    ).rejects.toBeInstanceOf(PlannerLimitError);
  });
});

describe('sending again', () => {
  const noDelay = () => 0;

  it(`a safe request is tried again after failures that may pass, at most ${SAFE_ATTEMPTS} times, with the attempt and error given to the delay`, async () => {
    expect(SAFE_ATTEMPTS).toBe(4);
    const seen: Array<[number, number]> = [];
    let calls = 0;
    const result = await retrySafe(
      async () => {
        calls++;
        if (calls < 3) throw new GraphRequestError(calls === 1 ? 503 : 429, 'x', 'x');
        return 'ok';
      },
      (attempt, error) => {
        seen.push([attempt, (error as GraphRequestError).status]);
        return 0;
      },
    );
    expect([result, calls, seen]).toEqual([
      'ok',
      3,
      [
        [1, 503],
        [2, 429],
      ],
    ]);
    calls = 0;
    await expect(
      retrySafe(async () => {
        calls++;
        throw new GraphRequestError(500, 'x', 'x');
      }, noDelay),
    ).rejects.toMatchObject({ status: 500 });
    expect(calls).toBe(4);
    calls = 0;
    await expect(
      retrySafe(async () => {
        calls++;
        throw new GraphRequestError(404, 'itemNotFound', 'x');
      }, noDelay),
    ).rejects.toMatchObject({ status: 404 });
    expect(calls).toBe(1);
  });

  /** GraphApi.batch answering from a script, one entry per call; records the steps of each call. */
  function scriptedBatch(script: Array<Record<string, number> | Error>) {
    const calls: string[][] = [];
    const graph = {
      batch: async (steps: readonly BatchStep[]) => {
        calls.push(steps.map((s) => s.id));
        const next = script.shift();
        if (next === undefined) throw new Error('unexpected batch');
        if (next instanceof Error) throw next;
        const answers = new Map<string, BatchResult>();
        for (const step of steps) {
          const status = next[step.id];
          if (status !== undefined) answers.set(step.id, { id: step.id, status, body: status < 300 ? { id: step.id } : { error: { code: 'c', message: 'm' } }, headers: {} });
        }
        return answers;
      },
    } as unknown as GraphApi;
    return { graph, calls };
  }
  const steps = (...ids: string[]): BatchStep[] => ids.map((id) => ({ id, method: 'GET', url: `/x/${id}` }));

  it('batchSafe sends again only the steps whose failure may pass, and keeps each step\'s last answer', async () => {
    const { graph, calls } = scriptedBatch([{ a: 200, b: 429, c: 404 }, { b: 503 }, { b: 200 }, {}]);
    const results = await batchSafe(graph, steps('a', 'b', 'c', 'd'), noDelay);
    // d had no answer (status 0): sent again too, until it runs out of tries.
    expect(calls[0]).toEqual(['a', 'b', 'c', 'd']);
    expect(calls[1]).toEqual(['b', 'd']);
    expect(calls[2]).toEqual(['b', 'd']);
    expect(calls[3]).toEqual(['d']);
    expect(calls).toHaveLength(4);
    expect([...results.entries()].map(([id, r]) => [id, r.status])).toEqual([
      ['a', 200],
      ['b', 200],
      ['c', 404],
      ['d', 0],
    ]);
  });

  it('batchSafe sends a whole batch again when the request failed in a way that may pass; other failures are thrown converted', async () => {
    const lost = scriptedBatch([new TypeError('socket hang up'), { a: 200 }]);
    expect((await batchSafe(lost.graph, steps('a'), noDelay)).get('a')?.status).toBe(200);
    expect(lost.calls).toHaveLength(2);
    const refused = scriptedBatch([new GraphRequestError(403, 'MaximumTasksInProject', 'full')]);
    await expect(batchSafe(refused.graph, steps('a'), noDelay)).rejects.toBeInstanceOf(PlannerLimitError);
    expect(refused.calls).toHaveLength(1);
    const down = scriptedBatch([1, 2, 3, 4].map(() => new GraphRequestError(502, 'x', 'x')));
    await expect(batchSafe(down.graph, steps('a'), noDelay)).rejects.toMatchObject({ status: 502 });
    expect(down.calls).toHaveLength(4);
    expect(await batchSafe(scriptedBatch([]).graph, [], noDelay)).toEqual(new Map());
  });

  it('sendWrites sends once and gives each step its outcome, or every step the failure of the whole request', async () => {
    const { graph, calls } = scriptedBatch([{ a: 201, b: 429 }]);
    const outcomes = await sendWrites(graph, steps('a', 'b', 'c'));
    expect(calls).toHaveLength(1);
    expect(outcomes.map((o) => (o.ok ? ['ok', o.body] : ['error', o.error.status]))).toEqual([
      ['ok', { id: 'a' }],
      ['error', 429],
      ['error', 0],
    ]);
    const lost = await sendWrites(scriptedBatch([new GraphRequestError(504, 'gatewayTimeout', 'x')]).graph, steps('a', 'b'));
    expect(lost.map((o) => (o.ok ? 'ok' : `${o.error.status} ${o.error.code}`))).toEqual(['504 gatewayTimeout', '504 gatewayTimeout']);
  });
});
