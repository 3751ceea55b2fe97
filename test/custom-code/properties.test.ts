// Whatever a workflow maps (strings, numbers, garbage, nothing), the pure actions answer with
// HubSpot output types and a valid tier, and never throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIERS } from '../../lib/core/contract.ts';
import { bundledConfig } from '../../lib/custom-code/bundled-config.ts';
import { COMPANY_INPUTS, CONTACT_INPUTS } from '../../lib/custom-code/inputs.ts';
import { normalizeInputs, NORMALIZE_INPUTS } from '../../lib/custom-code/normalize.ts';
import { scoreAndRoute } from '../../lib/custom-code/score_and_route.ts';
import { assertOutputTypes } from './helpers.ts';

const names = [...Object.keys(CONTACT_INPUTS), ...Object.keys(COMPANY_INPUTS), ...NORMALIZE_INPUTS, 'unrelated'];
const value = fc.oneof(
  fc.string(), fc.constantFrom('', ' ', '12', '-1', '1e3', '1700000000000', '2026-11-30T10:00:00Z', 'ceo@orbitsoft.io', 'CEO', 'Germany'),
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.object({ maxDepth: 1 }), fc.array(fc.string(), { maxLength: 2 }),
);
const event = fc.oneof(
  fc.dictionary(fc.constantFrom(...names), value).map((inputFields) => ({ inputFields, object: { objectId: 1 } })),
  fc.anything(),
);

describe('custom code actions over any event', () => {
  it('score_and_route: a valid tier, HubSpot output types, a reason, never a throw', () => {
    const config = bundledConfig();
    fc.assert(fc.property(event, (e) => {
      const out = scoreAndRoute(e, config, new Date('2026-12-01T00:00:00Z'));
      assertOutputTypes(out);
      expect(TIERS).toContain(out.routing_tier);
      expect(out.last_decision_reason.length).toBeGreaterThan(0);
      expect(out.is_safe_default).toBe(out.reason_code !== 'decided');
    }), { numRuns: 300 });
  });

  it('normalize: HubSpot output types and a reason code, never a throw', () => {
    fc.assert(fc.property(event, (e) => {
      const out = normalizeInputs(e);
      assertOutputTypes(out as unknown as Record<string, unknown>);
      expect(out.reason_code).toMatch(/^[a-z0-9_]+$/);
    }), { numRuns: 300 });
  });
});
