// Scores every contact through the CRM API: pages of 100 contacts listed with their primary
// company (2 calls per page), the history of the companies' enrichment facts (1 call), the pure
// engine with the same inputs the rescore_contact function uses, and one batch update of only
// what changed. Used by the sandbox on start; a second run over unchanged data writes nothing,
// and a Re-score from the card on an untouched contact finds nothing to change.
import { COMPANY_INPUT_PROPERTIES, CONTACT_INPUT_PROPERTIES } from '../core/contract.ts';
import type { Config } from '../core/config.ts';
import { decide } from '../core/pipeline.ts';
import type { CrmGateway } from '../ports.ts';
import { companyFacts, companyPropertiesWithFacts, type CompanyHistoryReader } from './company-facts.ts';

const COMPANY_PROPERTIES = companyPropertiesWithFacts(COMPANY_INPUT_PROPERTIES);

export interface ScoreAllReport { scanned: number; updated: number; unchanged: number; failed: { id: string; message: string }[]; tiers: Record<string, number> }

export async function scoreAllContacts(
  crm: CrmGateway,
  companyHistory: CompanyHistoryReader,
  config: Config,
  now: () => Date,
  onProgress: (done: number) => void = () => {},
): Promise<ScoreAllReport> {
  const report: ScoreAllReport = { scanned: 0, updated: 0, unchanged: 0, failed: [], tiers: { high: 0, medium: 0, low: 0 } };
  let after: string | undefined;
  do {
    const page = await crm.listContactsWithCompanies({ after, limit: 100 }, CONTACT_INPUT_PROPERTIES, COMPANY_PROPERTIES);
    const companyIds = page.results.flatMap((r) => (r.company ? [r.company.id] : []));
    const histories = companyIds.length > 0 ? await companyHistory(companyIds) : new Map();
    const updates: { id: string; properties: Record<string, string> }[] = [];
    for (const record of page.results) {
      const { contact, company } = record;
      const enrichment = companyFacts(record, company ? histories.get(company.id) : undefined);
      const decision = decide({ id: contact.id, properties: contact.properties, company, enrichment }, config, now());
      const tier = decision.score.value.tier;
      report.tiers[tier] = (report.tiers[tier] ?? 0) + 1;
      if (Object.keys(decision.writePlan).length > 0) updates.push({ id: contact.id, properties: decision.writePlan as Record<string, string> });
      else report.unchanged += 1;
    }
    if (updates.length > 0) {
      const result = await crm.batchUpdateContacts(updates);
      report.updated += result.ok.length;
      report.failed.push(...result.failed.map((f) => ({ id: f.id, message: f.message })));
    }
    report.scanned += page.results.length;
    onProgress(report.scanned);
    after = page.after;
  } while (after);
  return report;
}
