// The preview's HTTP app without a browser: the page, the bundles and the JSON API.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createPreviewApp, type PreviewBackend } from '../../local/preview/index.ts';
import { asPropertyStrings } from '../../local/preview/backend.ts';
import { createFakeBackend } from './fake-backend.ts';

const post = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('preview app', () => {
  const fake = createFakeBackend();
  let app: Hono;
  beforeAll(async () => {
    app = await createPreviewApp(fake.backend);
  });

  it('serves the page with the host script before the card script', async () => {
    const html = await (await app.request('/')).text();
    expect(html.indexOf('/assets/host.js')).toBeGreaterThan(0);
    expect(html.indexOf('/assets/host.js')).toBeLessThan(html.indexOf('/assets/card.js'));
  });

  it('bundles the card against the host globals instead of its own React', async () => {
    const card = await (await app.request('/assets/card.js')).text();
    expect(card).toContain('self.React');
    expect(card).toContain('self.RemoteUI');
    expect(card).toContain('rescore_contact');
    expect(card).not.toContain('__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED');
    const host = await (await app.request('/assets/host.js')).text();
    expect(host).toContain('__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED');
    expect(host).toContain('__HUBSPOT_EXTENSION_WORKER__');
  });

  it.each([
    ['', 4],
    ['grace', 1],
    ['nobody', 0],
  ])('lists contacts matching %j', async (q, count) => {
    const body = await (await app.request(`/api/contacts?q=${q}&limit=10`)).json() as { contacts: unknown[] };
    expect(body.contacts).toHaveLength(count);
  });

  it.each(['0', '201', 'many'])('rejects limit=%s', async (limit) => {
    expect((await app.request(`/api/contacts?limit=${limit}`)).status).toBe(400);
  });

  it('hands properties over as strings or null', async () => {
    const response = await app.request('/api/contacts/101/properties', post({ names: ['lead_score', 'routing_tier', 'unknown_prop'] }));
    expect(await response.json()).toEqual({ ok: true, properties: { lead_score: '52', routing_tier: 'medium', unknown_prop: null } });
    expect(asPropertyStrings(['a', 'b', 'c'], { a: 7, b: true })).toEqual({ a: '7', b: 'true', c: null });
  });

  it.each([
    ['/api/contacts/101/properties', { names: [] }],
    ['/api/contacts/101/properties', { names: ['bad name'] }],
    ['/api/contacts/..%2F/properties', { names: ['lead_score'] }],
    ['/api/functions/rescore_contact', { parameters: {} }],
    ['/api/functions/Bad-Name', { contactId: '101' }],
  ])('rejects a malformed request to %s', async (path, body) => {
    expect((await app.request(path, post(body))).status).toBe(400);
  });

  it('runs a function with the card parameters and the record id', async () => {
    const response = await app.request('/api/functions/decision_history', post({ contactId: '102', parameters: { contactId: '102' } }));
    const body = await response.json() as { ok: boolean; result: { ok: boolean; entries: unknown[] } };
    expect(body.ok).toBe(true);
    expect(body.result.entries).toHaveLength(1);
    expect(fake.calls.at(-1)).toEqual({ name: 'decision_history', parameters: { contactId: '102' }, contactId: '102' });
  });

  it('turns a thrown function into a message the card can show', async () => {
    const response = await app.request('/api/functions/rescore_contact', post({ contactId: '104', parameters: {} }));
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ ok: false, message: 'rescore_contact failed: HubSpot answered 500 while reading the company' });
  });

  it('reports a failing backend without crashing', async () => {
    const seen: string[] = [];
    const broken: PreviewBackend = {
      listContacts: async () => { throw new Error('emulator is not running'); },
      getContactProperties: async () => ({}),
      runFunction: async () => null,
    };
    const brokenApp = await createPreviewApp(broken, { onError: (_error, where) => seen.push(where) });
    const response = await brokenApp.request('/api/contacts');
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ ok: false, message: 'Contacts could not be listed: emulator is not running' });
    expect(seen).toEqual(['listContacts']);
  });
});
