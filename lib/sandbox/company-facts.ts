// The enrichment facts the rescore_contact function derives from the contact's own HubSpot
// company (the default `hubspot-company` provider), rebuilt here for bulk scoring so that the
// sandbox's first pass and a later Re-score on unchanged data reach the same decision.
// Both use factsFromCompanyRecord; a test keeps the two decisions in agreement.
import { COMPANY_PROPERTY_OF, FACT_NAMES } from '../adapters/enrichment/facts.ts';
import { factsFromCompanyRecord } from '../adapters/enrichment/hubspot-company.ts';
import { normalizeContact } from '../core/normalize/index.ts';
import type { EnrichmentFacts } from '../core/types.ts';
import type { ContactWithCompany, PropertyHistoryEntry } from '../ports.ts';

export type FactHistory = Record<string, PropertyHistoryEntry[]>;

export const FACT_PROPERTIES = FACT_NAMES.map((fact) => COMPANY_PROPERTY_OF[fact]);

/** Company properties bulk scoring reads: what the engine needs plus the enrichment facts. */
export const companyPropertiesWithFacts = (base: readonly string[]) => [...new Set([...base, ...FACT_PROPERTIES])];

/** Facts from the contact's company, person-set values trusted more; null without a company key or company. */
export function companyFacts({ contact, company }: ContactWithCompany, history: FactHistory | undefined): EnrichmentFacts | null {
  const companyKey = normalizeContact(contact.properties, company?.properties ?? null).value.companyKey;
  if (!companyKey || !company) return null;
  return factsFromCompanyRecord(companyKey, company.properties, history);
}
