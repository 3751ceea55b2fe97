// Scores every contact through the CRM API: pages of 100 ids, batch reads with companies,
// the pure engine, batch updates of only what changed. Used by the sandbox on start.
import type { Client } from '@hubspot/api-client';
import { COMPANY_INPUT_PROPERTIES, CONTACT_INPUT_PROPERTIES } from '../core/contract.ts';
import type { Config } from '../core/config.ts';
import { decide } from '../core/pipeline.ts';
import type { CrmGateway } from '../ports.ts';

export interface ScoreAllReport { scanned: number; updated: number; unchanged: number; failed: { id: string; message: string }[]; tiers: Record<string, number> }

export async function scoreAllContacts(
  client: Client,
  crm: CrmGateway,
  config: Config,
  now: () => Date,
  onProgress: (done: number, total: number | null) => void = () => {},
): Promise<ScoreAllReport> {
  const report: ScoreAllReport = { scanned: 0, updated: 0, unchanged: 0, failed: [], tiers: { high: 0, medium: 0, low: 0 } };
  let after: string | undefined;
  do {
    const page = await client.crm.contacts.basicApi.getPage(100, after, ['hs_object_id']);
    const records = await crm.getContactsWithCompanies(page.results.map((c) => String(c.id)), CONTACT_INPUT_PROPERTIES, COMPANY_INPUT_PROPERTIES);
    const updates: { id: string; properties: Record<string, string> }[] = [];
    for (const { contact, company } of records) {
      const decision = decide({ id: contact.id, properties: contact.properties, company }, config, now());
      report.tiers[decision.score.value.tier] = (report.tiers[decision.score.value.tier] ?? 0) + 1;
      if (Object.keys(decision.writePlan).length > 0) updates.push({ id: contact.id, properties: decision.writePlan as Record<string, string> });
      else report.unchanged += 1;
    }
    if (updates.length > 0) {
      const result = await crm.batchUpdateContacts(updates);
      report.updated += result.ok.length;
      report.failed.push(...result.failed.map((f) => ({ id: f.id, message: f.message })));
    }
    report.scanned += records.length;
    onProgress(report.scanned, null);
    after = page.paging?.next?.after;
  } while (after);
  return report;
}
