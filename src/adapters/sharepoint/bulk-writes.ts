/**
 * Writing many list items through `$batch`, each create exactly once (graph/idempotent.ts): used by
 * the plan import (plan-import.ts) and the roster import (roster-repository.ts).
 */
import { ensureOk, type BatchResult, type BatchStep, type GraphApi, type Page } from '../../graph/client';
import { GraphRequestError } from '../../graph/errors';
import { isAmbiguousFailure } from '../../graph/idempotent';
import { fieldEquals, withQuery } from '../../graph/odata';
import type { ListItem } from './mappers';
import type { ListKey } from './schema';
import type { SiteLists } from './site-lists';

export type CreateStep = BatchStep & { readonly clientId: string };

/** The list a create step writes to (`/sites/{site}/lists/{list}/items`). */
function listIdOf(step: CreateStep): string {
  const id = /\/lists\/([^/]+)\/items$/.exec(step.url)?.[1];
  if (!id) throw new Error(`Not a list item create: ${step.url}`);
  return id;
}

/** A batch step that creates one item with its client key. */
export function createStep(siteLists: SiteLists, key: ListKey, clientId: string, fields: Record<string, unknown>): CreateStep {
  const list = siteLists.lists.get(key);
  if (!list) throw new Error(`The list ${key} is missing`);
  return {
    id: clientId.replace(/[^A-Za-z0-9.-]/g, '_'),
    clientId,
    method: 'POST',
    url: `/sites/${siteLists.siteId}/lists/${list.id}/items`,
    body: { fields: { ...fields, ClientId: clientId } },
  };
}

/** The item of a list stored under a client key (ClientId is indexed, so the filter holds on large lists), or null. */
export async function findByClientId(graph: GraphApi, siteId: string, listId: string, clientId: string): Promise<ListItem | null> {
  const page = await graph.get<Page<ListItem>>(withQuery(`/sites/${siteId}/lists/${listId}/items`, { expand: 'fields', filter: fieldEquals('ClientId', clientId), top: 1 }));
  return page.value[0] ?? null;
}

/**
 * Runs creates in `$batch` requests and returns the item id stored under each client key; throws the
 * first failure after all ran. Exactly once: a step that failed ambiguously (no answer, 5xx,
 * throttling that outlasted the retries) or was refused as a duplicate of its key is looked up by its
 * ClientId before anything is sent again; only steps whose key is not stored are sent once more, in
 * up to three rounds.
 */
export async function runCreates(graph: GraphApi, siteId: string, steps: readonly CreateStep[]): Promise<Map<string, string>> {
  const created = new Map<string, string>();
  let pending = [...steps];
  for (let round = 1; pending.length > 0; round++) {
    const results = await graph.batch(pending);
    const unsure: Array<{ step: CreateStep; error: unknown }> = [];
    let failure: unknown = null;
    for (const step of pending) {
      try {
        created.set(step.clientId, ensureOk<ListItem>(results.get(step.id)).id);
      } catch (err) {
        if (isAmbiguousFailure(err) || (err instanceof GraphRequestError && (err.status === 400 || err.status === 409))) unsure.push({ step, error: err });
        else failure ??= err;
      }
    }
    const again: CreateStep[] = [];
    for (const { step, error } of unsure) {
      const found = await findByClientId(graph, siteId, listIdOf(step), step.clientId);
      if (found) created.set(step.clientId, found.id);
      else if (isAmbiguousFailure(error) && round < 3) again.push(step);
      else failure ??= error;
    }
    if (failure) throw failure;
    pending = again;
  }
  return created;
}

/** Runs steps (updates, deletes); 404 counts as done (a delete that an earlier attempt already made). */
export async function runSteps(graph: GraphApi, steps: readonly BatchStep[]): Promise<void> {
  if (steps.length === 0) return;
  const results = await graph.batch(steps);
  for (const step of steps) {
    const result: BatchResult | undefined = results.get(step.id);
    if (result?.status !== 404) ensureOk(result);
  }
}
