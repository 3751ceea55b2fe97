import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { webhookSignatureV3 } from '../../local/emulator/webhooks.ts';
import { safeEqual, SIGNATURE_WINDOW_MS, signV2, signV3, verifyV2, verifyV2OrV3, verifyV3 } from '../../lib/server/signatures.ts';

const SECRET = 'client-secret-for-tests';
const URI = 'https://leads.example.com/webhooks/hubspot';
const NOW = 1_800_000_000_000;

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n.toLowerCase()] ?? null });
const v3 = (body: string, ts: number, sig = signV3(SECRET, 'POST', URI, body, ts)) =>
  ({ method: 'POST', uri: URI, body, headers: headers({ 'x-hubspot-signature-v3': sig, 'x-hubspot-request-timestamp': String(ts) }) });

describe('v3 webhook signatures', () => {
  it('matches HubSpot\'s recipe: base64 HMAC-SHA256 of method + URI + body + timestamp', () => {
    const body = '[{"eventId":1}]';
    const expected = createHmac('sha256', SECRET).update(`POST${URI}${body}${NOW}`).digest('base64');
    expect(signV3(SECRET, 'POST', URI, body, NOW)).toBe(expected);
    expect(webhookSignatureV3(SECRET, 'POST', URI, body, NOW)).toBe(expected);
  });

  it.each([
    ['a fresh, correct signature', (b: string) => v3(b, NOW), true, null],
    ['a timestamp 4 min 59 s old', (b: string) => v3(b, NOW - SIGNATURE_WINDOW_MS + 1000), true, null],
    ['a timestamp 5 min 1 s old', (b: string) => v3(b, NOW - SIGNATURE_WINDOW_MS - 1000), false, 'stale_timestamp'],
    ['a timestamp 6 min in the future', (b: string) => v3(b, NOW + 6 * 60_000), false, 'stale_timestamp'],
    ['a timestamp that is not a number', (b: string) => ({ ...v3(b, NOW), headers: headers({ 'x-hubspot-signature-v3': 'x', 'x-hubspot-request-timestamp': 'yesterday' }) }), false, 'bad_timestamp'],
    ['no signature header', (b: string) => ({ ...v3(b, NOW), headers: headers({}) }), false, 'missing_signature'],
    ['a signature of another body', (b: string) => v3(b, NOW, signV3(SECRET, 'POST', URI, `${b} `, NOW)), false, 'bad_signature'],
    ['a signature made with another secret', (b: string) => v3(b, NOW, signV3('other', 'POST', URI, b, NOW)), false, 'bad_signature'],
    ['a signature for another URL', (b: string) => v3(b, NOW, signV3(SECRET, 'POST', 'https://evil.example/webhooks/hubspot', b, NOW)), false, 'bad_signature'],
  ])('%s → ok %s', (_name, build, ok, code) => {
    const result = verifyV3(SECRET, build('[{"eventId":7}]'), NOW);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.code).toBe(code);
  });

  it('any change to the body breaks the signature (property)', () => {
    fc.assert(fc.property(fc.string(), fc.string({ minLength: 1 }), (body, extra) => {
      const req = v3(body, NOW);
      expect(verifyV3(SECRET, req, NOW).ok).toBe(true);
      expect(verifyV3(SECRET, { ...req, body: body + extra }, NOW).ok).toBe(false);
    }));
  });
});

describe('v2 workflow-action signatures', () => {
  const body = '{"callbackId":"c1"}';
  const uri = 'https://leads.example.com/workflow-actions/decide';
  it('is hex SHA-256 of secret + method + URI + body', () => {
    expect(signV2(SECRET, 'POST', uri, body)).toBe(createHash('sha256').update(`${SECRET}POST${uri}${body}`).digest('hex'));
  });
  it.each([
    ['the right signature', signV2(SECRET, 'POST', uri, body), true],
    ['upper-case hex of the right signature', signV2(SECRET, 'POST', uri, body).toUpperCase(), true],
    ['a signature of another body', signV2(SECRET, 'POST', uri, `${body}x`), false],
    ['a v3-style base64 value', signV3(SECRET, 'POST', uri, body, NOW), false],
  ])('%s → ok %s', (_name, sig, ok) => {
    expect(verifyV2(SECRET, { method: 'POST', uri, body, headers: headers({ 'x-hubspot-signature': sig }) }).ok).toBe(ok);
  });
  it('the action endpoint accepts v3 as well', () => {
    const req = { method: 'POST', uri, body, headers: headers({ 'x-hubspot-signature-v3': signV3(SECRET, 'POST', uri, body, NOW), 'x-hubspot-request-timestamp': String(NOW) }) };
    expect(verifyV2OrV3(SECRET, req, NOW)).toEqual({ ok: true, version: 'v3' });
  });
});

describe('constant-time comparison', () => {
  it('agrees with === on any pair of strings (property)', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => { expect(safeEqual(a, b)).toBe(a === b); }));
    fc.assert(fc.property(fc.string(), (a) => { expect(safeEqual(a, a)).toBe(true); }));
  });
});
