// The preview's HTTP app without a browser: the page, the bundles and the JSON API.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createPreviewApp, type PreviewBackend } from '../../local/preview/index.ts';
import { PAGE_VIEWS_PER_VISIT, asPropertyStrings } from '../../local/preview/backend.ts';
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

describe('preview app: simulate activity (sandbox only)', () => {
  const fake = createFakeBackend();
  let app: Hono;
  beforeAll(async () => {
    app = await createPreviewApp(fake.backend);
  });

  it('tells the page the control is available', async () => {
    expect(await (await app.request('/')).text()).toContain('<div id="app" data-testid="preview-app" data-simulate-activity="true">');
  });

  it('records page views and form submissions, answering the new counts', async () => {
    const answers = [];
    for (const kind of ['page_views', 'page_views', 'form_submission']) {
      const response = await app.request('/api/contacts/101/activity', post({ kind }));
      expect(response.status).toBe(200);
      answers.push(await response.json());
    }
    expect(answers).toEqual([
      { ok: true, counts: { pageViews: PAGE_VIEWS_PER_VISIT, formSubmissions: 0 } },
      { ok: true, counts: { pageViews: 2 * PAGE_VIEWS_PER_VISIT, formSubmissions: 0 } },
      { ok: true, counts: { pageViews: 2 * PAGE_VIEWS_PER_VISIT, formSubmissions: 1 } },
    ]);
    expect(fake.activity).toEqual([
      { contactId: '101', kind: 'page_views' }, { contactId: '101', kind: 'page_views' }, { contactId: '101', kind: 'form_submission' },
    ]);
  });

  it.each([
    ['an unknown kind', '/api/contacts/101/activity', { kind: 'email_open' }],
    ['no kind', '/api/contacts/101/activity', {}],
    ['extra fields', '/api/contacts/101/activity', { kind: 'page_views', count: 1000 }],
    ['a body that is not an object', '/api/contacts/101/activity', ['page_views']],
    ['a malformed contact id', '/api/contacts/..%2F/activity', { kind: 'page_views' }],
  ])('rejects %s with 400 and records nothing', async (_what, path, body) => {
    const before = fake.activity.length;
    const response = await app.request(path, post(body));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchInlineSnapshot(`
      {
        "message": "Expected a contact id and { kind: "page_views" | "form_submission" }",
        "ok": false,
      }
    `);
    expect(fake.activity).toHaveLength(before);
  });

  it('rejects a body that is not JSON', async () => {
    const response = await app.request('/api/contacts/101/activity', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'kind=page_views' });
    expect(response.status).toBe(400);
  });

  it('turns a backend failure into a message naming the contact', async () => {
    const seen: string[] = [];
    const failing = await createPreviewApp(fake.backend, { onError: (_error, where) => seen.push(where) });
    const response = await failing.request('/api/contacts/999/activity', post({ kind: 'page_views' }));
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ ok: false, message: 'Activity could not be recorded on contact 999: Contact 999 does not exist' });
    expect(seen).toEqual(['simulateActivity']);
  });

  it('is absent, on the page and in the API, when the backend cannot record activity', async () => {
    const { simulateActivity: _omitted, ...withoutActivity } = createFakeBackend().backend;
    const plain = await createPreviewApp(withoutActivity);
    expect(await (await plain.request('/')).text()).not.toContain('data-simulate-activity');
    expect((await plain.request('/api/contacts/101/activity', post({ kind: 'page_views' }))).status).toBe(404);
  });
});
