// Secrets never leak: a token with a line break (or another control character) appears in no reply,
// error or log of rescore_contact, decision_history, provision or the CLI; neither do credentials
// inside a base URL. And first-hour messages: connection failures name the URL and the cause,
// an unprovisioned portal says to run provision.
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../local/emulator/index.ts';
import { createHubSpotGateway } from '../../lib/adapters/hubspot/gateway.ts';
import { hubspotBaseUrl, readToken } from '../../lib/adapters/index.ts';
import { handleRescore } from '../../lib/functions/rescore_contact.ts';
import { handleHistory } from '../../lib/functions/decision_history.ts';
import { exitCodeFor } from '../../lib/cli/main.ts';
import { redact, safeMessage, secretsFromEnv } from '../../lib/redact.ts';
import { ROOT } from '../support/cli.ts';

const PIECES = ['pat-na1-SECRETHEAD', 'TAILSECRET9'];
const TOKENS = [
  ['\\n', `${PIECES[0]}\n${PIECES[1]}`],
  ['\\r\\n', `${PIECES[0]}\r\n${PIECES[1]}`],
  ['NUL', `${PIECES[0]}\u0000${PIECES[1]}`],
  ['ESC', `${PIECES[0]}\u001b[2J${PIECES[1]}`],
  ['tab', `${PIECES[0]}\t${PIECES[1]}`],
  ['DEL', `${PIECES[0]}\u007f${PIECES[1]}`],
] as const;

const leaks = (text: string): boolean => PIECES.some((p) => text.includes(p));

let emu: RunningEmulator;
let contactId: string;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, db: ':memory:', contacts: 3, seed: 5 });
  contactId = String(emu.store.objects.list('contacts', 1, 0, false)[0]!.id);
});
afterAll(async () => { await emu.close(); });

describe.each(TOKENS)('a token containing %s', (_name, token) => {
  it('is refused up front by readToken, naming the variable, never the value', () => {
    expect(() => readToken({ HUBSPOT_ACCESS_TOKEN: token })).toThrow(/^HUBSPOT_ACCESS_TOKEN: contains a line break or another control character/);
    try { readToken({ PRIVATE_APP_ACCESS_TOKEN: token }); } catch (e) { expect(leaks(String(e))).toBe(false); }
  });

  it('never appears in a rescore_contact or decision_history reply', async () => {
    const env = { HUBSPOT_ACCESS_TOKEN: token, HUBSPOT_BASE_URL: emu.url };
    const replies = [await handleRescore({ parameters: { contactId } }, env), await handleHistory({ parameters: { contactId } }, env)];
    for (const reply of replies) {
      expect(reply.ok).toBe(false);
      expect(leaks(JSON.stringify(reply))).toBe(false);
      expect(JSON.stringify(reply)).toContain('HUBSPOT_ACCESS_TOKEN: contains a line break');
    }
  });

  it('never appears in a gateway error even when handed to the client directly (redacted before the cut)', async () => {
    const gateway = createHubSpotGateway({ accessToken: token, basePath: emu.url, retries: 1 });
    const error = await gateway.getContactWithCompany(contactId, ['email'], ['domain']).then(() => null, (e: unknown) => e);
    // Node refuses header values with \n, \r, NUL (Headers.append quotes them); tab/ESC/DEL may pass and fail auth instead.
    if (error) expect(leaks(`${(error as Error).message}\n${(error as Error).stack ?? ''}`)).toBe(false);
  });
});

describe('redaction', () => {
  it('redacts the whole message before cutting it to the first line, piece by piece', () => {
    const secret = `${PIECES[0]}\n${PIECES[1]}`;
    const message = `Headers.append: "Bearer ${PIECES[0]}\n${PIECES[1]}" is an invalid header value.`;
    expect(safeMessage(new Error(message), [secret])).toBe('Headers.append: "Bearer [redacted]" is an invalid header value.');
    expect(safeMessage(new Error(`x ${PIECES[0]}\n${PIECES[1]} y`), [secret])).toBe('x [redacted] y');
    expect(redact(`only the head ${PIECES[0]} leaked`, [secret])).toBe('only the head [redacted] leaked');
  });

  it.each([
    ['HUBSPOT_CLIENT_SECRET', 'client-secret-value-1'],
    ['LEAD_DECISIONS_AI_API_KEY', 'sk-ai-key-value'],
    ['LEAD_DECISIONS_ENRICHMENT_HEADERS', '{"x-api-key":"enrich-key-value"}'],
    ['ENRICH_API_KEY', 'referenced-by-a-header'],
  ])('every secret of the environment is redacted: %s', (variable, value) => {
    const secrets = secretsFromEnv({ [variable]: value, PATH: '/usr/bin' });
    expect(redact(`failed with ${value} at /usr/bin`, secrets)).toBe('failed with [redacted] at /usr/bin');
  });

  it('redacts credentials inside any URL', () => {
    expect(redact('could not reach https://user:pw@api.example.com/crm and ftp://x@h')).toBe('could not reach https://[redacted]@api.example.com/crm and ftp://[redacted]@h');
  });

  it('the CLI prints an escaped error without secrets and exits 2', () => {
    let printed = '';
    const code = exitCodeFor(new Error(`boom ${PIECES[0]}\u001b[2J\nsecond line ${PIECES[1]}`), { write: (t: string) => { printed += t; return true; } } as never, { HUBSPOT_ACCESS_TOKEN: `${PIECES[0]}\n${PIECES[1]}` });
    expect(code).toBe(2);
    expect(printed).toBe('boom [redacted]\\u001b[2J\n');
  });
});

describe('HUBSPOT_BASE_URL', () => {
  it.each([
    ['https://user:pw@api.hubapi.com', 'HUBSPOT_BASE_URL: contains a user name or password; remove them (the token is sent in a header)'],
    ['api.hubapi.com', 'HUBSPOT_BASE_URL: is not a URL; it must be an http(s) URL such as https://api.hubapi.com or http://127.0.0.1:3100'],
    ['ftp://api.hubapi.com', 'HUBSPOT_BASE_URL: uses ftp:; it must be an http(s) URL such as https://api.hubapi.com or http://127.0.0.1:3100'],
  ])('%s is explained in our words, without the credentials', (value, message) => {
    expect(() => hubspotBaseUrl({ HUBSPOT_BASE_URL: value })).toThrow(message);
  });

  it('a refused connection names the URL (without credentials) and the cause', async () => {
    const port = await new Promise<number>((resolve) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); }); });
    const reply = await handleHistory({ parameters: { contactId: '1' } }, { HUBSPOT_ACCESS_TOKEN: 'test', HUBSPOT_BASE_URL: `http://127.0.0.1:${port}` });
    expect(reply.ok === false && reply.error.message).toMatch(new RegExp(`could not reach http://127\\.0\\.0\\.1:${port}: connection refused$`));
  });
});

describe('an unprovisioned portal', () => {
  it('rescore_contact says to run provision instead of listing the missing properties', async () => {
    const reply = await handleRescore({ parameters: { contactId } }, { HUBSPOT_ACCESS_TOKEN: 'test', HUBSPOT_BASE_URL: emu.url });
    expect(reply).toMatchObject({ ok: false, error: { code: 'crm_error', message: 'The Lead Decisions properties are missing: run `lead-decisions provision`.' } });
  });
});

describe('lead-decisions provision with a bad token (the real CLI)', () => {
  const run = promisify(execFile);
  // An environment variable cannot hold NUL (the OS forbids it), so that case exists only in process.
  it.each(TOKENS.filter(([name]) => name !== 'NUL'))('token with %s: exit 2, a clear message, nothing of the token', async (_name, token) => {
    const r = await run(process.execPath, [join(ROOT, 'bin/lead-decisions.js'), 'provision'], { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', HUBSPOT_ACCESS_TOKEN: token, HUBSPOT_BASE_URL: emu.url } })
      .then(() => ({ code: 0, stdout: '', stderr: '' }), (e: { code: number; stdout: string; stderr: string }) => e);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('HUBSPOT_ACCESS_TOKEN: contains a line break or another control character; copy the token again without it');
    expect(leaks(r.stdout + r.stderr)).toBe(false);
  });
});
