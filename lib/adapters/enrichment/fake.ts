// In-memory EnrichmentProvider for shell tests: answers from a table, records what was asked.
import type { EnrichmentFacts, PropertyMap } from '../../core/types.ts';
import type { EnrichmentProvider } from '../../ports.ts';

export interface FakeEnrichmentProvider extends EnrichmentProvider {
  readonly lookups: { companyKey: string; company: PropertyMap | null }[];
}

/** Facts per company key; an Error value is thrown (as a provider failure would be). */
export function createFakeEnrichmentProvider(table: Record<string, EnrichmentFacts | Error> = {}, id = 'fake'): FakeEnrichmentProvider {
  const lookups: FakeEnrichmentProvider['lookups'] = [];
  return {
    id,
    lookups,
    async lookup(companyKey, hints) {
      lookups.push({ companyKey, company: hints.company });
      // Own keys only: a key such as "__proto__" or "constructor" must not reach Object.prototype.
      const answer = Object.hasOwn(table, companyKey) ? table[companyKey] : undefined;
      if (answer instanceof Error) throw answer;
      return answer ? structuredClone(answer) : null;
    },
  };
}
