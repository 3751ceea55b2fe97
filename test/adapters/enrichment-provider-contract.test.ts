// The EnrichmentProvider contract against the fake, hubspot-company over the emulator and http
// over a throwaway server: each one's timeouts are short so the troubled-upstream cases stay fast.
import { startEmulator } from '../../local/emulator/index.ts';
import { createFakeEnrichmentProvider } from '../../lib/adapters/enrichment/fake.ts';
import { withFallback } from '../../lib/adapters/enrichment/with-fallback.ts';
import { createCrmRecordProvider } from '../../lib/adapters/enrichment/crm-record.ts';
import { createHubSpotCompanyProvider } from '../../lib/adapters/enrichment/hubspot-company.ts';
import { createHttpEnrichmentProvider } from '../../lib/adapters/enrichment/http.ts';
import { createHubSpotGateway } from '../../lib/adapters/hubspot/gateway.ts';
import { EnrichmentError } from '../../lib/errors.ts';
import type { EnrichmentFacts } from '../../lib/core/types.ts';
import { describeEnrichmentProviderContract } from './enrichment-provider.contract.ts';
import { sendJson, sendLater, startServer } from './throwaway-server.ts';

const KNOWN = 'acme.example';
const UNKNOWN = 'nobody.example';
const RESILIENCE = { timeoutMs: 150, retries: 1, retryDelayMs: 5 };

describeEnrichmentProviderContract('in-memory fake', async () => {
  const facts: EnrichmentFacts = {
    source: 'fake', companyKey: KNOWN,
    industry: { value: 'COMPUTER_SOFTWARE', confidence: 90, source: 'fake' },
    employees: { value: 400, confidence: 60, source: 'fake' },
    knownGood: ['industry'],
  };
  const wrap = (table: Record<string, EnrichmentFacts | Error>) => withFallback(createFakeEnrichmentProvider(table), createCrmRecordProvider(), RESILIENCE);
  // The fake is never slow itself; it fails the way a timed-out upstream reaches the wrapper.
  const troubles = {
    failing: new EnrichmentError('fake', 'http_error', 'answered HTTP 503', { status: 503 }),
    slow: new EnrichmentError('fake', 'timeout', `no answer within ${RESILIENCE.timeoutMs} ms`),
  };
  return {
    provider: wrap({ [KNOWN]: facts }),
    known: { companyKey: KNOWN, values: { industry: 'COMPUTER_SOFTWARE', employees: 400 } },
    unknownKey: UNKNOWN,
    // Every key is an own key of this table (the fake looks up own keys only) and fails the same way.
    withUpstream: (trouble, fn) => fn(wrap(new Proxy({}, {
      get: () => troubles[trouble],
      getOwnPropertyDescriptor: () => ({ value: troubles[trouble], enumerable: true, configurable: true, writable: true }),
    }))),
    close: async () => {},
  };
});

describeEnrichmentProviderContract('hubspot-company over the emulator', async () => {
  const emu = await startEmulator({ port: 0, db: ':memory:', rateLimit: { enabled: false } });
  const created = emu.store.createObjectAsUser('companies', { domain: KNOWN, name: 'Acme', industry: 'COMPUTER_SOFTWARE', numberofemployees: '400' });
  if (!created.ok) throw new Error('the emulator refused to create the company');
  const gateway = createHubSpotGateway({ accessToken: `enrichment-contract-${process.pid}`, basePath: emu.url, retries: 1, timeoutMs: 1000 });
  const provider = createHubSpotCompanyProvider(gateway, RESILIENCE);
  return {
    provider,
    known: { companyKey: KNOWN, values: { name: 'Acme', industry: 'COMPUTER_SOFTWARE', employees: 400 } },
    unknownKey: UNKNOWN,
    async withUpstream(trouble, fn) {
      emu.setFaults(trouble === 'failing' ? { errorRate: 1 } : { hangRate: 1 });
      try {
        return await fn(provider);
      } finally {
        emu.setFaults({ errorRate: 0, hangRate: 0 });
      }
    },
    close: () => emu.close(),
  };
});

describeEnrichmentProviderContract('http over a throwaway server', async () => {
  let trouble: 'failing' | 'slow' | null = null;
  const server = await startServer((req, res) => {
    if (trouble === 'failing') return sendJson(res, 503, { error: 'unavailable' });
    if (trouble === 'slow') return sendLater(res, 5000, 200, {});
    const domain = new URL(req.url, 'http://localhost').searchParams.get('domain');
    if (domain !== KNOWN) return sendJson(res, 404, { error: 'unknown company' });
    return sendJson(res, 200, { name: 'Acme Inc', category: { industry: 'COMPUTER_SOFTWARE' }, metrics: { employees: '400' } });
  });
  const provider = createHttpEnrichmentProvider({
    urlTemplate: `${server.url}/companies?domain={domain}`,
    fields: { name: 'name', industry: 'category.industry', employees: 'metrics.employees' },
    timeoutMs: 150, retries: 1, retryDelayMs: 5,
  }, {});
  return {
    provider,
    known: { companyKey: KNOWN, values: { name: 'Acme Inc', industry: 'COMPUTER_SOFTWARE', employees: 400 } },
    unknownKey: UNKNOWN,
    async withUpstream(next, fn) {
      trouble = next;
      try {
        return await fn(provider);
      } finally {
        trouble = null;
      }
    },
    close: () => server.close(),
  };
});
