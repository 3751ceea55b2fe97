// The `serve` routes as a hono app, testable with app.request() and no port. Every refusal is a
// HubSpot-style JSON error; nothing here ever echoes a secret or a signature.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { randomUUID } from 'node:crypto';
import type { Config } from '../core/config.ts';
import type { RescoreSuccess } from '../services/rescore.ts';
import { ActionRequestSchema, answerAction, type ActionAnswer } from './decide-action.ts';
import { toContactChange, WebhookBatchSchema, type ContactChange } from './events.ts';
import type { Metrics } from './metrics.ts';
import type { WebhookQueue } from './queue.ts';
import { verifyV2OrV3, verifyV3, type SignatureCheck } from './signatures.ts';

export interface ServeAppDeps {
  queue: WebhookQueue;
  metrics: Metrics;
  clientSecret: string;
  /** The origin (and path prefix) HubSpot calls, e.g. https://leads.example.com: what it signs. */
  publicUrl: string | (() => string);
  config: Config;
  rescoreOne: (contactId: string) => Promise<RescoreSuccess>;
  /** Called after events were queued, so a worker starts now. */
  onQueued?: () => void;
  now?: () => number;
  actionBudgetMs?: number;
  /** How long a contact's first change waits for more before it is decided (coalescing window). */
  settleMs?: number;
  maxBodyBytes?: number;
  log?: (line: string) => void;
}

/** HubSpot sends ≤ 100 events of ≤ a few hundred bytes; 1 MiB leaves room and refuses abuse. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** HubSpot's budget for a workflow action is not documented; its "send webhook" action allows 30 s. */
export const DEFAULT_ACTION_BUDGET_MS = 15_000;

type ErrorCategory = 'VALIDATION_ERROR' | 'INVALID_AUTHENTICATION' | 'OBJECT_NOT_FOUND' | 'PAYLOAD_TOO_LARGE' | 'SERVICE_UNAVAILABLE' | 'INTERNAL_ERROR';

export function hubspotError(c: Context, status: 400 | 401 | 404 | 413 | 500 | 503, category: ErrorCategory, message: string): Response {
  return c.json({ status: 'error', message, correlationId: randomUUID(), category }, status);
}

export function createServeApp(deps: ServeAppDeps): Hono {
  const now = deps.now ?? Date.now;
  const base = () => (typeof deps.publicUrl === 'string' ? deps.publicUrl : deps.publicUrl()).replace(/\/+$/, '');
  const inFlight = new Map<string, Promise<ActionAnswer>>();
  const app = new Hono();

  app.use('*', bodyLimit({
    maxSize: deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    onError: (c) => hubspotError(c, 413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES} bytes.`),
  }));

  const signedRequest = (c: Context, body: string) => {
    const url = new URL(c.req.url);
    return { method: c.req.method, uri: `${base()}${url.pathname}${url.search}`, body, headers: { get: (n: string) => c.req.header(n) ?? null } };
  };
  const refuse = (c: Context, check: Exclude<SignatureCheck, { ok: true }>) => {
    deps.metrics.inc('signatures_rejected_total');
    return hubspotError(c, 401, 'INVALID_AUTHENTICATION', check.message);
  };

  app.get('/healthz', async (c) => {
    try {
      return c.json({ status: 'ok', queue: deps.queue.kind, depth: await deps.queue.depth() });
    } catch {
      return hubspotError(c, 503, 'SERVICE_UNAVAILABLE', 'The queue does not answer.');
    }
  });

  app.get('/metrics', async (c) => {
    const depth = await deps.queue.depth().catch(() => -1);
    return c.body(deps.metrics.render({ queueDepth: depth }), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
  });

  app.post('/webhooks/hubspot', async (c) => {
    deps.metrics.inc('webhook_requests_total');
    const body = await c.req.text();
    const check = verifyV3(deps.clientSecret, signedRequest(c, body), now());
    if (!check.ok) return refuse(c, check);
    let json: unknown;
    try { json = JSON.parse(body); } catch { return hubspotError(c, 400, 'VALIDATION_ERROR', 'The body is not valid JSON.'); }
    const parsed = WebhookBatchSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return hubspotError(c, 400, 'VALIDATION_ERROR', `The body is not a HubSpot webhook batch: ${issue.path.join('.') || 'body'}: ${issue.message}`);
    }
    deps.metrics.inc('events_received_total', parsed.data.length);
    // Sorted, so concurrent deliveries lock the same rows in the same order.
    const changes = parsed.data.map(toContactChange).filter((x): x is ContactChange => x !== null)
      .sort((a, b) => (a.contactId === b.contactId ? (a.property < b.property ? -1 : a.property > b.property ? 1 : 0) : a.contactId < b.contactId ? -1 : 1));
    try {
      const r = await deps.queue.enqueue(changes, now(), deps.settleMs ?? 0);
      deps.metrics.inc('duplicates_dropped_total', r.duplicates);
      deps.metrics.inc('stale_dropped_total', r.stale);
      deps.metrics.inc('events_applied_total', r.accepted);
      if (r.contacts > 0) deps.onQueued?.();
      return c.json({ status: 'ok', received: parsed.data.length, ...r });
    } catch (error) {
      deps.metrics.inc('errors_total');
      deps.log?.(`queue write failed: ${error instanceof Error ? error.message : String(error)}`);
      // Not 2xx: HubSpot delivers the batch again later, so nothing is lost.
      return hubspotError(c, 503, 'SERVICE_UNAVAILABLE', 'The events could not be queued; HubSpot will retry the delivery.');
    }
  });

  app.post('/workflow-actions/decide', async (c) => {
    const body = await c.req.text();
    const check = verifyV2OrV3(deps.clientSecret, signedRequest(c, body), now());
    if (!check.ok) return refuse(c, check);
    let json: unknown;
    try { json = JSON.parse(body); } catch { return hubspotError(c, 400, 'VALIDATION_ERROR', 'The body is not valid JSON.'); }
    const parsed = ActionRequestSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return hubspotError(c, 400, 'VALIDATION_ERROR', `The body is not a workflow action request: ${issue.path.join('.') || 'body'}: ${issue.message}`);
    }
    deps.metrics.inc('workflow_actions_total');
    // The same enrollment asked twice at once (a retry racing the first try) shares one decision.
    const key = parsed.data.callbackId;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = answerAction(parsed.data, {
        rescore: deps.rescoreOne, config: deps.config, budgetMs: deps.actionBudgetMs ?? DEFAULT_ACTION_BUDGET_MS,
        recall: (id) => deps.queue.recallAnswer(id), store: (id, a) => deps.queue.storeAnswer(id, a),
      }).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    try {
      const answer = await pending;
      if (answer.replayed) deps.metrics.inc('workflow_actions_replayed_total');
      if (!answer.decided) deps.metrics.inc('errors_total');
      return c.json({ outputFields: answer.outputFields });
    } catch (error) {
      deps.metrics.inc('errors_total');
      deps.log?.(`workflow action failed: ${error instanceof Error ? error.message : String(error)}`);
      return hubspotError(c, 503, 'SERVICE_UNAVAILABLE', 'The answer could not be stored; HubSpot will retry the action.');
    }
  });

  app.notFound((c) => hubspotError(c, 404, 'OBJECT_NOT_FOUND', `No route for ${c.req.method} ${c.req.path}. Routes: POST /webhooks/hubspot, POST /workflow-actions/decide, GET /healthz, GET /metrics.`));
  app.onError((error, c) => {
    deps.metrics.inc('errors_total');
    deps.log?.(`internal error: ${error.message}`);
    return hubspotError(c, 500, 'INTERNAL_ERROR', 'Internal error in lead-decisions serve.');
  });
  return app;
}
