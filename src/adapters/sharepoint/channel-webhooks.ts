/**
 * The channels' Workflows webhook URLs over the team site's 'Kanalvarsler' list (schema.ts
 * `channelWebhooks`): one item per channel, the channel's id held in the unique ClientId column, so
 * two board members saving at once store one item (a second create with the id is refused by
 * SharePoint, facts §17) and a retry after a lost answer stores nothing twice (graph/idempotent.ts).
 * Updates and removals carry the item's eTag (If-Match): a 412 is the domain's ConflictError.
 *
 * A URL is a secret, so the list is the board's alone (list-permissions.ts `boardOnly`). Given
 * SharePoint REST (the tab, the demo seed), `set` first gives the list that rule (idempotent: it
 * changes only what differs) and writes nothing when it cannot: a URL never lands in a list that
 * stewards might read. Reading never creates the list, and a caller who cannot see it (a steward:
 * SharePoint leaves the list out of the site's lists) finds no webhooks. The runner reads through
 * `urlFor` only (ChannelWebhookStore), on the app's own identity.
 */
import type { GraphApi } from '../../graph/client';
import { GraphRequestError } from '../../graph/errors';
import { createExactlyOnce } from '../../graph/idempotent';
import { fieldEquals, withQuery } from '../../graph/odata';
import {
  WebhookListNotSecuredError,
  WebhookUrlError,
  webhookUrlProblem,
  type ChannelWebhook,
  type ChannelWebhooks,
} from '../../domain/channel-webhooks';
import { AccessDeniedError, ConflictError, NotFoundError } from '../../domain/ports';
import { SharePointListPermissions, permissionsFailure } from './list-permissions';
import { str, type Fields, type ListItem } from './mappers';
import type { SharePointRest } from './sharepoint-rest';
import { SiteListsManager, siteRootPath } from './site-lists';

export type { ChannelWebhook, ChannelWebhookStore, ChannelWebhooks } from '../../domain/channel-webhooks';

const ENTITY = 'channelWebhook';

export interface ChannelWebhooksOptions {
  /**
   * A SharePoint REST client for the site at this URL: when given, `set` makes the list the
   * board's alone before it writes a URL, and refuses (WebhookListNotSecuredError) when it cannot.
   */
  readonly sharePoint?: (webUrl: string) => SharePointRest;
}

export function toChannelWebhook(item: ListItem): ChannelWebhook {
  const f = item.fields ?? {};
  return {
    id: item.id,
    channelId: str(f, 'ClientId'),
    channelName: str(f, 'ChannelName'),
    url: str(f, 'WebhookUrl').trim(),
    etag: item.eTag,
  };
}

function translate(err: unknown, id: string): unknown {
  if (err instanceof GraphRequestError) {
    if (err.status === 412) return new ConflictError(ENTITY, id);
    if (err.status === 404) return new NotFoundError(ENTITY, id);
    if (err.status === 403) return new AccessDeniedError(ENTITY, id);
  }
  return err;
}

export class SharePointChannelWebhooks implements ChannelWebhooks {
  private readonly site: SiteListsManager;

  constructor(
    private readonly graph: GraphApi,
    private readonly teamId: string,
    site?: SiteListsManager,
    private readonly options: ChannelWebhooksOptions = {},
  ) {
    this.site = site ?? new SiteListsManager(graph, teamId);
  }

  async list(): Promise<ChannelWebhook[]> {
    const path = await this.existingItemsPath();
    if (!path) return [];
    const items = await this.graph.getAll<ListItem>(withQuery(path, { expand: 'fields', top: 5000 }));
    return items.map(toChannelWebhook);
  }

  async get(channelId: string): Promise<ChannelWebhook | null> {
    const path = await this.existingItemsPath();
    if (!path) return null;
    const item = await this.findItem(path, channelId);
    return item ? toChannelWebhook(item) : null;
  }

  /** The channel's URL for posting, or null: none stored, or one that is not a Workflows webhook (edited by hand). */
  async urlFor(channelId: string): Promise<string | null> {
    const webhook = await this.get(channelId);
    return webhook && webhookUrlProblem(webhook.url) === null ? webhook.url : null;
  }

  async set(channelId: string, channelName: string, url: string, etag?: string): Promise<ChannelWebhook> {
    const problem = webhookUrlProblem(url);
    if (problem) throw new WebhookUrlError(problem);
    const clean = url.trim();
    const { path, listId } = await this.itemsPath();
    await this.secure(listId);
    const fields = { Title: channelName || channelId, ChannelName: channelName, WebhookUrl: clean };

    if (etag === undefined) {
      const item = await createExactlyOnce<ListItem>({
        create: () => this.graph.post<ListItem>(path, { fields: { ...fields, ClientId: channelId } }),
        find: () => this.findItem(path, channelId),
      });
      const stored = toChannelWebhook(item);
      // Another board member stored the channel's URL first: theirs stays, and this save is a conflict.
      if (stored.url !== clean) throw new ConflictError(ENTITY, stored.id);
      return stored;
    }

    const existing = await this.findItem(path, channelId);
    if (!existing) throw new NotFoundError(ENTITY, channelId);
    try {
      const written = await this.graph.patch<Fields>(`${path}/${encodeURIComponent(existing.id)}/fields`, fields, { headers: { 'If-Match': etag } });
      const writtenEtag = typeof written['@odata.etag'] === 'string' ? written['@odata.etag'] : undefined;
      return toChannelWebhook({ id: existing.id, eTag: writtenEtag, fields: { ...existing.fields, ...written } });
    } catch (err) {
      throw translate(err, existing.id);
    }
  }

  async remove(channelId: string, etag?: string): Promise<void> {
    const path = await this.existingItemsPath();
    if (!path) return;
    const existing = await this.findItem(path, channelId);
    if (!existing) return;
    try {
      await this.graph.delete(`${path}/${encodeURIComponent(existing.id)}`, etag ? { headers: { 'If-Match': etag } } : undefined);
    } catch (err) {
      // Removed by someone else meanwhile: what was asked for.
      if (err instanceof GraphRequestError && err.status === 404) return;
      throw translate(err, existing.id);
    }
  }

  private async findItem(path: string, channelId: string): Promise<ListItem | null> {
    // ClientId is indexed, so the filter holds on lists past the view threshold (facts §5).
    const items = await this.graph.getAll<ListItem>(withQuery(path, { expand: 'fields', filter: fieldEquals('ClientId', channelId), top: 1 }));
    return items[0] ?? null;
  }

  /** The list's items path when the caller can see the list; null when it does not exist (or is hidden from the caller). */
  private async existingItemsPath(): Promise<string | null> {
    let lists = await this.site.locate();
    if (!lists.lists.has('channelWebhooks')) {
      // Someone may have created it since this manager looked.
      this.site.forget();
      lists = await this.site.locate();
    }
    const list = lists.lists.get('channelWebhooks');
    return list ? `/sites/${lists.siteId}/lists/${list.id}/items` : null;
  }

  /** The list's items path, creating the list in a site provisioned before it existed. */
  private async itemsPath(): Promise<{ path: string; listId: string }> {
    let lists = await this.site.locate();
    if (!lists.lists.has('channelWebhooks')) {
      await this.site.provision();
      lists = await this.site.locate();
    }
    const list = lists.lists.get('channelWebhooks');
    // Still not there: it exists, but SharePoint hides it from the caller (not on the board).
    if (!list) throw new AccessDeniedError(ENTITY, 'list');
    return { path: `/sites/${lists.siteId}/lists/${list.id}/items`, listId: list.id };
  }

  /** Gives the list the board-only rule before a secret is written into it; throws when it cannot. */
  private async secure(listId: string): Promise<void> {
    if (!this.options.sharePoint) return;
    const site = await this.graph.get<{ webUrl: string }>(`${siteRootPath(this.teamId)}?$select=webUrl`);
    let states: readonly { readonly state: string }[];
    try {
      states = await new SharePointListPermissions(this.options.sharePoint(site.webUrl)).apply(new Map([['channelWebhooks', { id: listId }]]));
    } catch (err) {
      const { state } = permissionsFailure(err);
      throw new WebhookListNotSecuredError(state === 'unreachable' || state === 'denied' ? state : 'failed');
    }
    if (states.some((s) => s.state !== 'ok')) throw new WebhookListNotSecuredError('failed');
  }
}
