// The offline fallback: facts from the company record the caller already holds, at modest confidence.
import type { EnrichmentProvider } from '../../ports.ts';
import { buildFacts, CONFIDENCE, valuesFromCompany } from './facts.ts';

export const CRM_RECORD_SOURCE = 'crm-record';

export function createCrmRecordProvider(): EnrichmentProvider {
  return {
    id: CRM_RECORD_SOURCE,
    async lookup(companyKey, hints) {
      return buildFacts(CRM_RECORD_SOURCE, companyKey, valuesFromCompany(hints.company), () => CONFIDENCE.hintsOnly);
    },
  };
}
