/**
 * The emulator's services outside Graph that put messages into channels, on the emulator's own
 * origin: the Workflows webhook (`/webhooks/workflows/<id>`), the Bot Connector
 * (`/botframework/v3/…`, the bot's serviceUrl) and the token endpoint standing in for
 * login.microsoftonline.com (`/<tenant>/oauth2/v2.0/token`). Latency applies, as to every logged
 * request; injected failures are for Graph only (as for SharePoint REST). Requests are logged with
 * their path.
 */
import type { FaultInjector } from '../core/faults.ts';
import type { RequestLog } from '../core/request-log.ts';
import type { TenantStore } from '../state/tenant-store.ts';
import { BOT_CONNECTOR_BASE, BotConnector } from './bot-connector.ts';
import { TOKEN_PATH, handleTokenRequest } from './login.ts';
import { RateLimiter, type BotRateLimitOptions } from './rate-limit.ts';
import { ServiceError, type ServiceRequest, type ServiceResponse } from './types.ts';
import { WORKFLOWS_WEBHOOK_BASE, handleWorkflowWebhook } from './workflows-webhook.ts';

const WEBHOOK_PATH = new RegExp(`^${WORKFLOWS_WEBHOOK_BASE}/([^/]+)/?$`, 'i');
const BOT_PATH = new RegExp(`^${BOT_CONNECTOR_BASE}(/.*)?$`, 'i');

export class MessagingService {
  readonly rateLimiter: RateLimiter;
  private readonly botConnector: BotConnector;

  constructor(
    private readonly store: TenantStore,
    private readonly log: RequestLog,
    private readonly faults: FaultInjector,
    rateLimit: BotRateLimitOptions = {},
  ) {
    this.rateLimiter = new RateLimiter(rateLimit);
    this.botConnector = new BotConnector(store, this.rateLimiter);
  }

  /** Whether a request path (without the query) is one of these services'. */
  handles(path: string): boolean {
    if (WEBHOOK_PATH.test(path) || BOT_PATH.test(path)) return true;
    const token = TOKEN_PATH.exec(path);
    return token !== null && token[1]?.toLowerCase() !== 'v1.0';
  }

  async handle(req: ServiceRequest): Promise<ServiceResponse> {
    const started = performance.now();
    await this.faults.delay();
    let response: ServiceResponse;
    try {
      response = this.route(req);
    } catch (err) {
      if (err instanceof ServiceError) response = { status: err.status, headers: { ...err.headers }, body: err.body };
      else {
        console.error('[emulator] messaging request failed:', err);
        response = { status: 500, headers: {}, body: { error: { code: 'ServiceError', message: 'An unexpected error occurred.' } } };
      }
    }
    this.log.add({
      method: req.method,
      path: `${req.path}${req.rawQuery ? `?${req.rawQuery}` : ''}`,
      status: response.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      at: new Date().toISOString(),
    });
    return response;
  }

  private route(req: ServiceRequest): ServiceResponse {
    // A serviceUrl with a trailing slash joined to '/v3/…' gives '//': collapse repeated slashes.
    const path = req.path.replace(/\/{2,}/g, '/');
    const webhook = WEBHOOK_PATH.exec(path);
    if (webhook) return handleWorkflowWebhook(this.store, req, safeDecode(webhook[1] ?? ''));
    const bot = BOT_PATH.exec(path);
    if (bot) return this.botConnector.handle(req, bot[1] ?? '/');
    const token = TOKEN_PATH.exec(path);
    if (token) return handleTokenRequest(this.store, req, safeDecode(token[1] ?? ''));
    throw new ServiceError(404, { error: { code: 'NotFound', message: `No service at '${req.path}'.` } });
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
