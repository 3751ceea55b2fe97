// The emulator as a hono app: request log → auth → rate limits → faults → routes. Tests can call
// app.request() without a port; startEmulator() serves the same app over HTTP.
import { Hono, type Context } from 'hono';
import { errorBody, type ApiFailure } from './errors.ts';
import { DEFAULT_FAULTS, FaultInjector, HANG_MS, type FaultOptions } from './faults.ts';
import { sendFailure } from './http.ts';
import { DEFAULT_RATE_LIMIT, RateLimiter, tenSecondlyBody, type RateLimitOptions } from './rate-limit.ts';
import { RequestLog } from './request-log.ts';
import { registerAssociationRoutes } from './routes/associations.ts';
import { registerObjectRoutes } from './routes/objects.ts';
import { registerOwnerRoutes } from './routes/owners.ts';
import { registerPropertyRoutes } from './routes/properties.ts';
import type { EmulatorStore } from './store/emulator-store.ts';

export interface AppOptions {
  token?: string;
  rateLimit?: Partial<RateLimitOptions>;
  faults?: Partial<FaultOptions>;
  /** Share state with the caller (startEmulator does); created when absent. */
  runtime?: EmulatorRuntime;
}

/** The mutable parts of a running emulator: limits, faults, the request log, and pending hangs. */
export class EmulatorRuntime {
  readonly log = new RequestLog();
  readonly limiter: RateLimiter;
  readonly faults: FaultInjector;
  private readonly hangs = new Set<() => void>();
  constructor(opts: Pick<AppOptions, 'rateLimit' | 'faults'> = {}) {
    this.limiter = new RateLimiter({ ...DEFAULT_RATE_LIMIT, ...opts.rateLimit });
    this.faults = new FaultInjector({ ...DEFAULT_FAULTS, ...opts.faults });
  }

  /** Waits until the client aborts, the emulator closes, or HANG_MS passes. */
  hang(signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => { clearTimeout(timer); this.hangs.delete(done); resolve(); };
      const timer = setTimeout(done, HANG_MS);
      this.hangs.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  releaseHangs(): void { for (const done of [...this.hangs]) done(); }
}

const SEARCH_PATH = /^\/crm\/v3\/objects\/[^/]+\/search$/;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function unauthorized(c: Context, message: string): Response {
  return sendFailure(c, { status: 401, category: 'INVALID_AUTHENTICATION', message });
}

export function createEmulatorApp(store: EmulatorStore, options: AppOptions = {}): Hono {
  const runtime = options.runtime ?? new EmulatorRuntime(options);
  const app = new Hono();

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    runtime.log.add({ method: c.req.method, path: c.req.path, status: c.res.status, durationMs: performance.now() - started, at: Date.now() });
  });

  app.use('*', async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    if (!token) {
      return unauthorized(c, 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview');
    }
    if (options.token !== undefined && token !== options.token) {
      return unauthorized(c, 'The access token is not valid for this portal: check the token your app uses.');
    }
    await next();
  });

  app.use('*', async (c, next) => {
    const isSearch = c.req.method === 'POST' && SEARCH_PATH.test(c.req.path);
    const decision = runtime.limiter.check(isSearch);
    if (!decision.ok) return c.json(decision.body, 429, decision.headers);
    await next();
    for (const [k, v] of Object.entries(decision.headers)) c.res.headers.set(k, v);
  });

  app.use('*', async (c, next) => {
    const fault = runtime.faults.decide(c.req.path);
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    if (fault.kind === 'hang') {
      await runtime.hang(c.req.raw.signal);
      return sendFailure(c, { status: 504, category: 'GATEWAY_TIMEOUT', message: 'The request timed out (injected hang).' });
    }
    if (fault.kind === 'throttle') return c.json(tenSecondlyBody(), 429, { 'Retry-After': '1' });
    if (fault.kind === 'error') {
      const failure: ApiFailure = { status: fault.status, category: fault.status === 500 ? 'INTERNAL_ERROR' : fault.status === 502 ? 'BAD_GATEWAY' : 'SERVICE_UNAVAILABLE', message: `Injected fault: the emulator answered ${fault.status} on purpose.` };
      return sendFailure(c, failure);
    }
    await next();
  });

  registerObjectRoutes(app, store);
  registerAssociationRoutes(app, store);
  registerPropertyRoutes(app, store);
  registerOwnerRoutes(app, store);

  app.notFound((c) => c.json(errorBody({ status: 404, category: 'NOT_FOUND', message: `No route for ${c.req.method} ${c.req.path} in the HubSpot emulator.` }), 404));
  app.onError((err, c) => c.json(errorBody({ status: 500, category: 'INTERNAL_ERROR', message: `Internal error: ${err.message}` }), 500));
  return app;
}
