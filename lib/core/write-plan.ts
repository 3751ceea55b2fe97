// The write plan: whitelisted properties only, only values that differ from
// what the contact already holds, every value as a HubSpot string.
import type { WritableProperty } from './contract.ts';
import { storedString } from './values.ts';

export type WritePlan = Partial<Record<WritableProperty, string>>;

export function bool(b: boolean): string {
  return b ? 'true' : 'false';
}

/**
 * Adds one value to the plan when it is non-null and differs from `current`, the
 * contact's stored value for that key. The key's type is the whitelist
 * (WritableProperty), so nothing else can be planned. Callers read `current` with a
 * literal key (`props['lead_score']`): each such read keeps its own inline cache,
 * where one keyed read inside this function served all 21 keys megamorphically.
 */
export function planValue(plan: WritePlan, key: WritableProperty, current: unknown, value: string | null): void {
  if (value === null) return;
  if (current === value) return;
  if (current === undefined || current === null) {
    if (value !== '') plan[key] = value;
    return;
  }
  if (storedString(current) !== value) plan[key] = value;
}

export function emptyPlan(): WritePlan {
  return Object.create(null) as WritePlan;
}
