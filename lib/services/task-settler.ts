// Creates the tasks the ledger holds and HubSpot does not yet confirm, 100 per call.
// `queued` entries are created directly; a `sent` entry (a create whose outcome is unknown: a
// 5xx, a timeout, a crash) is first looked up by its dedupe marker, and created only if absent.
import type { BulkCrm } from '../ports.ts';
import { ledgerKey, type LedgerEntry, type SideEffectLedger } from './side-effect-ledger.ts';

const TASK_BATCH = 100;

export interface TaskFailure { contactId: string; code: string; message: string }

/** Settles every unfinished entry once per run (`attempted` remembers which were tried). */
export async function settleTasks(crm: BulkCrm, ledger: SideEffectLedger, attempted: Set<string>, fail: (f: TaskFailure) => void, created: (n: number) => void): Promise<void> {
  for (;;) {
    const open = (await ledger.unfinished()).filter((e) => !attempted.has(ledgerKey(e))).slice(0, TASK_BATCH);
    if (open.length === 0) return;
    for (const e of open) attempted.add(ledgerKey(e));
    const toCreate: LedgerEntry[] = [];
    for (const entry of open) {
      if (entry.state !== 'sent') { toCreate.push(entry); continue; }
      const found = await lookUp(crm, entry, fail);
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
      for (const f of result.failed) fail({ contactId: f.contactId, code: 'task_unconfirmed', message: `task ${f.dedupeKey}: ${f.message}` });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      for (const e of toCreate) fail({ contactId: e.contactId, code: 'task_failed', message: `task ${e.dedupeKey}: ${message}` });
    }
  }
}

async function lookUp(crm: BulkCrm, entry: LedgerEntry, fail: (f: TaskFailure) => void): Promise<'present' | 'absent' | 'unknown'> {
  try {
    return (await crm.findTaskKeys(entry.contactId)).includes(entry.dedupeKey) ? 'present' : 'absent';
  } catch (error) {
    fail({ contactId: entry.contactId, code: 'task_unknown', message: `could not check task ${entry.dedupeKey}: ${error instanceof Error ? error.message : String(error)}` });
    return 'unknown';
  }
}
