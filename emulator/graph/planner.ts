/**
 * Microsoft Planner (Graph v1.0): plans in a group, buckets, tasks, task details (facts sheet §7).
 * Strict where the documentation is not: see the "not confirmed" notes at each rule.
 */
import { createHash } from 'node:crypto';
import { GraphError, accessDenied, badRequest, notFound } from '../core/graph-error.ts';
import type { Router } from '../core/router.ts';
import { created, noContent, ok, type GraphResponse, type HandlerContext } from '../core/types.ts';
import { resolveOrderHint } from '../planner/order-hint.ts';
import type {
  PlannerBucketState,
  PlannerPlanState,
  PlannerState,
  PlannerTaskDetailsState,
  PlannerTaskState,
} from '../state/tenant-state.ts';
import type { TenantStore } from '../state/tenant-store.ts';
import { isTeamMember } from './access.ts';
import { PLANNER_READ_PERMISSIONS, PLANNER_WRITE_PERMISSIONS, hasApplicationPermission } from './app-permissions.ts';

/**
 * Planner object-count limits (https://learn.microsoft.com/en-us/office365/planner/planner-limits,
 * codes from https://learn.microsoft.com/en-us/graph/api/resources/planner-overview); exceeding one
 * answers 403 with the limit's name as `error.code`. Where the limits page has an older and a newer
 * figure, the lower (stricter) one is used.
 */
export const PLANNER_LIMITS = {
  plansPerGroup: 200, // MaximumPlannerPlans ("currently 200"; newer limits page: 400)
  bucketsPerPlan: 200, // MaximumBucketsInProject
  tasksPerPlan: 9000, // MaximumTasksInProject
  activeTasksPerPlan: 2400, // MaximumActiveTasksInProject (newer revision: 3,000)
  assigneesPerTask: 20, // MaximumAssigneesInTasks
  checklistItemsPerTask: 20, // MaximumChecklistItemsOnTask
  referencesPerTask: 10, // MaximumReferencesOnTask (newer revision: 15)
} as const;

const GRAPH_GROUP_URL = 'https://graph.microsoft.com/v1.0/groups/';
const ID_PATTERN = /^[A-Za-z0-9_-]{28}$/;
const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;
const PREVIEW_TYPES = ['automatic', 'noPreview', 'checklist', 'description', 'reference'];

// ---------------------------------------------------------------------------------------------
// State, ids, etags, errors

export function plannerState(store: TenantStore): PlannerState {
  return (store.state.planner ??= { plans: [], buckets: [], tasks: [] });
}

/**
 * Planner ids are 28-character case-sensitive strings
 * (https://learn.microsoft.com/en-us/graph/api/resources/plannertask): the store's reproducible
 * GUID hashed (SHA-256) and base64url-encoded, first 21 bytes = 28 characters `[A-Za-z0-9_-]`.
 */
export function plannerId(store: TenantStore, kind: string): string {
  return createHash('sha256').update(store.nextGuid(kind)).digest().subarray(0, 21).toString('base64url');
}

/** A weak etag like Planner's `W/"JzEtVGFzayAgQEBAQEBAQEBAQEBAQEBAWCc="`, new for every version. */
function etag(kind: string, id: string, version: number): string {
  return `W/"${Buffer.from(`'${version}-${kind} ${id}'`, 'utf8').toString('base64')}"`;
}

const limitError = (code: string, message: string): GraphError => new GraphError(403, code, message);

/**
 * If-Match is required on PATCH and DELETE ("All Planner API POST, PATCH, and DELETE requests
 * require the If-Match header", https://learn.microsoft.com/en-us/graph/api/resources/planner-overview;
 * creates take none, not confirmed). Missing → message "The If-Match header must be specified for
 * this kind of request." with code "" [issue: pnp/pnpjs#841]; its status is not confirmed, 400 is
 * used. Not a quoted etag (e.g. `*`, or unquoted) → 400 "The If-Match header contains an invalid
 * value." [issue: microsoftgraph/microsoft-graph-docs-contrib#7153] (`*` refused: strict reading,
 * not confirmed). Any other value than the current etag → 412; the overview says older etags may
 * be accepted when nothing conflicts, the emulator takes the strict reading and refuses them all.
 * The 412 body has code "UnknownError" as Planner was seen to answer
 * [issue: microsoftgraph/microsoft-graph-docs-contrib#8161].
 */
function checkPlannerIfMatch(ctx: HandlerContext, current: string): void {
  const raw = ctx.req.headers['if-match'];
  if (raw === undefined || raw.trim() === '') {
    throw new GraphError(400, '', 'The If-Match header must be specified for this kind of request.');
  }
  const value = raw.trim();
  if (!/^(W\/)?"[^"]*"$/.test(value)) throw new GraphError(400, '', 'The If-Match header contains an invalid value.');
  if (value !== current) {
    throw new GraphError(412, 'UnknownError', 'The request could not be completed because the If-Match header does not match the current version of the object.');
  }
}

/** PATCH answers 204, or 200 with the object for `Prefer: return=representation`. */
function patchResponse(ctx: HandlerContext, render: () => Record<string, unknown>): GraphResponse {
  const prefer = (ctx.req.headers.prefer ?? '').toLowerCase();
  if (prefer.split(',').some((p) => p.trim() === 'return=representation')) {
    return ok(render(), { 'Preference-Applied': 'return=representation' });
  }
  return noContent();
}

function bodyObject(ctx: HandlerContext): Record<string, unknown> {
  const body = ctx.req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

/** Graph refuses properties the type does not have, or that are read-only (strict reading). */
function onlyProperties(body: Record<string, unknown>, allowed: readonly string[], type: string): void {
  for (const key of Object.keys(body)) {
    if (key === '@odata.type' || key === '@odata.etag') continue;
    if (!allowed.includes(key)) throw badRequest(`The property '${key}' does not exist on type 'microsoft.graph.${type}' or cannot be written.`);
  }
}

/** An identitySet: `{user: {id, displayName}}`, or `{application: {id, displayName}}` for what an app did app-only. */
function identity(store: TenantStore, principalId: string | null): Record<string, unknown> | null {
  if (principalId === null) return null;
  const user = store.userById(principalId);
  const app = user ? undefined : store.entraApp(principalId);
  if (app) return { application: { id: app.appId, displayName: app.displayName } };
  return { user: { id: principalId, displayName: user?.displayName ?? null } };
}

function isType(value: unknown, type: string): boolean {
  return value === type || value === `#${type}`;
}

// ---------------------------------------------------------------------------------------------
// Access

/**
 * A user must be an owner or member of the plan's group (403 accessDenied). An app (app-only) needs
 * Tasks.Read.All or Tasks.ReadWrite.All to read and Tasks.ReadWrite.All to write, in any group
 * (graph/app-permissions.ts `PLANNER_READ_PERMISSIONS`); without → 403 accessDenied, as for a user
 * (Planner's own answer to an app without the permission is not confirmed).
 */
function memberOfGroup(ctx: HandlerContext, groupId: string): void {
  const team = ctx.store.team(groupId);
  if (!team) throw notFound(`The group '${groupId}' was not found.`);
  if (ctx.principal.kind === 'app') {
    const needed = ctx.req.method.toUpperCase() === 'GET' ? PLANNER_READ_PERMISSIONS : PLANNER_WRITE_PERMISSIONS;
    if (!hasApplicationPermission(ctx.principal.app, needed)) throw accessDenied();
    return;
  }
  if (!isTeamMember(team, ctx.principal.user.id)) throw accessDenied();
}

function requirePlan(ctx: HandlerContext, planId: string): PlannerPlanState {
  const plan = plannerState(ctx.store).plans.find((p) => p.id === planId);
  if (!plan) throw notFound('The requested item is not found.');
  memberOfGroup(ctx, plan.groupId);
  return plan;
}

function requireBucket(ctx: HandlerContext, bucketId: string): PlannerBucketState {
  const bucket = plannerState(ctx.store).buckets.find((b) => b.id === bucketId);
  if (!bucket) throw notFound('The requested item is not found.');
  requirePlan(ctx, bucket.planId);
  return bucket;
}

function requireTask(ctx: HandlerContext, taskId: string): PlannerTaskState {
  const task = plannerState(ctx.store).tasks.find((t) => t.id === taskId);
  if (!task) throw notFound('The requested item is not found.');
  requirePlan(ctx, task.planId);
  return task;
}

function idFromBody(value: unknown, property: string): string {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) throw badRequest(`The value of '${property}' is not a valid Planner id.`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Rendering

function renderPlan(plan: PlannerPlanState, store: TenantStore): Record<string, unknown> {
  return {
    '@odata.etag': etag('Plan', plan.id, plan.version),
    id: plan.id,
    title: plan.title,
    createdDateTime: plan.createdDateTime,
    createdBy: identity(store, plan.createdById),
    owner: plan.groupId,
    container: { url: `${GRAPH_GROUP_URL}${plan.groupId}`, containerId: plan.groupId, type: 'group' },
  };
}

function renderBucket(bucket: PlannerBucketState): Record<string, unknown> {
  return { '@odata.etag': etag('Bucket', bucket.id, bucket.version), id: bucket.id, name: bucket.name, planId: bucket.planId, orderHint: bucket.orderHint };
}

function renderTask(task: PlannerTaskState, store: TenantStore): Record<string, unknown> {
  const checklist = Object.values(task.details.checklist);
  const assignments: Record<string, unknown> = {};
  for (const [userId, a] of Object.entries(task.assignments)) {
    assignments[userId] = {
      '@odata.type': '#microsoft.graph.plannerAssignment',
      assignedDateTime: a.assignedDateTime,
      orderHint: a.orderHint,
      assignedBy: identity(store, a.assignedById),
    };
  }
  return {
    '@odata.etag': etag('Task', task.id, task.version),
    planId: task.planId,
    bucketId: task.bucketId,
    title: task.title,
    orderHint: task.orderHint,
    assigneePriority: task.assigneePriority,
    percentComplete: task.percentComplete,
    priority: task.priority,
    startDateTime: task.startDateTime,
    createdDateTime: task.createdDateTime,
    dueDateTime: task.dueDateTime,
    hasDescription: task.details.description.length > 0,
    previewType: task.previewType,
    completedDateTime: task.completedDateTime,
    completedBy: identity(store, task.completedById),
    referenceCount: Object.keys(task.details.references).length,
    checklistItemCount: checklist.length,
    activeChecklistItemCount: checklist.filter((c) => !c.isChecked).length,
    conversationThreadId: task.conversationThreadId,
    id: task.id,
    createdBy: identity(store, task.createdById),
    appliedCategories: { ...task.appliedCategories },
    assignments,
  };
}

function renderDetails(task: PlannerTaskState, store: TenantStore): Record<string, unknown> {
  const d = task.details;
  const checklist: Record<string, unknown> = {};
  for (const [key, c] of Object.entries(d.checklist)) {
    checklist[key] = {
      '@odata.type': '#microsoft.graph.plannerChecklistItem',
      isChecked: c.isChecked,
      title: c.title,
      orderHint: c.orderHint,
      lastModifiedDateTime: c.lastModifiedDateTime,
      lastModifiedBy: identity(store, c.lastModifiedById),
    };
  }
  const references: Record<string, unknown> = {};
  for (const [key, r] of Object.entries(d.references)) {
    references[key] = {
      '@odata.type': '#microsoft.graph.plannerExternalReference',
      alias: r.alias,
      type: r.type,
      previewPriority: r.previewPriority,
      lastModifiedDateTime: r.lastModifiedDateTime,
      lastModifiedBy: identity(store, r.lastModifiedById),
    };
  }
  return { '@odata.etag': etag('TaskDetails', task.id, d.version), description: d.description, previewType: d.previewType, id: task.id, references, checklist };
}

const collection = (ctx: HandlerContext, type: string, value: Record<string, unknown>[]): GraphResponse =>
  ok({ '@odata.context': `${ctx.baseUrl}/$metadata#Collection(microsoft.graph.${type})`, '@odata.count': value.length, value });

const entity = (ctx: HandlerContext, type: string, value: Record<string, unknown>): Record<string, unknown> => ({
  '@odata.context': `${ctx.baseUrl}/$metadata#planner/${type}/$entity`,
  ...value,
});

// ---------------------------------------------------------------------------------------------
// Plans

function containerGroupId(value: unknown): string {
  if (typeof value !== 'object' || value === null) throw badRequest("The property 'container' is required.");
  const c = value as Record<string, unknown>;
  if (typeof c.url === 'string') {
    // Only Graph's own group URL is a container URL (https://learn.microsoft.com/en-us/graph/api/planner-post-plans).
    if (!c.url.toLowerCase().startsWith(GRAPH_GROUP_URL.toLowerCase())) throw badRequest('The container url is not valid.');
    const id = c.url.slice(GRAPH_GROUP_URL.length);
    if (!GUID_PATTERN.test(id)) throw badRequest('The container url is not valid.');
    if (c.containerId !== undefined && String(c.containerId).toLowerCase() !== id.toLowerCase()) throw badRequest('The container url and containerId do not match.');
    return id;
  }
  if (c.type !== 'group') throw badRequest("Only containers of type 'group' are supported.");
  if (typeof c.containerId !== 'string' || !GUID_PATTERN.test(c.containerId)) throw badRequest("The property 'containerId' is not valid.");
  return c.containerId;
}

function requireTitle(value: unknown, property = 'title'): string {
  if (typeof value !== 'string' || value.trim() === '') throw badRequest(`The property '${property}' is required.`);
  return value;
}

function registerPlanRoutes(router: Router): void {
  /** Create plannerPlan: https://learn.microsoft.com/en-us/graph/api/planner-post-plans */
  router.add('POST', '/planner/plans', (ctx) => {
    const body = bodyObject(ctx);
    onlyProperties(body, ['container', 'title'], 'plannerPlan');
    const groupId = containerGroupId(body.container);
    const title = requireTitle(body.title);
    memberOfGroup(ctx, groupId);
    const team = ctx.store.team(groupId);
    const state = plannerState(ctx.store);
    if (state.plans.filter((p) => p.groupId.toLowerCase() === groupId.toLowerCase()).length >= PLANNER_LIMITS.plansPerGroup) {
      throw limitError('MaximumPlannerPlans', 'The maximum number of plans for this group has been reached.');
    }
    const plan: PlannerPlanState = {
      id: plannerId(ctx.store, 'plannerPlan'),
      title,
      groupId: team?.id ?? groupId,
      createdDateTime: new Date().toISOString(),
      createdById: ctx.principal.id,
      version: 1,
    };
    state.plans.push(plan);
    ctx.store.changed();
    return created(entity(ctx, 'plans', renderPlan(plan, ctx.store)));
  });

  /** List plans of a group: https://learn.microsoft.com/en-us/graph/api/plannergroup-list-plans */
  router.add('GET', '/groups/{groupId}/planner/plans', (ctx) => {
    const groupId = ctx.params.groupId ?? '';
    memberOfGroup(ctx, groupId);
    const plans = plannerState(ctx.store).plans.filter((p) => p.groupId.toLowerCase() === groupId.toLowerCase());
    return collection(ctx, 'plannerPlan', plans.map((p) => renderPlan(p, ctx.store)));
  });

  /** Get plannerPlan: https://learn.microsoft.com/en-us/graph/api/plannerplan-get */
  router.add('GET', '/planner/plans/{planId}', (ctx) => ok(entity(ctx, 'plans', renderPlan(requirePlan(ctx, ctx.params.planId ?? ''), ctx.store))));

  /** Update plannerPlan (title; container is immutable): https://learn.microsoft.com/en-us/graph/api/plannerplan-update */
  router.add('PATCH', '/planner/plans/{planId}', (ctx) => {
    const plan = requirePlan(ctx, ctx.params.planId ?? '');
    checkPlannerIfMatch(ctx, etag('Plan', plan.id, plan.version));
    const body = bodyObject(ctx);
    onlyProperties(body, ['title'], 'plannerPlan');
    if (body.title !== undefined) plan.title = requireTitle(body.title);
    plan.version += 1;
    ctx.store.changed();
    return patchResponse(ctx, () => renderPlan(plan, ctx.store));
  });

  /** Delete plannerPlan (with its buckets and tasks): https://learn.microsoft.com/en-us/graph/api/plannerplan-delete */
  router.add('DELETE', '/planner/plans/{planId}', (ctx) => {
    const plan = requirePlan(ctx, ctx.params.planId ?? '');
    checkPlannerIfMatch(ctx, etag('Plan', plan.id, plan.version));
    const state = plannerState(ctx.store);
    state.plans = state.plans.filter((p) => p !== plan);
    state.buckets = state.buckets.filter((b) => b.planId !== plan.id);
    state.tasks = state.tasks.filter((t) => t.planId !== plan.id);
    ctx.store.changed();
    return noContent();
  });
}

// ---------------------------------------------------------------------------------------------
// Buckets

function registerBucketRoutes(router: Router): void {
  /**
   * Create plannerBucket: https://learn.microsoft.com/en-us/graph/api/planner-post-buckets
   * (`name`, `planId`, `orderHint`; the payload is not confirmed by the facts sheet). Without an
   * orderHint the bucket goes first (as `" !"`).
   */
  router.add('POST', '/planner/buckets', (ctx) => {
    const body = bodyObject(ctx);
    onlyProperties(body, ['name', 'planId', 'orderHint'], 'plannerBucket');
    const name = requireTitle(body.name, 'name');
    const plan = requirePlan(ctx, idFromBody(body.planId, 'planId'));
    const state = plannerState(ctx.store);
    const buckets = state.buckets.filter((b) => b.planId === plan.id);
    if (buckets.length >= PLANNER_LIMITS.bucketsPerPlan) throw limitError('MaximumBucketsInProject', 'The maximum number of buckets in this plan has been reached.');
    const orderHint = body.orderHint === undefined ? firstHint(buckets.map((b) => b.orderHint)) : resolveOrderHint(body.orderHint);
    const bucket: PlannerBucketState = { id: plannerId(ctx.store, 'plannerBucket'), name, planId: plan.id, orderHint, version: 1 };
    state.buckets.push(bucket);
    ctx.store.changed();
    return created(entity(ctx, 'buckets', renderBucket(bucket)));
  });

  /** List buckets: https://learn.microsoft.com/en-us/graph/api/plannerplan-list-buckets */
  router.add('GET', '/planner/plans/{planId}/buckets', (ctx) => {
    const plan = requirePlan(ctx, ctx.params.planId ?? '');
    return collection(ctx, 'plannerBucket', plannerState(ctx.store).buckets.filter((b) => b.planId === plan.id).map(renderBucket));
  });

  /** Get plannerBucket: https://learn.microsoft.com/en-us/graph/api/plannerbucket-get */
  router.add('GET', '/planner/buckets/{bucketId}', (ctx) => ok(entity(ctx, 'buckets', renderBucket(requireBucket(ctx, ctx.params.bucketId ?? '')))));

  /** Update plannerBucket (name, orderHint): https://learn.microsoft.com/en-us/graph/api/plannerbucket-update */
  router.add('PATCH', '/planner/buckets/{bucketId}', (ctx) => {
    const bucket = requireBucket(ctx, ctx.params.bucketId ?? '');
    checkPlannerIfMatch(ctx, etag('Bucket', bucket.id, bucket.version));
    const body = bodyObject(ctx);
    onlyProperties(body, ['name', 'orderHint'], 'plannerBucket');
    const name = body.name === undefined ? bucket.name : requireTitle(body.name, 'name');
    const orderHint = body.orderHint === undefined ? bucket.orderHint : resolveOrderHint(body.orderHint);
    bucket.name = name;
    bucket.orderHint = orderHint;
    bucket.version += 1;
    ctx.store.changed();
    return patchResponse(ctx, () => renderBucket(bucket));
  });

  /**
   * Delete plannerBucket: https://learn.microsoft.com/en-us/graph/api/plannerbucket-delete. Its
   * tasks are deleted with it, as in the Planner app (for Graph: not confirmed).
   */
  router.add('DELETE', '/planner/buckets/{bucketId}', (ctx) => {
    const bucket = requireBucket(ctx, ctx.params.bucketId ?? '');
    checkPlannerIfMatch(ctx, etag('Bucket', bucket.id, bucket.version));
    const state = plannerState(ctx.store);
    state.buckets = state.buckets.filter((b) => b !== bucket);
    state.tasks = state.tasks.filter((t) => t.bucketId !== bucket.id);
    ctx.store.changed();
    return noContent();
  });

  /** List tasks of a bucket: https://learn.microsoft.com/en-us/graph/api/plannerbucket-list-tasks */
  router.add('GET', '/planner/buckets/{bucketId}/tasks', (ctx) => {
    const bucket = requireBucket(ctx, ctx.params.bucketId ?? '');
    return collection(ctx, 'plannerTask', plannerState(ctx.store).tasks.filter((t) => t.bucketId === bucket.id).map((t) => renderTask(t, ctx.store)));
  });
}

/** A hint below all of `hints` (what `" <first>!"` asks for). */
function firstHint(hints: string[]): string {
  if (hints.length === 0) return resolveOrderHint(' !');
  const first = hints.reduce((a, b) => (b < a ? b : a));
  return resolveOrderHint(` ${first}!`);
}

// ---------------------------------------------------------------------------------------------
// Tasks

const TASK_CREATE = ['planId', 'bucketId', 'title', 'orderHint', 'assigneePriority', 'percentComplete', 'priority', 'startDateTime', 'dueDateTime', 'appliedCategories', 'assignments', 'conversationThreadId', 'previewType', 'details'];
const TASK_UPDATE = ['bucketId', 'title', 'orderHint', 'assigneePriority', 'percentComplete', 'priority', 'startDateTime', 'dueDateTime', 'appliedCategories', 'assignments', 'conversationThreadId', 'previewType'];

function dateTimeOrNull(value: unknown, property: string): string | null {
  if (value === null) return null;
  if (typeof value !== 'string' || !DATE_TIME_PATTERN.test(value) || Number.isNaN(Date.parse(value))) {
    throw badRequest(`The value of '${property}' is not a valid DateTimeOffset (ISO 8601 with a time zone, e.g. 2025-03-01T00:00:00Z).`);
  }
  return new Date(value).toISOString().replace('.000Z', 'Z');
}

function intIn(value: unknown, min: number, max: number, property: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw badRequest(`The value of '${property}' must be an integer from ${min} to ${max}.`);
  return value;
}

/** Applies validated task properties from `body` to a copy of `task`; throws before anything is written. */
function applyTaskProperties(ctx: HandlerContext, task: PlannerTaskState, body: Record<string, unknown>): PlannerTaskState {
  const next: PlannerTaskState = { ...task, assignments: { ...task.assignments }, appliedCategories: { ...task.appliedCategories } };
  const now = new Date().toISOString();
  if (body.title !== undefined) next.title = requireTitle(body.title);
  if (body.bucketId !== undefined) {
    if (body.bucketId === null) next.bucketId = null;
    else {
      const bucket = plannerState(ctx.store).buckets.find((b) => b.id === idFromBody(body.bucketId, 'bucketId'));
      if (!bucket) throw notFound('The requested bucket is not found.');
      if (bucket.planId !== task.planId) throw badRequest('The bucket does not belong to the task\'s plan.');
      next.bucketId = bucket.id;
    }
  }
  if (body.orderHint !== undefined) next.orderHint = resolveOrderHint(body.orderHint);
  if (body.assigneePriority !== undefined) next.assigneePriority = resolveOrderHint(body.assigneePriority, 'assigneePriority');
  if (body.priority !== undefined) next.priority = intIn(body.priority, 0, 10, 'priority');
  if (body.startDateTime !== undefined) next.startDateTime = dateTimeOrNull(body.startDateTime, 'startDateTime');
  if (body.dueDateTime !== undefined) next.dueDateTime = dateTimeOrNull(body.dueDateTime, 'dueDateTime');
  if (body.conversationThreadId !== undefined) {
    if (body.conversationThreadId !== null && typeof body.conversationThreadId !== 'string') throw badRequest("The value of 'conversationThreadId' is not valid.");
    next.conversationThreadId = body.conversationThreadId;
  }
  if (body.previewType !== undefined) {
    if (typeof body.previewType !== 'string' || !PREVIEW_TYPES.includes(body.previewType)) throw badRequest("The value of 'previewType' is not valid.");
    next.previewType = body.previewType;
  }
  if (body.appliedCategories !== undefined) {
    const cats = body.appliedCategories;
    if (typeof cats !== 'object' || cats === null || Array.isArray(cats)) throw badRequest("The value of 'appliedCategories' is not valid.");
    for (const [key, value] of Object.entries(cats)) {
      if (key === '@odata.type') continue;
      // category1 … category25 (https://learn.microsoft.com/en-us/graph/api/resources/plannerappliedcategories)
      const m = /^category(\d+)$/.exec(key);
      if (!m || Number(m[1]) < 1 || Number(m[1]) > 25 || (typeof value !== 'boolean' && value !== null)) throw badRequest(`The category '${key}' is not valid.`);
      if (value === true) next.appliedCategories[key] = true;
      else delete next.appliedCategories[key];
    }
  }
  if (body.assignments !== undefined) applyAssignments(ctx, next, body.assignments, now);
  if (body.percentComplete !== undefined) {
    next.percentComplete = intIn(body.percentComplete, 0, 100, 'percentComplete');
    if (next.percentComplete === 100 && task.percentComplete !== 100) {
      next.completedDateTime = now;
      next.completedById = ctx.principal.id;
    } else if (next.percentComplete !== 100) {
      next.completedDateTime = null;
      next.completedById = null;
    }
  }
  return next;
}

/**
 * Assignments by user id; each value needs `@odata.type` "#microsoft.graph.plannerAssignment" and
 * an `orderHint`, else 400; `null` removes; the server adds `assignedBy` and `assignedDateTime`
 * (https://learn.microsoft.com/en-us/graph/api/resources/plannerassignments). An assignee must be
 * a user of the tenant (400). The type is accepted with or without the leading '#'.
 */
function applyAssignments(ctx: HandlerContext, task: PlannerTaskState, value: unknown, now: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest("The value of 'assignments' is not valid.");
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    if (key === '@odata.type') continue;
    const user = ctx.store.userById(key);
    if (entry === null) {
      if (user) delete task.assignments[user.id];
      continue;
    }
    if (typeof entry !== 'object' || Array.isArray(entry)) throw badRequest(`The assignment for '${key}' is not valid.`);
    const a = entry as Record<string, unknown>;
    if (!isType(a['@odata.type'], 'microsoft.graph.plannerAssignment')) {
      throw badRequest(`The assignment for '${key}' must have "@odata.type": "#microsoft.graph.plannerAssignment".`);
    }
    if (a.orderHint === undefined) throw badRequest(`The assignment for '${key}' must have an orderHint.`);
    const orderHint = resolveOrderHint(a.orderHint, 'orderHint');
    if (!user) throw badRequest(`The assignee '${key}' is not a valid user.`);
    const existing = task.assignments[user.id];
    task.assignments[user.id] = existing
      ? { ...existing, orderHint }
      : { orderHint, assignedById: ctx.principal.id, assignedDateTime: now };
  }
  if (Object.keys(task.assignments).length > PLANNER_LIMITS.assigneesPerTask) {
    throw limitError('MaximumAssigneesInTasks', 'The maximum number of assignees for this task has been reached.');
  }
}

function activeCount(tasks: PlannerTaskState[]): number {
  return tasks.filter((t) => t.percentComplete < 100).length;
}

function emptyDetails(): PlannerTaskDetailsState {
  return { description: '', previewType: 'automatic', checklist: {}, references: {}, version: 1 };
}

function registerTaskRoutes(router: Router): void {
  /**
   * Create plannerTask: https://learn.microsoft.com/en-us/graph/api/planner-post-tasks
   * (`planId` and `title` required; `details` is not accepted here: strict reading).
   */
  router.add('POST', '/planner/tasks', (ctx) => {
    const body = bodyObject(ctx);
    onlyProperties(body, TASK_CREATE.filter((p) => p !== 'details'), 'plannerTask');
    const plan = requirePlan(ctx, idFromBody(body.planId, 'planId'));
    requireTitle(body.title);
    const state = plannerState(ctx.store);
    const planTasks = state.tasks.filter((t) => t.planId === plan.id);
    const base: PlannerTaskState = {
      id: '',
      planId: plan.id,
      bucketId: null,
      title: '',
      orderHint: '',
      assigneePriority: '',
      percentComplete: 0,
      priority: 5,
      startDateTime: null,
      dueDateTime: null,
      completedDateTime: null,
      completedById: null,
      createdDateTime: new Date().toISOString(),
      createdById: ctx.principal.id,
      previewType: 'automatic',
      appliedCategories: {},
      assignments: {},
      conversationThreadId: null,
      version: 1,
      details: emptyDetails(),
    };
    const task = applyTaskProperties(ctx, base, body);
    if (body.orderHint === undefined) task.orderHint = firstHint(planTasks.map((t) => t.orderHint));
    if (planTasks.length >= PLANNER_LIMITS.tasksPerPlan) throw limitError('MaximumTasksInProject', 'The maximum number of tasks in this plan has been reached.');
    if (task.percentComplete < 100 && activeCount(planTasks) >= PLANNER_LIMITS.activeTasksPerPlan) {
      throw limitError('MaximumActiveTasksInProject', 'The maximum number of active tasks in this plan has been reached.');
    }
    task.id = plannerId(ctx.store, 'plannerTask');
    state.tasks.push(task);
    ctx.store.changed();
    return created(entity(ctx, 'tasks', renderTask(task, ctx.store)));
  });

  /** List tasks of a plan: https://learn.microsoft.com/en-us/graph/api/plannerplan-list-tasks */
  router.add('GET', '/planner/plans/{planId}/tasks', (ctx) => {
    const plan = requirePlan(ctx, ctx.params.planId ?? '');
    return collection(ctx, 'plannerTask', plannerState(ctx.store).tasks.filter((t) => t.planId === plan.id).map((t) => renderTask(t, ctx.store)));
  });

  /** Get plannerTask: https://learn.microsoft.com/en-us/graph/api/plannertask-get */
  router.add('GET', '/planner/tasks/{taskId}', (ctx) => ok(entity(ctx, 'tasks', renderTask(requireTask(ctx, ctx.params.taskId ?? ''), ctx.store))));

  /**
   * Update plannerTask: https://learn.microsoft.com/en-us/graph/api/plannertask-update. 204, or 200
   * with the task for `Prefer: return=representation`. percentComplete 100 sets completedDateTime
   * and completedBy; below 100 clears them. Reopening a task counts against the active-task limit.
   */
  router.add('PATCH', '/planner/tasks/{taskId}', (ctx) => {
    const task = requireTask(ctx, ctx.params.taskId ?? '');
    checkPlannerIfMatch(ctx, etag('Task', task.id, task.version));
    const body = bodyObject(ctx);
    onlyProperties(body, TASK_UPDATE, 'plannerTask');
    const next = applyTaskProperties(ctx, task, body);
    const state = plannerState(ctx.store);
    if (task.percentComplete === 100 && next.percentComplete < 100 && activeCount(state.tasks.filter((t) => t.planId === task.planId)) >= PLANNER_LIMITS.activeTasksPerPlan) {
      throw limitError('MaximumActiveTasksInProject', 'The maximum number of active tasks in this plan has been reached.');
    }
    Object.assign(task, next, { version: task.version + 1 });
    ctx.store.changed();
    return patchResponse(ctx, () => renderTask(task, ctx.store));
  });

  /** Delete plannerTask: https://learn.microsoft.com/en-us/graph/api/plannertask-delete */
  router.add('DELETE', '/planner/tasks/{taskId}', (ctx) => {
    const task = requireTask(ctx, ctx.params.taskId ?? '');
    checkPlannerIfMatch(ctx, etag('Task', task.id, task.version));
    const state = plannerState(ctx.store);
    state.tasks = state.tasks.filter((t) => t !== task);
    ctx.store.changed();
    return noContent();
  });

  /** Get plannerTaskDetails: https://learn.microsoft.com/en-us/graph/api/plannertaskdetails-get */
  router.add('GET', '/planner/tasks/{taskId}/details', (ctx) => {
    const task = requireTask(ctx, ctx.params.taskId ?? '');
    return ok({ '@odata.context': `${ctx.baseUrl}/$metadata#planner/tasks('${task.id}')/details/$entity`, ...renderDetails(task, ctx.store) });
  });

  /**
   * Update plannerTaskDetails: https://learn.microsoft.com/en-us/graph/api/plannertaskdetails-update
   * (own etag; `description`, `previewType`, `checklist`, `references`). The task's
   * checklistItemCount, activeChecklistItemCount, referenceCount and hasDescription follow, and
   * when one of them changes the task gets a new etag too (not confirmed: strict reading).
   */
  router.add('PATCH', '/planner/tasks/{taskId}/details', (ctx) => {
    const task = requireTask(ctx, ctx.params.taskId ?? '');
    checkPlannerIfMatch(ctx, etag('TaskDetails', task.id, task.details.version));
    const body = bodyObject(ctx);
    onlyProperties(body, ['description', 'previewType', 'checklist', 'references'], 'plannerTaskDetails');
    const before = JSON.stringify(taskCounts(task));
    const next: PlannerTaskDetailsState = { ...task.details, checklist: { ...task.details.checklist }, references: { ...task.details.references } };
    const now = new Date().toISOString();
    if (body.description !== undefined) {
      if (body.description !== null && typeof body.description !== 'string') throw badRequest("The value of 'description' is not valid.");
      next.description = body.description ?? '';
    }
    if (body.previewType !== undefined) {
      if (typeof body.previewType !== 'string' || !PREVIEW_TYPES.includes(body.previewType)) throw badRequest("The value of 'previewType' is not valid.");
      next.previewType = body.previewType;
    }
    if (body.checklist !== undefined) applyChecklist(ctx, next, body.checklist, now);
    if (body.references !== undefined) applyReferences(ctx, next, body.references, now);
    task.details = { ...next, version: next.version + 1 };
    if (JSON.stringify(taskCounts(task)) !== before) task.version += 1;
    ctx.store.changed();
    return patchResponse(ctx, () => renderDetails(task, ctx.store));
  });
}

function taskCounts(task: PlannerTaskState): unknown[] {
  const items = Object.values(task.details.checklist);
  return [items.length, items.filter((c) => !c.isChecked).length, Object.keys(task.details.references).length, task.details.description.length > 0];
}

/**
 * Checklist items by client GUID (https://learn.microsoft.com/en-us/graph/api/resources/plannerchecklistitems):
 * a new item needs `"@odata.type": "microsoft.graph.plannerChecklistItem"` and a `title`; an
 * existing one may be changed partially; `null` removes. At most 20 items (403 MaximumChecklistItemsOnTask).
 */
function applyChecklist(ctx: HandlerContext, details: PlannerTaskDetailsState, value: unknown, now: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest("The value of 'checklist' is not valid.");
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    if (key === '@odata.type') continue;
    if (!GUID_PATTERN.test(key)) throw badRequest(`The checklist item key '${key}' is not a GUID.`);
    if (entry === null) {
      delete details.checklist[key];
      continue;
    }
    if (typeof entry !== 'object' || Array.isArray(entry)) throw badRequest(`The checklist item '${key}' is not valid.`);
    const e = entry as Record<string, unknown>;
    if (!isType(e['@odata.type'], 'microsoft.graph.plannerChecklistItem')) {
      throw badRequest(`The checklist item '${key}' must have "@odata.type": "microsoft.graph.plannerChecklistItem".`);
    }
    for (const k of Object.keys(e)) {
      if (!['@odata.type', 'title', 'isChecked', 'orderHint'].includes(k)) throw badRequest(`The property '${k}' cannot be written on a checklist item.`);
    }
    const existing = details.checklist[key];
    if (!existing && (typeof e.title !== 'string' || e.title === '')) throw badRequest(`The checklist item '${key}' needs a title.`);
    if (e.title !== undefined && typeof e.title !== 'string') throw badRequest(`The title of checklist item '${key}' is not valid.`);
    if (e.isChecked !== undefined && typeof e.isChecked !== 'boolean') throw badRequest(`The isChecked of checklist item '${key}' is not valid.`);
    details.checklist[key] = {
      title: (e.title as string | undefined) ?? existing?.title ?? '',
      isChecked: (e.isChecked as boolean | undefined) ?? existing?.isChecked ?? false,
      orderHint: e.orderHint !== undefined ? resolveOrderHint(e.orderHint) : (existing?.orderHint ?? resolveOrderHint(' !')),
      lastModifiedDateTime: now,
      lastModifiedById: ctx.principal.id,
    };
  }
  if (Object.keys(details.checklist).length > PLANNER_LIMITS.checklistItemsPerTask) {
    throw limitError('MaximumChecklistItemsOnTask', 'The maximum number of checklist items on this task has been reached.');
  }
}

/**
 * References by percent-encoded URL (https://learn.microsoft.com/en-us/graph/api/resources/plannerexternalreferences):
 * the key is an http(s) URL with `. : % @ #` encoded; `"@odata.type": "microsoft.graph.externalReference"`
 * is required on every value in a PATCH; `null` removes. At most 10 (403 MaximumReferencesOnTask).
 */
/** The decoded key, or '' when it is not valid percent-encoding. */
function safeDecode(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return '';
  }
}

function applyReferences(ctx: HandlerContext, details: PlannerTaskDetailsState, value: unknown, now: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest("The value of 'references' is not valid.");
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    if (key === '@odata.type') continue;
    const decoded = safeDecode(key);
    if (/[.:@#]/.test(key) || /%(?![0-9A-Fa-f]{2})/.test(key) || !/^https?:\/\/./i.test(decoded)) {
      throw badRequest(`The reference key '${key}' is not a percent-encoded http(s) URL.`);
    }
    if (entry === null) {
      delete details.references[key];
      continue;
    }
    if (typeof entry !== 'object' || Array.isArray(entry)) throw badRequest(`The reference '${key}' is not valid.`);
    const e = entry as Record<string, unknown>;
    if (!isType(e['@odata.type'], 'microsoft.graph.externalReference') && !isType(e['@odata.type'], 'microsoft.graph.plannerExternalReference')) {
      throw badRequest(`The reference '${key}' must have "@odata.type": "microsoft.graph.externalReference".`);
    }
    for (const k of Object.keys(e)) {
      if (!['@odata.type', 'alias', 'type', 'previewPriority'].includes(k)) throw badRequest(`The property '${k}' cannot be written on a reference.`);
    }
    for (const k of ['alias', 'type'] as const) {
      if (e[k] !== undefined && e[k] !== null && typeof e[k] !== 'string') throw badRequest(`The ${k} of reference '${key}' is not valid.`);
    }
    const existing = details.references[key];
    details.references[key] = {
      alias: e.alias !== undefined ? (e.alias as string | null) : (existing?.alias ?? null),
      type: e.type !== undefined ? (e.type as string | null) : (existing?.type ?? null),
      previewPriority: e.previewPriority !== undefined ? resolveOrderHint(e.previewPriority, 'previewPriority') : (existing?.previewPriority ?? resolveOrderHint(' !')),
      lastModifiedDateTime: now,
      lastModifiedById: ctx.principal.id,
    };
  }
  if (Object.keys(details.references).length > PLANNER_LIMITS.referencesPerTask) {
    throw limitError('MaximumReferencesOnTask', 'The maximum number of references on this task has been reached.');
  }
}

export function registerPlannerRoutes(router: Router): void {
  registerPlanRoutes(router);
  registerBucketRoutes(router);
  registerTaskRoutes(router);
}
