// The sandbox's first pass: every contact scored through the CRM API by the shared batch
// re-scoring service (lib/services/batch-rescore.ts) — list pages of 50 with the activity
// history, companies with their fact history read once each, one batch update per 100 changed
// contacts, due tasks created in batches through the ledger. A second run over unchanged data
// writes nothing, and a Re-score from the card on an untouched contact finds nothing to change.
import type { Config } from '../core/config.ts';
import type { BulkCrm } from '../ports.ts';
import { BULK_CONTACT_PROPERTIES, historyPropertiesFor, runBatchRescore } from '../services/batch-rescore.ts';
import { allContacts } from '../services/contact-sources.ts';
import { createMemoryLedger, type SideEffectLedger } from '../services/side-effect-ledger.ts';

export interface ScoreAllReport { scanned: number; updated: number; unchanged: number; tasks: number; failed: { id: string; message: string }[]; tiers: Record<string, number> }

export async function scoreAllContacts(
  crm: BulkCrm,
  config: Config,
  now: () => Date,
  onProgress: (done: number) => void = () => {},
  ledger: SideEffectLedger = createMemoryLedger(),
): Promise<ScoreAllReport> {
  const deps = { crm, config, now: now(), ledger };
  let reported = 0;
  const report = await runBatchRescore(allContacts(crm, BULK_CONTACT_PROPERTIES, historyPropertiesFor(true)), deps, {
    onProgress: (r) => { if (r.read !== reported) { reported = r.read; onProgress(r.read); } },
  });
  return {
    scanned: report.read, updated: report.changed, unchanged: report.unchanged, tasks: report.tasks,
    failed: report.errors.map((e) => ({ id: e.contactId, message: e.message })), tiers: report.tiers,
  };
}
