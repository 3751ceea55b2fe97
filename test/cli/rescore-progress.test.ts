// Progress: a bar with rate, ETA and API budget on a terminal, plain periodic lines otherwise.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, progressFigures } from '../../lib/cli/rescore/progress.ts';
import { emptyReport } from '../../lib/services/batch-rescore.ts';

function stream(isTTY: boolean) {
  const s = Object.assign(new PassThrough(), { isTTY, columns: 200, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  let text = '';
  s.on('data', (d: Buffer) => { text += d.toString(); });
  return { s: s as unknown as NodeJS.WriteStream, text: () => text };
}

const rate = { max: 190, intervalMs: 10_000 };

describe('formatDuration', () => {
  it.each([[0, '0s'], [59.4, '59s'], [61, '1m01s'], [3599, '59m59s'], [3661, '1h01m'], [NaN, '?'], [-1, '?']])('%s s → %s', (s, text) => {
    expect(formatDuration(s)).toBe(text);
  });
});

describe('progressFigures', () => {
  it('derives the rate, pace, ETA and budget from the counts', () => {
    const f = progressFigures({ ...emptyReport(), read: 1000 }, { total: 3000, rate, stats: { calls: 38, retries: 0, throttled: 0 }, dailyRemaining: 500_000 }, 2000);
    expect(f.perSecond).toBe(500);
    expect(f.callsPerSecond).toBe(19);
    expect(f.pace).toBe(1);
    expect(f.eta).toBe(4);
    expect(f.budget).toBe("0.01% of today's 500,000");
  });
});

describe('createProgress', () => {
  it('writes a plain line at most every interval when stderr is not a terminal', () => {
    let now = 0;
    const out = stream(false);
    const view = createProgress({ total: 3000, rate, stats: { calls: 38, retries: 0, throttled: 0 }, dailyRemaining: null, stream: out.s, plainEveryMs: 5000, now: () => now });
    now = 1000; view.update({ ...emptyReport(), read: 500 });
    now = 6000; view.update({ ...emptyReport(), read: 1500 });
    now = 7000; view.update({ ...emptyReport(), read: 1600 });
    view.stop();
    expect(out.text()).toBe('rescore: 1500/3000 contacts, 250.0/s, 38 API calls (6.3/s of 19.0/s; daily budget unknown), ETA 6s\n');
  });

  it('draws a bar with contacts, rate, ETA, calls and budget on a terminal', () => {
    let now = 0;
    const out = stream(true);
    const view = createProgress({ total: 3000, rate, stats: { calls: 38, retries: 0, throttled: 0 }, dailyRemaining: 600_000, stream: out.s, now: () => now });
    now = 2000;
    view.update({ ...emptyReport(), read: 1000 });
    view.stop();
    expect(out.text()).toMatch(/1000\/3000 contacts \| 500\.0\/s \| ETA 4s \| 38 calls, 100% of 19\.0\/s \| 0\.01% of today's 600,000/);
  });
});
