// Seedable fault injection: a fraction of 5xx answers, a fraction of 429s (as if another app
// shared the portal's ten-second limit), added latency, and requests that hang until the client
// gives up (or ~60 s). Changeable at runtime.
import { createRng, type Rng } from './prng.ts';

export interface FaultOptions { errorRate: number; latencyMs: number; hangRate: number; seed: number; paths?: string; /** Fraction answered 429 TEN_SECONDLY_ROLLING. */ throttleRate?: number }
export const DEFAULT_FAULTS: FaultOptions = { errorRate: 0, latencyMs: 0, hangRate: 0, seed: 1 };

export type FaultDecision = { kind: 'none'; latencyMs: number } | { kind: 'error'; status: 500 | 502 | 503; latencyMs: number } | { kind: 'hang'; latencyMs: number } | { kind: 'throttle'; latencyMs: number };

export const HANG_MS = 60_000;
const ERROR_STATUSES = [500, 502, 503] as const;

export class FaultInjector {
  private rng: Rng;
  private pathRe: RegExp | null;
  constructor(public options: FaultOptions) {
    this.rng = createRng(options.seed);
    this.pathRe = options.paths ? new RegExp(options.paths) : null;
  }

  set(patch: Partial<FaultOptions>): void {
    this.options = { ...this.options, ...patch };
    if (patch.seed !== undefined) this.rng = createRng(patch.seed);
    if ('paths' in patch) this.pathRe = patch.paths ? new RegExp(patch.paths) : null;
  }

  decide(path: string): FaultDecision {
    const o = this.options;
    if (this.pathRe && !this.pathRe.test(path)) return { kind: 'none', latencyMs: 0 };
    const throttle = o.throttleRate ?? 0;
    if (o.errorRate <= 0 && o.hangRate <= 0 && throttle <= 0) return { kind: 'none', latencyMs: o.latencyMs };
    const r = this.rng();
    if (r < o.hangRate) return { kind: 'hang', latencyMs: o.latencyMs };
    if (r < o.hangRate + o.errorRate) return { kind: 'error', status: ERROR_STATUSES[Math.floor(this.rng() * 3)]!, latencyMs: o.latencyMs };
    if (r < o.hangRate + o.errorRate + throttle) return { kind: 'throttle', latencyMs: o.latencyMs };
    return { kind: 'none', latencyMs: o.latencyMs };
  }
}
