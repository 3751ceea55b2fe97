import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHeadCount } from '../../../lib/core/normalize/head-count.ts';

describe('parseHeadCount', () => {
  it.each([
    ['1200', 1200, 'number'], [1200, 1200, 'number'], ['1,200', 1200, 'number'], ['1.200', 1200, 'number'], ['1 200', 1200, 'number'],
    ['1\u00a0200', 1200, 'number'], ['1\u202f200', 1200, 'number'], ['1’200', 1200, 'number'], ["1'200", 1200, 'number'],
    ['1.200.000', 1_200_000, 'number'], ['12,500', 12_500, 'number'], ['1,5k', 1500, 'number'], ['2K', 2000, 'number'],
    ['250 employees', 250, 'number'], ['80 Mitarbeiter', 80, 'number'], ['1.5', 2, 'number'], ['  42 ', 42, 'number'],
    // HubSpot's contact range picklist: midpoint for closed ranges, lower bound for open ones.
    ['1-5', 3, 'range'], ['5-25', 15, 'range'], ['25-50', 38, 'range'], ['100-500', 300, 'range'], ['1000-5000', 3000, 'range'],
    ['5000-10000', 7500, 'range'], ['1,001 - 5,000', 3001, 'range'], ['1.000–5.000', 3000, 'range'], ['100 to 500', 300, 'range'],
    ['10001+', 10_001, 'open_range'], ['10000+', 10_000, 'open_range'], ['10,000+', 10_000, 'open_range'], ['> 500', 500, 'open_range'],
    ['more than 50', 50, 'open_range'],
  ] as const)('%j → %i (%s)', (input, employees, form) => {
    expect(parseHeadCount(input)).toEqual({ employees, form });
  });

  it.each(['', 'n/a', 'unknown', 'abc', '0', '-5', '500-100', '1e6', 'lots', null, undefined, {}, Number.NaN, 0.2, 50_000_000])('%j → null', (input) => {
    expect(parseHeadCount(input)).toBeNull();
  });

  it('never throws and answers a whole count of at least one, or null', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 30 }), fc.double(), fc.anything()), (v) => {
      const r = parseHeadCount(v);
      if (r !== null) {
        expect(Number.isInteger(r.employees)).toBe(true);
        expect(r.employees).toBeGreaterThanOrEqual(1);
      }
    }), { numRuns: 500 });
  });

  it('reads any grouped integer back, whatever the separator', () => {
    fc.assert(fc.property(fc.integer({ min: 1000, max: 9_999_999 }), fc.constantFrom(',', '.', ' ', '\u00a0', '’', "'"), (n, sep) => {
      const text = n.toLocaleString('en-US').replace(/,/g, sep);
      expect(parseHeadCount(text)?.employees).toBe(n);
    }), { numRuns: 300 });
  });
});
