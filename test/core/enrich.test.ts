import { describe, expect, it } from 'vitest';
import { enrich } from '../../lib/core/enrich.ts';
import type { EnrichmentFacts } from '../../lib/core/types.ts';
import { testConfig } from './helpers.ts';

const config = testConfig();
const facts = (over: Partial<EnrichmentFacts> = {}): EnrichmentFacts => ({
  source: 'clearbit-fake', companyKey: 'acme.com',
  industry: { value: 'INTERNET', confidence: 90, source: 'clearbit-fake' },
  employees: { value: 450, confidence: 70, source: 'clearbit-fake' },
  ...over,
});

describe('enrich', () => {
  it.each([
    ['nothing known', {}, null, null, null, null, 'none', 0],
    ['company record only', {}, { industry: 'BANKING', numberofemployees: '1200' }, null, 'BANKING', 1200, 'hubspot-company', 80],
    ['contact fields only', { industry: 'RETAIL', numemployees: 30 }, null, null, 'RETAIL', 30, 'hubspot-contact', 60],
    ['provider fills gaps', {}, null, facts(), 'INTERNET', 450, 'clearbit-fake', 80],
    ['more confident provider wins, less confident loses', {}, { industry: 'BANKING', numberofemployees: '1200' }, facts(), 'INTERNET', 1200, 'clearbit-fake', 85],
    ['known-good CRM values are never replaced', {}, { industry: 'BANKING', numberofemployees: '1200' }, facts({ knownGood: ['industry', 'numberofemployees'] }), 'BANKING', 1200, 'hubspot-company', 100],
    ['facts for another company are ignored', {}, { industry: 'BANKING' }, facts({ companyKey: 'other.com' }), 'BANKING', null, 'hubspot-company', 40],
    ['garbage sizes are ignored', {}, { numberofemployees: 'lots' }, null, null, null, 'none', 0],
  ] as const)('%s', (_n, contact, company, f, industry, employees, source, confidence) => {
    const r = enrich(contact, company, f, 'acme.com', config).value;
    expect(r).toEqual({ industry, employees, source, confidence });
  });

  it('says which value it kept and why', () => {
    const r = enrich({}, { industry: 'BANKING', numberofemployees: '1200' }, facts(), 'acme.com', config);
    expect(r.reasons).toMatchInlineSnapshot(`
      [
        {
          "code": "enrich_provider_more_confident",
          "message": "Industry INTERNET from clearbit-fake (confidence 90) replaces the CRM's BANKING (confidence 80).",
        },
        {
          "code": "enrich_kept_crm_value",
          "message": "Kept the CRM company size (1200): clearbit-fake is less sure (confidence 70).",
        },
        {
          "code": "enrich_facts",
          "message": "Company facts (industry INTERNET, 1200 employees) from clearbit-fake, confidence 85 of 100.",
        },
      ]
    `);
  });

  it('passes a provider fallback reason through', () => {
    const r = enrich({}, null, facts({ fallback: { code: 'enrichment_timeout', message: 'The provider timed out.' } }), 'acme.com', config);
    expect(r.reasons[0]!.code).toBe('enrichment_timeout');
  });
});
