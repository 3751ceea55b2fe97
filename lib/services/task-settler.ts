// Creates the tasks the ledger holds and HubSpot does not yet confirm, 100 per call.
// `queued` entries are created directly; a `sent` entry (a create whose outcome is unknown: a
// 5xx, a timeout, a crash) is first looked up by its dedupe marker, and created only if absent.
import type { BulkCrm } from '../ports.ts';
import { ledgerKey, stopsRun, type LedgerEntry, type SideEffectLedger } from './side-effect-ledger.ts';

const TASK_BATCH = 100;
/** Rounds per run for one task: a create that failed is looked up and tried again, this many times at most. */
export const TASK_ATTEMPTS = 4;

export interface TaskFailure { contactId: string; code: string; message: string }

/**
 * Settles unfinished entries, each at most TASK_ATTEMPTS times per run (`attempts` counts them).
 * A failure is reported only when the entry's last attempt of the run fails.
 */
export async function settleTasks(crm: BulkCrm, ledger: SideEffectLedger, attempts: Map<string, number>, fail: (f: TaskFailure) => void, created: (n: number) => void): Promise<void> {
  for (;;) {
    const open = (await ledger.unfinished()).filter((e) => (attempts.get(ledgerKey(e)) ?? 0) < TASK_ATTEMPTS).slice(0, TASK_BATCH);
    if (open.length === 0) return;
    for (const e of open) attempts.set(ledgerKey(e), (attempts.get(ledgerKey(e)) ?? 0) + 1);
    const last = (e: LedgerEntry): boolean => attempts.get(ledgerKey(e)) === TASK_ATTEMPTS;
    const toCreate: LedgerEntry[] = [];
    for (const entry of open) {
      if (entry.state !== 'sent') { toCreate.push(entry); continue; }
      const found = await lookUp(crm, entry, last(entry) ? fail : () => undefined);
      if (found === 'present') await ledger.mark([entry], 'done');
      else if (found === 'absent') toCreate.push(entry);
      // 'unknown': never created blind; it stays `sent` for the next run.
    }
    if (toCreate.length === 0) continue;
    await ledger.mark(toCreate, 'sent');
    try {
      const result = await crm.createTasks(toCreate);
      await ledger.mark(result.created, 'done');
      created(result.created.length);
      // Left `sent`: the next run asks HubSpot before creating them again.
      for (const f of result.failed) {
        const entry = toCreate.find((e) => ledgerKey(e) === ledgerKey(f));
        if (entry && last(entry)) fail({ contactId: f.contactId, code: 'task_unconfirmed', message: `task ${f.dedupeKey}: ${f.message}` });
      }
    } catch (error) {
      if (stopsRun(error)) throw error;
      const message = error instanceof Error ? error.message : String(error);
      for (const e of toCreate) if (last(e)) fail({ contactId: e.contactId, code: 'task_failed', message: `task ${e.dedupeKey}: ${message}` });
    }
  }
}

async function lookUp(crm: BulkCrm, entry: LedgerEntry, fail: (f: TaskFailure) => void): Promise<'present' | 'absent' | 'unknown'> {
  try {
    return (await crm.findTaskKeys(entry.contactId)).includes(entry.dedupeKey) ? 'present' : 'absent';
  } catch (error) {
    if (stopsRun(error)) throw error;
    fail({ contactId: entry.contactId, code: 'task_unknown', message: `could not check task ${entry.dedupeKey}: ${error instanceof Error ? error.message : String(error)}` });
    return 'unknown';
  }
}
