// The write plan: whitelisted properties only, only values that differ from
// what the contact already holds, every value as a HubSpot string.
import type { WritableProperty } from './contract.ts';
import { storedString } from './values.ts';

export type WritePlan = Partial<Record<WritableProperty, string>>;

export function bool(b: boolean): string {
  return b ? 'true' : 'false';
}

/**
 * Keeps `key` in the plan with `value` when it is non-null and differs from
 * `current`, the contact's stored value for that key; otherwise removes it. The
 * key's type is the whitelist (WritableProperty), so nothing else can be planned.
 * Callers read `current` with a literal key (`props['lead_score']`): each such
 * read keeps its own inline cache, where one keyed read inside this function
 * served all 21 keys megamorphically.
 */
export function planValue(plan: WritePlan, key: WritableProperty, current: unknown, value: string | null): void {
  if (value !== null && differs(current, value)) plan[key] = value;
  else delete plan[key];
}

function differs(current: unknown, value: string): boolean {
  if (current === value) return false;
  if (current === undefined || current === null) return value !== '';
  return storedString(current) !== value;
}

/**
 * A plan that starts with every key the pipeline plans, in planning order; planValue
 * then keeps or removes each one, so the plan's keys come out in this order. Like any
 * plan it has a null prototype (a plain hash map to V8). Starting full means its hash
 * table never grows while it fills: half the cost of adding keys one by one to an
 * empty null-prototype object (measured). Every key here must get a planValue call.
 */
export function fullPlan(): WritePlan {
  return {
    __proto__: null,
    intent_score: '', fit_score: '', lead_score: '', routing_tier: '', normalized_company_key: '',
    has_valid_email: '', persona: '', seniority: '', country_code: '', phone: '', enrichment_confidence: '',
    last_enrichment_source: '', content_track: '', confidence_band: '', last_ai_classification_at: '',
    next_best_asset_id: '', lifecyclestage: '', hubspot_owner_id: '', reengagement_status: '', last_decision_reason: '', last_decision_at: '', decision_key: '',
    scoring_version: '',
  } as WritePlan;
}
