import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIERS, WRITABLE_PROPERTIES } from '../../lib/core/contract.ts';
import { stageRank } from '../../lib/core/lifecycle-stages.ts';
import { decide } from '../../lib/core/pipeline.ts';
import type { Decision } from '../../lib/core/types.ts';
import { hostileInput, messyInput } from './arbitraries.ts';
import { NOW, testConfig } from './helpers.ts';

const config = testConfig();
const runs = { numRuns: 300 };
const isScore = (n: number) => Number.isInteger(n) && n >= 0 && n <= 100;

describe('decide (properties)', () => {
  it('never throws, even on inputs that are not inputs', () => {
    fc.assert(fc.property(hostileInput, (input) => {
      const d = decide(input, config, NOW);
      expect(typeof d.decisionKey).toBe('string');
    }), runs);
  });

  it('never throws on messy contacts and never falls back to the safety net', () => {
    fc.assert(fc.property(messyInput, (input) => {
      const d = decide(input, config, NOW);
      expect(d.reasons.some((r) => r.code === 'decide_failed')).toBe(false);
    }), runs);
  });

  it('keeps tiers valid and scores whole numbers in 0–100', () => {
    fc.assert(fc.property(messyInput, (input) => {
      const s = decide(input, config, NOW).score.value;
      expect(TIERS).toContain(s.tier);
      expect([s.intent, s.fit, s.lead].every(isScore)).toBe(true);
    }), runs);
  });

  it('never moves the lifecycle backward, out of a custom stage, or out of "other"', () => {
    fc.assert(fc.property(messyInput, (input) => {
      const d = decide(input, config, NOW);
      const planned = d.writePlan.lifecyclestage;
      if (planned === undefined) return;
      const raw = input.properties['lifecyclestage'];
      const from = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
      expect(stageRank(planned)).toBeGreaterThan(from === '' ? -1 : stageRank(from));
      if (from !== '') expect(stageRank(from)).toBeGreaterThanOrEqual(0);
    }), runs);
  });

  it('writes only whitelisted properties, as strings that differ from the input', () => {
    fc.assert(fc.property(messyInput, (input) => {
      const d = decide(input, config, NOW);
      for (const [k, v] of Object.entries(d.writePlan)) {
        expect(WRITABLE_PROPERTIES).toContain(k);
        expect(typeof v).toBe('string');
        expect(input.properties[k]).not.toBe(v);
      }
      if (d.writePlan.last_decision_reason !== undefined) expect(d.writePlan.last_decision_reason.length).toBeLessThanOrEqual(500);
    }), runs);
  });

  it('gives the same decision and key for the same input', () => {
    fc.assert(fc.property(messyInput, (input) => {
      expect(decide(input, config, NOW)).toEqual(decide(structuredClone(input), config, NOW));
    }), { numRuns: 150 });
  });

  it('deciding again on its own written output gives the same key and writes nothing', () => {
    fc.assert(fc.property(messyInput, (input) => {
      const first = decide(input, config, NOW);
      const second = decide(applied(input, first), config, NOW);
      expect(second.decisionKey).toBe(first.decisionKey);
      expect(second.writePlan).toEqual({});
    }), runs);
  });

  it('only creates tasks for high tier, keyed by the triggering activity', () => {
    fc.assert(fc.property(messyInput, (input) => {
      const d = decide(input, config, NOW);
      for (const e of d.sideEffects) {
        expect(d.score.value.tier).toBe('high');
        expect(e.dedupeKey).toBe(`lead-decisions:${d.id}:${d.notify.value.trigger}`);
        expect(e.dedupeKey).not.toContain(d.decisionKey);
      }
    }), runs);
  });
});

describe('routing through the whole pipeline', () => {
  const contacts = Array.from({ length: 3000 }, (_, i) => ({
    id: `p-${i}`, properties: { country: ['Germany', 'France', 'Japan', 'USA'][i % 4], state: 'NY' }, company: null,
  }));

  it('moves only the contacts of an owner who goes on PTO, and never to that owner', () => {
    fc.assert(fc.property(fc.constantFrom('101', '102', '104', '105', '106', '107', '108'), (away) => {
      for (const c of contacts) {
        const before = decide(c, config, NOW).route.value.ownerId;
        const after = decide({ ...c, context: { unavailableOwnerIds: [away] } }, config, NOW).route.value.ownerId;
        if (before === away) expect(after).not.toBe(away);
        else expect(after).toBe(before);
      }
    }), { numRuns: 3 });
  });
});

function applied(input: Parameters<typeof decide>[0], d: Decision): Parameters<typeof decide>[0] {
  const properties: Record<string, unknown> = {};
  for (const k of Object.keys(input.properties)) {
    Object.defineProperty(properties, k, { value: input.properties[k], enumerable: true, writable: true, configurable: true });
  }
  for (const [k, v] of Object.entries(d.writePlan)) properties[k] = v;
  return { ...input, properties };
}

