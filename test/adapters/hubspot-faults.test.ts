// The real adapter against the emulator's injected faults and rate limits.
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../local/emulator/index.ts';
import { createHubSpotGateway } from '../../lib/adapters/hubspot/gateway.ts';
import { CrmError, RateLimitError } from '../../lib/errors.ts';

let emulator: RunningEmulator | undefined;
afterEach(async () => emulator?.close());

let n = 0;
const token = () => `faults-${process.pid}-${++n}`;

describe('HubSpot adapter under faults', () => {
  it('rides out random 5xx answers with the client retries (200 ms × n)', async () => {
    emulator = await startEmulator({ port: 0, db: ':memory:', contacts: 30, seed: 5 });
    const gateway = createHubSpotGateway({ accessToken: token(), basePath: emulator.url, retries: 6 });
    const ids = Array.from({ length: 40 }, (_, i) => String(1000 + i));
    const clean = await gateway.getContactsWithCompanies(ids, ['email'], ['domain']);
    // Same seeded fault sequence twice: one attempt per call fails, four attempts get through.
    const fragile = createHubSpotGateway({ accessToken: token(), basePath: emulator.url, retries: 1 });
    emulator.setFaults({ errorRate: 0.5, seed: 3 });
    const failure = await fragile.getContactsWithCompanies(ids, ['email'], ['domain']).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CrmError);
    expect((failure as CrmError).status).toBeGreaterThanOrEqual(500);
    emulator.setFaults({ errorRate: 0.5, seed: 3 });
    expect(await gateway.getContactsWithCompanies(ids, ['email'], ['domain'])).toEqual(clean);
  });

  it('turns an exhausted rate limit into a RateLimitError with HubSpot’s policy', async () => {
    emulator = await startEmulator({ port: 0, db: ':memory:', contacts: 5, seed: 5, rateLimit: { burstPer10s: 2 } });
    const gateway = createHubSpotGateway({ accessToken: token(), basePath: emulator.url, retries: 1 });
    await gateway.listOwners();
    await gateway.listOwners();
    const error = await gateway.listOwners().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, policyName: 'TEN_SECONDLY_ROLLING', operation: 'list owners' });
  });

  it('gives up on a hanging request at its deadline with a CrmError naming the operation', async () => {
    emulator = await startEmulator({ port: 0, db: ':memory:', contacts: 5, seed: 5, faults: { hangRate: 1 } });
    const gateway = createHubSpotGateway({ accessToken: token(), basePath: emulator.url, retries: 1, timeoutMs: 100 });
    const error = (await gateway.updateContact('1001', { jobtitle: 'x' }).catch((e: unknown) => e)) as CrmError;
    expect(error).toBeInstanceOf(CrmError);
    expect(error.message).toBe('HubSpot update contact 1001 failed (TIMEOUT): no answer within 100 ms');
  });
});
