// The local servers against a hostile browser and hostile input: DNS rebinding (foreign Host),
// cross-origin text/plain POSTs, prototype keys as function names, HubSpot's limits, and a
// backtracking --faults pattern that must not hang the emulator.
import { request as httpRequest } from 'node:http';
import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../local/emulator/index.ts';
import { createEmulatorApp } from '../../local/emulator/app.ts';
import { compilePathPattern } from '../../local/emulator/path-pattern.ts';
import { startPreviewServer, type PreviewServer } from '../../local/preview/index.ts';
import { checkRequest } from '../../local/host-guard.ts';
import { createSandboxBackend } from '../../lib/sandbox/preview-backend.ts';
import { functionConfig } from '../../lib/functions/shell.ts';
import { createFakeBackend } from '../preview/fake-backend.ts';
import { runCli } from '../support/cli.ts';

interface Answer { status: number; body: string }
/** node:http, because fetch may not set Host. */
function send(url: string, method: string, headers: Record<string, string>, body = ''): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, agent: false, headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => { text += d.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const AUTH = { authorization: 'Bearer local-dev-token' };
let emu: RunningEmulator;
let preview: PreviewServer;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, db: ':memory:', contacts: 2, seed: 3 });
  preview = await startPreviewServer(createFakeBackend().backend, { port: 0 });
});
afterAll(async () => { await Promise.all([emu.close(), preview.close()]); });

describe.each([
  ['emulator', () => emu.url, '/crm/v3/objects/contacts', JSON.stringify({ properties: { firstname: 'Guarded' } })],
  ['preview', () => preview.url, '/api/functions/rescore_contact', JSON.stringify({ contactId: '101', parameters: {} })],
])('%s: Host and Origin', (_name, base, path, body) => {
  const port = () => new URL(base()).port;
  it.each([['evil.example'], ['evil.example:80'], ['127.0.0.1.nip.io']])('refuses a foreign Host %s (DNS rebinding), even on GET', async (host) => {
    const r = await send(`${base()}${path}`, 'GET', { ...AUTH, host });
    expect(r.status).toBe(403);
    expect(r.body).toContain('is not this local server');
  });

  it('refuses a cross-origin text/plain POST (no preflight) before it changes anything', async () => {
    const r = await send(`${base()}${path}`, 'POST', { ...AUTH, 'content-type': 'text/plain', origin: 'http://evil.example' }, body);
    expect(r.status).toBe(403);
    expect(r.body).toContain('another origin');
  });

  it('refuses Sec-Fetch-Site: cross-site and a null Origin', async () => {
    expect((await send(`${base()}${path}`, 'POST', { ...AUTH, 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, body)).status).toBe(403);
    expect((await send(`${base()}${path}`, 'POST', { ...AUTH, 'content-type': 'application/json', origin: 'null' }, body)).status).toBe(403);
  });

  it.each([['localhost'], ['127.0.0.1'], ['[::1]']])('accepts Host %s with a same-origin POST or none at all', async (name) => {
    const host = `${name}:${port()}`;
    const same = await send(`${base()}${path}`, 'POST', { ...AUTH, host, 'content-type': 'application/json', origin: `http://${host}` }, body);
    const none = await send(`${base()}${path}`, 'POST', { ...AUTH, host, 'content-type': 'application/json' }, body);
    expect([same.status, none.status].every((s) => s < 300)).toBe(true);
  });
});

describe('host guard rules', () => {
  it.each([
    ['GET', { host: '10.0.0.5:3000' }, '10.0.0.5', null],
    ['GET', { host: 'evil.example:3000' }, '0.0.0.0', null],
    ['POST', { host: 'evil.example:3000', origin: 'http://other.example' }, '0.0.0.0', 'another origin'],
    ['POST', { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:4000' }, '127.0.0.1', 'another origin'],
    ['DELETE', { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }, '127.0.0.1', null],
  ] as const)('%s %j bound to %s → %s', (method, headers, bound, refusal) => {
    const failure = checkRequest(method, new Headers(headers), bound);
    if (refusal === null) expect(failure).toBeNull();
    else expect(failure?.message).toContain(refusal);
  });
});

describe('app functions are looked up by own keys only', () => {
  it.each(['constructor', 'valueof', 'prototype'])('POST /api/functions/%s → 404 from the preview', async (name) => {
    const r = await send(`${preview.url}/api/functions/${name}`, 'POST', { 'content-type': 'application/json' }, JSON.stringify({ contactId: '101', parameters: {} }));
    expect(r.status).toBe(404);
  });

  it('the sandbox backend refuses "constructor" instead of calling Object', async () => {
    const backend = createSandboxBackend(new Client({ accessToken: 'local-dev-token', basePath: emu.url }), { HUBSPOT_ACCESS_TOKEN: 'local-dev-token', HUBSPOT_BASE_URL: emu.url }, functionConfig());
    await expect(backend.runFunction('constructor', {}, '1')).rejects.toMatchObject({ name: 'UnknownFunctionError' });
  });
});

describe('emulator limits like HubSpot', () => {
  const client = () => new Client({ accessToken: 'local-dev-token', basePath: emu.url, numberOfApiCallRetries: 1 });
  const create = (properties: Record<string, unknown>) => send(`${emu.url}/crm/v3/objects/contacts`, 'POST', { ...AUTH, 'content-type': 'application/json' }, JSON.stringify({ properties }));

  it.each([
    ['a 65,536-character value', { firstname: 'x'.repeat(65_536) }, 'INVALID_LENGTH'],
    ['an object value', { firstname: { nested: 1 } }, 'INVALID_PROPERTY_VALUE'],
    ['an array value', { firstname: ['a'] }, 'INVALID_PROPERTY_VALUE'],
    ['a malformed email', { email: 'not an email' }, 'INVALID_EMAIL'],
    ['an email without a domain dot', { email: 'ann@localhost' }, 'INVALID_EMAIL'],
  ])('refuses %s with 400 and stores nothing', async (_name, properties, code) => {
    const before = emu.store.count('contacts');
    const r = await create(properties);
    expect(r.status).toBe(400);
    expect(r.body).toContain(code);
    expect(emu.store.count('contacts')).toBe(before);
  });

  it('accepts a 65,535-character value', async () => {
    expect((await create({ firstname: 'x'.repeat(65_535) })).status).toBe(201);
  });

  it('refuses a body over 8 MB with 413, from its announced length, before reading it', async () => {
    const r = await send(`${emu.url}/crm/v3/objects/contacts`, 'POST', { ...AUTH, 'content-type': 'application/json', 'content-length': String(9 * 1024 * 1024) }, '');
    expect(r.status).toBe(413);
    expect(r.body).toContain('larger than 8 MB');
  });

  it('refuses a streamed (chunked) body over 8 MB with 413', async () => {
    const big = JSON.stringify({ properties: { firstname: 'x'.repeat(9 * 1024 * 1024) } });
    const res = await createEmulatorApp(emu.store).request('/crm/v3/objects/contacts', {
      method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' },
      body: new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(big)); c.close(); } }), duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('a 100,000-character CONTAINS_TOKEN is a 400, not a SQLite 500', async () => {
    const search = client().crm.contacts.searchApi.doSearch({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'CONTAINS_TOKEN', value: 'a'.repeat(100_000) }] }], limit: 1 } as never);
    await expect(search).rejects.toMatchObject({ code: 400 });
    const query = client().crm.contacts.searchApi.doSearch({ query: 'b'.repeat(100_000), limit: 1 } as never);
    await expect(query).rejects.toMatchObject({ code: 400 });
  });
});

describe('--faults paths cannot hang', () => {
  it('a catastrophic-backtracking pattern is literal text: the request answers at once', async () => {
    emu.setFaults({ errorRate: 1, paths: '^(a+)+$' });
    try {
      const r = await send(`${emu.url}/${'a'.repeat(60)}!`, 'GET', AUTH);
      expect(r.status).toBe(404);
    } finally {
      emu.setFaults({ errorRate: 0, paths: '' });
    }
  });

  it.each([
    ['/search$', '/crm/v3/objects/contacts/search', true],
    ['/search$', '/crm/v3/objects/contacts/search/x', false],
    ['^/crm/v3/objects/tasks$', '/crm/v3/objects/tasks', true],
    ['^/crm/v3/objects/tasks$', '/crm/v3/objects/tasks/1', false],
    ['^/crm/v3/objects/companies/', '/crm/v3/objects/companies/5', true],
    ['^/crm/*/owners', '/crm/v3/owners', true],
    ['contacts|companies', '/crm/v3/objects/companies', true],
    ['^/crm/v3/objects/*/search$', '/crm/v3/objects/deals/search', true],
    ['^/crm/v3/objects/*/search$', '/crm/v4/objects/deals/search', false],
    ['^(a+)+$', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', false],
    ['^a*a*a*a*a*a*a*b$', `${'a'.repeat(5000)}c`, false],
  ])('%s matches %s: %s', (pattern, path, want) => {
    const compiled = compilePathPattern(pattern);
    expect(compiled.ok && compiled.match(path)).toBe(want);
  });
});

describe('emulator --host 0.0.0.0', () => {
  it('warns loudly that any token is accepted from the network', async () => {
    const p = runCli(['emulator', '--host', '0.0.0.0', '--port', '0', '--db', ':memory:', '--contacts', '0']);
    await p.line(/listening on/);
    p.child.kill('SIGINT');
    await p.exited;
    expect(p.output().err).toContain('WARNING: the emulator is listening on 0.0.0.0, reachable from other machines. It holds demo data and accepts ANY bearer token');
  });
});
