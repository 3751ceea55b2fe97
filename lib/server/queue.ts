// The durable queue behind `serve`: one port, two adapters (SQLite for one host, PostgreSQL via
// pg-boss for several). It dedupes events by identity, keeps the newest occurredAt applied per
// contact and property, and hands out contacts (coalesced: one entry per contact) to re-score.
import type { SideEffectLedger } from '../services/side-effect-ledger.ts';
import type { ContactChange } from './events.ts';

export interface EnqueueResult {
  accepted: number;
  duplicates: number;
  stale: number;
  /** Contacts that now wait for a re-score. */
  contacts: number;
}

/** A contact handed to one worker; `token` lets only that worker finish it. */
export interface Claim {
  contactId: string;
  token: string;
}

export interface StoredAnswer {
  callbackId: string;
  answer: unknown;
}

export interface WebhookQueue {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the batch re-score records each task before creating it (shared by every instance). */
  readonly ledger: SideEffectLedger;
  /**
   * Records the changes durably and atomically: when it resolves, a crash loses none of them.
   * A contact that was not waiting yet becomes available `settleMs` later, so a burst of changes
   * to it is decided once.
   */
  enqueue(changes: readonly ContactChange[], receivedAt: number, settleMs?: number): Promise<EnqueueResult>;
  /** Up to `max` contacts that wait, leased to this worker for `leaseMs` (a crashed worker's lease runs out). */
  claim(max: number, leaseMs: number): Promise<Claim[]>;
  /** Done: the contact leaves the queue unless a newer change arrived meanwhile. */
  complete(claims: readonly Claim[]): Promise<void>;
  /** Not done: the contact is offered again after `retryInMs`. */
  release(claims: readonly Claim[], retryInMs: number): Promise<void>;
  /** Contacts waiting or being processed. */
  depth(): Promise<number>;
  /** The stored answer of a workflow enrollment, or null. */
  recallAnswer(callbackId: string): Promise<unknown>;
  storeAnswer(callbackId: string, answer: unknown): Promise<void>;
  close(): Promise<void>;
}

export type QueueSpec = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/** `sqlite:FILE` or `postgres://…` (`postgresql://` too); anything else is a usage error. */
export function parseQueueSpec(raw: string): { ok: true; spec: QueueSpec } | { ok: false; message: string } {
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length);
    if (!file) return { ok: false, message: '--queue sqlite: needs a file, e.g. sqlite:.local/serve-queue.sqlite' };
    return { ok: true, spec: { kind: 'sqlite', file } };
  }
  if (/^postgres(ql)?:\/\//.test(raw)) {
    try {
      const url = new URL(raw);
      if (!url.hostname && !url.searchParams.get('host')) return { ok: false, message: '--queue postgres URL needs a host, e.g. postgres://user:pass@db:5432/leads' };
      return { ok: true, spec: { kind: 'postgres', url: raw } };
    } catch {
      return { ok: false, message: '--queue postgres URL does not parse, e.g. postgres://user:pass@db:5432/leads' };
    }
  }
  return { ok: false, message: `--queue must be sqlite:FILE or postgres://…, got "${raw.replace(/\/\/[^@/]*@/, '//***@')}"` };
}
