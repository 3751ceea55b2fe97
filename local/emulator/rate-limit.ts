// HubSpot's private-app limits: a ten-second rolling burst, a per-second search limit (no headers),
// and a daily cap. 429 bodies match what HubSpot sends, so the client's retry paths run for real.
import { randomUUID } from 'node:crypto';

export interface RateLimitOptions { burstPer10s: number; searchPerSecond: number; daily: number; enabled: boolean }
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burstPer10s: 190, searchPerSecond: 5, daily: 1_000_000, enabled: true };

export interface RateLimitBody { status: 'error'; message: string; errorType: 'RATE_LIMIT'; correlationId: string; policyName: string; groupName: string }
export type RateDecision = { ok: true; headers: Record<string, string> } | { ok: false; headers: Record<string, string>; body: RateLimitBody };

const GROUP = 'publicapi:private-app:emulator';
const DAY_MS = 86_400_000;

/** Timestamps of accepted requests inside a rolling window. */
class Window {
  private times: number[] = [];
  constructor(private readonly spanMs: number) {}
  count(now: number): number {
    let drop = 0;
    while (drop < this.times.length && this.times[drop]! <= now - this.spanMs) drop++;
    if (drop > 0) this.times.splice(0, drop);
    return this.times.length;
  }
  add(now: number): void { this.times.push(now); }
}

export class RateLimiter {
  private burst = new Window(10_000);
  private search = new Window(1_000);
  private day = { start: 0, count: 0 };
  constructor(public options: RateLimitOptions, private readonly now: () => number = Date.now) {}

  set(patch: Partial<RateLimitOptions>): void { this.options = { ...this.options, ...patch }; }

  check(isSearch: boolean): RateDecision {
    const now = this.now();
    const o = this.options;
    const dayStart = Math.floor(now / DAY_MS) * DAY_MS;
    if (this.day.start !== dayStart) this.day = { start: dayStart, count: 0 };
    if (!o.enabled) return { ok: true, headers: {} };
    const dailyLeft = o.daily - this.day.count;
    const used = this.burst.count(now);
    const headers = (remaining: number): Record<string, string> => (isSearch ? {} : {
      'X-HubSpot-RateLimit-Max': String(o.burstPer10s),
      'X-HubSpot-RateLimit-Remaining': String(Math.max(0, remaining)),
      'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
      'X-HubSpot-RateLimit-Daily': String(o.daily),
      'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, dailyLeft - 1)),
    });
    if (dailyLeft <= 0) return { ok: false, headers: headers(o.burstPer10s - used), body: body('You have reached your daily limit.', 'DAILY') };
    if (isSearch) {
      if (this.search.count(now) >= o.searchPerSecond) return { ok: false, headers: {}, body: body('You have reached your secondly limit.', 'SECONDLY') };
      this.search.add(now);
    } else {
      if (used >= o.burstPer10s) return { ok: false, headers: headers(0), body: body('You have reached your ten_secondly_rolling limit.', 'TEN_SECONDLY_ROLLING') };
      this.burst.add(now);
    }
    this.day.count++;
    return { ok: true, headers: headers(o.burstPer10s - used - 1) };
  }
}

/** The 429 body HubSpot sends when the ten-second limit is used up (also what an injected throttle fault answers). */
export function tenSecondlyBody(): RateLimitBody {
  return body('You have reached your ten_secondly_rolling limit.', 'TEN_SECONDLY_ROLLING');
}

function body(message: string, policyName: string): RateLimitBody {
  return { status: 'error', message, errorType: 'RATE_LIMIT', correlationId: randomUUID(), policyName, groupName: GROUP };
}
