// Every contact of the portal as the engine's input, with the dated activity history it scores
// and the company facts bulk scoring uses. Read-only: simulate runs over this.
import type { PortalReader } from '../adapters/hubspot/portal-reads.ts';
import { ACTIVITY_HISTORY_PROPERTIES } from '../core/activity-properties.ts';
import { COMPANY_INPUT_PROPERTIES, CONTACT_INPUT_PROPERTIES } from '../core/contract.ts';
import type { DecisionInput, PropertyHistoryMap } from '../core/types.ts';
import { companyFacts, companyPropertiesWithFacts } from '../sandbox/company-facts.ts';

const COMPANY_PROPERTIES = companyPropertiesWithFacts(COMPANY_INPUT_PROPERTIES);

export async function* portalDecisionInputs(reader: PortalReader): AsyncGenerator<DecisionInput> {
  for await (const page of reader.contactPages(CONTACT_INPUT_PROPERTIES, ACTIVITY_HISTORY_PROPERTIES, COMPANY_PROPERTIES)) {
    for (const { contact, company, history } of page) {
      const propertiesWithHistory: PropertyHistoryMap = Object.fromEntries(Object.entries(history).filter(([, h]) => h.length > 0)
        .map(([name, entries]) => [name, entries.map((e) => ({ value: e.value, timestamp: e.timestamp, sourceType: e.sourceType }))]));
      yield {
        id: contact.id, properties: contact.properties, propertiesWithHistory,
        company: company ? { id: company.id, properties: company.properties } : null,
        enrichment: companyFacts({ contact, company }, undefined),
      };
    }
  }
}
