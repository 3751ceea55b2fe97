// The emulator command's compact option strings.
import { describe, expect, it } from 'vitest';
import { parseFaults, parseRateLimit } from '../../local/emulator/cli-options.ts';

describe('--rate-limit', () => {
  it.each([
    ['off', { enabled: false }],
    ['burst=100', { enabled: true, burstPer10s: 100 }],
    ['burst=190,search=5,daily=250000', { enabled: true, burstPer10s: 190, searchPerSecond: 5, daily: 250000 }],
  ])('parses %s', (raw, expected) => {
    expect(parseRateLimit(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['burst=0', 'Bad --rate-limit value: burst must be a whole number of at least 1.'],
    ['speed=3', 'Unknown rate-limit setting "speed=3"; use burst=…,search=…,daily=….'],
  ])('explains what is wrong with %s', (raw, message) => {
    expect(parseRateLimit(raw)).toEqual({ ok: false, message });
  });
});

describe('--faults', () => {
  it('parses every setting', () => {
    expect(parseFaults('error=0.05,latency=100,hang=0.01,seed=1,paths=/search$')).toEqual({
      ok: true, value: { errorRate: 0.05, latencyMs: 100, hangRate: 0.01, seed: 1, paths: '/search$' },
    });
    expect(parseFaults('error=0.1,throttle=0.05')).toEqual({ ok: true, value: { errorRate: 0.1, throttleRate: 0.05 } });
  });

  it.each([
    ['error=2', 'Bad --faults value for error: error, throttle and hang are fractions from 0 to 1, latency is milliseconds, seed a whole number.'],
    ['throttle=1.5', 'Bad --faults value for throttle: error, throttle and hang are fractions from 0 to 1, latency is milliseconds, seed a whole number.'],
    ['paths=(', 'Bad --faults paths: "(" is not a valid regular expression.'],
    ['oops', 'Unknown faults setting "oops"; use error=…,throttle=…,latency=…,hang=…,seed=…,paths=….'],
  ])('explains what is wrong with %s', (raw, message) => {
    expect(parseFaults(raw)).toEqual({ ok: false, message });
  });
});
