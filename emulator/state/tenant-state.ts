/** The emulated tenant: plain JSON-serialisable data, persisted as <dataDir>/tenant.json. */
import type { DriveState } from './drive-state.ts';

export const TENANT_SCHEMA_VERSION = 1;

export interface UserState {
  id: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string;
  surname: string;
  jobTitle: string | null;
  /** Null for a user without a mailbox; often not the UPN (user resource on Microsoft Learn). */
  mail: string | null;
  /** 'Guest' for a user invited from another organisation (UPN `…#EXT#@…`). Absent in older saved tenants: 'Member'. */
  userType?: 'Member' | 'Guest';
  mobilePhone: string | null;
  businessPhones: string[];
  officeLocation: string | null;
  preferredLanguage: string | null;
  /** The user's id in SharePoint's user information list (AuthorLookupId etc.). */
  lookupId: number;
  /**
   * The mailbox's addresses (`proxyAddresses`: `SMTP:` the primary, `smtp:` aliases). Absent in
   * older saved tenants: `SMTP:<mail>` for a user with a mailbox, else none (graph/users.ts).
   */
  proxyAddresses?: string[];
  /** Further e-mail addresses of the user (`otherMails`). Absent: none. */
  otherMails?: string[];
}

export interface ChannelState {
  id: string;
  displayName: string;
  description: string | null;
  createdDateTime: string;
}

export interface TeamState {
  /** The team id, equal to its Microsoft 365 group id. */
  id: string;
  displayName: string;
  description: string;
  mailNickname: string;
  /** Thread id of the General channel (teams-js `team.internalId`). */
  internalId: string;
  createdDateTime: string;
  channels: ChannelState[];
  /** User ids of owners. */
  owners: string[];
  /** User ids of members that are not owners. */
  members: string[];
  siteId: string;
  /**
   * Catalog ids of the Teams apps installed in the team (`TeamsAppState.id`); a bot may post only
   * where its app is installed (messaging/bot-connector.ts). Absent in older tenants: none.
   */
  installedAppIds?: string[];
}

export type ColumnType =
  | 'text'
  | 'number'
  | 'currency'
  | 'dateTime'
  | 'boolean'
  | 'choice'
  | 'personOrGroup'
  | 'lookup'
  | 'hyperlinkOrPicture'
  | 'counter'
  | 'contentType';

export interface ColumnState {
  id: string;
  /** Internal (API) name: the key in `fields`. */
  name: string;
  displayName: string;
  description: string;
  columnGroup: string;
  indexed: boolean;
  required: boolean;
  hidden: boolean;
  readOnly: boolean;
  enforceUniqueValues: boolean;
  /** True for columns SharePoint creates itself; they cannot be deleted. */
  system: boolean;
  type: ColumnType;
  /** The type facet as given/normalised (e.g. {allowMultipleLines:false, maxLength:255}). */
  facet: Record<string, unknown>;
}

export type FieldValue = string | number | boolean | null | string[] | number[];

export interface ListItemState {
  id: number;
  /** The item's unique id (GUID), the first part of its eTag. */
  uid: string;
  version: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  authorId: string;
  editorId: string;
  /** Values by column name; lookup/person values are stored as their lookup id. */
  fields: Record<string, FieldValue>;
  /** Earlier versions, oldest first (SharePoint keeps major versions of list items). */
  history?: ListItemVersionState[];
}

export interface ListItemVersionState {
  version: number;
  lastModifiedDateTime: string;
  editorId: string;
  fields: Record<string, FieldValue>;
}

export interface ListState {
  id: string;
  name: string;
  displayName: string;
  description: string;
  template: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  createdById: string;
  lastModifiedById: string;
  version: number;
  columns: ColumnState[];
  /** Sorted by id ascending (append-only ids). */
  items: ListItemState[];
  nextItemId: number;
  /**
   * The list's own role assignments once its permission inheritance was broken (SharePoint REST
   * `breakroleinheritance`, see sharepoint/permissions.ts). Absent (as in tenants saved before
   * permissions existed) = the list inherits the site's assignments.
   */
  roleAssignments?: RoleAssignmentState[];
  /** SP.List WriteSecurity: 1 all items (default), 2 only own items, 4 no items. Absent = 1. */
  writeSecurity?: 1 | 2 | 4;
  /** SP.List ReadSecurity: 1 all items (default), 2 only own items. Absent = 1. */
  readSecurity?: 1 | 2;
}

/** One principal's role bindings on a securable object (SP.RoleAssignment). */
export interface RoleAssignmentState {
  /** A site group id (sharepoint/permissions.ts) or a user's SharePoint id (its `lookupId`). */
  principalId: number;
  /** Role definition ids (SP.RoleDefinition.Id), e.g. 1073741826 for Read. */
  roleDefinitionIds: number[];
}

export interface SiteState {
  /** '{hostname},{site-collection-guid},{web-guid}' */
  id: string;
  groupId: string | null;
  name: string;
  displayName: string;
  description: string;
  webUrl: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  lists: ListState[];
  /**
   * Application grants on the site collection (`POST /sites/{id}/permissions`, graph/site-permissions.ts):
   * what an app holding the `Sites.Selected` application permission may do here. Absent in tenants
   * saved before app-only access: none (the demo sites get the Handlingsplan app's grant on load,
   * seed/build-tenant.ts `ensureDemoAppAccess`).
   */
  appGrants?: SiteAppGrantState[];
}

/**
 * The roles of a site grant for an app: read, write, manage (adds Manage Lists), fullcontrol
 * [devblog: microsoft365dev "SharePoint now supports delegated Sites.Selected authentication"] (facts §11).
 */
export type SiteAppRole = 'read' | 'write' | 'manage' | 'fullcontrol';

/** One application's permission on a site (Graph `permission` with `grantedToIdentitiesV2[].application`). */
export interface SiteAppGrantState {
  /** The permission id (opaque in Graph). */
  id: string;
  /** The application (client) id. */
  appId: string;
  displayName: string;
  roles: SiteAppRole[];
}

export interface TenantState {
  schemaVersion: number;
  tenantId: string;
  domain: string;
  sharePointHost: string;
  /** Increments for every generated id so that ids stay reproducible for a given history. */
  sequence: number;
  users: UserState[];
  teams: TeamState[];
  sites: SiteState[];
  /** Planner plans, buckets and tasks (graph/planner.ts). Absent in tenants saved before Planner: empty. */
  planner?: PlannerState;
  /** Teams apps of the tenant's app catalog, with their bots (messaging/bot-connector.ts). */
  teamsApps?: TeamsAppState[];
  /**
   * Microsoft Entra app registrations with the Microsoft Graph application permissions an
   * administrator consented to (app-only access: core/principal.ts, graph/app-permissions.ts).
   * Absent in tenants saved before app-only access: none, and the demo app's registration is added
   * on load (seed/build-tenant.ts `ensureDemoAppAccess`).
   */
  appRegistrations?: AppRegistrationState[];
  /**
   * Channel messages and Workflows webhooks (graph/channel-messages.ts, messaging/). Absent in
   * tenants saved before them: the demo teams' reminder channel, app and webhook are added on load
   * (seed/build-tenant.ts `ensureDemoMessaging`), with no messages.
   */
  messaging?: MessagingState;
  /** The team sites' document libraries (graph/drives.ts). Absent in tenants saved before them: made on first use. */
  drives?: DriveState[];
}

/** An app in the tenant's Teams app catalog. */
export interface TeamsAppState {
  /** The catalog app id (teamsApp id in Graph). */
  id: string;
  displayName: string;
  /** The bot's Microsoft App ID (its Entra application id), or null for an app without a bot. */
  botId: string | null;
  /**
   * The app's id in its manifest (`teamsApp.externalId` in Graph; for an app uploaded to the
   * organisation's catalog it differs from the catalog id). Absent: none (null in Graph).
   */
  externalId?: string;
  /**
   * The Entra app that the manifest's `webApplicationInfo.id` names: the app that gets the
   * resource-specific consent (`teamsAppDefinition.azureADAppId` in Graph). Absent: the bot's id.
   */
  azureADAppId?: string;
  /**
   * Resource-specific consent: the manifest's `authorization.permissions.resourceSpecific` entries of
   * type Application (e.g. 'ChannelMessage.Read.Group'), consented when the app is installed in a
   * team and held by `azureADAppId` in each team whose `installedAppIds` has the app. Absent: none.
   */
  rsc?: string[];
}

/** A Microsoft Entra app registration (its service principal in this tenant). */
export interface AppRegistrationState {
  /** The application (client) id. */
  appId: string;
  displayName: string;
  /** Admin-consented Microsoft Graph application permissions (app roles), e.g. 'Sites.Selected'. */
  applicationPermissions: string[];
}

export interface MessagingState {
  /** The newest message id handed out (epoch milliseconds), so ids keep increasing across restarts. */
  lastMessageId: number;
  /** Root messages and replies of every channel, in the order they were posted. */
  messages: ChannelMessageState[];
  webhooks: WorkflowWebhookState[];
}

/** Who posted a message: a user, or an app (a bot, the Workflows app). */
export interface MessageSenderState {
  kind: 'user' | 'application';
  /** The user's id, or the application's (bot) id. */
  id: string;
  displayName: string;
}

/** A chatMessage attachment as Graph returns it: `content` is a JSON string for cards. */
export interface MessageAttachmentState {
  id: string;
  contentType: string;
  contentUrl: string | null;
  content: string | null;
  name: string | null;
  thumbnailUrl: string | null;
}

/** A mention of a user (`<at id="N">mentionText</at>` in the body). */
export interface MessageMentionState {
  id: number;
  mentionText: string;
  userId: string;
  displayName: string;
}

export interface ChannelMessageState {
  /** Numeric string (epoch milliseconds of creation, made unique); also the etag. */
  id: string;
  teamId: string;
  channelId: string;
  /** The root message's id for a reply, else null. */
  replyToId: string | null;
  createdDateTime: string;
  from: MessageSenderState;
  subject: string | null;
  summary: string | null;
  importance: 'normal' | 'high' | 'urgent';
  body: { contentType: 'text' | 'html'; content: string };
  attachments: MessageAttachmentState[];
  mentions: MessageMentionState[];
}

/** A Workflows "Post to a channel when a webhook request is received" flow, by its secret URL id. */
export interface WorkflowWebhookState {
  /** 32 hex digits; the URL `<origin>/webhooks/workflows/<id>` is the secret. */
  id: string;
  teamId: string;
  channelId: string;
  createdDateTime: string;
}

/** Planner data, flat; each object has a `version` that makes its weak etag (bumped on every change). */
export interface PlannerState {
  plans: PlannerPlanState[];
  buckets: PlannerBucketState[];
  tasks: PlannerTaskState[];
}

export interface PlannerPlanState {
  /** 28 characters, case-sensitive. */
  id: string;
  title: string;
  /** The container group (= team) id. */
  groupId: string;
  createdDateTime: string;
  createdById: string;
  version: number;
}

export interface PlannerBucketState {
  id: string;
  name: string;
  planId: string;
  orderHint: string;
  version: number;
}

export interface PlannerAssignmentState {
  orderHint: string;
  assignedById: string;
  assignedDateTime: string;
}

export interface PlannerChecklistItemState {
  title: string;
  isChecked: boolean;
  orderHint: string;
  lastModifiedDateTime: string;
  lastModifiedById: string;
}

export interface PlannerReferenceState {
  alias: string | null;
  type: string | null;
  previewPriority: string;
  lastModifiedDateTime: string;
  lastModifiedById: string;
}

export interface PlannerTaskDetailsState {
  description: string;
  previewType: string;
  /** By client GUID. */
  checklist: Record<string, PlannerChecklistItemState>;
  /** By percent-encoded URL, as the client sent the key. */
  references: Record<string, PlannerReferenceState>;
  version: number;
}

export interface PlannerTaskState {
  id: string;
  planId: string;
  bucketId: string | null;
  title: string;
  orderHint: string;
  assigneePriority: string;
  percentComplete: number;
  priority: number;
  startDateTime: string | null;
  dueDateTime: string | null;
  completedDateTime: string | null;
  completedById: string | null;
  createdDateTime: string;
  createdById: string;
  previewType: string;
  appliedCategories: Record<string, boolean>;
  /** By user id. */
  assignments: Record<string, PlannerAssignmentState>;
  conversationThreadId: string | null;
  version: number;
  details: PlannerTaskDetailsState;
}
