// Parses the emulator command's compact option strings (`burst=190,search=5,daily=N|off`,
// `error=0.05,throttle=0.05,latency=100,hang=0.01,seed=1`) into typed options, or a readable error.
import { z } from 'zod';
import type { FaultOptions } from './faults.ts';
import type { RateLimitOptions } from './rate-limit.ts';
import type { WebhookSwitches } from './webhooks.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function pairs(raw: string, what: string, keys: readonly string[]): Parsed<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = eq > 0 ? part.slice(0, eq) : part;
    if (eq <= 0 || !keys.includes(key)) return { ok: false, message: `Unknown ${what} setting "${part}"; use ${keys.map((k) => `${k}=…`).join(',')}.` };
    out[key] = part.slice(eq + 1);
  }
  return { ok: true, value: out };
}

const count = z.coerce.number().int().min(1);
const fraction = z.coerce.number().min(0).max(1);

export function parseRateLimit(raw: string): Parsed<Partial<RateLimitOptions>> {
  if (raw.trim() === 'off') return { ok: true, value: { enabled: false } };
  const p = pairs(raw, 'rate-limit', ['burst', 'search', 'daily']);
  if (!p.ok) return p;
  const schema = z.object({ burst: count.optional(), search: count.optional(), daily: count.optional() });
  const r = schema.safeParse(p.value);
  if (!r.success) return { ok: false, message: `Bad --rate-limit value: ${r.error.issues[0]!.path.join('.')} must be a whole number of at least 1.` };
  const value: Partial<RateLimitOptions> = { enabled: true };
  if (r.data.burst !== undefined) value.burstPer10s = r.data.burst;
  if (r.data.search !== undefined) value.searchPerSecond = r.data.search;
  if (r.data.daily !== undefined) value.daily = r.data.daily;
  return { ok: true, value };
}

export function parseFaults(raw: string): Parsed<Partial<FaultOptions>> {
  const p = pairs(raw, 'faults', ['error', 'throttle', 'latency', 'hang', 'seed', 'paths']);
  if (!p.ok) return p;
  const schema = z.object({ error: fraction.optional(), throttle: fraction.optional(), hang: fraction.optional(), latency: z.coerce.number().int().min(0).optional(), seed: z.coerce.number().int().optional(), paths: z.string().optional() });
  const r = schema.safeParse(p.value);
  if (!r.success) {
    const key = r.error.issues[0]!.path.join('.');
    return { ok: false, message: `Bad --faults value for ${key}: error, throttle and hang are fractions from 0 to 1, latency is milliseconds, seed a whole number.` };
  }
  if (r.data.paths !== undefined) {
    try { new RegExp(r.data.paths); } catch { return { ok: false, message: `Bad --faults paths: "${r.data.paths}" is not a valid regular expression.` }; }
  }
  const value: Partial<FaultOptions> = {};
  if (r.data.error !== undefined) value.errorRate = r.data.error;
  if (r.data.hang !== undefined) value.hangRate = r.data.hang;
  if (r.data.throttle !== undefined) value.throttleRate = r.data.throttle;
  if (r.data.latency !== undefined) value.latencyMs = r.data.latency;
  if (r.data.seed !== undefined) value.seed = r.data.seed;
  if (r.data.paths !== undefined) value.paths = r.data.paths;
  return { ok: true, value };
}

/** `duplicates=0.3,reorder=1,delay=500,redeliver=0.1,seed=1` → the webhook sender's switches. */
export function parseWebhookSwitches(raw: string): Parsed<Partial<WebhookSwitches>> {
  const p = pairs(raw, 'webhook-faults', ['duplicates', 'reorder', 'delay', 'redeliver', 'seed']);
  if (!p.ok) return p;
  const schema = z.object({
    duplicates: fraction.optional(), redeliver: fraction.optional(), reorder: z.enum(['0', '1']).optional(),
    delay: z.coerce.number().int().min(0).max(600_000).optional(), seed: z.coerce.number().int().optional(),
  });
  const r = schema.safeParse(p.value);
  if (!r.success) {
    const key = r.error.issues[0]!.path.join('.');
    return { ok: false, message: `Bad --webhook-faults value for ${key}: duplicates and redeliver are fractions from 0 to 1, reorder is 0 or 1, delay is milliseconds, seed a whole number.` };
  }
  const value: Partial<WebhookSwitches> = {};
  if (r.data.duplicates !== undefined) value.duplicates = r.data.duplicates;
  if (r.data.redeliver !== undefined) value.redeliver = r.data.redeliver;
  if (r.data.reorder !== undefined) value.reorder = r.data.reorder === '1';
  if (r.data.delay !== undefined) value.delayMs = r.data.delay;
  if (r.data.seed !== undefined) value.seed = r.data.seed;
  return { ok: true, value };
}
