import { describe, expect, it } from 'vitest';
import { createFakeEnrichmentProvider } from '../../lib/adapters/enrichment/fake.ts';
import { createFakeAiClassifier } from '../../lib/adapters/ai/fake.ts';
import { withFallback } from '../../lib/adapters/enrichment/with-fallback.ts';
import { createCrmRecordProvider } from '../../lib/adapters/enrichment/crm-record.ts';
import { EnrichmentError } from '../../lib/errors.ts';

const acme = { source: 'fake', companyKey: 'acme.com', industry: { value: 'RETAIL', confidence: 80, source: 'fake' } };

describe('fake enrichment provider', () => {
  it('answers from its table, null for unknown keys, and records every lookup', async () => {
    const fake = createFakeEnrichmentProvider({ 'acme.com': acme });
    expect(await fake.lookup('acme.com', { company: null })).toEqual(acme);
    expect(await fake.lookup('other.com', { company: { name: 'Other' } })).toBeNull();
    expect(fake.lookups).toEqual([{ companyKey: 'acme.com', company: null }, { companyKey: 'other.com', company: { name: 'Other' } }]);
  });

  it('fails like a provider, so the fallback wrapper can be exercised', async () => {
    const fake = createFakeEnrichmentProvider({ 'acme.com': new EnrichmentError('fake', 'network', 'down') });
    const facts = await withFallback(fake, createCrmRecordProvider(), { retries: 1, retryDelayMs: 1 })
      .lookup('acme.com', { company: { industry: 'RETAIL' } });
    expect(fake.lookups).toHaveLength(2);
    expect(facts).toMatchObject({ source: 'crm-record', fallback: { code: 'enrichment_fallback_network' } });
  });
});

describe('fake AI classifier', () => {
  it('returns its answer and records the requests it saw', async () => {
    const answer = { contentTrack: 'general', objections: [], confidenceBand: 'low' as const, nextBestAsset: 'Overview', subjectLine: 'Hello', source: 'fake' };
    const fake = createFakeAiClassifier(answer);
    expect(await fake.classify({ fields: { jobtitle: 'CTO' }, allowedTracks: ['general'] })).toEqual(answer);
    expect(fake.requests).toEqual([{ fields: { jobtitle: 'CTO' }, allowedTracks: ['general'] }]);
  });
});
