/**
 * Planner resources as Graph v1.0 sends them, and the typed views the adapter hands out (facts
 * sheet §7). Shapes:
 * - plannerTask: https://learn.microsoft.com/en-us/graph/api/resources/plannertask
 * - plannerTaskDetails: https://learn.microsoft.com/en-us/graph/api/resources/plannertaskdetails
 * - plannerAssignments: https://learn.microsoft.com/en-us/graph/api/resources/plannerassignments
 * - plannerChecklistItems: https://learn.microsoft.com/en-us/graph/api/resources/plannerchecklistitems
 * - plannerExternalReferences: https://learn.microsoft.com/en-us/graph/api/resources/plannerexternalreferences
 */
import type { TaskDraft } from '../../domain/planner';

export interface PlannerIdentitySet {
  readonly user?: { readonly id?: string | null } | null;
}

export interface PlannerPlan {
  readonly id: string;
  readonly title: string;
  readonly '@odata.etag'?: string;
}

export interface PlannerBucket {
  readonly id: string;
  readonly name: string;
  readonly planId: string;
  readonly orderHint?: string;
}

export interface PlannerTaskResource {
  readonly id: string;
  readonly planId: string;
  readonly bucketId: string | null;
  readonly title: string;
  readonly percentComplete: number;
  readonly dueDateTime: string | null;
  readonly completedDateTime?: string | null;
  readonly completedBy?: PlannerIdentitySet | null;
  readonly assignments: Readonly<Record<string, unknown>>;
  readonly createdBy?: PlannerIdentitySet | null;
  /** How many references the task's details hold (0: none yet). */
  readonly referenceCount?: number;
  readonly '@odata.etag': string;
}

export interface PlannerChecklistItemResource {
  readonly title?: string | null;
  readonly isChecked?: boolean;
  readonly orderHint?: string | null;
  readonly lastModifiedDateTime?: string | null;
  readonly lastModifiedBy?: PlannerIdentitySet | null;
}

export interface PlannerTaskDetails {
  readonly id?: string;
  readonly description?: string | null;
  readonly previewType?: string;
  readonly checklist?: Readonly<Record<string, PlannerChecklistItemResource | null>>;
  readonly references?: Readonly<Record<string, unknown>>;
  readonly '@odata.etag': string;
}

export interface BoardTask {
  readonly id: string;
  readonly title: string;
  readonly bucketId: string | null;
  readonly completed: boolean;
  /** The due day (YYYY-MM-DD, UTC), or null. */
  readonly dueDay: string | null;
  /** Sorted Entra ids. */
  readonly assigneeIds: readonly string[];
  readonly etag: string;
}

export interface BoardChecklistItem {
  /** The item's client GUID. */
  readonly key: string;
  readonly title: string;
  readonly isChecked: boolean;
  /** ISO instant of the last change, or null when Planner does not say. */
  readonly lastModifiedDateTime: string | null;
  /** Entra id of who changed it last, or null. */
  readonly lastModifiedBy: string | null;
}

/** A task's details as the adapter reads them. */
export interface BoardTaskDetails {
  /** The details' own etag (not comparable with the task's). */
  readonly detailsEtag: string;
  readonly description: string;
  /** In Planner's order (by orderHint, ordinal), then by key. */
  readonly checklist: readonly BoardChecklistItem[];
  /**
   * The reference keys RAW, as Planner stores them: percent-encoded URLs. Compare them with
   * `referenceKey(goalUrl)`; `decodeURIComponent(key)` gives the URL back. Sorted.
   */
  readonly referenceKeys: readonly string[];
}

/** A task with its details (readBoard). */
export interface BoardTaskFull extends BoardTask, BoardTaskDetails {
  readonly percentComplete: number;
  /** ISO instant, or null while the task is open. */
  readonly completedDateTime: string | null;
  /** Entra id of who completed it, or null. */
  readonly completedBy: string | null;
}

/** A reference key: the URL with `. : % @ #` percent-encoded, as Planner requires. */
export function referenceKey(url: string): string {
  return url.replace(/[%.:@#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Noon UTC on the due day: the same calendar day in every time zone Planner users are in (±11 h). */
export const dueDateTime = (day: string | null): string | null => (day ? `${day}T12:00:00Z` : null);

const userIdOf = (identity: PlannerIdentitySet | null | undefined): string | null => identity?.user?.id ?? null;

/** The user ids a task is assigned to (keys of `assignments` whose value is not null), sorted. */
export function assigneesOf(task: Pick<PlannerTaskResource, 'assignments'>): string[] {
  return Object.entries(task.assignments ?? {})
    .filter(([key, value]) => key !== '@odata.type' && value !== null)
    .map(([key]) => key)
    .sort();
}

export function toBoardTask(task: PlannerTaskResource): BoardTask {
  return {
    id: task.id,
    title: task.title,
    bucketId: task.bucketId,
    completed: task.percentComplete >= 100,
    dueDay: task.dueDateTime ? task.dueDateTime.slice(0, 10) : null,
    assigneeIds: assigneesOf(task),
    etag: task['@odata.etag'],
  };
}

export function toBoardDetails(details: PlannerTaskDetails): BoardTaskDetails {
  const checklist = Object.entries(details.checklist ?? {})
    .filter((entry): entry is [string, PlannerChecklistItemResource] => entry[0] !== '@odata.type' && entry[1] !== null && typeof entry[1] === 'object')
    .sort(([ka, a], [kb, b]) => compareOrdinal(a.orderHint ?? '', b.orderHint ?? '') || compareOrdinal(ka, kb))
    .map(([key, item]) => ({
      key,
      title: item.title ?? '',
      isChecked: item.isChecked === true,
      lastModifiedDateTime: item.lastModifiedDateTime ?? null,
      lastModifiedBy: userIdOf(item.lastModifiedBy),
    }));
  return {
    detailsEtag: details['@odata.etag'],
    description: details.description ?? '',
    checklist,
    referenceKeys: referenceKeysOf(details),
  };
}

export function toBoardTaskFull(task: PlannerTaskResource, details: PlannerTaskDetails): BoardTaskFull {
  return {
    ...toBoardTask(task),
    percentComplete: task.percentComplete,
    completedDateTime: task.completedDateTime ?? null,
    completedBy: userIdOf(task.completedBy),
    ...toBoardDetails(details),
  };
}

export function referenceKeysOf(details: Pick<PlannerTaskDetails, 'references'>): string[] {
  return Object.entries(details.references ?? {})
    .filter(([key, value]) => key !== '@odata.type' && value !== null)
    .map(([key]) => key)
    .sort();
}

export const creatorOf = (task: PlannerTaskResource): string | null => userIdOf(task.createdBy);

/** Order hints compare ordinally (https://learn.microsoft.com/en-us/graph/api/resources/planner-order-hint-format). */
export function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The value that assigns a user (`@odata.type` and `orderHint` are both required, else 400). */
export const NEW_ASSIGNMENT = { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' } as const;

/** The body of POST /planner/tasks for a draft (https://learn.microsoft.com/en-us/graph/api/planner-post-tasks). */
export function createTaskBody(planId: string, bucketId: string, draft: TaskDraft): Record<string, unknown> {
  return {
    planId,
    bucketId,
    title: draft.title,
    assignments: Object.fromEntries(draft.assigneeIds.map((id) => [id, NEW_ASSIGNMENT])),
    ...(draft.dueDay ? { dueDateTime: dueDateTime(draft.dueDay) } : {}),
  };
}

/**
 * The details a goal's task gets: description, checklist, preview and the reference back to the
 * goal, which is the task's key (https://learn.microsoft.com/en-us/graph/api/plannertaskdetails-update).
 */
export function detailsBody(draft: TaskDraft, key: string, goalLabel: string): Record<string, unknown> {
  const checklist = Object.fromEntries(
    draft.checklist.map((item) => [item.key, { '@odata.type': 'microsoft.graph.plannerChecklistItem', title: item.title, isChecked: false }]),
  );
  return {
    description: draft.description,
    previewType: draft.checklist.length > 0 ? 'checklist' : 'description',
    ...(draft.checklist.length > 0 ? { checklist } : {}),
    references: { [key]: { '@odata.type': 'microsoft.graph.externalReference', alias: goalLabel, type: 'Other' } },
  };
}

export const tasksPath = (planId: string) => `/planner/plans/${encodeURIComponent(planId)}/tasks`;
export const taskPath = (taskId: string) => `/planner/tasks/${encodeURIComponent(taskId)}`;
export const detailsPath = (taskId: string) => `${taskPath(taskId)}/details`;

/**
 * The URL a goal's tasks refer to, and so the tasks' key: a Teams deep link to the plan tab's goal
 * page (facts sheet §10: `https://teams.microsoft.com/l/entity/<appId>/<entityId>?context=…`, the
 * configurable tab saving entityId 'handlingsplan'). It holds only what never changes for a goal
 * (no label, no fallback URL, no channel), so the tab and the unattended runner make the same key.
 * That Teams opens a channel tab from a link without its channelId is not confirmed; the link's
 * first job is to be the key.
 */
export function goalReferenceUrl(appId: string, goalId: string): string {
  return tabEntityLink(appId, `goal:${goalId}`);
}

/**
 * A deep link into the plan tab's `subEntityId` view (`goal:<id>`, `checkin:<id>`), without a
 * channel: what a runner with no tab context can build (the reminder cards' links).
 */
export function tabEntityLink(appId: string, subEntityId: string): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId || 'handlingsplan')}/handlingsplan?context=${context}`;
}

/**
 * A link that opens a task in Planner on the web (`tasks.office.com/<tenant>/Home/Task/<id>`, the
 * long-standing address that Planner redirects to its current one; not in Graph's documentation).
 */
export function plannerTaskUrl(tenantId: string, taskId: string): string {
  return `https://tasks.office.com/${encodeURIComponent(tenantId)}/Home/Task/${encodeURIComponent(taskId)}`;
}
