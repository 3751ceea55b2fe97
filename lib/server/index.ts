// `serve` assembled: configuration from the environment, the queue, the worker, the HTTP server.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Config } from '../core/config.ts';
import { depsFromEnv } from '../functions/adapters.ts';
import type { Env } from '../functions/shell.ts';
import { rescoreContact, type RescoreDeps } from '../services/rescore.ts';
import type { SideEffectLedger } from '../services/side-effect-ledger.ts';
import { taskDedupeKey } from '../core/notify.ts';
import { createServeApp } from './app.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { startProcessor } from './processor.ts';
import type { QueueSpec, WebhookQueue } from './queue.ts';
import { openPostgresQueue, type PostgresQueueOptions } from './queue-postgres.ts';
import { openSqliteQueue } from './queue-sqlite.ts';
import { batchRescore, countingGateway, singleContactRescore } from './rescore-port.ts';
import { createHubSpotContext } from '../adapters/hubspot/gateway.ts';
import { createHubSpotBulkCrm } from '../adapters/hubspot/bulk-crm.ts';
import { DEFAULT_HUBSPOT_BASE_URL, readToken } from '../adapters/index.ts';
import { FUNCTION_RETRIES } from '../functions/adapters.ts';

/** Long enough to gather a burst of page views into one decision, short enough to feel live. */
export const DEFAULT_SETTLE_MS = 1000;

export interface ServeSettings {
  clientSecret: string;
  publicUrl: string;
}

/** The settings serve cannot run without, or one sentence naming what is missing (never a value). */
export function settingsFromEnv(env: Env): { ok: true; settings: ServeSettings } | { ok: false; message: string } {
  const clientSecret = env['HUBSPOT_CLIENT_SECRET']?.trim();
  if (!clientSecret) return { ok: false, message: 'HUBSPOT_CLIENT_SECRET is not set: serve cannot check HubSpot signatures without the app\'s client secret.' };
  if (!(env['HUBSPOT_ACCESS_TOKEN'] ?? env['PRIVATE_APP_ACCESS_TOKEN'])?.trim()) return { ok: false, message: 'HUBSPOT_ACCESS_TOKEN is not set: serve needs the private app\'s access token to read and write contacts.' };
  const publicUrl = env['LEAD_DECISIONS_PUBLIC_URL']?.trim();
  if (!publicUrl) return { ok: false, message: 'LEAD_DECISIONS_PUBLIC_URL is not set: it is the URL HubSpot calls (and signs), e.g. https://leads.example.com' };
  try {
    const u = new URL(publicUrl);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('scheme');
  } catch {
    return { ok: false, message: `LEAD_DECISIONS_PUBLIC_URL must be an http(s) URL, e.g. https://leads.example.com` };
  }
  return { ok: true, settings: { clientSecret, publicUrl } };
}

export interface ServeOptions {
  port: number;
  host?: string;
  queue: QueueSpec;
  env: Env;
  config: Config;
  /** How the worker re-scores: the batch re-score (default), or one contact at a time (the card's service; a baseline). */
  processing?: 'batch' | 'single';
  postgres?: PostgresQueueOptions;
  /** The sandbox: HubSpot (the emulator) calls the URL serve listens on, so that is what is signed. */
  publicUrlIsListenUrl?: boolean;
  /** How long a contact stays with a worker that died before another takes it. Default 60 s. */
  leaseMs?: number;
  /** Coalescing window after a contact's first change. Default 1 s. */
  settleMs?: number;
  idleMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface RunningServe {
  url: string;
  port: number;
  queue: WebhookQueue;
  metrics: Metrics;
  close(): Promise<void>;
}

/**
 * The workflow action's re-score (the card's service: it answers one contact with every output
 * field). A task it creates is written into the queue's ledger as done, so the batch re-score of
 * a webhook for the same activity finds it and does not create it again.
 */
async function rescoreAndRecord(contactId: string, deps: RescoreDeps, ledger: SideEffectLedger) {
  const reply = await rescoreContact(contactId, deps);
  if (reply.taskCreated && reply.ownerId) {
    const entry = { contactId, ownerId: reply.ownerId, dedupeKey: taskDedupeKey(contactId, reply.decision.decisionKey), subject: 'Follow-up task (created by the Decide lead action)', body: '', recordedAt: deps.clock.now().toISOString() };
    await ledger.record([entry]);
    await ledger.mark([entry], 'done');
  }
  return reply;
}

export async function openQueue(spec: QueueSpec, pg?: PostgresQueueOptions): Promise<WebhookQueue> {
  return spec.kind === 'sqlite' ? openSqliteQueue(spec.file) : openPostgresQueue(spec.url, pg);
}

export async function startServe(o: ServeOptions): Promise<RunningServe> {
  const settings = settingsFromEnv(o.publicUrlIsListenUrl ? { LEAD_DECISIONS_PUBLIC_URL: 'http://127.0.0.1', ...o.env } : o.env);
  if (!settings.ok) throw new Error(settings.message);
  const metrics = createMetrics();
  let listenUrl = '';
  const base = depsFromEnv(o.env, o.config);
  const deps: RescoreDeps = { ...base, crm: countingGateway(base.crm, (n) => metrics.inc('hubspot_calls_total', n)), ...(o.now ? { clock: { now: o.now } } : {}) };
  const leaseMs = o.leaseMs ?? 60_000;
  const settleMs = o.settleMs ?? DEFAULT_SETTLE_MS;
  const queue = await openQueue(o.queue, { leaseSeconds: Math.max(1, Math.round(leaseMs / 1000)), maintenanceSeconds: Math.max(1, Math.min(30, Math.round(leaseMs / 2000))), ...o.postgres });
  // Every HubSpot call of the batch path goes through ctx.call: counted there, exactly.
  const ctx = createHubSpotContext({ accessToken: readToken(o.env), basePath: o.env['HUBSPOT_BASE_URL']?.trim() || DEFAULT_HUBSPOT_BASE_URL, retries: FUNCTION_RETRIES });
  const bulk = createHubSpotBulkCrm({ ...ctx, call: (operation, fn) => { metrics.inc('hubspot_calls_total'); return ctx.call(operation, fn); } });
  const rescore = o.processing === 'single' ? singleContactRescore(deps) : batchRescore({ crm: bulk, config: o.config, clock: deps.clock, ledger: queue.ledger });
  const processor = startProcessor({
    queue, metrics, rescore,
    leaseMs, idleMs: o.idleMs, log: o.log,
  });
  const app = createServeApp({
    queue, metrics, clientSecret: settings.settings.clientSecret, config: o.config,
    publicUrl: o.publicUrlIsListenUrl ? () => listenUrl : settings.settings.publicUrl,
    rescoreOne: (id) => rescoreAndRecord(id, deps, queue.ledger), onQueued: () => { setTimeout(() => processor.kick(), settleMs + 10).unref(); }, settleMs,
    now: o.now ? () => o.now!().getTime() : undefined, log: o.log,
  });
  const host = o.host ?? '127.0.0.1';
  let server: ServerType;
  try {
    server = await new Promise<ServerType>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: o.port, hostname: host }, () => resolve(s));
      s.once('error', reject);
    });
  } catch (error) {
    await processor.stop();
    await queue.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  listenUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closed: Promise<void> | null = null;
  return {
    url: listenUrl, port, queue, metrics,
    close: () => {
      closed ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
        await processor.stop();
        await queue.close();
      })();
      return closed;
    },
  };
}
