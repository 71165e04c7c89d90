/**
 * Teams entity deep links (facts §10, learn: concepts/build-and-test/deep-link-application):
 * `https://teams.microsoft.com/l/entity/<appId>/<entityId>?webUrl=…&label=…&context=<urlencoded JSON>`
 * where context = `{"subEntityId":"…","channelId":"19:…@thread.tacv2"}`. Every query value is encoded;
 * links longer than 1,900 characters fail on Windows clients, so they are refused.
 */

export const TEAMS_DEEP_LINK_BASE = 'https://teams.microsoft.com/l/entity/';
export const MAX_DEEP_LINK_LENGTH = 1900;

export interface TabDeepLinkParams {
  /** The Teams app id (manifest `id`). */
  appId: string;
  /** The tab's entityId (static tab entityId, or the configurable tab's saved entityId). */
  entityId: string;
  /** Fallback URL opened when the client cannot open the tab. */
  webUrl?: string;
  /** Label shown for the link. */
  label?: string;
  /** Arrives in the tab as `page.subPageId` (legacy `subEntityId`). */
  subEntityId?: string;
  /** Channel thread id (`19:…`); only for configurable (team-scope) tabs. */
  channelId?: string;
}

export interface ParsedTabDeepLink {
  appId: string;
  entityId: string;
  webUrl?: string;
  label?: string;
  subEntityId?: string;
  channelId?: string;
}

export class DeepLinkTooLongError extends Error {
  readonly length: number;
  constructor(length: number) {
    super(`Teams deep link is ${length} characters; links over ${MAX_DEEP_LINK_LENGTH} fail on some clients`);
    this.name = 'DeepLinkTooLongError';
    this.length = length;
  }
}

/**
 * Builds a deep link to a tab (optionally a sub-entity inside it).
 * @throws DeepLinkTooLongError when the link exceeds MAX_DEEP_LINK_LENGTH characters.
 * @throws Error when appId or entityId is empty.
 */
export function buildTabDeepLink(params: TabDeepLinkParams): string {
  if (!params.appId.trim()) throw new Error('buildTabDeepLink: appId is required');
  if (!params.entityId.trim()) throw new Error('buildTabDeepLink: entityId is required');
  const query: string[] = [];
  if (params.webUrl) query.push(`webUrl=${encodeURIComponent(params.webUrl)}`);
  if (params.label) query.push(`label=${encodeURIComponent(params.label)}`);
  const context: { subEntityId?: string; channelId?: string } = {};
  if (params.subEntityId) context.subEntityId = params.subEntityId;
  if (params.channelId) context.channelId = params.channelId;
  if (context.subEntityId !== undefined || context.channelId !== undefined) {
    query.push(`context=${encodeURIComponent(JSON.stringify(context))}`);
  }
  const url =
    `${TEAMS_DEEP_LINK_BASE}${encodeURIComponent(params.appId)}/${encodeURIComponent(params.entityId)}` +
    (query.length > 0 ? `?${query.join('&')}` : '');
  if (url.length > MAX_DEEP_LINK_LENGTH) throw new DeepLinkTooLongError(url.length);
  return url;
}

/** Parses a link built by buildTabDeepLink (or by Teams); null when it is not a Teams entity link. */
export function parseTabDeepLink(link: string): ParsedTabDeepLink | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.origin !== new URL(TEAMS_DEEP_LINK_BASE).origin) return null;
  const match = /^\/l\/entity\/([^/]+)\/([^/]+)\/?$/.exec(url.pathname);
  if (!match?.[1] || !match[2]) return null;
  let appId: string;
  let entityId: string;
  try {
    appId = decodeURIComponent(match[1]);
    entityId = decodeURIComponent(match[2]);
  } catch {
    return null;
  }
  const result: ParsedTabDeepLink = { appId, entityId };
  const webUrl = url.searchParams.get('webUrl');
  if (webUrl) result.webUrl = webUrl;
  const label = url.searchParams.get('label');
  if (label) result.label = label;
  const rawContext = url.searchParams.get('context');
  if (rawContext) {
    try {
      const parsed: unknown = JSON.parse(rawContext);
      if (parsed && typeof parsed === 'object') {
        const { subEntityId, channelId } = parsed as Record<string, unknown>;
        if (typeof subEntityId === 'string') result.subEntityId = subEntityId;
        if (typeof channelId === 'string') result.channelId = channelId;
      }
    } catch {
      // A malformed context is ignored, as Teams opens the tab without a sub-entity.
    }
  }
  return result;
}
