// What the queue worker needs from the engine: re-score these contacts, say which failed.
// `batchRescore` (the default) runs the shared batch re-score; `singleContactRescore` runs the
// card's single-contact service, one contact at a time (more calls; kept for comparison).
import { NotFoundError, RateLimitError } from '../errors.ts';
import type { Config } from '../core/config.ts';
import type { BulkCrm, Clock, RescoreGateway } from '../ports.ts';
import { rescoreContactIds } from '../services/batch-rescore.ts';
import type { SideEffectLedger } from '../services/side-effect-ledger.ts';
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
    async readSnapshot(id, cp, kp, hp) {
      const s = await inner.readSnapshot(id, cp, kp, hp);
      count(s === null ? 1 : 1 + (s.company ? 1 : 0) + (s.notifications.length > 0 ? 1 : 0));
      return s;
    },
    countOwnerTasksSince: (o, since) => { count(1); return inner.countOwnerTasksSince(o, since); },
    createTask: (t) => { count(1); return inner.createTask(t); },
    updateContact: (id, p) => { count(1); return inner.updateContact(id, p); },
    getPropertyHistory: (id, n) => { count(1); return inner.getPropertyHistory(id, n); },
    countOwnerLoad: (ids, since) => { count(1); return inner.countOwnerLoad(ids, since); },
    readOwnerAvailability: () => { count(1); return inner.readOwnerAvailability(); },
    ensureLead: (spec) => { count(1); return inner.ensureLead(spec); },
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

/**
 * The webhook path proper: the batch re-score (lib/services/batch-rescore.ts) over the contacts
 * of one claim — reads of 50 with history, one batch update, tasks through the queue's ledger.
 * A contact whose update failed comes back; a task not yet confirmed stays in the ledger, which
 * the next batch settles, so its contact is done.
 */
export function batchRescore(deps: { crm: BulkCrm; config: Config; clock: Clock; ledger: SideEffectLedger }): RescoreContacts {
  return async (ids) => {
    let report;
    try {
      report = await rescoreContactIds(ids, { crm: deps.crm, config: deps.config, now: deps.clock.now(), ledger: deps.ledger });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { done: [], failed: ids.map((id) => ({ id, message })) };
    }
    const failed = new Map<string, string>();
    for (const e of report.errors) if (RETRY_CODES.has(e.code)) failed.set(e.contactId, e.message);
    return { done: ids.filter((id) => !failed.has(id)), failed: [...failed].map(([id, message]) => ({ id, message })) };
  };
}

/** Failures worth another pass; `not_found` (deleted) and task codes (the ledger settles those) are not. */
const RETRY_CODES: ReadonlySet<string> = new Set(['update_failed', 'update_rejected']);
