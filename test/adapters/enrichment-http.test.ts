import { afterEach, describe, expect, it } from 'vitest';
import { createHttpEnrichmentProvider, resolveHeaders, type HttpEnrichmentConfig } from '../../lib/adapters/enrichment/http.ts';
import { sendJson, sendLater, startServer, type Handler, type ThrowawayServer } from './throwaway-server.ts';

let server: ThrowawayServer | undefined;
afterEach(async () => server?.close());

const env = { ENRICH_TOKEN: 'sk-enrich-123456' };
const hints = { company: { name: 'Acme (CRM)', industry: 'RETAIL', numberofemployees: '40' } };

async function provider(handler: Handler, overrides: Partial<HttpEnrichmentConfig> = {}) {
  server = await startServer(handler);
  return createHttpEnrichmentProvider({
    urlTemplate: `${server.url}/companies?domain={domain}`,
    headers: { authorization: 'Bearer ${ENRICH_TOKEN}' },
    fields: { industry: 'category.industry', employees: 'metrics.employees', name: 'name' },
    timeoutMs: 150, retries: 2, retryDelayMs: 5,
    ...overrides,
  }, env);
}

const valid = { name: 'Acme Inc', category: { industry: 'Software' }, metrics: { employees: '250' } };

describe('http enrichment provider', () => {
  it('maps configured fields from a valid answer, confidence apart from value', async () => {
    const p = await provider((_req, res) => sendJson(res, 200, valid));
    expect(await p.lookup('acme.com', hints)).toEqual({
      source: 'http', companyKey: 'acme.com',
      name: { value: 'Acme Inc', confidence: 70, source: 'http' },
      industry: { value: 'Software', confidence: 70, source: 'http' },
      employees: { value: 250, confidence: 70, source: 'http' },
    });
    expect(server?.requests[0]).toMatchObject({ method: 'GET', url: '/companies?domain=acme.com' });
    expect(server?.requests[0]?.headers.authorization).toBe('Bearer sk-enrich-123456');
  });

  it('drops mapped values that fail validation instead of guessing', async () => {
    const p = await provider((_req, res) => sendJson(res, 200, { name: '', category: { industry: 42 }, metrics: { employees: 'lots' } }));
    expect(await p.lookup('acme.com', { company: null })).toBeNull();
  });

  it('answers null when the API knows nothing (404), without retrying', async () => {
    const p = await provider((_req, res) => sendJson(res, 404, { error: 'unknown' }));
    expect(await p.lookup('nobody.example', hints)).toBeNull();
    expect(server?.requests).toHaveLength(1);
  });

  it.each([
    { name: 'malformed JSON', handler: ((_q, res) => sendJson(res, 200, '{"name": "Acme"')) as Handler, code: 'enrichment_fallback_malformed_response', attempts: 1 },
    { name: 'a JSON array', handler: ((_q, res) => sendJson(res, 200, [valid])) as Handler, code: 'enrichment_fallback_malformed_response', attempts: 1 },
    { name: 'HTTP 500', handler: ((_q, res) => sendJson(res, 500, { error: 'boom' })) as Handler, code: 'enrichment_fallback_http_error', attempts: 3 },
    { name: 'a slow answer', handler: ((_q, res) => sendLater(res, 2000, 200, valid)) as Handler, code: 'enrichment_fallback_timeout', attempts: 3 },
  ])('falls back to the CRM record after $name, recording why', async ({ handler, code, attempts }) => {
    const p = await provider(handler);
    const facts = await p.lookup('acme.com', hints);
    expect(facts?.fallback?.code).toBe(code);
    expect(facts).toMatchObject({ source: 'crm-record', industry: { value: 'RETAIL', confidence: 50, source: 'crm-record' }, employees: { value: 40 } });
    expect(server?.requests).toHaveLength(attempts);
  });

  it('recovers when a 500 is followed by a good answer', async () => {
    const p = await provider((_req, res, i) => (i === 0 ? sendJson(res, 500, {}) : sendJson(res, 200, valid)));
    const facts = await p.lookup('acme.com', hints);
    expect(facts?.source).toBe('http');
    expect(facts?.fallback).toBeUndefined();
  });

  it('reads a clear sentence for the fallback reason', async () => {
    const p = await provider((_req, res) => sendJson(res, 503, {}), { retries: 0 });
    const facts = await p.lookup('acme.com', { company: null });
    expect(facts).toMatchInlineSnapshot(`
      {
        "companyKey": "acme.com",
        "fallback": {
          "code": "enrichment_fallback_http_error",
          "message": "Company facts came from the company record already in HubSpot because the enrichment service answered with an error (HTTP 503).",
        },
        "source": "crm-record",
      }
    `);
  });

  it('names a missing header variable without leaking others', () => {
    expect(() => resolveHeaders({ 'x-key': '${MISSING_KEY}' }, env)).toThrowErrorMatchingInlineSnapshot(`[Error: Enrichment header x-key needs the environment variable MISSING_KEY, which is not set.]`);
    expect(resolveHeaders({ a: 'Bearer ${ENRICH_TOKEN}', b: 'plain' }, env)).toEqual({ a: 'Bearer sk-enrich-123456', b: 'plain' });
  });
});
