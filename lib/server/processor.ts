// The queue worker: claim up to a batch of waiting contacts, re-score them together, finish
// what was decided and hand back what failed. Any number of workers (in any number of
// instances) may run: the queue's leases keep a contact with one worker at a time.
import type { Metrics } from './metrics.ts';
import type { WebhookQueue } from './queue.ts';
import type { RescoreContacts } from './rescore-port.ts';

export interface ProcessorOptions {
  queue: WebhookQueue;
  rescore: RescoreContacts;
  metrics: Metrics;
  /** Contacts per re-score batch: HubSpot's batch endpoints take 100. */
  batchSize?: number;
  /** How long a claim holds a contact; longer than a batch ever takes. */
  leaseMs?: number;
  /** Sleep when the queue is empty. */
  idleMs?: number;
  /** A failed contact comes back after this long. */
  retryMs?: number;
  log?: (line: string) => void;
}

export interface Processor {
  /** Wakes the worker now (after an enqueue) instead of at the next idle tick. */
  kick(): void;
  stop(): Promise<void>;
}

export function startProcessor(o: ProcessorOptions): Processor {
  const batchSize = o.batchSize ?? 100;
  const leaseMs = o.leaseMs ?? 60_000;
  const idleMs = o.idleMs ?? 250;
  const retryMs = o.retryMs ?? 5_000;
  let stopped = false;
  let wake: (() => void) | null = null;
  let timer: NodeJS.Timeout | null = null;

  const nap = (ms: number) => new Promise<void>((resolve) => {
    wake = resolve;
    timer = setTimeout(resolve, ms);
  }).finally(() => { wake = null; if (timer) clearTimeout(timer); });

  const once = async (): Promise<boolean> => {
    const claims = await o.queue.claim(batchSize, leaseMs);
    if (claims.length === 0) return false;
    const outcome = await o.rescore(claims.map((c) => c.contactId));
    const failed = new Set(outcome.failed.map((f) => f.id));
    await o.queue.complete(claims.filter((c) => !failed.has(c.contactId)));
    if (failed.size > 0) {
      await o.queue.release(claims.filter((c) => failed.has(c.contactId)), retryMs);
      o.metrics.inc('errors_total', failed.size);
      o.log?.(`re-score failed for ${failed.size} contact(s), retrying in ${retryMs} ms: ${outcome.failed[0]!.message}`);
    }
    o.metrics.inc('contacts_rescored_total', outcome.done.length);
    return true;
  };

  const loop = (async () => {
    while (!stopped) {
      let busy = false;
      try {
        busy = await once();
      } catch (error) {
        o.metrics.inc('errors_total');
        o.log?.(`queue worker: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!busy && !stopped) await nap(idleMs);
    }
  })();

  return {
    kick() { wake?.(); },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
