// What the queue worker needs from the engine: re-score these contacts, say which failed.
// The batch re-score (lib/services/batch-rescore.ts) fits this port; until it is wired, the
// single-contact service does, one contact at a time (correct, but more calls per contact).
import { NotFoundError, RateLimitError } from '../errors.ts';
import type { RescoreGateway } from '../ports.ts';
import { rescoreContact, type RescoreDeps } from '../services/rescore.ts';

export interface RescoreOutcome {
  /** Decided (or gone from HubSpot: nothing left to decide). */
  done: string[];
  failed: { id: string; message: string }[];
}

export type RescoreContacts = (contactIds: readonly string[]) => Promise<RescoreOutcome>;

/** Counts the gateway's HubSpot calls (a snapshot read is 2 calls, 3 with a company). */
export function countingGateway(inner: RescoreGateway, count: (n: number) => void): RescoreGateway {
  return {
    async readSnapshot(id, cp, kp) {
      const s = await inner.readSnapshot(id, cp, kp);
      count(s === null ? 1 : 1 + (s.company ? 1 : 0) + (s.notifications.length > 0 ? 1 : 0));
      return s;
    },
    countOwnerTasksSince: (o, since) => { count(1); return inner.countOwnerTasksSince(o, since); },
    createTask: (t) => { count(1); return inner.createTask(t); },
    updateContact: (id, p) => { count(1); return inner.updateContact(id, p); },
    getPropertyHistory: (id, n) => { count(1); return inner.getPropertyHistory(id, n); },
  };
}

/** One contact at a time through rescoreContact, a few in parallel; a rate limit stops the batch early. */
export function singleContactRescore(deps: RescoreDeps, parallel = 4): RescoreContacts {
  return async (ids) => {
    const out: RescoreOutcome = { done: [], failed: [] };
    let limited = false;
    const queue = [...ids];
    const worker = async (): Promise<void> => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        if (limited) { out.failed.push({ id, message: 'skipped: HubSpot is rate-limiting' }); continue; }
        try {
          await rescoreContact(id, deps);
          out.done.push(id);
        } catch (error) {
          if (error instanceof NotFoundError) { out.done.push(id); continue; }
          if (error instanceof RateLimitError) limited = true;
          out.failed.push({ id, message: error instanceof Error ? error.message : String(error) });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, ids.length) }, worker));
    return out;
  };
}
