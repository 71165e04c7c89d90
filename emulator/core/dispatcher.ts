import type { TenantStore } from '../state/tenant-store.ts';
import { DroppedResponse, type FaultInjector } from './faults.ts';
import { GraphError, errorBody } from './graph-error.ts';
import { JSON_CONTENT_TYPE } from './http-headers.ts';
import { GRAPH_AUDIENCE, appPrincipal, userPrincipal, type Principal } from './principal.ts';
import type { RequestLog } from './request-log.ts';
import type { Router } from './router.ts';
import type { GraphRequest, GraphResponse, HandlerOptions } from './types.ts';

/** Marks a request body that was not valid JSON. */
export const INVALID_JSON: unique symbol = Symbol('invalid-json');

export interface RequestIds {
  readonly requestId: string;
  readonly clientRequestId: string;
}

export type BatchRunner = (req: GraphRequest, principal: Principal, dispatcher: GraphDispatcher) => Promise<GraphResponse>;

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
      // The added latency stands for the network between client and Graph, so a request pays it
      // once: a `$batch` as a whole, never again for each of its steps, which Graph runs on its
      // side ('a single HTTP call, reducing network roundtrips':
      // https://learn.microsoft.com/graph/json-batching).
      if (req.batchId === undefined) await this.faults.delay();
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
    const principal = this.authenticate(req.headers.authorization);
    if (req.body === INVALID_JSON) {
      throw new GraphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
    }
    if (req.path.toLowerCase() === '/$batch' && req.batchId === undefined) {
      if (req.method !== 'POST') throw new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
      const batchFault = this.faults.decide({ method: req.method, path: req.path, scope: 'batch' });
      if (batchFault && !batchFault.afterCommit) throw batchFault.error;
      const batched = await this.runBatch(req, principal, this);
      if (batchFault) throw batchFault.error;
      return batched;
    }
    const fault = this.faults.decide({ method: req.method, path: req.path, scope: req.batchId === undefined ? 'request' : 'batchStep' });
    if (fault && !fault.afterCommit) throw fault.error;
    const response = await this.route(req, principal);
    // The write is stored; the answer is lost or replaced (commit: 'after').
    if (fault) throw fault.error;
    return response;
  }

  private route(req: GraphRequest, principal: Principal): Promise<GraphResponse> | GraphResponse {
    const match = this.router.match(req.method, req.path);
    if (match.kind === 'methodNotAllowed') {
      throw new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
    }
    if (match.kind === 'none') {
      throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${match.unknownSegment}'.`);
    }
    const origin = `https://${req.host}`;
    const user = principal.kind === 'user' ? principal.user : undefined;
    const app = principal.kind === 'app' ? principal.app : undefined;
    return match.handler({ req, params: match.params, principal, user, app, store: this.store, baseUrl: `${origin}/v1.0`, origin, options: this.options });
  }

  /**
   * Delegated: `Bearer dev:<userPrincipalName>` of a tenant user, optionally with `;scp=<permission>,…`
   * (the token's delegated permissions; without it none are checked). App-only: `Bearer
   * dev-app:<client id>;aud=https://graph.microsoft.com` of an Entra app the tenant knows (an app
   * registration, or a bot: `TenantStore.entraApp`), as the token endpoint (messaging/login.ts)
   * issues it for `scope=https://graph.microsoft.com/.default`.
   */
  private authenticate(header: string | undefined): Principal {
    if (!header) throw unauthenticated('Access token is empty.');
    const app = /^Bearer\s+dev-app:([^;\s]+);aud=(\S+)\s*$/i.exec(header);
    if (app) {
      // A token for another resource (the Bot Framework's, SharePoint's) is not a Graph token: Graph
      // refuses a token for another audience (401; `InvalidAuthenticationToken` is widely observed
      // but not confirmed, facts §1).
      if ((app[2] ?? '').toLowerCase() !== GRAPH_AUDIENCE) throw unauthenticated('Access token validation failure. Invalid audience.');
      const registration = this.store.entraApp(app[1] ?? '');
      if (!registration) throw unauthenticated('Access token validation failure. The application is not known in this tenant.');
      return appPrincipal(registration);
    }
    // A user token for the SharePoint resource (`dev:<upn>;aud=<site origin>`, see sharepoint-rest/)
    // is not a Graph token either.
    if (/;\s*aud=/i.test(header)) throw unauthenticated('Access token validation failure. Invalid audience.');
    // `;scp=A,B` limits the token to these delegated permissions (graph/delegated-permissions.ts).
    const m = /^Bearer\s+dev:([^;\s]+)(?:;scp=([^;\s]*))?\s*$/i.exec(header);
    const user = m?.[1] ? this.store.userByUpn(m[1]) : undefined;
    if (!user) throw unauthenticated('Access token validation failure. Invalid audience or unknown user.');
    const scopes = m?.[2] === undefined ? null : m[2].split(',').filter((s) => s.length > 0);
    return userPrincipal(user, scopes);
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
