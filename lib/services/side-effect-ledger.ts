// The side-effect ledger: a task is recorded here before it is created and checked here before
// it is created again, so a retry, a crash or a second process never makes it twice.
//   queued  — decided, not yet sent to HubSpot: safe to create.
//   sent    — a create was attempted and its outcome is unknown (5xx, timeout, crash):
//             HubSpot must be asked (the task's dedupe marker) before creating it again.
//   done    — HubSpot confirmed it.
import type { TaskSpec } from '../ports.ts';

export type LedgerState = 'queued' | 'sent' | 'done';

export interface LedgerEntry extends TaskSpec {
  state: LedgerState;
  /** When the task was decided (ISO): the contact's last notification from then on. */
  recordedAt: string;
  taskId?: string;
}

export interface SideEffectLedger {
  /** Every entry of these contacts, whatever its state. */
  entriesFor(contactIds: readonly string[]): Promise<LedgerEntry[]>;
  /** Records new entries as `queued`; an entry whose (contactId, dedupeKey) exists is left as it is. */
  record(entries: readonly Omit<LedgerEntry, 'state'>[]): Promise<void>;
  /** Moves entries to `sent` or `done` (with the task id when known). */
  mark(keys: readonly { contactId: string; dedupeKey: string; taskId?: string }[], state: Exclude<LedgerState, 'queued'>): Promise<void>;
  /** Entries not yet `done`, oldest first: what a run (or a resumed run) still has to settle. */
  unfinished(): Promise<LedgerEntry[]>;
  /** Tasks per owner recorded in [since, before): the per-rep throttle's count from earlier runs. */
  countByOwner(sinceIso: string, beforeIso: string): Promise<Record<string, number>>;
}

/** Counts entries per owner recorded in [since, before). */
export function countByOwner(entries: Iterable<LedgerEntry>, sinceIso: string, beforeIso: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of entries) if (e.recordedAt >= sinceIso && e.recordedAt < beforeIso) out[e.ownerId] = (out[e.ownerId] ?? 0) + 1;
  return out;
}

/**
 * An error that must end the whole run at once (HubSpot's daily limit): it is never counted as
 * one contact's failure, so the checkpoint does not move past the contacts it stopped.
 */
export function stopsRun(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { stopsRun?: unknown }).stopsRun === true;
}

export const ledgerKey = (e: { contactId: string; dedupeKey: string }): string => `${e.contactId}\u0000${e.dedupeKey}`;

/** A ledger in memory: enough within one process (the sandbox, a webhook worker without a disk). */
export function createMemoryLedger(): SideEffectLedger & { readonly entries: ReadonlyMap<string, LedgerEntry> } {
  const entries = new Map<string, LedgerEntry>();
  return {
    entries,
    async entriesFor(contactIds) {
      const wanted = new Set(contactIds);
      return [...entries.values()].filter((e) => wanted.has(e.contactId)).map((e) => ({ ...e }));
    },
    async record(list) {
      for (const e of list) if (!entries.has(ledgerKey(e))) entries.set(ledgerKey(e), { ...e, state: 'queued' });
    },
    async mark(keys, state) {
      for (const k of keys) {
        const e = entries.get(ledgerKey(k));
        if (e) entries.set(ledgerKey(k), { ...e, state, ...(k.taskId ? { taskId: k.taskId } : {}) });
      }
    },
    async unfinished() {
      return [...entries.values()].filter((e) => e.state !== 'done').map((e) => ({ ...e }));
    },
    countByOwner: async (since, before) => countByOwner(entries.values(), since, before),
  };
}
