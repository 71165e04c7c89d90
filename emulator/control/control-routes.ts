import type { FaultInjector, FaultOptions } from '../core/faults.ts';
import type { RequestLog } from '../core/request-log.ts';
import type { GraphResponse } from '../core/types.ts';
import type { TenantStore } from '../state/tenant-store.ts';

export interface ControlContext {
  readonly store: TenantStore;
  readonly log: RequestLog;
  readonly faults: FaultInjector;
}

const controlError = (status: number, message: string): GraphResponse => ({
  status,
  body: { error: { code: status === 404 ? 'itemNotFound' : 'invalidRequest', message } },
});

function isFaultOptions(value: unknown): value is FaultOptions {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  const num = (k: string): boolean => v[k] === undefined || typeof v[k] === 'number';
  return (
    num('latencyMs') &&
    num('failureRate') &&
    num('retryAfterSeconds') &&
    num('randomSeed') &&
    num('failCount') &&
    (v.pathPattern === undefined || typeof v.pathPattern === 'string') &&
    (v.commit === undefined || v.commit === 'before' || v.commit === 'after') &&
    (v.methods === undefined || (Array.isArray(v.methods) && v.methods.every((m) => typeof m === 'string'))) &&
    (v.scope === undefined || (Array.isArray(v.scope) && v.scope.every((s) => typeof s === 'string'))) &&
    (v.failureStatuses === undefined || (Array.isArray(v.failureStatuses) && v.failureStatuses.every((s) => typeof s === 'number')))
  );
}

/** The emulator's own endpoints under /_emulator (no token): users, teams, request log, faults. */
export function handleControl(ctx: ControlContext, method: string, path: string, body: unknown): GraphResponse {
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  switch (route) {
    case 'GET /_emulator/users':
      return {
        status: 200,
        body: { value: ctx.store.state.users.map((u) => ({ userPrincipalName: u.userPrincipalName, displayName: u.displayName })) },
      };
    case 'GET /_emulator/teams':
      return {
        status: 200,
        body: {
          value: ctx.store.state.teams.map((t) => ({
            id: t.id,
            displayName: t.displayName,
            internalId: t.internalId,
            channels: t.channels.map((c) => ({ id: c.id, displayName: c.displayName })),
            owners: t.owners.map((id) => ctx.store.userById(id)?.userPrincipalName ?? id),
            members: t.members.map((id) => ctx.store.userById(id)?.userPrincipalName ?? id),
          })),
        },
      };
    case 'GET /_emulator/log':
      return { status: 200, body: { value: ctx.log.list() } };
    case 'DELETE /_emulator/log':
      ctx.log.clear();
      return { status: 204 };
    case 'GET /_emulator/faults':
      return { status: 200, body: ctx.faults.get() };
    case 'PUT /_emulator/faults':
      if (!isFaultOptions(body)) return controlError(400, 'The body must be a JSON FaultOptions object.');
      try {
        ctx.faults.set(body);
      } catch (err) {
        return controlError(400, (err as Error).message);
      }
      return { status: 200, body: ctx.faults.get() };
    default:
      return controlError(404, `No emulator endpoint ${route}.`);
  }
}
