// What the client hides: status lines, headers, content types, auth — via app.request() (no port) and fetch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulatorApp, EmulatorStore, startEmulator, type RunningEmulator } from '../../local/emulator/index.ts';
import { UUID } from './helpers.ts';

const store = new EmulatorStore(':memory:');
const app = createEmulatorApp(store, { rateLimit: { burstPer10s: 1000 } });
const auth = { authorization: 'Bearer local-dev-token' };
afterAll(() => store.close());

describe('without a port (app.request)', () => {
  it.each([
    ['no Authorization header', {}],
    ['an empty bearer', { authorization: 'Bearer ' }],
    ['a Basic header', { authorization: 'Basic abc' }],
  ])('answers 401 INVALID_AUTHENTICATION in JSON for %s', async (_label, headers) => {
    const res = await app.request('/crm/v3/objects/contacts', { headers });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
    expect(body.correlationId).toMatch(UUID);
  });

  it('sends the rate-limit headers on CRM calls but none on search', async () => {
    const list = await app.request('/crm/v3/objects/contacts', { headers: auth });
    expect(list.status).toBe(200);
    expect(Number(list.headers.get('x-hubspot-ratelimit-max'))).toBe(1000);
    expect(list.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
    expect(Number(list.headers.get('x-hubspot-ratelimit-remaining'))).toBeLessThan(1000);
    expect(list.headers.get('x-hubspot-ratelimit-daily')).toBe('1000000');
    expect(list.headers.get('x-hubspot-ratelimit-daily-remaining')).not.toBeNull();
    const search = await app.request('/crm/v3/objects/contacts/search', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
    expect(search.status).toBe(200);
    expect([...search.headers.keys()].filter((k) => k.startsWith('x-hubspot-ratelimit'))).toEqual([]);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await app.request('/crm/v3/nothing-here', { headers: auth });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ status: 'error', category: 'NOT_FOUND' });
  });

  it('answers an unknown object type and a malformed body with 400 VALIDATION_ERROR', async () => {
    const badType = await app.request('/crm/v3/objects/widgets', { headers: auth });
    expect(badType.status).toBe(400);
    const badJson = await app.request('/crm/v3/objects/contacts', { method: 'POST', headers: auth, body: '{"properties":' });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as { message: string }).message).toMatch(/^Invalid input JSON/);
  });

  it('accepts numbers and booleans in property values from raw callers and returns strings', async () => {
    const res = await app.request('/crm/v3/objects/companies', { method: 'POST', headers: auth, body: JSON.stringify({ properties: { name: 'Raw', numberofemployees: 42 } }) });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; properties: Record<string, unknown> };
    expect(created.properties.name).toBe('Raw');
    expect(store.getCompany(created.id)?.properties.numberofemployees).toBe('42');
  });
});

describe('over HTTP', () => {
  let emu: RunningEmulator;
  beforeAll(async () => { emu = await startEmulator({ token: 'secret-token', rateLimit: { burstPer10s: 2 } }); });
  afterAll(async () => { await emu.close(); });

  it('binds 127.0.0.1 on a random port and accepts only the configured token', async () => {
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const wrong = await fetch(`${emu.url}/crm/v3/owners/`, { headers: { authorization: 'Bearer other' } });
    expect(wrong.status).toBe(401);
    expect(JSON.stringify(await wrong.json())).not.toContain('secret-token');
  });

  it('answers 429 with HubSpot\'s body and Remaining 0 once the burst is spent, and logs every request', async () => {
    emu.requestLog.clear();
    const get = () => fetch(`${emu.url}/crm/v3/owners/`, { headers: { authorization: 'Bearer secret-token' } });
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(200);
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    const body = (await limited.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['correlationId', 'errorType', 'groupName', 'message', 'policyName', 'status']);
    expect(emu.requestLog.entries().map((e) => [e.method, e.path, e.status])).toEqual([
      ['GET', '/crm/v3/owners/', 200], ['GET', '/crm/v3/owners/', 200], ['GET', '/crm/v3/owners/', 429],
    ]);
  });
});
