// Pacing and retries for a long run against HubSpot's limits, written small on purpose: a rolling
// window (the shape of HubSpot's ten-second limit) that lets a request start only when fewer than
// `max` started in the last interval, so a run sustains the limit instead of bursting into 429s.
// Retries: a ten-secondly/secondly 429 waits and goes again (HubSpot refused it before doing
// anything); a 5xx, a timeout or a network failure is retried with exponential backoff for reads
// and updates, never for a create (its outcome is unknown: the side-effect ledger settles it);
// a DAILY 429 stops the run (DailyLimitError) so it can resume after the reset.
import { CrmError, RateLimitError } from '../../errors.ts';
import type { Rate } from './scope.ts';

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: PacerClock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

/** Requests HubSpot's window counts a little later than we start them: keep a small margin. */
const WINDOW_MARGIN = 1.02;

export class Pacer {
  private readonly starts: number[] = [];
  private queue: Promise<void> = Promise.resolve();
  private pausedUntil = 0;

  constructor(readonly rate: Rate, private readonly clock: PacerClock = realClock) {}

  /** Resolves when one more request may start, and counts it as started. Callers are served in order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Nobody starts before `ms` from now (after a 429). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  private async waitForSlot(): Promise<void> {
    const window = this.rate.intervalMs * WINDOW_MARGIN;
    for (;;) {
      const now = this.clock.now();
      while (this.starts.length > 0 && this.starts[0]! <= now - window) this.starts.shift();
      // The start `max` places back must have left the window before another may begin.
      const blocking = this.starts.length >= this.rate.max ? this.starts[this.starts.length - this.rate.max]! : null;
      const wait = Math.max(this.pausedUntil - now, blocking === null ? 0 : blocking + window - now);
      if (wait <= 0) break;
      await this.clock.sleep(Math.ceil(wait));
    }
    this.starts.push(this.clock.now());
  }
}

export class DailyLimitError extends Error {
  /** Ends the run at once (see stopsRun in lib/services/side-effect-ledger.ts). */
  readonly stopsRun = true;
  constructor(readonly operation: string, readonly resumeAfter: Date) {
    super(`HubSpot's daily API limit is used up (during "${operation}"). Resume after ${resumeAfter.toISOString()} (the limit resets at midnight in the portal's time zone).`);
    this.name = 'DailyLimitError';
  }
}

export interface RetryPolicy {
  /** Attempts for one call, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, baseDelayMs: 250, maxDelayMs: 8000 };

export interface CallStats { calls: number; retries: number; throttled: number }

/** The next UTC midnight: when a daily limit has reset in every time zone at UTC or east of it. */
export function nextUtcMidnight(nowMs: number): Date {
  const day = 86_400_000;
  return new Date(Math.floor(nowMs / day) * day + day);
}

/**
 * Wraps each HubSpot call: waits for the pacer (searches have their own, 5/s), counts it, retries
 * what is safe to retry. `operation` names the call; names starting with "create " are not idempotent.
 */
export function createPacedCaller(pacer: Pacer, searchPacer: Pacer, stats: CallStats, policy: RetryPolicy = DEFAULT_RETRY, clock: PacerClock = realClock) {
  return async function paced<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    const idempotent = !operation.startsWith('create ');
    const lane = operation.startsWith('search ') ? searchPacer : pacer;
    for (let attempt = 1; ; attempt++) {
      await lane.acquire();
      stats.calls += 1;
      try {
        return await fn();
      } catch (error) {
        const delay = retryDelay(error, idempotent, attempt, policy, lane.rate);
        if (delay === 'daily') throw new DailyLimitError(operation, nextUtcMidnight(clock.now()));
        if (delay === null) throw error;
        if (error instanceof RateLimitError) { stats.throttled += 1; lane.pause(delay); }
        stats.retries += 1;
        await clock.sleep(delay);
      }
    }
  };
}

/** Milliseconds to wait before trying again, 'daily' to stop the run, or null to give up now. */
export function retryDelay(error: unknown, idempotent: boolean, attempt: number, policy: RetryPolicy, rate: Rate): number | 'daily' | null {
  if (error instanceof RateLimitError) {
    if (/daily/i.test(`${error.policyName ?? ''} ${error.message}`)) return 'daily';
    // Refused before anything happened: safe to repeat even for a create. Wait a slot's worth, growing.
    return attempt < policy.attempts * 2 ? Math.min(policy.maxDelayMs, Math.ceil(rate.intervalMs / rate.max) * 2 ** Math.min(attempt, 6)) : null;
  }
  if (attempt >= policy.attempts || !idempotent || !(error instanceof CrmError)) return null;
  const transient = error.category === 'TIMEOUT' || error.status === undefined || error.status >= 500;
  if (!transient) return null;
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(backoff / 2 + Math.random() * (backoff / 2)); // jitter: retries of parallel calls spread out
}
