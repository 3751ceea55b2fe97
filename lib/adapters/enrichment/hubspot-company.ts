// The embedded default: facts from the associated (or domain-matched) HubSpot company.
// A value a person set (latest history entry from CRM_UI) is high confidence and known-good.
import type { CompanyDirectory, EnrichmentProvider, PropertyHistoryEntry } from '../../ports.ts';
import type { EnrichmentFacts, PropertyMap } from '../../core/types.ts';
import { CrmError, EnrichmentError } from '../../errors.ts';
import { buildFacts, COMPANY_PROPERTY_OF, CONFIDENCE, FACT_NAMES, type FactName } from './facts.ts';
import { createCrmRecordProvider } from './crm-record.ts';
import { withFallback, type ResilienceOptions } from './with-fallback.ts';

export const HUBSPOT_COMPANY_SOURCE = 'hubspot-company';
export const PERSON_SOURCE_TYPES = ['CRM_UI'] as const;

const COMPANY_PROPERTIES = FACT_NAMES.map((fact) => COMPANY_PROPERTY_OF[fact]);

/** Was the current value set by a person? The newest history entry says who wrote it. */
export function setByPerson(history: readonly PropertyHistoryEntry[] | undefined): boolean {
  const latest = history?.[0];
  return latest !== undefined && latest.value !== '' && (PERSON_SOURCE_TYPES as readonly string[]).includes(latest.sourceType);
}

function companyIdFrom(company: PropertyMap | null): string | null {
  const id = company?.['hs_object_id'] ?? company?.['id'];
  return typeof id === 'string' && /^\d+$/.test(id) ? id : null;
}

/**
 * Facts from a company record already read with its history: values a person set are
 * high confidence and known-good. Shared by this provider and by callers that read the
 * company themselves (the re-score snapshot, bulk scoring), so all decide alike.
 */
export function factsFromCompanyRecord(
  companyKey: string,
  company: Record<string, string | null>,
  history: Record<string, readonly PropertyHistoryEntry[]> | undefined,
): EnrichmentFacts | null {
  const personSet = (fact: FactName) => setByPerson(history?.[COMPANY_PROPERTY_OF[fact]]);
  const values = Object.fromEntries(FACT_NAMES.map((fact) => [fact, company[COMPANY_PROPERTY_OF[fact]]]));
  return buildFacts(HUBSPOT_COMPANY_SOURCE, companyKey, values,
    (fact) => (personSet(fact) ? CONFIDENCE.personSet : CONFIDENCE.system), FACT_NAMES.filter(personSet));
}

/** The provider without resilience; `createHubSpotCompanyProvider` wraps it. */
export function createHubSpotCompanyLookup(directory: CompanyDirectory): EnrichmentProvider {
  return {
    id: HUBSPOT_COMPANY_SOURCE,
    async lookup(companyKey, hints) {
      try {
        const companyId = companyIdFrom(hints.company)
          ?? (await directory.findCompanyByDomain(companyKey, ['domain']))?.id
          ?? null;
        if (!companyId) return null;
        const found = await directory.getCompanyWithHistory(companyId, COMPANY_PROPERTIES);
        return found ? factsFromCompanyRecord(companyKey, found.company.properties, found.history) : null;
      } catch (error) {
        if (error instanceof EnrichmentError) throw error;
        const status = error instanceof CrmError ? error.status : undefined;
        const timedOut = error instanceof CrmError && error.category === 'TIMEOUT';
        const code = timedOut ? 'timeout' : status === undefined ? 'network' : 'http_error';
        throw new EnrichmentError(HUBSPOT_COMPANY_SOURCE, code, error instanceof Error ? error.message : 'company look-up failed', { status, cause: error });
      }
    },
  };
}

/** hubspot-company with a timeout, bounded retries and the crm-record fallback. */
export function createHubSpotCompanyProvider(directory: CompanyDirectory, options: ResilienceOptions = {}): EnrichmentProvider {
  return withFallback(createHubSpotCompanyLookup(directory), createCrmRecordProvider(), { timeoutMs: 5000, retries: 1, ...options });
}
