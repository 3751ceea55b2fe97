// ONE contract for every EnrichmentProvider, run by enrichment-provider-contract.test.ts against
// the in-memory fake, hubspot-company over the emulator and http over a throwaway server.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrichmentFacts, PropertyMap } from '../../lib/core/types.ts';
import type { EnrichmentProvider } from '../../lib/ports.ts';
import { COMPANY_PROPERTY_OF, FACT_NAMES, type FactName } from '../../lib/adapters/enrichment/facts.ts';

export type UpstreamTrouble = 'failing' | 'slow';

export interface EnrichmentContractSubject {
  /** The provider as the shells use it: with its timeout, retries and fallback. */
  provider: EnrichmentProvider;
  /** A key the upstream knows, and the facts it holds for it. */
  known: { companyKey: string; values: Partial<Record<FactName, string | number>> };
  /** A key the upstream knows nothing about. */
  unknownKey: string;
  /** Runs `fn` while the upstream answers 5xx (`failing`) or not at all (`slow`), with a provider wrapped with the fallback. */
  withUpstream<T>(trouble: UpstreamTrouble, fn: (provider: EnrichmentProvider) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** What the caller already holds about the company: deliberately not what the upstream says. */
const HINTS: { company: PropertyMap } = { company: { name: 'Acme (CRM)', industry: 'RETAIL', numberofemployees: '40' } };
const COMPANY_PROPERTIES: readonly string[] = Object.values(COMPANY_PROPERTY_OF);

const presentFacts = (facts: EnrichmentFacts): FactName[] => FACT_NAMES.filter((fact) => facts[fact] !== undefined);

/** The shape every provider promises, whatever answered. */
function expectWellFormed(facts: EnrichmentFacts, companyKey: string): void {
  expect(facts.companyKey).toBe(companyKey);
  expect(facts.source).toMatch(/\S/);
  for (const fact of presentFacts(facts)) {
    const entry = facts[fact]!;
    expect(Object.keys(entry).sort()).toEqual(['confidence', 'source', 'value']);
    expect(['string', 'number']).toContain(typeof entry.value);
    expect(entry.confidence).toBeGreaterThanOrEqual(0);
    expect(entry.confidence).toBeLessThanOrEqual(100);
    expect(entry.source).toMatch(/\S/);
  }
  for (const property of facts.knownGood ?? []) {
    expect(COMPANY_PROPERTIES).toContain(property);
    // Known-good means "a person set this value", so the value must be among the facts.
    const fact = FACT_NAMES.find((f) => COMPANY_PROPERTY_OF[f] === property)!;
    expect(facts[fact]).toBeDefined();
  }
}

/** Nothing known: null, or facts that carry no values, only the reason a fallback answered. */
function knowsNothing(facts: EnrichmentFacts | null): boolean {
  return facts === null || (presentFacts(facts).length === 0 && facts.fallback !== undefined);
}

export function describeEnrichmentProviderContract(name: string, factory: () => Promise<EnrichmentContractSubject>): void {
  describe(`EnrichmentProvider contract: ${name}`, () => {
    let s: EnrichmentContractSubject;
    beforeAll(async () => { s = await factory(); });
    afterAll(async () => s?.close());

    it('knows nothing about an unknown key', async () => {
      const facts = await s.provider.lookup(s.unknownKey, { company: null });
      expect(knowsNothing(facts)).toBe(true);
    });

    it('returns the upstream facts for a known key, each value with its own confidence and source', async () => {
      const facts = await s.provider.lookup(s.known.companyKey, HINTS);
      expect(facts).not.toBeNull();
      expectWellFormed(facts!, s.known.companyKey);
      expect(facts!.fallback).toBeUndefined();
      const values = Object.fromEntries(presentFacts(facts!).map((fact) => [fact, facts![fact]!.value]));
      expect(values).toEqual(s.known.values);
    });

    it('never throws and keeps the shape for any key', async () => {
      await fc.assert(fc.asyncProperty(fc.oneof(fc.domain(), fc.string({ maxLength: 40 })), async (key) => {
        const facts = await s.provider.lookup(key, { company: null });
        if (facts !== null) expectWellFormed(facts, key);
      }), { numRuns: 15 });
    });

    it.each(['failing', 'slow'] as const)('answers from the fallback, with the reason, when the upstream is %s', async (trouble) => {
      const [known, unknown] = await s.withUpstream(trouble, async (provider) => [
        await provider.lookup(s.known.companyKey, HINTS),
        await provider.lookup(s.unknownKey, { company: null }),
      ] as const);
      expectWellFormed(known!, s.known.companyKey);
      expect(known?.fallback?.code).toMatch(trouble === 'slow' ? /^enrichment_fallback_timeout$/ : /^enrichment_fallback_(http_error|network)$/);
      expect(known?.fallback?.message).toMatch(/^Company facts came from .+ because .+\.$/);
      // The fallback answers from what the caller already holds, never from the troubled upstream.
      expect(known?.industry?.value).toBe(HINTS.company['industry']);
      expect(knowsNothing(unknown)).toBe(true);
    });
  });
}
