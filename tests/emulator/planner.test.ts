import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../emulator/seed/demo-tenant.ts';
import type { PlannerTaskState, TenantState } from '../../emulator/state/tenant-state.ts';
import { ALVER, INGRID, PER, startTestEmulator, type Collection, type ErrorBody, type GraphResult, type TestEmulator } from './support.ts';

type Obj = Record<string, unknown>;
const ingridId = DEMO_PEOPLE.find((p) => p.userPrincipalName === INGRID)?.id as string;
const userIds = DEMO_PEOPLE.filter((p) => !p.userPrincipalName.includes('#EXT#')).map((p) => p.id);
const guid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const assignment = { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' };
const checklistItem = (title: string): Obj => ({ '@odata.type': 'microsoft.graph.plannerChecklistItem', title, isChecked: false });
const etagOf = (r: GraphResult): string => r.body['@odata.etag'] as string;
const errorCode = (r: GraphResult): string => (r.body as unknown as ErrorBody).error.code;

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.close();
});

async function createPlan(title = 'Handlingsplan'): Promise<Obj> {
  const res = await t.call('POST', '/planner/plans', { body: { container: { url: `https://graph.microsoft.com/v1.0/groups/${ALVER.id}` }, title } });
  expect(res.status).toBe(201);
  return res.body;
}

async function createTask(planId: string, extra: Obj = {}): Promise<Obj> {
  const res = await t.call('POST', '/planner/tasks', { body: { planId, title: 'Oppgåve', ...extra } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('planner plans', () => {
  it('should create a plan in the team group with the documented shape and a 28-character id', async () => {
    const plan = await createPlan();
    expect(plan.id).toMatch(/^[A-Za-z0-9_-]{28}$/);
    expect(plan['@odata.etag']).toMatch(/^W\/"[^"]+"$/);
    expect(plan).toMatchObject({
      title: 'Handlingsplan',
      createdBy: { user: { id: ingridId } },
      container: { url: `https://graph.microsoft.com/v1.0/groups/${ALVER.id}`, containerId: ALVER.id, type: 'group' },
    });
    expect(typeof plan.createdDateTime).toBe('string');
    const byId = await t.call('POST', '/planner/plans', { body: { container: { containerId: ALVER.id, type: 'group' }, title: 'B' } });
    expect(byId.status).toBe(201);
    const list = await t.call<Collection>('GET', `/groups/${ALVER.id}/planner/plans`);
    expect(list.body.value.map((p) => p.id)).toEqual(expect.arrayContaining([plan.id, byId.body.id]));
    expect((await t.call('GET', `/planner/plans/${plan.id as string}`)).body.title).toBe('Handlingsplan');
  });

  it('should refuse a non-member with 403 for create, list and read, and 404 for unknown ids', async () => {
    const plan = await createPlan();
    const create = await t.call('POST', '/planner/plans', { as: PER, body: { container: { url: `https://graph.microsoft.com/v1.0/groups/${ALVER.id}` }, title: 'x' } });
    expect(create.status).toBe(403);
    expect(errorCode(create)).toBe('accessDenied');
    expect((await t.call('GET', `/groups/${ALVER.id}/planner/plans`, { as: PER })).status).toBe(403);
    expect((await t.call('GET', `/planner/plans/${plan.id as string}`, { as: PER })).status).toBe(403);
    expect((await t.call('GET', `/planner/plans/${plan.id as string}/tasks`, { as: PER })).status).toBe(403);
    expect((await t.call('GET', '/planner/plans/AAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await t.call('GET', '/planner/tasks/AAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
  });

  it('should refuse a container URL that is not Graph\'s group URL', async () => {
    const res = await t.call('POST', '/planner/plans', { body: { container: { url: `${t.emu.graphUrl}/groups/${ALVER.id}` }, title: 'x' } });
    expect(res.status).toBe(400);
  });

  it('should require If-Match to rename and delete a plan', async () => {
    const plan = await createPlan();
    const path = `/planner/plans/${plan.id as string}`;
    expect((await t.call('PATCH', path, { body: { title: 'Ny' } })).status).toBe(400);
    const ok = await t.call('PATCH', path, { body: { title: 'Ny' }, headers: { 'If-Match': etagOf({ body: plan } as GraphResult) } });
    expect(ok.status).toBe(204);
    const read = await t.call('GET', path);
    expect(read.body.title).toBe('Ny');
    expect(etagOf(read)).not.toBe(plan['@odata.etag']);
    expect((await t.call('DELETE', path, { headers: { 'If-Match': plan['@odata.etag'] as string } })).status).toBe(412);
    expect((await t.call('DELETE', path, { headers: { 'If-Match': etagOf(read) } })).status).toBe(204);
    expect((await t.call('GET', path)).status).toBe(404);
  });
});

describe('planner buckets', () => {
  it('should create, list, update and delete buckets with etags', async () => {
    const plan = await createPlan();
    const res = await t.call('POST', '/planner/buckets', { body: { name: 'Vår', planId: plan.id, orderHint: ' !' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Vår', planId: plan.id });
    expect(res.body.id).toMatch(/^[A-Za-z0-9_-]{28}$/);
    // the service rewrites " !" to a value of its own
    expect(res.body.orderHint).not.toBe(' !');
    const second = await t.call('POST', '/planner/buckets', { body: { name: 'Haust', planId: plan.id, orderHint: `${res.body.orderHint as string} !` } });
    expect((second.body.orderHint as string) > (res.body.orderHint as string)).toBe(true);
    const list = await t.call<Collection>('GET', `/planner/plans/${plan.id as string}/buckets`);
    expect(list.body.value.map((b) => b.name)).toEqual(['Vår', 'Haust']);
    const path = `/planner/buckets/${res.body.id as string}`;
    const patched = await t.call('PATCH', path, { body: { name: 'Våren' }, headers: { 'If-Match': etagOf(res), Prefer: 'return=representation' } });
    expect(patched.status).toBe(200);
    expect(patched.body.name).toBe('Våren');
    expect((await t.call('DELETE', path, { headers: { 'If-Match': etagOf(res) } })).status).toBe(412);
    expect((await t.call('DELETE', path, { headers: { 'If-Match': etagOf(patched) } })).status).toBe(204);
    expect((await t.call('GET', path)).status).toBe(404);
  });

  it('should refuse the 201st bucket with 403 MaximumBucketsInProject', async () => {
    const plan = await createPlan();
    for (let i = 0; i < 200; i += 20) {
      const res = await t.call<{ responses: { status: number }[] }>('POST', '/$batch', {
        body: {
          requests: Array.from({ length: 20 }, (_, j) => ({
            id: String(j + 1),
            method: 'POST',
            url: '/planner/buckets',
            headers: { 'Content-Type': 'application/json' },
            body: { name: `B${i + j}`, planId: plan.id },
          })),
        },
      });
      expect(res.body.responses.every((r) => r.status === 201)).toBe(true);
    }
    const over = await t.call('POST', '/planner/buckets', { body: { name: 'for mykje', planId: plan.id } });
    expect(over.status).toBe(403);
    expect(errorCode(over)).toBe('MaximumBucketsInProject');
  });
});

describe('planner tasks', () => {
  it('should create a task with the documented properties and defaults', async () => {
    const plan = await createPlan();
    const bucket = await t.call('POST', '/planner/buckets', { body: { name: 'B', planId: plan.id } });
    const task = await createTask(plan.id as string, { bucketId: bucket.body.id, dueDateTime: '2025-03-01T00:00:00Z', assignments: { [ingridId]: assignment } });
    expect(task.id).toMatch(/^[A-Za-z0-9_-]{28}$/);
    expect(task).toMatchObject({
      planId: plan.id,
      bucketId: bucket.body.id,
      title: 'Oppgåve',
      priority: 5,
      percentComplete: 0,
      dueDateTime: '2025-03-01T00:00:00Z',
      startDateTime: null,
      completedDateTime: null,
      completedBy: null,
      createdBy: { user: { id: ingridId } },
      hasDescription: false,
      previewType: 'automatic',
      referenceCount: 0,
      checklistItemCount: 0,
      activeChecklistItemCount: 0,
      appliedCategories: {},
      conversationThreadId: null,
    });
    for (const key of ['orderHint', 'assigneePriority', 'createdDateTime', '@odata.etag']) expect(task).toHaveProperty(key);
    const a = (task.assignments as Obj)[ingridId] as Obj;
    expect(a).toMatchObject({ '@odata.type': '#microsoft.graph.plannerAssignment', assignedBy: { user: { id: ingridId } } });
    expect(typeof a.assignedDateTime).toBe('string');
    const list = await t.call<Collection>('GET', `/planner/plans/${plan.id as string}/tasks`);
    expect(list.body.value.map((x) => x.id)).toEqual([task.id]);
  });

  it('should refuse assignments without @odata.type or orderHint, or for unknown users (400)', async () => {
    const plan = await createPlan();
    const noType = await t.call('POST', '/planner/tasks', { body: { planId: plan.id, title: 'x', assignments: { [ingridId]: { orderHint: ' !' } } } });
    expect(noType.status).toBe(400);
    const noHint = await t.call('POST', '/planner/tasks', { body: { planId: plan.id, title: 'x', assignments: { [ingridId]: { '@odata.type': '#microsoft.graph.plannerAssignment' } } } });
    expect(noHint.status).toBe(400);
    const unknown = await t.call('POST', '/planner/tasks', { body: { planId: plan.id, title: 'x', assignments: { [guid(1)]: assignment } } });
    expect(unknown.status).toBe(400);
    expect((await t.call<Collection>('GET', `/planner/plans/${plan.id as string}/tasks`)).body.value).toEqual([]);
  });

  it('should enforce If-Match on task PATCH: missing 400, stale 412, current 204, Prefer 200', async () => {
    const plan = await createPlan();
    const task = await createTask(plan.id as string);
    const path = `/planner/tasks/${task.id as string}`;
    const missing = await t.call('PATCH', path, { body: { title: 'A' } });
    expect(missing.status).toBe(400);
    expect((missing.body as unknown as ErrorBody).error.message).toBe('The If-Match header must be specified for this kind of request.');
    const first = await t.call('PATCH', path, { body: { title: 'A' }, headers: { 'If-Match': task['@odata.etag'] as string } });
    expect(first.status).toBe(204);
    expect(first.body).toEqual({});
    const stale = await t.call('PATCH', path, { body: { title: 'B' }, headers: { 'If-Match': task['@odata.etag'] as string } });
    expect(stale.status).toBe(412);
    expect((stale.body as unknown as ErrorBody).error).toHaveProperty('innerError');
    const current = await t.call('GET', path);
    expect(current.body.title).toBe('A');
    const rep = await t.call('PATCH', path, { body: { title: 'C' }, headers: { 'If-Match': etagOf(current), Prefer: 'return=representation' } });
    expect(rep.status).toBe(200);
    expect(rep.body.title).toBe('C');
    expect(etagOf(rep)).not.toBe(etagOf(current));
    expect((await t.call('DELETE', path)).status).toBe(400);
    expect((await t.call('DELETE', path, { headers: { 'If-Match': etagOf(current) } })).status).toBe(412);
    expect((await t.call('DELETE', path, { headers: { 'If-Match': etagOf(rep) } })).status).toBe(204);
    expect((await t.call('GET', path)).status).toBe(404);
  });

  it('should remove an assignee with null and keep the others', async () => {
    const plan = await createPlan();
    const other = userIds[1] as string;
    const task = await createTask(plan.id as string, { assignments: { [ingridId]: assignment, [other]: assignment } });
    const res = await t.call('PATCH', `/planner/tasks/${task.id as string}`, {
      body: { assignments: { [ingridId]: null } },
      headers: { 'If-Match': task['@odata.etag'] as string, Prefer: 'return=representation' },
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.assignments as Obj)).toEqual([other]);
  });

  it('should set and clear completedDateTime and completedBy with percentComplete', async () => {
    const plan = await createPlan();
    const task = await createTask(plan.id as string);
    const path = `/planner/tasks/${task.id as string}`;
    const done = await t.call('PATCH', path, { body: { percentComplete: 100 }, headers: { 'If-Match': task['@odata.etag'] as string, Prefer: 'return=representation' } });
    expect(done.body.percentComplete).toBe(100);
    expect(typeof done.body.completedDateTime).toBe('string');
    expect(done.body.completedBy).toMatchObject({ user: { id: ingridId } });
    const reopened = await t.call('PATCH', path, { body: { percentComplete: 50 }, headers: { 'If-Match': etagOf(done), Prefer: 'return=representation' } });
    expect(reopened.body).toMatchObject({ percentComplete: 50, completedDateTime: null, completedBy: null });
  });

  it('should refuse a 21st assignee with 403 MaximumAssigneesInTasks', async () => {
    expect(userIds.length).toBeGreaterThanOrEqual(21);
    const plan = await createPlan();
    const twenty = Object.fromEntries(userIds.slice(0, 20).map((id) => [id, assignment]));
    const task = await createTask(plan.id as string, { assignments: twenty });
    expect(Object.keys(task.assignments as Obj)).toHaveLength(20);
    const res = await t.call('PATCH', `/planner/tasks/${task.id as string}`, {
      body: { assignments: { [userIds[20] as string]: assignment } },
      headers: { 'If-Match': task['@odata.etag'] as string },
    });
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe('MaximumAssigneesInTasks');
    const after = await t.call('GET', `/planner/tasks/${task.id as string}`);
    expect(Object.keys(after.body.assignments as Obj)).toHaveLength(20);
  });
});

describe('planner task details', () => {
  it('should keep its own etag and the task counts in step with checklist, references and description', async () => {
    const plan = await createPlan();
    const task = await createTask(plan.id as string);
    const path = `/planner/tasks/${task.id as string}/details`;
    const details = await t.call('GET', path);
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({ id: task.id, description: '', checklist: {}, references: {} });
    expect(etagOf(details)).not.toBe(task['@odata.etag']);
    // the task's etag is no good for its details
    expect((await t.call('PATCH', path, { body: { description: 'x' }, headers: { 'If-Match': task['@odata.etag'] as string } })).status).toBe(412);
    expect((await t.call('PATCH', path, { body: { description: 'x' } })).status).toBe(400);

    const ref = 'https%3A//contoso%2Esharepoint%2Ecom/teams/agile/documents/AnnualReport%2Epptx';
    const patched = await t.call('PATCH', path, {
      body: {
        description: 'Skildring',
        checklist: { [guid(1)]: checklistItem('Eitt'), [guid(2)]: checklistItem('To') },
        references: { [ref]: { '@odata.type': 'microsoft.graph.externalReference', alias: 'Rapport', type: 'PowerPoint' } },
      },
      headers: { 'If-Match': etagOf(details), Prefer: 'return=representation' },
    });
    expect(patched.status).toBe(200);
    const item = (patched.body.checklist as Obj)[guid(1)] as Obj;
    expect(item).toMatchObject({ title: 'Eitt', isChecked: false, lastModifiedBy: { user: { id: ingridId } } });
    expect(typeof item.lastModifiedDateTime).toBe('string');
    expect(Object.keys(patched.body.references as Obj)).toEqual([ref]);
    let counted = await t.call('GET', `/planner/tasks/${task.id as string}`);
    expect(counted.body).toMatchObject({ checklistItemCount: 2, activeChecklistItemCount: 2, referenceCount: 1, hasDescription: true });
    // the counts changed, so the task has a new etag (emulator's strict reading)
    expect(etagOf(counted)).not.toBe(task['@odata.etag']);

    const checked = await t.call('PATCH', path, {
      body: { checklist: { [guid(1)]: { '@odata.type': 'microsoft.graph.plannerChecklistItem', isChecked: true }, [guid(2)]: null } },
      headers: { 'If-Match': etagOf(patched) },
    });
    expect(checked.status).toBe(204);
    const after = await t.call('GET', path);
    expect(Object.keys(after.body.checklist as Obj)).toEqual([guid(1)]);
    expect(((after.body.checklist as Obj)[guid(1)] as Obj).isChecked).toBe(true);
    counted = await t.call('GET', `/planner/tasks/${task.id as string}`);
    expect(counted.body).toMatchObject({ checklistItemCount: 1, activeChecklistItemCount: 0 });
  });

  it('should refuse a checklist item or reference without @odata.type (400)', async () => {
    const plan = await createPlan();
    const task = await createTask(plan.id as string);
    const path = `/planner/tasks/${task.id as string}/details`;
    const details = await t.call('GET', path);
    const headers = { 'If-Match': etagOf(details) };
    expect((await t.call('PATCH', path, { body: { checklist: { [guid(1)]: { title: 'x' } } }, headers })).status).toBe(400);
    expect((await t.call('PATCH', path, { body: { references: { 'https%3A//example%2Ecom': { alias: 'x' } } }, headers })).status).toBe(400);
    expect((await t.call('PATCH', path, { body: { references: { 'https://example.com': { '@odata.type': 'microsoft.graph.externalReference' } } }, headers })).status).toBe(400);
    expect((await t.call('GET', path)).body.checklist).toEqual({});
  });

  it('should refuse a 21st checklist item with 403 MaximumChecklistItemsOnTask and an 11th reference with MaximumReferencesOnTask', async () => {
    const plan = await createPlan();
    const task = await createTask(plan.id as string);
    const path = `/planner/tasks/${task.id as string}/details`;
    let details = await t.call('GET', path);
    const twenty = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [guid(i + 1), checklistItem(`P${i}`)]));
    const ok = await t.call('PATCH', path, { body: { checklist: twenty }, headers: { 'If-Match': etagOf(details), Prefer: 'return=representation' } });
    expect(ok.status).toBe(200);
    const over = await t.call('PATCH', path, { body: { checklist: { [guid(99)]: checklistItem('for mykje') } }, headers: { 'If-Match': etagOf(ok) } });
    expect(over.status).toBe(403);
    expect(errorCode(over)).toBe('MaximumChecklistItemsOnTask');
    details = await t.call('GET', path);
    expect(Object.keys(details.body.checklist as Obj)).toHaveLength(20);

    const refs = (n: number): Obj =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`https%3A//example%2Ecom/${i}`, { '@odata.type': 'microsoft.graph.externalReference', alias: `R${i}` }]));
    const ten = await t.call('PATCH', path, { body: { references: refs(10) }, headers: { 'If-Match': etagOf(details), Prefer: 'return=representation' } });
    expect(ten.status).toBe(200);
    const eleven = await t.call('PATCH', path, { body: { references: refs(11) }, headers: { 'If-Match': etagOf(ten) } });
    expect(eleven.status).toBe(403);
    expect(errorCode(eleven)).toBe('MaximumReferencesOnTask');
  });
});

describe('planner persistence and plan-size limits', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('should keep plans, tasks and details across a restart, and load a tenant saved without Planner', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'emulator-planner-'));
    dirs.push(dataDir);
    // a tenant saved before Planner existed
    const first = await startTestEmulator({ dataDir });
    await first.close();
    const file = join(dataDir, 'tenant.json');
    const old = JSON.parse(readFileSync(file, 'utf8')) as TenantState;
    delete old.planner;
    writeFileSync(file, JSON.stringify(old));

    const second = await startTestEmulator({ dataDir });
    expect((await second.call<Collection>('GET', `/groups/${ALVER.id}/planner/plans`)).body.value).toEqual([]);
    const plan = await second.call('POST', '/planner/plans', { body: { container: { containerId: ALVER.id, type: 'group' }, title: 'Varig' } });
    const task = await second.call('POST', '/planner/tasks', { body: { planId: plan.body.id, title: 'Lagra' } });
    const details = await second.call('GET', `/planner/tasks/${task.body.id as string}/details`);
    await second.call('PATCH', `/planner/tasks/${task.body.id as string}/details`, { body: { description: 'Med skildring' }, headers: { 'If-Match': etagOf(details) } });
    const before = await second.call('GET', `/planner/tasks/${task.body.id as string}`);
    await second.close();

    const third = await startTestEmulator({ dataDir });
    const plans = await third.call<Collection>('GET', `/groups/${ALVER.id}/planner/plans`);
    expect(plans.body.value.map((p) => p.title)).toEqual(['Varig']);
    const again = await third.call('GET', `/planner/tasks/${task.body.id as string}`);
    expect(again.body).toMatchObject({ title: 'Lagra', hasDescription: true });
    expect(etagOf(again)).toBe(etagOf(before));
    expect((await third.call('GET', `/planner/tasks/${task.body.id as string}/details`)).body.description).toBe('Med skildring');
    await third.close();
  });

  it('should refuse tasks over MaximumActiveTasksInProject (2,400) and MaximumTasksInProject (9,000)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'emulator-planner-'));
    dirs.push(dataDir);
    const first = await startTestEmulator({ dataDir });
    const plan = await first.call('POST', '/planner/plans', { body: { container: { containerId: ALVER.id, type: 'group' }, title: 'Full' } });
    const template = await first.call('POST', '/planner/tasks', { body: { planId: plan.body.id, title: 'Mal' } });
    await first.close();
    // fill the plan in the saved tenant: 2,399 + the template = 2,400 active tasks
    const file = join(dataDir, 'tenant.json');
    const state = JSON.parse(readFileSync(file, 'utf8')) as TenantState;
    const tasks = state.planner?.tasks as PlannerTaskState[];
    const model = tasks.find((x) => x.id === template.body.id) as PlannerTaskState;
    const fill = (n: number, percentComplete: number): PlannerTaskState[] =>
      Array.from({ length: n }, (_, i) => ({ ...model, id: `${percentComplete === 100 ? 'D' : 'A'}${String(i).padStart(27, '0')}`, percentComplete }));
    tasks.push(...fill(2399, 0));
    writeFileSync(file, JSON.stringify(state));

    const second = await startTestEmulator({ dataDir });
    const active = await second.call('POST', '/planner/tasks', { body: { planId: plan.body.id, title: 'Éin for mykje' } });
    expect(active.status).toBe(403);
    expect(errorCode(active)).toBe('MaximumActiveTasksInProject');
    // a completed task is not active
    const completed = await second.call('POST', '/planner/tasks', { body: { planId: plan.body.id, title: 'Ferdig', percentComplete: 100 } });
    expect(completed.status).toBe(201);
    await second.close();

    const full = JSON.parse(readFileSync(file, 'utf8')) as TenantState;
    (full.planner?.tasks as PlannerTaskState[]).push(...fill(9000 - 2401, 100));
    writeFileSync(file, JSON.stringify(full));
    const third = await startTestEmulator({ dataDir });
    const over = await third.call('POST', '/planner/tasks', { body: { planId: plan.body.id, title: 'Ferdig', percentComplete: 100 } });
    expect(over.status).toBe(403);
    expect(errorCode(over)).toBe('MaximumTasksInProject');
    await third.close();
  });
});
