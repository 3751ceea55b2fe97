// The enrichment facts the rescore_contact function derives from the contact's own HubSpot
// company (the default `hubspot-company` provider), rebuilt here for bulk scoring so that the
// sandbox's first pass and a later Re-score on unchanged data reach the same decision.
// Both use factsFromCompanyRecord; a test keeps the two decisions in agreement.
import type { Client } from '@hubspot/api-client';
import { COMPANY_PROPERTY_OF, FACT_NAMES } from '../adapters/enrichment/facts.ts';
import { factsFromCompanyRecord } from '../adapters/enrichment/hubspot-company.ts';
import { chunk, toHistory } from '../adapters/hubspot/records.ts';
import { normalizeContact } from '../core/normalize/index.ts';
import type { EnrichmentFacts } from '../core/types.ts';
import type { ContactWithCompany, PropertyHistoryEntry } from '../ports.ts';

export type FactHistory = Record<string, PropertyHistoryEntry[]>;
/** Reads the history of the fact properties of these companies (one batch call per 100). */
export type CompanyHistoryReader = (companyIds: readonly string[]) => Promise<Map<string, FactHistory>>;

export const FACT_PROPERTIES = FACT_NAMES.map((fact) => COMPANY_PROPERTY_OF[fact]);

/** Company properties bulk scoring reads: what the engine needs plus the enrichment facts. */
export const companyPropertiesWithFacts = (base: readonly string[]) => [...new Set([...base, ...FACT_PROPERTIES])];

export function createCompanyHistoryReader(client: Client): CompanyHistoryReader {
  return async (companyIds) => {
    const out = new Map<string, FactHistory>();
    for (const ids of chunk([...new Set(companyIds)])) {
      const res = await client.crm.companies.batchApi.read({ inputs: ids.map((id) => ({ id })), properties: ['hs_object_id'], propertiesWithHistory: FACT_PROPERTIES });
      for (const company of res.results) out.set(String(company.id), toHistory(company.propertiesWithHistory, FACT_PROPERTIES));
    }
    return out;
  };
}

/** Facts from the contact's company, person-set values trusted more; null without a company key or company. */
export function companyFacts({ contact, company }: ContactWithCompany, history: FactHistory | undefined): EnrichmentFacts | null {
  const companyKey = normalizeContact(contact.properties, company?.properties ?? null).value.companyKey;
  if (!companyKey || !company) return null;
  return factsFromCompanyRecord(companyKey, company.properties, history);
}
