// The write plan: whitelisted properties only, only values that differ from
// what the contact already holds, every value as a HubSpot string.
import type { WritableProperty } from './contract.ts';
import type { PropertyMap } from './types.ts';
import { storedString } from './values.ts';

export type WritePlan = Partial<Record<WritableProperty, string>>;

export function bool(b: boolean): string {
  return b ? 'true' : 'false';
}

/**
 * Adds one value to the plan when it is non-null and differs from the stored one.
 * The key's type is the whitelist (WritableProperty), so nothing else can be planned.
 */
export function planValue(plan: WritePlan, stored: PropertyMap, key: WritableProperty, value: string | null): void {
  if (value === null) return;
  const current = stored[key];
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
