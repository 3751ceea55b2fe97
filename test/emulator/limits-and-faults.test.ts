// Rate limits and injected faults, seen through the official client's retry logic
// (numberOfApiCallRetries): it retries 5xx and the secondly search limit for real.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, startTestEmulator, type TestEmulator } from './helpers.ts';

let t: TestEmulator | undefined;
afterEach(async () => { await t?.emu.close(); t = undefined; });

const searchAll = (tt: TestEmulator) => tt.client.crm.contacts.searchApi.doSearch({ filterGroups: [], properties: ['email'], limit: 10 } as never);
const statuses = (tt: TestEmulator, path: RegExp) => tt.emu.requestLog.entries().filter((e) => path.test(e.path)).map((e) => e.status);

describe('rate limits', () => {
  it('answers the secondly search limit with 429, and the client retries it until every search succeeds', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // the client logs each retry
    t = await startTestEmulator({ rateLimit: { searchPerSecond: 2 } }, { numberOfApiCallRetries: 3 });
    const results = await Promise.all([1, 2, 3, 4].map(() => searchAll(t!)));
    expect(results.every((r) => r.total === 0)).toBe(true);
    const searches = statuses(t, /\/search$/);
    expect(searches.filter((s) => s === 200)).toHaveLength(4);
    expect(searches.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
  });

  it('sends HubSpot\'s ten-secondly body once the burst is used up', async () => {
    t = await startTestEmulator({ rateLimit: { burstPer10s: 2 } });
    await t.client.crm.contacts.basicApi.getPage(1);
    await t.client.crm.contacts.basicApi.getPage(1);
    const err = await apiError(t.client.crm.contacts.basicApi.getPage(1));
    expect(err.code).toBe(429);
    expect(err.body).toMatchObject({ status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' });
  });

  it('refuses everything once the daily limit is used up, and can be switched off at runtime', async () => {
    t = await startTestEmulator({ rateLimit: { daily: 1 } });
    await t.client.crm.contacts.basicApi.getPage(1);
    const err = await apiError(t.client.crm.contacts.basicApi.getPage(1));
    expect(err.body).toMatchObject({ policyName: 'DAILY', message: 'You have reached your daily limit.' });
    t.emu.setRateLimit({ enabled: false });
    await expect(t.client.crm.contacts.basicApi.getPage(1)).resolves.toMatchObject({ results: [] });
  });
});

describe('faults', () => {
  it('injects a seeded fraction of 5xx that the client retries away', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    t = await startTestEmulator({ faults: { errorRate: 0.25, seed: 3 } }, { numberOfApiCallRetries: 6 });
    for (let i = 0; i < 10; i++) await t.client.crm.contacts.basicApi.getPage(1);
    const codes = statuses(t, /objects\/contacts$/);
    expect(codes.filter((s) => s === 200)).toHaveLength(10);
    expect(codes.some((s) => s >= 500)).toBe(true);
  });

  it('is deterministic for the same seed', async () => {
    const run = async () => {
      const tt = await startTestEmulator({ faults: { errorRate: 0.5, seed: 42 } });
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) codes.push(await tt.client.crm.contacts.basicApi.getPage(1).then(() => 200, (e: { code: number }) => e.code));
      await tt.emu.close();
      return codes;
    };
    const [a, b] = [await run(), await run()];
    expect(a).toEqual(b);
    expect(new Set(a).size).toBeGreaterThan(1);
  });

  it('gives up after numberOfApiCallRetries attempts with the 5xx in err.code and a JSON body', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    t = await startTestEmulator({ faults: { errorRate: 1 } }, { numberOfApiCallRetries: 3 });
    const err = await apiError(t.client.crm.contacts.basicApi.getPage(1));
    expect([500, 502, 503]).toContain(err.code);
    expect(err.body).toMatchObject({ status: 'error', message: expect.stringContaining('Injected fault') });
    expect(statuses(t, /objects\/contacts$/)).toHaveLength(3);
  });

  it('limits faults to matching paths and changes them at runtime', async () => {
    t = await startTestEmulator({ faults: { errorRate: 1, paths: '/search$' }, rateLimit: { enabled: false } });
    await expect(t.client.crm.contacts.basicApi.getPage(1)).resolves.toBeDefined();
    expect((await apiError(searchAll(t))).code).toBeGreaterThanOrEqual(500);
    t.emu.setFaults({ errorRate: 0 });
    await expect(searchAll(t)).resolves.toMatchObject({ total: 0 });
  });

  it('hangs a request until the client aborts, and close() does not wait for it', async () => {
    t = await startTestEmulator({ faults: { hangRate: 1 } });
    const aborted = fetch(`${t.emu.url}/crm/v3/objects/contacts`, { headers: { authorization: 'Bearer x' }, signal: AbortSignal.timeout(150) });
    await expect(aborted).rejects.toThrow(/abort|timeout/i);
    const pending = fetch(`${t.emu.url}/crm/v3/objects/contacts`, { headers: { authorization: 'Bearer x' } }).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 50));
    await t.emu.close();
    expect(await pending).toBeDefined();
    t = undefined;
  });
});
