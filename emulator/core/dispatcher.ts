import type { TenantStore } from '../state/tenant-store.ts';
import type { UserState } from '../state/tenant-state.ts';
import { DroppedResponse, type FaultInjector } from './faults.ts';
import { GraphError, errorBody } from './graph-error.ts';
import { JSON_CONTENT_TYPE } from './http-headers.ts';
import type { RequestLog } from './request-log.ts';
import type { Router } from './router.ts';
import type { GraphRequest, GraphResponse, HandlerOptions } from './types.ts';

/** Marks a request body that was not valid JSON. */
export const INVALID_JSON: unique symbol = Symbol('invalid-json');

export interface RequestIds {
  readonly requestId: string;
  readonly clientRequestId: string;
}

export type BatchRunner = (req: GraphRequest, user: UserState, dispatcher: GraphDispatcher) => Promise<GraphResponse>;

/**
 * Runs one Graph request (from HTTP or from inside a $batch): latency, authentication, fault
 * injection, routing, error bodies and the request log.
 */
export class GraphDispatcher {
  constructor(
    private readonly router: Router,
    private readonly store: TenantStore,
    private readonly faults: FaultInjector,
    private readonly log: RequestLog,
    private readonly options: HandlerOptions,
    private readonly runBatch: BatchRunner,
  ) {}

  async handle(req: GraphRequest, ids: RequestIds): Promise<GraphResponse> {
    const started = performance.now();
    let response: GraphResponse;
    try {
      await this.faults.delay();
      response = await this.process(req);
    } catch (err) {
      if (err instanceof DroppedResponse) {
        this.log.add({ method: req.method, path: `/v1.0${req.path}`, status: 0, durationMs: Math.round(performance.now() - started), at: new Date().toISOString() });
        throw err;
      }
      response = this.errorResponse(err, ids);
    }
    if (response.body !== undefined) response.headers = { 'Content-Type': JSON_CONTENT_TYPE, ...response.headers };
    this.log.add({
      method: req.method,
      path: `/v1.0${req.path}${req.rawQuery ? `?${req.rawQuery}` : ''}`,
      status: response.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...(req.batchId !== undefined ? { batchId: req.batchId } : {}),
      at: new Date().toISOString(),
    });
    return response;
  }

  private async process(req: GraphRequest): Promise<GraphResponse> {
    const user = this.authenticate(req.headers.authorization);
    if (req.body === INVALID_JSON) {
      throw new GraphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
    }
    if (req.path.toLowerCase() === '/$batch' && req.batchId === undefined) {
      if (req.method !== 'POST') throw new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
      const batchFault = this.faults.decide({ method: req.method, path: req.path, scope: 'batch' });
      if (batchFault && !batchFault.afterCommit) throw batchFault.error;
      const batched = await this.runBatch(req, user, this);
      if (batchFault) throw batchFault.error;
      return batched;
    }
    const fault = this.faults.decide({ method: req.method, path: req.path, scope: req.batchId === undefined ? 'request' : 'batchStep' });
    if (fault && !fault.afterCommit) throw fault.error;
    const response = await this.route(req, user);
    // The write is stored; the answer is lost or replaced (commit: 'after').
    if (fault) throw fault.error;
    return response;
  }

  private route(req: GraphRequest, user: UserState): Promise<GraphResponse> | GraphResponse {
    const match = this.router.match(req.method, req.path);
    if (match.kind === 'methodNotAllowed') {
      throw new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
    }
    if (match.kind === 'none') {
      throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${match.unknownSegment}'.`);
    }
    const origin = `https://${req.host}`;
    return match.handler({ req, params: match.params, user, store: this.store, baseUrl: `${origin}/v1.0`, origin, options: this.options });
  }

  private authenticate(header: string | undefined): UserState {
    if (!header) throw unauthenticated('Access token is empty.');
    // A token for the SharePoint resource (`dev:<upn>;aud=<site origin>`, see sharepoint-rest/) is
    // not a Graph token: Graph refuses a token for another audience (401; the code
    // `InvalidAuthenticationToken` is widely observed but not confirmed, facts §1).
    if (/;\s*aud=/i.test(header)) throw unauthenticated('Access token validation failure. Invalid audience.');
    const m = /^Bearer\s+dev:(\S+)\s*$/i.exec(header);
    const user = m?.[1] ? this.store.userByUpn(m[1]) : undefined;
    if (!user) throw unauthenticated('Access token validation failure. Invalid audience or unknown user.');
    return user;
  }

  private errorResponse(err: unknown, ids: RequestIds): GraphResponse {
    const graphError =
      err instanceof GraphError
        ? err
        : new GraphError(500, 'generalException', 'An unspecified error has occurred.');
    if (!(err instanceof GraphError)) console.error('[emulator] handler failed:', err);
    return {
      status: graphError.status,
      headers: { ...graphError.options.headers },
      body: errorBody(graphError, ids.requestId, ids.clientRequestId),
    };
  }
}

function unauthenticated(message: string): GraphError {
  return new GraphError(401, 'InvalidAuthenticationToken', message, {
    headers: { 'WWW-Authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"' },
  });
}
