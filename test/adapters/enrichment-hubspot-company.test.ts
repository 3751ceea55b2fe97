import { describe, expect, it } from 'vitest';
import { createFakeCrmGateway } from '../../lib/adapters/hubspot/fake.ts';
import { createHubSpotCompanyProvider, setByPerson } from '../../lib/adapters/enrichment/hubspot-company.ts';
import { CrmError } from '../../lib/errors.ts';
import type { CompanyDirectory } from '../../lib/ports.ts';

function setup() {
  const crm = createFakeCrmGateway();
  // Every value typed by a person in the HubSpot UI.
  const id = crm.state.addCompany({ domain: 'acme.com', name: 'Acme', industry: 'SOFTWARE', numberofemployees: '120' }, 'CRM_UI');
  return { crm, id };
}

describe('hubspot-company enrichment provider', () => {
  it('rates values a person set as high confidence and lists them as known-good', async () => {
    const { crm, id } = setup();
    const other = crm.state.addCompany({ domain: 'beta.io', industry: 'RETAIL', numberofemployees: '15' }, 'INTEGRATION');
    const provider = createHubSpotCompanyProvider(crm);
    const acme = await provider.lookup('acme.com', { company: { hs_object_id: id } });
    expect(acme).toMatchObject({
      source: 'hubspot-company', companyKey: 'acme.com',
      industry: { value: 'SOFTWARE', confidence: 90 }, employees: { value: 120, confidence: 90 },
      knownGood: ['name', 'industry', 'numberofemployees'],
    });
    const beta = await provider.lookup('beta.io', { company: { hs_object_id: other } });
    expect(beta).toMatchObject({ industry: { value: 'RETAIL', confidence: 60 }, employees: { value: 15, confidence: 60 } });
    expect(beta?.knownGood).toBeUndefined();
  });

  it('finds the company by domain when the contact has none associated', async () => {
    const { crm } = setup();
    const facts = await createHubSpotCompanyProvider(crm).lookup('acme.com', { company: null });
    expect(facts?.name).toEqual({ value: 'Acme', confidence: 90, source: 'hubspot-company' });
    expect(await createHubSpotCompanyProvider(crm).lookup('unknown.example', { company: null })).toBeNull();
  });

  it.each([
    { history: [], expected: false },
    { history: [{ value: 'X', timestamp: '2026-01-02T00:00:00Z', sourceType: 'CRM_UI' }], expected: true },
    { history: [{ value: 'Y', timestamp: '2026-01-03T00:00:00Z', sourceType: 'INTEGRATION' }, { value: 'X', timestamp: '2026-01-02T00:00:00Z', sourceType: 'CRM_UI' }], expected: false },
    { history: [{ value: '', timestamp: '2026-01-03T00:00:00Z', sourceType: 'CRM_UI' }], expected: false },
  ])('decides who set a value from its newest history entry (%#)', ({ history, expected }) => {
    expect(setByPerson(history)).toBe(expected);
  });

  it('falls back to the CRM record it was given when HubSpot fails, and says so', async () => {
    let calls = 0;
    const failing: CompanyDirectory = {
      findCompanyByDomain: async () => { calls++; throw new CrmError('search companies', 'Internal error', { status: 500 }); },
      getCompanyWithHistory: async () => null,
    };
    const provider = createHubSpotCompanyProvider(failing, { retryDelayMs: 1 });
    const facts = await provider.lookup('acme.com', { company: { industry: 'SOFTWARE' } });
    expect(calls).toBe(2);
    expect(facts).toMatchInlineSnapshot(`
      {
        "companyKey": "acme.com",
        "fallback": {
          "code": "enrichment_fallback_http_error",
          "message": "Company facts came from the company record already in HubSpot because the HubSpot company look-up answered with an error (HTTP 500).",
        },
        "industry": {
          "confidence": 50,
          "source": "crm-record",
          "value": "SOFTWARE",
        },
        "source": "crm-record",
      }
    `);
  });

  it.each([
    { error: new CrmError('search companies', 'no answer within 100 ms', { category: 'TIMEOUT' }), code: 'enrichment_fallback_timeout' },
    { error: new CrmError('search companies', 'connect ECONNREFUSED'), code: 'enrichment_fallback_network' },
    { error: new CrmError('search companies', 'Forbidden', { status: 403 }), code: 'enrichment_fallback_http_error' },
  ])('records why HubSpot failed: $code', async ({ error, code }) => {
    const failing: CompanyDirectory = { findCompanyByDomain: async () => { throw error; }, getCompanyWithHistory: async () => null };
    const facts = await createHubSpotCompanyProvider(failing, { retries: 0 }).lookup('acme.com', { company: null });
    expect(facts?.fallback?.code).toBe(code);
  });
});
