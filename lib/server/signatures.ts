// HubSpot request signatures. v3 (webhooks): base64 HMAC-SHA256 over method + URI + body +
// timestamp, keyed with the app's client secret, timestamps at most 5 minutes old. v2 (workflow
// actions): hex SHA-256 of secret + method + URI + body. Both compared in constant time.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** HubSpot rejects, and so do we, a v3 timestamp older than this. */
export const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;

export type SignatureFailure = { ok: false; code: 'missing_signature' | 'bad_timestamp' | 'stale_timestamp' | 'bad_signature'; message: string };
export type SignatureCheck = { ok: true; version: 'v2' | 'v3' } | SignatureFailure;

export interface SignedRequest {
  method: string;
  /** The full URL HubSpot called (the public URL, not the one the proxy forwarded). */
  uri: string;
  body: string;
  headers: { get(name: string): string | null | undefined };
}

/** HubSpot decodes a few URL-encoded characters before signing v3; we do the same. */
function decodeV3Uri(uri: string): string {
  return uri.replace(/%3A/gi, ':').replace(/%2F/gi, '/').replace(/%3F/gi, '?').replace(/%40/gi, '@').replace(/%21/gi, '!')
    .replace(/%24/gi, '$').replace(/%27/gi, "'").replace(/%28/gi, '(').replace(/%29/gi, ')').replace(/%2A/gi, '*')
    .replace(/%2C/gi, ',').replace(/%3B/gi, ';');
}

export function signV3(secret: string, method: string, uri: string, body: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${method.toUpperCase()}${decodeV3Uri(uri)}${body}${timestamp}`).digest('base64');
}

export function signV2(secret: string, method: string, uri: string, body: string): string {
  return createHash('sha256').update(`${secret}${method.toUpperCase()}${uri}${body}`).digest('hex');
}

/** Constant-time equality of two strings; unequal lengths compare a digest so timing says nothing either. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  if (x.length !== y.length) {
    timingSafeEqual(x, x);
    return false;
  }
  return timingSafeEqual(x, y);
}

export function verifyV3(secret: string, req: SignedRequest, nowMs: number): SignatureCheck {
  const signature = req.headers.get('x-hubspot-signature-v3');
  const rawTs = req.headers.get('x-hubspot-request-timestamp');
  if (!signature || !rawTs) return { ok: false, code: 'missing_signature', message: 'The request carries no X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp headers.' };
  if (!/^\d{1,16}$/.test(rawTs)) return { ok: false, code: 'bad_timestamp', message: 'X-HubSpot-Request-Timestamp is not a Unix time in milliseconds.' };
  const ts = Number(rawTs);
  if (nowMs - ts > SIGNATURE_WINDOW_MS || ts - nowMs > SIGNATURE_WINDOW_MS) {
    return { ok: false, code: 'stale_timestamp', message: 'The request timestamp is more than 5 minutes away from now: replayed or delayed requests are refused.' };
  }
  const expected = signV3(secret, req.method, req.uri, req.body, ts);
  return safeEqual(signature, expected) ? { ok: true, version: 'v3' } : { ok: false, code: 'bad_signature', message: 'The v3 signature does not match this request.' };
}

export function verifyV2(secret: string, req: SignedRequest): SignatureCheck {
  const signature = req.headers.get('x-hubspot-signature');
  if (!signature) return { ok: false, code: 'missing_signature', message: 'The request carries no X-HubSpot-Signature header.' };
  const expected = signV2(secret, req.method, req.uri, req.body);
  return safeEqual(signature.toLowerCase(), expected) ? { ok: true, version: 'v2' } : { ok: false, code: 'bad_signature', message: 'The v2 signature does not match this request.' };
}

/** Workflow actions: v3 when its headers are present, else v2. */
export function verifyV2OrV3(secret: string, req: SignedRequest, nowMs: number): SignatureCheck {
  return req.headers.get('x-hubspot-signature-v3') ? verifyV3(secret, req, nowMs) : verifyV2(secret, req);
}
