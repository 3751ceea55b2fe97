// The pacer on a virtual clock: never more than `max` starts in any window of the interval, and
// a long run sustains at least 90% of the limit; the retry policy as a table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPacedCaller, DailyLimitError, nextUtcMidnight, Pacer, retryDelay, type PacerClock } from '../../lib/cli/rescore/pacer.ts';
import { CrmError, RateLimitError } from '../../lib/errors.ts';

/** Time moves only when someone sleeps: the pacer's waits are exact and instant. */
function virtualClock(): PacerClock & { t: number } {
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: async (ms: number) => { clock.t += Math.max(ms, 0); },
  };
  return clock;
}

async function startTimes(rate: { max: number; intervalMs: number }, n: number): Promise<number[]> {
  const clock = virtualClock();
  const pacer = new Pacer(rate, clock);
  const times: number[] = [];
  for (let i = 0; i < n; i++) { await pacer.acquire(); times.push(clock.now()); }
  return times;
}

describe('Pacer', () => {
  it('never starts more than max requests in any rolling window', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 100, max: 20_000 }), fc.integer({ min: 1, max: 300 }), async (max, intervalMs, n) => {
      const times = await startTimes({ max, intervalMs }, n);
      for (let i = max; i < times.length; i++) expect(times[i]! - times[i - max]!).toBeGreaterThanOrEqual(intervalMs);
    }), { numRuns: 60 });
  });

  it.each([[190, 10_000], [100, 10_000], [5, 1000]])('%i per %i ms: sustains at least 90 percent of it over a long run', async (max, intervalMs) => {
    const n = max * 10;
    const times = await startTimes({ max, intervalMs }, n);
    const achieved = n / ((times.at(-1)! - times[0]!) / intervalMs + 1);
    expect(achieved / max).toBeGreaterThanOrEqual(0.9);
  });

  it('holds every start back after a pause (a 429)', async () => {
    const clock = virtualClock();
    const pacer = new Pacer({ max: 100, intervalMs: 1000 }, clock);
    await pacer.acquire();
    pacer.pause(2500);
    await pacer.acquire();
    expect(clock.now()).toBe(2500);
  });

  it('serves callers in order', async () => {
    const clock = virtualClock();
    const pacer = new Pacer({ max: 2, intervalMs: 1000 }, clock);
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4, 5].map((i) => pacer.acquire().then(() => order.push(i))));
    expect(order).toEqual([1, 2, 3, 4, 5]);
  });
});

const rate = { max: 190, intervalMs: 10_000 };
const policy = { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 };
const tenSecondly = new RateLimitError('list contacts', 'You have reached your ten_secondly_rolling limit.', { status: 429, policyName: 'TEN_SECONDLY_ROLLING' });
const daily = new RateLimitError('list contacts', 'You have reached your daily limit.', { status: 429, policyName: 'DAILY' });
const serverError = new CrmError('list contacts', 'Bad gateway', { status: 502 });
const network = new CrmError('list contacts', 'socket hang up');
const timeout = new CrmError('list contacts', 'no answer within 30000 ms', { category: 'TIMEOUT' });
const badRequest = new CrmError('list contacts', 'Property values were not valid', { status: 400 });

describe('retryDelay', () => {
  it.each([
    ['a ten-secondly 429, even for a create', tenSecondly, false, 1, 'wait'],
    ['a daily 429', daily, true, 1, 'daily'],
    ['a 502 on a read', serverError, true, 1, 'wait'],
    ['a network failure on a read', network, true, 2, 'wait'],
    ['a timeout on a read', timeout, true, 1, 'wait'],
    ['a 502 on a create (outcome unknown)', serverError, false, 1, 'give up'],
    ['a 400', badRequest, true, 1, 'give up'],
    ['a 502 after the last attempt', serverError, true, 3, 'give up'],
    ['something not from HubSpot', new Error('bug'), true, 1, 'give up'],
  ])('%s → %s', (_name, error, idempotent, attempt, expected) => {
    const delay = retryDelay(error, idempotent, attempt, policy, rate);
    const kind = delay === 'daily' ? 'daily' : delay === null ? 'give up' : 'wait';
    expect(kind).toBe(expected);
    if (typeof delay === 'number') expect(delay).toBeGreaterThan(0);
  });

  it('backs off exponentially, never past the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((a) => retryDelay(serverError, true, a, { attempts: 10, baseDelayMs: 100, maxDelayMs: 1000 }, rate) as number);
    delays.forEach((d, i) => {
      const full = Math.min(1000, 100 * 2 ** i);
      expect(d).toBeGreaterThanOrEqual(full / 2);
      expect(d).toBeLessThanOrEqual(full);
    });
  });
});

describe('createPacedCaller', () => {
  it('retries a 5xx read, counts every attempt, and stops the run on the daily limit', async () => {
    const clock = virtualClock();
    const stats = { calls: 0, retries: 0, throttled: 0 };
    const paced = createPacedCaller(new Pacer(rate, clock), new Pacer({ max: 4, intervalMs: 1000 }, clock), stats, policy, clock);
    let n = 0;
    await expect(paced('batch read 50 contacts', async () => { if (++n < 3) throw serverError; return 'ok'; })).resolves.toBe('ok');
    expect(stats).toEqual({ calls: 3, retries: 2, throttled: 0 });
    await expect(paced('create 3 tasks', async () => { throw serverError; })).rejects.toBe(serverError);
    const stop = await paced('list contacts', async () => { throw daily; }).catch((e: unknown) => e);
    expect(stop).toBeInstanceOf(DailyLimitError);
    expect((stop as DailyLimitError).resumeAfter.toISOString()).toBe(nextUtcMidnight(clock.now()).toISOString());
  });
});
