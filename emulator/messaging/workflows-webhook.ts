/**
 * Workflows webhooks (facts §8): the Workflows template "Post to a channel when a webhook request
 * is received" [Learn /microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using],
 * which replaced Office 365 connectors [Learn /microsoftteams/m365-custom-connectors]. In the
 * emulator a webhook is `POST <origin>/webhooks/workflows/<id>`, no token: the URL is the secret.
 *
 * - Payload `{"type": "message", "attachments": [{"contentType":
 *   "application/vnd.microsoft.card.adaptive", "contentUrl": null, "content": {…card…}}]}`, the card
 *   an object [Learn /microsoftteams/platform/task-modules-and-cards/cards/cards-format].
 * - Accepted → 202 Accepted, no body (legacy connectors answered 200 `1`) [issue:
 *   fluxcd/flagger#1887; nicholas-fedor/shoutrrr#900; MicrosoftDocs/msteams-docs#9698]; 202 on
 *   Learn: not confirmed.
 * - Over ~28 KB → 413 "Request Entity too large" [Learn /connectors/teams/, facts §8]; counted
 *   on the request body's bytes.
 * - The message is posted by the Workflows app (as "Flow bot") into the webhook's channel, stored
 *   as a channel message whose attachment content is the card as a JSON string, as Graph returns
 *   it (graph/channel-messages.ts).
 *
 * Not confirmed, strict readings: a malformed payload (not JSON, not `type: "message"`, no
 * attachments, an attachment that is not an Adaptive Card, a card that is not an object) → 400,
 * and a card `version` above 1.4 → 400 (the real flow may accept the request and fail later, or
 * render it differently); the 400/404/413 bodies (`{"error": {code, message}}`, the Logic Apps
 * style) are not confirmed either. MessageCard payloads, re-accepted later by Workflows (facts §8),
 * are refused.
 */
import { WORKFLOWS_APP } from '../seed/demo-tenant.ts';
import type { MessageAttachmentState, WorkflowWebhookState } from '../state/tenant-state.ts';
import type { TenantStore } from '../state/tenant-store.ts';
import { ADAPTIVE_CARD_CONTENT_TYPE, adaptiveCardProblem, addMessage, attachmentId, findChannel, messagingState } from './messages.ts';
import { ServiceError, isJsonObject, parseJsonBody, type ServiceRequest, type ServiceResponse } from './types.ts';

/** The path prefix of webhook URLs (below the origin). */
export const WORKFLOWS_WEBHOOK_BASE = '/webhooks/workflows';
/** ~28 KB per post (facts §8). */
export const WORKFLOWS_MAX_BYTES = 28 * 1024;
/** Cards above this version are refused (facts §8 and the app's cards: Workflows renders 1.4). */
export const WORKFLOWS_MAX_CARD_VERSION = '1.4';

const refused = (status: number, code: string, message: string): ServiceError => new ServiceError(status, { error: { code, message } });
const invalidContent = (message: string): ServiceError => refused(400, 'InvalidRequestContent', message);

export function webhookUrl(origin: string, webhook: Pick<WorkflowWebhookState, 'id'>): string {
  return `${origin}${WORKFLOWS_WEBHOOK_BASE}/${webhook.id}`;
}

export function findWebhook(store: TenantStore, id: string): WorkflowWebhookState | undefined {
  const wanted = id.toLowerCase();
  return messagingState(store).webhooks.find((w) => w.id.toLowerCase() === wanted);
}

/** Adds a webhook for a team's channel (the control API's "create a Workflows flow"). */
export function createWebhook(store: TenantStore, teamId: string, channelId: string): WorkflowWebhookState | undefined {
  const team = store.team(teamId);
  const channel = team ? findChannel(team, channelId) : undefined;
  if (!team || !channel) return undefined;
  const webhook: WorkflowWebhookState = {
    id: store.nextGuid('workflows-webhook').replaceAll('-', ''),
    teamId: team.id,
    channelId: channel.id,
    createdDateTime: new Date().toISOString(),
  };
  messagingState(store).webhooks.push(webhook);
  store.changed();
  return webhook;
}

/** `POST /webhooks/workflows/<id>`; `id` is the decoded path segment. */
export function handleWorkflowWebhook(store: TenantStore, req: ServiceRequest, id: string): ServiceResponse {
  const webhook = findWebhook(store, id);
  if (!webhook) throw refused(404, 'WorkflowNotFound', `No workflow with the id '${id}'.`);
  if (req.method !== 'POST') throw refused(405, 'MethodNotAllowed', 'The webhook accepts only POST.');
  if (req.raw.length > WORKFLOWS_MAX_BYTES) throw refused(413, 'RequestEntityTooLarge', 'Request Entity too large');
  const parsed = parseJsonBody(req.raw);
  if (!parsed.ok) throw invalidContent('The request content is not valid JSON.');
  const payload = parsed.value;
  if (!isJsonObject(payload) || payload.type !== 'message') throw invalidContent("The payload must be an object with type 'message'.");
  const raw = payload.attachments;
  if (!Array.isArray(raw) || raw.length === 0) throw invalidContent('The payload must have at least one attachment.');
  const attachments: MessageAttachmentState[] = raw.map((a: unknown, index) => {
    if (!isJsonObject(a) || a.contentType !== ADAPTIVE_CARD_CONTENT_TYPE) {
      throw invalidContent(`Attachment ${index} must have contentType '${ADAPTIVE_CARD_CONTENT_TYPE}'.`);
    }
    if (a.contentUrl !== undefined && a.contentUrl !== null) throw invalidContent(`Attachment ${index}: contentUrl must be null.`);
    const problem = adaptiveCardProblem(a.content, WORKFLOWS_MAX_CARD_VERSION);
    if (problem) throw invalidContent(`Attachment ${index}: ${problem}`);
    return { id: attachmentId(store), contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, content: JSON.stringify(a.content), name: null, thumbnailUrl: null };
  });
  const team = store.team(webhook.teamId);
  const channel = team ? findChannel(team, webhook.channelId) : undefined;
  if (!team || !channel) throw refused(404, 'WorkflowNotFound', 'The workflow\'s channel no longer exists.');
  addMessage(store, {
    teamId: team.id,
    channelId: channel.id,
    replyToId: null,
    from: { kind: 'application', id: WORKFLOWS_APP.id, displayName: WORKFLOWS_APP.displayName },
    subject: null,
    summary: null,
    importance: 'normal',
    body: { contentType: 'html', content: attachments.map((a) => `<attachment id="${a.id}"></attachment>`).join('') },
    attachments,
    mentions: [],
  });
  return { status: 202, headers: {} };
}
